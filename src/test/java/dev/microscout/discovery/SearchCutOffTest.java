package dev.microscout.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscout.influencer.Platform;
import dev.microscout.niche.NicheService;
import dev.microscout.support.Fixtures;
import dev.microscout.tier.Tier;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ranked search reads only the candidates whose engagement could still put them in the top k (SearchPlan's
 * cut-off). Here 600 channels of two niche trees of their own, in a country no other test uses, are ranked twice,
 * with the cut-off and with the exact plan that scores every candidate: pages, scores and totals must be the same,
 * and the cut-off must really have left candidates unread.
 */
@QuarkusTest
class SearchCutOffTest {

    private static final int CREATORS = 600;
    /** Peer group thresholds 0.005, 0.006, ... 0.104: a rate r has percentile (r − 0.004) / 0.1, roughly. */
    private static final double[] RATES = new double[100];

    static {
        for (int i = 0; i < RATES.length; i++) {
            RATES[i] = 0.005 + i * 0.001;
        }
    }

    @Inject
    DiscoveryService discovery;
    @Inject
    SearchIndexer indexer;
    @Inject
    NicheService niches;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;

    private String rootA;
    private String rootB;
    private String country;

    @BeforeEach
    void catalogue() throws SQLException {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        rootA = "cut-a-" + suffix;
        rootB = "cut-b-" + suffix;
        for (String root : List.of(rootA, rootB)) {
            Fixtures.post("/api/v1/niches", Map.of("slug", root, "name", "Cut " + root)).statusCode(201);
            Fixtures.post("/api/v1/niches", Map.of("slug", root + "-x", "name", "X " + root, "parent", root)).statusCode(201);
            Fixtures.post("/api/v1/niches", Map.of("slug", root + "-y", "name", "Y " + root, "parent", root)).statusCode(201);
        }
        country = "Z" + (char) ('A' + new Random().nextInt(26));
        List<UUID> ids = new ArrayList<>();
        Random random = new Random(20261123);
        try (Connection c = dataSource.getConnection()) {
            for (int n = 0; n < CREATORS; n++) {
                UUID influencer = UUID.randomUUID();
                UUID channel = UUID.randomUUID();
                ids.add(influencer);
                long followers = 10_000 + random.nextInt(90_000);
                execute(c, "insert into influencer (id, display_name, country, tier, max_followers, created_at, updated_at, version)"
                        + " values (?, ?, ?, 'MICRO', ?, now(), now(), 0)", influencer, "Cut-off creator " + n, country, followers);
                // Niches: mostly one of the four children, some the root alone, a fifth with a second tree.
                String tree = random.nextInt(3) == 0 ? rootB : rootA;
                String slug = switch (random.nextInt(5)) {
                    case 0 -> tree;
                    case 1, 2 -> tree + "-x";
                    default -> tree + "-y";
                };
                execute(c, "insert into influencer_niche (influencer_id, niche_slug, weight) values (?, ?, 1)", influencer, slug);
                if (random.nextInt(5) == 0) {
                    String other = (tree.equals(rootA) ? rootB : rootA) + (random.nextBoolean() ? "-x" : "");
                    execute(c, "insert into influencer_niche (influencer_id, niche_slug, weight) values (?, ?, ?)", influencer, other,
                            0.2 + 0.1 * random.nextInt(7));
                }
                execute(c, "insert into channel (id, influencer_id, platform, handle, followers, tier, created_at, updated_at, version)"
                        + " values (?, ?, 'INSTAGRAM', ?, ?, 'MICRO', now(), now(), 0)", channel, influencer, "cutoff_" + suffix + "_" + n, followers);
                boolean tooSmall = random.nextInt(20) == 0;
                // Rates on a 0.0005 grid, so that ties in engagement rate occur and the channel id decides them.
                double rate = 0.004 + 0.0005 * random.nextInt(200);
                execute(c, "insert into channel_metrics (channel_id, computed_at, window_start, window_end, posts_in_window,"
                        + " sample_too_small, engagement_rate, authenticity, detail) values (?, now(), now() - interval '90 days', now(), ?, ?, ?, ?, '{}')",
                        channel, tooSmall ? 1 : 12, tooSmall, rate, 40 + random.nextInt(61));
                double reputation = 0.2 + 0.05 * random.nextInt(16);
                execute(c, "insert into influencer_reputation (influencer_id, reputation, review_count, bayesian_mean, authenticity, penalty,"
                        + " detail, computed_at) values (?, ?, 0, 3.5, 1, 0, '{}', now())", influencer, reputation);
            }
        }
        QuarkusTransaction.requiringNew().run(() -> ids.forEach(indexer::reindex));
        // The statement reads the peer group's thresholds from peer_baseline: these are the ones the plans get.
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     insert into peer_baseline (platform, tier, channels, median_engagement_rate, exact, sorted_rates, computed_at)
                     values ('INSTAGRAM', 'MICRO', 100, 0.055, true, ?, now())
                     on conflict (platform, tier) do update set sorted_rates = excluded.sorted_rates, computed_at = now()""")) {
            Double[] rates = new Double[RATES.length];
            for (int i = 0; i < RATES.length; i++) {
                rates[i] = RATES[i];
            }
            s.setArray(1, c.createArrayOf("float8", rates));
            s.executeUpdate();
        }
        // As autovacuum would after a load this size: with stale statistics the planner takes other paths.
        try (Connection c = dataSource.getConnection()) {
            execute(c, "analyze search_entry");
        }
    }

    private static void execute(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private SearchPlan.Filters filters(Integer minAuthenticity, Long minFollowers) {
        return new SearchPlan.Filters(List.of(Platform.INSTAGRAM), List.of(Tier.MICRO), List.of(country), List.of(), List.of(),
                minFollowers, null, null, minAuthenticity, null, false, false, null, List.of(), null, Map.of(),
                List.of(), null, List.of(), false);
    }

    private List<SearchPlan.PeerRates> peers() {
        return List.of(new SearchPlan.PeerRates(Platform.INSTAGRAM, Tier.MICRO, RATES));
    }

    @Test
    void theCutOffRanksEveryPageAsTheExactPlanDoes() throws Exception {
        Map<String, Map<String, Double>> briefs = Map.of(
                "one tree, a child niche", Map.of(rootA + "-x", 1.0),
                "one tree, the root", Map.of(rootB, 1.0),
                "two trees", Map.of(rootA + "-y", 1.0, rootB + "-x", 0.5));
        List<ScoreWeights> mixes = List.of(ScoreWeights.WITHOUT_AUDIENCE, new ScoreWeights(0.2, 0.7, 0.1, 0));
        Map<String, List<SearchPlan.RootPart>> plans = new java.util.TreeMap<>();
        briefs.forEach((name, brief) -> plans.put(name, discovery.rootParts(niches.taxonomy(), brief)));
        // Roots past the 63rd have no bit in root_mask: their channels are grouped and counted by id instead.
        plans.put("two trees, roots without a mask bit", plans.get("two trees").stream()
                .map(p -> new SearchPlan.RootPart(p.root(), p.weights(), p.matchesWholeRoot(), 0)).toList());
        int pagesCompared = 0;
        for (Map.Entry<String, List<SearchPlan.RootPart>> brief : plans.entrySet()) {
            List<SearchPlan.RootPart> parts = brief.getValue();
            for (ScoreWeights weights : mixes) {
                for (SearchPlan.Filters f : List.of(filters(50, null), filters(null, 30_000L))) {
                    for (boolean onePerInfluencer : List.of(true, false)) {
                        for (int[] page : new int[][]{{0, 20}, {20, 20}, {0, 100}, {180, 20}}) {
                            int k = Math.max(40, (page[0] + page[1]) * 2);
                            String label = brief.getKey() + ", " + weights + ", " + f.minFollowers() + ", one per influencer "
                                    + onePerInfluencer + ", offset " + page[0] + " size " + page[1];
                            DiscoveryService.Ranked cut = discovery.execute(new SearchPlan(parts, f, peers(), weights, onePerInfluencer,
                                    page[0], page[1], k));
                            DiscoveryService.Ranked exact = discovery.execute(new SearchPlan(parts, f, peers(), weights, onePerInfluencer,
                                    page[0], page[1], Integer.MAX_VALUE));
                            assertEquals(ids(exact), ids(cut), label);
                            assertEquals(scores(exact), scores(cut), label);
                            assertEquals(exact.total(), cut.total(), label);
                            assertTrue(exact.total() > 100, label + ": too few candidates to show anything");
                            pagesCompared++;
                        }
                    }
                }
            }
        }
        assertEquals(4 * 2 * 2 * 2 * 4, pagesCompared);
    }

    @Test
    void theCutOffLeavesMostCandidatesUnread() throws Exception {
        List<SearchPlan.RootPart> parts = discovery.rootParts(niches.taxonomy(), Map.of(rootA + "-x", 1.0));
        SearchPlan plan = new SearchPlan(parts, filters(null, null), peers(), ScoreWeights.WITHOUT_AUDIENCE, true, 0, 20, 40);
        long total = discovery.execute(plan).total();
        // The scan that scores candidates (the one bounded by rank_rate: an index range on a large catalogue, a
        // filter on a table this small) passes on only part of them.
        long scored = scannedRows(plan, "rank_rate >=");
        assertTrue(total >= 300, "candidates: " + total);
        assertTrue(scored <= total * 2 / 3, "scored " + scored + " of " + total + " candidates");
    }

    private long scannedRows(SearchPlan plan, String condition) throws SQLException, java.io.IOException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = dev.microscout.common.sql.Sql.of("explain (analyze, format json) ", plan.statement).prepare(c)) {
            try (ResultSet r = s.executeQuery()) {
                r.next();
                List<JsonNode> scans = new ArrayList<>();
                String explained = r.getString(1);
                collect(json.readTree(explained).get(0).get("Plan"), condition, scans);
                assertEquals(1, scans.size(), "one scan bounded by " + condition + " in " + explained);
                return scans.get(0).get("Actual Rows").asLong();
            }
        }
    }

    private static void collect(JsonNode node, String condition, List<JsonNode> into) {
        if (node.path("Index Cond").asText().contains(condition) || node.path("Filter").asText().contains(condition)) {
            into.add(node);
        }
        node.path("Plans").forEach(child -> collect(child, condition, into));
    }

    private static List<UUID> ids(DiscoveryService.Ranked ranked) {
        return ranked.rows().stream().map(DiscoveryService.Row::channelId).toList();
    }

    private static List<Double> scores(DiscoveryService.Ranked ranked) {
        return ranked.rows().stream().map(DiscoveryService.Row::score).toList();
    }
}
