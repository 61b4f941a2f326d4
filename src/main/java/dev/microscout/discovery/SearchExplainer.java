package dev.microscout.discovery;

import dev.microscout.common.Decimals;
import dev.microscout.discovery.DiscoveryService.Row;
import dev.microscout.discovery.SearchResults.ChannelSummary;
import dev.microscout.discovery.SearchResults.Components;
import dev.microscout.discovery.SearchResults.Contribution;
import dev.microscout.discovery.SearchResults.InfluencerSummary;
import dev.microscout.discovery.SearchResults.RateCardSummary;
import dev.microscout.discovery.SearchResults.SearchResult;
import dev.microscout.influencer.Platform;
import dev.microscout.metrics.PeerBaselineService;
import dev.microscout.niche.NicheFit;
import dev.microscout.niche.NicheTaxonomy;
import dev.microscout.tier.Tier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the explained results of one page from its rows and their details, both read by the ranking statement. */
final class SearchExplainer {

    private final NicheTaxonomy taxonomy;
    private final Map<String, String> nicheNames;
    private final SearchBrief brief;
    private final ScoreWeights weights;
    private final SearchPlan.Filters filters;
    private final int windowDays;

    SearchExplainer(NicheTaxonomy taxonomy, Map<String, String> nicheNames, SearchBrief brief,
                    ScoreWeights weights, SearchPlan.Filters filters, int windowDays) {
        this.taxonomy = taxonomy;
        this.nicheNames = nicheNames;
        this.brief = brief;
        this.weights = weights;
        this.filters = filters;
        this.windowDays = windowDays;
    }

    List<SearchResult> explain(List<Row> rows, int offset, PeerBaselineService baselines) {
        Map<String, Double> briefNiches = new LinkedHashMap<>();
        if (brief.niches() != null) {
            brief.niches().forEach(n -> briefNiches.put(n.niche(), n.weight()));
        }
        List<SearchResult> results = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            DiscoveryService.Details d = row.details();
            List<String> reasons = new ArrayList<>();
            double nicheFit = clamp(row.nicheFit());
            if (!briefNiches.isEmpty()) {
                NicheFit.Match match = new NicheFit(taxonomy).explain(briefNiches, d.niches());
                reasons.add("Niche fit " + two(nicheFit) + ": " + String.join("; ",
                        match.reasons(slug -> nicheNames.getOrDefault(slug, slug)).stream().limit(3).toList()));
            }
            DiscoveryScore.Engagement engagement = DiscoveryScore.engagement(new DiscoveryScore.EngagementFacts(
                    Platform.valueOf(row.platform()), Tier.valueOf(row.tier()), row.engagementRate(),
                    row.sampleTooSmall() || row.engagementRate() == null ? null : row.engagement(),
                    row.sampleTooSmall(), d.postsInWindow(), windowDays));
            reasons.add(engagement.reason());
            reasons.add("Reputation " + two(row.reputation()) + (d.reviewCount() == null || d.reviewCount() == 0
                    ? " (no reviews yet: the prior " + dev.microscout.reputation.ReputationScore.PRIOR_MEAN + " of 5)" : " from " + d.reviewCount() + " review" + (d.reviewCount() == 1 ? "" : "s"))
                    + (row.authenticity() < 100 ? ", authenticity " + row.authenticity() + " of 100" : ""));
            Double audienceFit = null;
            if (filters.audience()) {
                AudienceFit.Match match = AudienceFit.compute(new AudienceFit.Target(filters.audienceCountries(), filters.audienceGender(),
                                filters.audienceAges()),
                        d.audience().get("genderShares"), d.audience().get("ageShares"), d.audience().get("countryShares"));
                audienceFit = clamp(row.audienceFit() == null ? 0 : row.audienceFit());
                reasons.addAll(match.reasons());
            }
            RateCardSummary rateCard = rateCard(row, reasons);
            nearMisses(row, reasons);
            DiscoveryScore.Result score = DiscoveryScore.score(new DiscoveryScore.Components(nicheFit, clamp(row.engagement()),
                    clamp(row.reputation()), audienceFit), weights);
            List<Contribution> contributions = score.contributions().stream()
                    .map(c -> new Contribution(c.component().key(), c.value(), c.weight(), c.contribution())).toList();
            results.add(new SearchResult(offset + i + 1, row.score(),
                    new Components(nicheFit, clamp(row.engagement()), clamp(row.reputation()), audienceFit, contributions),
                    new InfluencerSummary(row.influencerId(), d.displayName(), d.country(), d.city(),
                            d.niches().keySet().stream().sorted().toList(), rateCard),
                    new ChannelSummary(row.channelId(), row.platform(), d.handle(), row.tier(), row.followers(), row.engagementRate(),
                            row.sampleTooSmall() || row.engagementRate() == null ? null : row.engagement(), row.authenticity(),
                            d.postsInWindow(), row.sampleTooSmall()),
                    reasons));
        }
        return results;
    }

    private RateCardSummary rateCard(Row row, List<String> reasons) {
        if (row.ratePrice() == null) {
            if (filters.maxPrice() != null) {
                reasons.add("No rate card: the price is unknown");
            }
            return null;
        }
        if (filters.maxPrice() == null) {
            return new RateCardSummary(row.rateCurrency(), row.ratePrice(), null);
        }
        String target = brief.maxPricePerPost().currency();
        ExchangeRates.Conversion conversion = filters.toBriefCurrency().get(row.rateCurrency());
        if (conversion == null) {
            reasons.add("Rate card " + row.rateCurrency() + " " + money(row.ratePrice()) + " per post: no exchange rate to " + target
                    + " in your organisation's table or the operators' defaults, so it could not be compared");
            return new RateCardSummary(row.rateCurrency(), row.ratePrice(), null);
        }
        BigDecimal converted = row.ratePrice().multiply(conversion.multiplier()).setScale(2, RoundingMode.HALF_UP);
        // The table is named: a brand that keeps its own rates sees which one priced the creator.
        String price = row.rateCurrency().equals(target) ? target + " " + money(row.ratePrice()) + " per post"
                : row.rateCurrency() + " " + money(row.ratePrice()) + " ≈ " + target + " " + money(converted) + " per post (converted at "
                + (ExchangeRates.ORGANISATION.equals(conversion.table()) ? "your organisation's rate " : "the operators' default rate ")
                + conversion.multiplier().stripTrailingZeros().toPlainString() + " " + target + "/" + row.rateCurrency() + ")";
        reasons.add("Rate card " + price + ", within your " + target + " " + money(filters.maxPrice())
                + (converted.compareTo(filters.maxPrice().multiply(new BigDecimal("0.9"))) >= 0 ? " (close to your limit)" : ""));
        return new RateCardSummary(row.rateCurrency(), row.ratePrice(), converted);
    }

    /** Filters the candidate passed by a small margin: worth a look before hiring. */
    private void nearMisses(Row row, List<String> reasons) {
        if (filters.minAuthenticity() != null && row.authenticity() - filters.minAuthenticity() < 10) {
            reasons.add("Authenticity " + row.authenticity() + " is just above your minimum " + filters.minAuthenticity());
        }
        if (filters.minFollowers() != null && row.followers() < filters.minFollowers() * 1.1) {
            reasons.add("Followers " + count(row.followers()) + " are close to your minimum " + count(filters.minFollowers()));
        }
        if (filters.maxFollowers() != null && row.followers() > filters.maxFollowers() * 0.9) {
            reasons.add("Followers " + count(row.followers()) + " are close to your maximum " + count(filters.maxFollowers()));
        }
        if (filters.minEngagementRate() != null && row.engagementRate() != null && row.engagementRate() < filters.minEngagementRate() * 1.1) {
            reasons.add("Engagement rate " + percent(row.engagementRate()) + " is close to your minimum " + percent(filters.minEngagementRate()));
        }
        if (filters.minReputation() != null && row.reputation() < filters.minReputation() + 0.05) {
            reasons.add("Reputation " + two(row.reputation()) + " is close to your minimum " + two(filters.minReputation()));
        }
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

    private static String two(double value) {
        return Decimals.fixed(value, 2);
    }

    private static String percent(double rate) {
        return Decimals.fixed(rate * 100, 1) + " %";
    }

    private static String count(long value) {
        return Decimals.grouped(value);
    }

    private static String money(BigDecimal value) {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}
