package dev.microscout.discovery;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A brief whose filters are all range columns reads its total from the counts kept per range (search_count, V21),
 * not from its rows. Here 300 creators of two niche trees of their own, in a country no other test uses, on two
 * platforms, with authenticity from 0 to 100: each total must equal the number of distinct matching channels counted
 * straight from search_entry, whether the changes behind it are folded or not, after rows are deleted, and in every
 * snapshot while other transactions move rows across a brief's bounds and fold at the same time.
 */
@QuarkusTest
class SearchCountsTest {

    private static final int CREATORS = 300;

    @Inject
    DiscoveryService discovery;
    @Inject
    SearchIndexer indexer;
    @Inject
    SearchCounts counts;
    @Inject
    NicheService niches;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    jakarta.persistence.EntityManager em;

    private String rootA;
    private String rootB;
    private String country;
    private final List<UUID> creators = new ArrayList<>();

    @BeforeEach
    void catalogue() throws SQLException {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        rootA = "count-a-" + suffix;
        rootB = "count-b-" + suffix;
        for (String root : List.of(rootA, rootB)) {
            Fixtures.post("/api/v1/niches", Map.of("slug", root, "name", "Count " + root)).statusCode(201);
            Fixtures.post("/api/v1/niches", Map.of("slug", root + "-x", "name", "X " + root, "parent", root)).statusCode(201);
        }
        country = "Y" + (char) ('A' + new Random().nextInt(26));
        creators.clear();
        Random random = new Random(20261202);
        try (Connection c = dataSource.getConnection()) {
            for (int n = 0; n < CREATORS; n++) {
                UUID influencer = UUID.randomUUID();
                creators.add(influencer);
                execute(c, "insert into influencer (id, display_name, country, tier, max_followers, created_at, updated_at, version)"
                        + " values (?, ?, ?, 'MICRO', 50000, now(), now(), 0)", influencer, "Counted creator " + n, country);
                // A third under tree A alone, a third under B alone, a third under both.
                int trees = n % 3;
                if (trees != 1) {
                    execute(c, "insert into influencer_niche (influencer_id, niche_slug, weight) values (?, ?, 1)", influencer, rootA + "-x");
                }
                if (trees != 0) {
                    execute(c, "insert into influencer_niche (influencer_id, niche_slug, weight) values (?, ?, 0.5)", influencer, rootB);
                }
                // One or two channels; authenticity 0, 1, …, 100 in turn, so that every level has rows at it.
                for (int ch = 0; ch < 1 + n % 2; ch++) {
                    UUID channel = UUID.randomUUID();
                    String platform = ch == 0 ? "INSTAGRAM" : "TIKTOK";
                    String tier = random.nextInt(4) == 0 ? "NANO" : "MICRO";
                    execute(c, "insert into channel (id, influencer_id, platform, handle, followers, tier, created_at, updated_at, version)"
                            + " values (?, ?, ?, ?, 50000, ?, now(), now(), 0)", channel, influencer, platform, "counted_" + suffix + "_" + n + "_" + ch, tier);
                    execute(c, "insert into channel_metrics (channel_id, computed_at, window_start, window_end, posts_in_window,"
                            + " sample_too_small, engagement_rate, authenticity, detail) values (?, now(), now() - interval '90 days', now(), 12, false, 0.03, ?, '{}')",
                            channel, (n * 2 + ch) % 101);
                }
            }
        }
        QuarkusTransaction.requiringNew().run(() -> creators.forEach(indexer::reindex));
    }

    private static void execute(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    /** A brief: its niches and its filters, the counting ones only. */
    private record Brief(String name, Map<String, Double> niches, List<Platform> platforms, List<Tier> tiers, Integer minAuthenticity) {
    }

    private List<Brief> briefs() {
        List<Brief> briefs = new ArrayList<>();
        for (Integer level : new Integer[]{null, 0, 1, 50, 99, 100}) {
            briefs.add(new Brief("tree A", Map.of(rootA, 1.0), List.of(), List.of(Tier.MICRO), level));
            briefs.add(new Brief("tree B on Instagram", Map.of(rootB, 1.0), List.of(Platform.INSTAGRAM), List.of(Tier.MICRO, Tier.NANO), level));
            briefs.add(new Brief("both trees", orderedNiches(rootB, rootA), List.of(), List.of(Tier.MICRO, Tier.NANO), level));
            briefs.add(new Brief("no niche", Map.of(), List.of(Platform.TIKTOK, Platform.INSTAGRAM), List.of(Tier.MICRO), level));
        }
        return briefs;
    }

    private static Map<String, Double> orderedNiches(String first, String second) {
        Map<String, Double> niches = new LinkedHashMap<>();
        niches.put(first, 1.0);
        niches.put(second, 1.0);
        return niches;
    }

    private SearchPlan plan(Brief brief, Long minFollowers) {
        SearchPlan.Filters f = new SearchPlan.Filters(brief.platforms(), brief.tiers(), List.of(country), List.of(), List.of(),
                minFollowers, null, null, brief.minAuthenticity(), null, false, false, null, List.of(), null, Map.of(),
                List.of(), null, List.of(), false);
        return new SearchPlan(discovery.rootParts(niches.taxonomy(), brief.niches()), f, List.of(), ScoreWeights.WITHOUT_AUDIENCE,
                true, 0, 20, 40);
    }

    /** The brief's matching channels, counted from search_entry itself, each channel once. */
    private long counted(Brief brief) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return counted(c, brief);
        }
    }

    private long counted(Connection c, Brief brief) throws SQLException {
        List<String> roots = brief.niches().isEmpty() ? List.of(SearchIndexer.ALL_NICHES)
                : brief.niches().keySet().stream().map(slug -> niches.taxonomy().root(slug)).distinct().toList();
        List<String> platforms = (brief.platforms().isEmpty() ? List.of(Platform.values()) : brief.platforms()).stream().map(Enum::name).toList();
        try (PreparedStatement s = c.prepareStatement("""
                     select count(distinct channel_id) from search_entry
                      where root_niche = any(?) and platform = any(?) and tier = any(?) and country = ? and authenticity >= ?""")) {
            s.setArray(1, c.createArrayOf("varchar", roots.toArray()));
            s.setArray(2, c.createArrayOf("varchar", platforms.toArray()));
            s.setArray(3, c.createArrayOf("varchar", brief.tiers().stream().map(Enum::name).toArray()));
            s.setString(4, country);
            s.setInt(5, brief.minAuthenticity() == null ? 0 : brief.minAuthenticity());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Rows of this test's country in a table with a country column: search_entry, or the changes not folded. */
    private long rowsOfCountry(String table) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from " + table + " where country = ?")) {
            s.setString(1, country);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private void assertTotals(String when) throws SQLException {
        for (Brief brief : briefs()) {
            String label = when + ": " + brief.name() + ", authenticity ≥ " + brief.minAuthenticity();
            long expected = counted(brief);
            assertTrue(expected > 0 || Integer.valueOf(100).equals(brief.minAuthenticity()), label + ": no matching channel to count");
            assertEquals(expected, discovery.execute(plan(brief, null)).total(), label);
        }
    }

    @Test
    void totalsOfRangeBriefsComeFromTheCountsAndOthersFromTheirRows() {
        for (Brief brief : briefs()) {
            String text = plan(brief, null).statement.text();
            // A channel of several trees counts under the first of the brief's that it has: only its rows tell.
            assertEquals(brief.niches().size() < 2, text.contains("from search_count c where"), brief.name() + ": " + text);
            // A follower bound is no range column: its total counts the brief's rows.
            assertFalse(plan(brief, 30_000L).statement.text().contains("search_count"), brief.name() + " counts its rows");
        }
    }

    @Test
    void totalsAreExactWhetherTheChangesAreFoldedOrNot() throws SQLException {
        // The test profile folds only when told to: the creators' rows are all still changes here.
        assertTrue(rowsOfCountry("search_count_change") > 0, "the writes left changes to fold");
        assertTotals("unfolded");
        assertTrue(counts.fold() > 0);
        assertEquals(0, rowsOfCountry("search_count_change"));
        assertTotals("folded");

        // A channel's rows deleted, a creator's rewritten: changes on top of folded counts, then folded in turn.
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from search_entry where channel_id = "
                     + "(select id from channel where influencer_id = ? and platform = 'TIKTOK')")) {
            s.setObject(1, creators.get(5));
            assertEquals(3, s.executeUpdate(), "a creator of both trees has a row under each and one under '*'");
        }
        QuarkusTransaction.requiringNew().run(() -> indexer.reindex(creators.subList(0, 40)));
        assertTotals("after a delete and a rewrite");
        counts.fold();
        assertTotals("folded again");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) filter (where at_least[1] <= 0), sum(at_least[1]) from search_count where country = ?")) {
            s.setString(1, country);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(0, r.getLong(1), "a range left empty has no row, and no range counts less than nothing");
                assertEquals(rowsOfCountry("search_entry"), r.getLong(2), "the folded counts add up to the country's rows");
            }
        }
    }

    @Test
    void aRangeWhoseLevelsAreNotAllEmptyKeepsItsCounts() throws SQLException {
        // Folds take changes by row address, not age: a channel's move from authenticity 10 to 50 (its removal at 10,
        // its arrival at 50) can be folded before its first arrival at 10. After that fold the range counts 0 rows at
        // level 0 but 1 from level 11 to 50; the later fold of the first arrival must find those levels still there.
        String range = "fold-order-" + UUID.randomUUID().toString().substring(0, 8);
        changes(range, new int[][]{{10, -1}, {50, 1}});
        counts.fold();
        changes(range, new int[][]{{10, 1}});
        counts.fold();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select at_least[1], at_least[11], at_least[12], at_least[51], at_least[52] from search_count"
                     + " where root_niche = ?")) {
            s.setString(1, range);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "the range is counted");
                // One channel, now at authenticity 50: counted at every level up to 50, at none above.
                assertEquals(List.of(1, 1, 1, 1, 0), List.of(r.getInt(1), r.getInt(2), r.getInt(3), r.getInt(4), r.getInt(5)));
            }
        }
    }

    /** Change rows of one range (Instagram, micro, this test's country): {authenticity, delta} each. */
    private void changes(String range, int[][] changes) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into search_count_change (root_niche, platform, tier, country, authenticity, delta)"
                     + " values (?, 'INSTAGRAM', 'MICRO', ?, ?, ?)")) {
            for (int[] change : changes) {
                s.setString(1, range);
                s.setString(2, country);
                s.setInt(3, change[0]);
                s.setInt(4, change[1]);
                s.executeUpdate();
            }
        }
    }

    @Test
    void aTotalIsExactInEverySnapshotWhileOthersWriteAndFold() throws Exception {
        Brief brief = new Brief("tree B", Map.of(rootB, 1.0), List.of(), List.of(Tier.MICRO, Tier.NANO), 30);
        assertTrue(plan(brief, null).statement.text().contains("from search_count c where"));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicBoolean running = new AtomicBoolean(true);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int first = w;
                workers.add(pool.submit(() -> {
                    Random random = new Random(first);
                    while (running.get()) {
                        // Each writer its own creators (the write path locks a creator before rewriting its rows); a
                        // creator's channels move across the brief's authenticity bound, so the total moves too.
                        UUID creator = creators.get(2 * random.nextInt(CREATORS / 2) + first);
                        io.quarkus.arc.ManagedContext request = io.quarkus.arc.Arc.container().requestContext();
                        request.activate();
                        try {
                            QuarkusTransaction.requiringNew().run(() -> {
                                em.createNativeQuery("update channel_metrics set authenticity = case when authenticity >= 30 then 10 else 60 end"
                                        + " where channel_id in (select id from channel where influencer_id = ?1)").setParameter(1, creator).executeUpdate();
                                indexer.reindex(creator);
                            });
                        } finally {
                            request.terminate();
                        }
                    }
                    return null;
                }));
            }
            workers.add(pool.submit(() -> {
                while (running.get()) {
                    counts.fold();
                }
                return null;
            }));
            // The rows counted and the search's total, both in one snapshot: they must agree in every one.
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                for (int i = 0; i < 80; i++) {
                    long expected = counted(c, brief);
                    long total;
                    try (PreparedStatement s = plan(brief, null).statement.prepare(c); ResultSet r = s.executeQuery()) {
                        assertTrue(r.next(), "a page of results");
                        total = r.getLong("total");
                    }
                    c.commit();
                    assertEquals(expected, total, "snapshot " + i + ", while rows are rewritten and folded");
                }
            }
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get(30, TimeUnit.SECONDS);
            }
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
        assertTotals("after the writers and the folds");
    }
}
