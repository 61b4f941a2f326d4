package dev.microscout.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscout.common.Decimals;
import dev.microscout.common.NotFound;
import dev.microscout.discovery.LookalikeResults.LookalikeComponents;
import dev.microscout.discovery.LookalikeResults.LookalikeResponse;
import dev.microscout.discovery.LookalikeResults.LookalikeResult;
import dev.microscout.discovery.LookalikeResults.LookalikeWeights;
import dev.microscout.discovery.SearchResults.Contribution;
import dev.microscout.discovery.SearchResults.SearchResult;
import dev.microscout.influencer.Channel;
import dev.microscout.influencer.InfluencerNiche;
import dev.microscout.influencer.NicheWeight;
import dev.microscout.metrics.MetricsConfig;
import dev.microscout.metrics.PeerBaselineService;
import dev.microscout.niche.NicheService;
import dev.microscout.tier.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * "Twenty more like this one": the search's plan and explanations with a similarity score — niche fit to the
 * source creator's niches, nearness in log-followers and audience overlap — on the source's platform.
 */
@ApplicationScoped
public class LookalikeService {

    static final LookalikeWeights WEIGHTS = new LookalikeWeights(0.5, 0.25, 0.25);

    @Inject
    DiscoveryService discovery;
    @Inject
    NicheService niches;
    @Inject
    PeerBaselineService baselines;
    @Inject
    MetricsConfig metricsConfig;
    @Inject
    ObjectMapper json;

    public record Filters(List<Tier> tiers, List<String> countries, Integer minAuthenticity, Double minReputation,
                          boolean excludeIncidents, boolean hasContact) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LookalikeResponse lookalikes(UUID channelId, Filters filters, int page, int pageSize) {
        ResultWindow window = ResultWindow.of(page, pageSize);
        int size = window.fetch();
        Channel source = Channel.findLive(channelId).orElseThrow(() -> new NotFound("Channel", channelId));
        Map<String, Double> sourceNiches = new LinkedHashMap<>();
        for (InfluencerNiche niche : source.influencer.niches) {
            sourceNiches.put(niche.nicheSlug, niche.weight);
        }
        String countryShares = null;
        if (source.audience != null && source.audience.countryShares() != null && !source.audience.countryShares().isEmpty()) {
            try {
                countryShares = json.writeValueAsString(source.audience.countryShares());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        List<Tier> tiers = filters.tiers() == null || filters.tiers().isEmpty() ? List.of(Tier.values()) : filters.tiers();
        SearchPlan.Filters planFilters = new SearchPlan.Filters(List.of(source.platform), tiers,
                filters.countries() == null ? List.of() : filters.countries(), List.of(), List.of(), null, null, null,
                filters.minAuthenticity(), filters.minReputation(), filters.excludeIncidents(), filters.hasContact(), null, List.of(),
                null, Map.of(), List.of(), null, List.of(), false);
        SearchPlan.Similarity similarity = new SearchPlan.Similarity(source.influencer.id, source.followers, countryShares,
                WEIGHTS.nicheFit(), WEIGHTS.followerNearness(), WEIGHTS.audienceOverlap());
        int offset = window.offset();
        var parts = discovery.rootParts(niches.taxonomy(), sourceNiches);
        List<SearchPlan.PeerRates> peers = discovery.peers(List.of(source.platform), tiers);
        DiscoveryService.Ranked ranked = discovery.rank(k -> new SearchPlan(parts, planFilters, peers, ScoreWeights.WITHOUT_AUDIENCE,
                true, offset, size, k, similarity), true, offset, size);
        List<NicheWeight> briefNiches = sourceNiches.entrySet().stream().map(e -> new NicheWeight(e.getKey(), e.getValue())).toList();
        SearchBrief brief = new SearchBrief(briefNiches, null, null, tiers, List.of(source.platform), null, null, null, null, null,
                null, null, null, null, null, null, null, true, page, pageSize);
        List<SearchResult> explained = new SearchExplainer(niches.taxonomy(), niches.names(), brief,
                ScoreWeights.WITHOUT_AUDIENCE, planFilters, metricsConfig.window().days()).explain(ranked.rows(), offset, baselines);
        List<LookalikeResult> results = new ArrayList<>();
        for (int i = 0; i < ranked.rows().size(); i++) {
            DiscoveryService.Row row = ranked.rows().get(i);
            SearchResult base = explained.get(i);
            double nicheFit = base.components().nicheFit();
            double nearness = row.nearness() == null ? 0 : row.nearness();
            Double overlap = row.overlap();
            List<String> reasons = new ArrayList<>();
            reasons.add("Followers " + Decimals.grouped(row.followers()) + " against " + Decimals.grouped(source.followers)
                    + ": nearness " + Decimals.fixed(nearness, 2));
            reasons.add(overlap == null ? "No audience data by country to compare: audience overlap counts 0"
                    : "Audience overlap " + Decimals.fixed(overlap, 2) + " by country");
            reasons.addAll(base.reasons());
            List<Contribution> contributions = List.of(
                    new Contribution("nicheFit", nicheFit, WEIGHTS.nicheFit(), WEIGHTS.nicheFit() * nicheFit),
                    new Contribution("followerNearness", nearness, WEIGHTS.followerNearness(), WEIGHTS.followerNearness() * nearness),
                    new Contribution("audienceOverlap", overlap == null ? 0 : overlap, WEIGHTS.audienceOverlap(),
                            WEIGHTS.audienceOverlap() * (overlap == null ? 0 : overlap)));
            results.add(new LookalikeResult(base.rank(), row.score(), new LookalikeComponents(nicheFit, nearness, overlap, contributions),
                    base.influencer(), base.channel(), reasons));
        }
        return new LookalikeResponse(channelId, ranked.total(), page, pageSize, WEIGHTS, results);
    }
}
