package dev.microscout.discovery;

import dev.microscout.influencer.Platform;
import dev.microscout.tier.Tier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A validated brief turned into the one SQL statement that ranks it. The statement follows the design
 * measured in shared/perf/FLOOR.md: per top-level niche, one index-only range scan of search_entry_scan
 * (root_niche, platform, tier, country, authenticity INCLUDE scoring columns); inline arithmetic for niche
 * fit (the creator's unit vector is laid out by niche position, so the dot product with the brief uses
 * constant subscripts) and for the percentile (width_bucket over the peer group's sorted rates, passed as a
 * constant); top-k in the database before one result per influencer.
 */
final class SearchPlan {

    /** The brief's unit niche vector within one root: niche position → weight. */
    record RootPart(String root, Map<Integer, Double> weights) {
    }

    /** Thresholds of one peer group, as stored in peer_baseline.sorted_rates. */
    record PeerRates(Platform platform, Tier tier, double[] rates) {
    }

    record Filters(List<Platform> platforms, List<Tier> tiers, List<String> countries, List<String> cities, List<String> languages,
                   Long minFollowers, Long maxFollowers, Double minEngagementRate, Integer minAuthenticity, Double minReputation,
                   boolean excludeIncidents, boolean hasContact, String keywords, List<String> excludeKeywords,
                   BigDecimal maxPrice, Map<String, BigDecimal> toBriefCurrency,
                   List<String> audienceCountries, String audienceGender, List<String> audienceAges, boolean audience) {
    }

    /**
     * Lookalike mode: instead of engagement, reputation and audience fit, the score adds nearness in
     * log-followers (1 at the same count, 0 at ten times more or less) and audience overlap (Σ over countries of
     * the smaller of the two shares), and the source creator is left out.
     */
    record Similarity(java.util.UUID excludeInfluencer, long followers, String countrySharesJson,
                      double nicheWeight, double followersWeight, double audienceWeight) {
    }

    final String sql;
    private final Similarity similarity;
    private final List<RootPart> parts;
    private final Filters filters;
    private final List<PeerRates> peers;
    private final ScoreWeights weights;
    private final boolean onePerInfluencer;
    final int offset;
    private final int k;
    final List<Object> parameters = new ArrayList<>();

    /**
     * @param parts    empty when the brief names no niche: then the '*' rows are scanned and niche fit is 0
     * @param k        rows kept before one-per-influencer; Integer.MAX_VALUE for the exact (fallback) plan
     */
    SearchPlan(List<RootPart> parts, Filters f, List<PeerRates> peers, ScoreWeights w, boolean onePerInfluencer,
               int offset, int size, int k) {
        this(parts, f, peers, w, onePerInfluencer, offset, size, k, null);
    }

    SearchPlan(List<RootPart> parts, Filters f, List<PeerRates> peers, ScoreWeights w, boolean onePerInfluencer,
               int offset, int size, int k, Similarity similarity) {
        this.similarity = similarity;
        this.parts = parts;
        this.filters = f;
        this.peers = peers;
        this.weights = w;
        this.onePerInfluencer = onePerInfluencer;
        this.offset = offset;
        this.k = k;
        StringBuilder candidates = new StringBuilder();
        List<RootPart> roots = parts.isEmpty() ? List.of(new RootPart(SearchIndexer.ALL_NICHES, Map.of())) : parts;
        for (int i = 0; i < roots.size(); i++) {
            if (i > 0) {
                candidates.append("\n union all\n");
            }
            candidates.append(rootScan(roots.get(i), f, peers, !parts.isEmpty(), false));
        }
        String merged = roots.size() == 1 ? candidates.toString() : """
                select channel_id, influencer_id, platform, tier, engagement_rate, sample_too_small, reputation, authenticity,
                       followers, rate_currency, rate_price, engagement, audience_fit, nearness, overlap, sum(niche_fit) as niche_fit
                  from (%s) parts
                 group by channel_id, influencer_id, platform, tier, engagement_rate, sample_too_small, reputation, authenticity,
                          followers, rate_currency, rate_price, engagement, audience_fit, nearness, overlap""".formatted(candidates);
        String score = similarity == null
                ? "%s * niche_fit + %s * engagement + %s * reputation + %s * coalesce(audience_fit, 0)"
                        .formatted(w.nicheFit(), w.engagement(), w.reputation(), w.audienceFit())
                : "%s * niche_fit + %s * nearness + %s * coalesce(overlap, 0)"
                        .formatted(similarity.nicheWeight(), similarity.followersWeight(), similarity.audienceWeight());
        String order = "score desc, engagement_rate desc nulls last, channel_id";
        String limitK = k == Integer.MAX_VALUE ? "" : " limit " + k;
        // The total is a second, narrow index-only scan of the same ranges: cheaper than a window count, which
        // would buffer every wide candidate row (measured in bench/RESULTS.md).
        StringBuilder counted = new StringBuilder();
        for (int i = 0; i < roots.size(); i++) {
            if (i > 0) {
                counted.append("\n union\n");
            }
            counted.append(rootScan(roots.get(i), f, peers, !parts.isEmpty(), true));
        }
        String total = "(select count(*) from (" + counted + ") n)";
        if (onePerInfluencer) {
            // Top-k first (a bounded sort), then one row per influencer among those k.
            sql = """
                    with top as (select c.*, %s as score from (%s) c order by %s%s),
                    picked as (select top.*, row_number() over (partition by influencer_id order by %s) as rn from top)
                    select picked.*, %s as total, (select count(*) from top) as kept
                      from picked where rn = 1 order by %s offset %d limit %d"""
                    .formatted(score, merged, order, limitK, order, total, order, offset, size);
        } else {
            sql = """
                    select c.*, %s as score, t.total, 0 as kept
                      from (%s) c cross join (select %s as total) t order by %s offset %d limit %d"""
                    .formatted(score, merged, total, order, offset, size);
        }
    }

    /** The same brief's first row: a page past the end still needs the total, which rides on every row. */
    SearchPlan firstRow() {
        return new SearchPlan(parts, filters, peers, weights, onePerInfluencer, 0, 1, k, similarity);
    }

    private String rootScan(RootPart part, Filters f, List<PeerRates> peers, boolean namedNiches, boolean countOnly) {
        StringBuilder fit = new StringBuilder();
        part.weights().forEach((position, weight) -> {
            if (!fit.isEmpty()) {
                fit.append(" + ");
            }
            // Arrays are 1-based; a position past the end of an older, shorter vector reads null.
            fit.append("coalesce(s.niche_vec[").append(position + 1).append("], 0) * ").append(weight);
        });
        String nicheFit = fit.isEmpty() ? "0::float8" : "(" + fit + ")";
        String engagement = countOnly ? "" : engagementExpression(peers, f.platforms().size() == 1 && f.tiers().size() == 1);
        String audience = f.audience() ? audienceExpression(f) : "null::float8";
        String nearness = similarity == null ? "null::float8"
                : "greatest(0, 1 - abs(ln(greatest(s.followers, 1)) - " + Math.log(Math.max(1, similarity.followers())) + ") / ln(10))";
        String overlap = similarity == null || similarity.countrySharesJson() == null ? "null::float8"
                : "(select sum(least(a.v::float8, coalesce((?::jsonb ->> a.k)::float8, 0))) from jsonb_each_text(ch.audience -> 'countryShares') a(k, v))";
        boolean joinChannel = !countOnly && (f.audience() || similarity != null && similarity.countrySharesJson() != null);
        if (!countOnly && similarity != null && similarity.countrySharesJson() != null) {
            parameters.add(similarity.countrySharesJson());
        }
        StringBuilder where = new StringBuilder(" where s.root_niche = ?");
        parameters.add(part.root());
        if (similarity != null) {
            where.append(" and s.influencer_id <> ?");
            parameters.add(similarity.excludeInfluencer());
        }
        if (!f.platforms().isEmpty()) {
            where.append(" and s.platform = any(?)");
            parameters.add(names(f.platforms()));
        }
        where.append(" and s.tier = any(?)");
        parameters.add(names(f.tiers()));
        if (!f.countries().isEmpty()) {
            where.append(" and s.country = any(?)");
            parameters.add(f.countries().toArray(String[]::new));
        }
        if (f.minAuthenticity() != null) {
            where.append(" and s.authenticity >= ?");
            parameters.add(f.minAuthenticity());
        }
        if (f.minFollowers() != null) {
            where.append(" and s.followers >= ?");
            parameters.add(f.minFollowers());
        }
        if (f.maxFollowers() != null) {
            where.append(" and s.followers <= ?");
            parameters.add(f.maxFollowers());
        }
        if (f.minEngagementRate() != null) {
            where.append(" and s.engagement_rate >= ?");
            parameters.add(f.minEngagementRate());
        }
        if (f.minReputation() != null) {
            where.append(" and s.reputation >= ?");
            parameters.add(f.minReputation());
        }
        if (f.excludeIncidents()) {
            where.append(" and not s.open_incidents");
        }
        if (f.hasContact()) {
            where.append(" and s.has_contact");
        }
        if (!f.cities().isEmpty()) {
            where.append(" and lower(s.city) = any(?)");
            parameters.add(f.cities().stream().map(String::toLowerCase).toArray(String[]::new));
        }
        if (!f.languages().isEmpty()) {
            where.append(" and s.languages && ?::varchar[]");
            parameters.add(f.languages().toArray(String[]::new));
        }
        if (f.maxPrice() != null) {
            // A creator without a rate card, or in a currency without an exchange rate, stays (the reasons say so).
            where.append(" and (s.rate_price is null or ").append(converted(f)).append(" is null or ")
                    .append(converted(f)).append(" <= ").append(f.maxPrice().toPlainString()).append(")");
        }
        if (namedNiches) {
            where.append(" and ").append(nicheFit).append(" > 0");
        }
        if (f.keywords() != null) {
            where.append(" and exists (select 1 from influencer_text t where t.influencer_id = s.influencer_id"
                    + " and t.document @@ websearch_to_tsquery('simple', ?))");
            parameters.add(f.keywords());
        }
        if (!f.excludeKeywords().isEmpty()) {
            where.append(" and not exists (select 1 from influencer_text t where t.influencer_id = s.influencer_id and t.document @@ (");
            for (int i = 0; i < f.excludeKeywords().size(); i++) {
                where.append(i == 0 ? "" : " || ").append("plainto_tsquery('simple', ?)");
                parameters.add(f.excludeKeywords().get(i));
            }
            where.append("))");
        }
        String from = joinChannel ? " from search_entry s join channel ch on ch.id = s.channel_id" : " from search_entry s";
        if (countOnly) {
            return "select s.channel_id" + from + where;
        }
        return """
                select s.channel_id, s.influencer_id, s.platform, s.tier, s.engagement_rate, s.sample_too_small, s.reputation,
                       s.authenticity, s.followers, s.rate_currency, s.rate_price, %s as engagement, %s as audience_fit,
                       %s as nearness, %s as overlap, %s as niche_fit%s%s""".formatted(engagement, audience, nearness, overlap, nicheFit, from, where);
    }

    /** Percentile = share of the peer group below the rate: width_bucket counts the sorted rates ≤ rate·(1 − 1e-12). */
    private String engagementExpression(List<PeerRates> peers, boolean oneGroup) {
        if (peers.isEmpty()) {
            return "0::float8";
        }
        if (oneGroup && peers.size() == 1) {
            // One peer group (the usual brief: one platform, one tier): every candidate belongs to it, no CASE needed.
            return "case when s.sample_too_small then 0 else coalesce(" + bucket(peers.get(0)) + ", 0) end";
        }
        StringBuilder cases = new StringBuilder("case when s.sample_too_small or s.engagement_rate is null then 0");
        for (PeerRates peer : peers) {
            cases.append(" when s.platform = '").append(peer.platform().name()).append("' and s.tier = '").append(peer.tier().name())
                    .append("' then ").append(bucket(peer));
        }
        return cases.append(" else 0 end").toString();
    }

    private String bucket(PeerRates peer) {
        Double[] boxed = new Double[peer.rates().length];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = peer.rates()[i];
        }
        parameters.add(boxed);
        return "width_bucket(s.engagement_rate * (1 - 1e-12), ?::float8[])::float8 / " + peer.rates().length;
    }

    private static String audienceExpression(Filters f) {
        String countries = f.audienceCountries().isEmpty() ? "1" : "coalesce((select sum(v::float8) from jsonb_each_text(ch.audience -> 'countryShares') e(k, v) where k in ("
                + quoted(f.audienceCountries()) + ")), 0)";
        String gender = f.audienceGender() == null ? "1" : "coalesce((ch.audience -> 'genderShares' ->> " + quoted(List.of(f.audienceGender())) + ")::float8, 0)";
        String ages = f.audienceAges().isEmpty() ? "1" : "coalesce((select sum(v::float8) from jsonb_each_text(ch.audience -> 'ageShares') e(k, v) where k in ("
                + quoted(f.audienceAges()) + ")), 0)";
        return "least(1, " + countries + ") * least(1, " + gender + ") * least(1, " + ages + ")";
    }

    private static String converted(Filters f) {
        StringBuilder sql = new StringBuilder("(case s.rate_currency");
        f.toBriefCurrency().forEach((currency, rate) -> sql.append(" when '").append(currency).append("' then s.rate_price * ")
                .append(rate.toPlainString()));
        return sql.append(" end)").toString();
    }

    /** Values spliced into SQL are validated codes (ISO, enum, fixed age ranges): quoting is belt and braces. */
    private static String quoted(List<String> values) {
        return String.join(", ", values.stream().map(v -> "'" + v.replace("'", "''") + "'").toList());
    }

    private static String[] names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toArray(String[]::new);
    }
}
