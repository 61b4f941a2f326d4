package dev.microscout.discovery;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscout.influencer.Platform;
import dev.microscout.niche.NicheTaxonomy;
import dev.microscout.tier.Tier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * The ranked search over a read model split into shards by influencer_id, simulated on one PostgreSQL: for each
 * shard count N, search_entry is copied into N hash partitions (plain tables with search_entry's columns and
 * indexes, in a schema of their own), every brief is ranked on each partition by SearchPlan's own statement
 * (onShard), and the partitions' rows are merged here as a coordinator would merge the shards' answers. The merged
 * pages must equal the pages of the search on the whole search_entry; then each configuration is timed. Run by
 * bench/shard-sim.sh, which starts the database; connection from the PG* environment variables.
 *
 * <p><b>Why the merge is exact.</b> The search's order (score desc, engagement rate desc nulls last, channel id) is
 * a total order, and a channel's score reads only its own row and the peer baselines, which every shard reads from
 * the same (reference) table: a channel scores the same on its shard as in the whole read model. With one result
 * per influencer, the ranked list is each creator's best channel, in that order. The distribution key is
 * influencer_id, so all of a creator's channels (and every row of each channel, one per top-level niche) live on one
 * shard: the creator's best channel on its shard is its best channel overall, and a shard's list is exactly the
 * global list with the other shards' creators taken out, in the same order. So a result at position p of the
 * global list is at a position ≤ p of its shard's list: every result up to the end of the page (offset + size) is
 * among its shard's first offset + size, which is what each shard returns (each shard ranks exactly, with its own
 * probe, cut-off and widening of k, as the whole search does). Merging the shards' lists in the same order and
 * skipping to the page gives the global page. No creator can come from two shards, so the coordinator has nothing
 * left to de-duplicate (checked below). Without one result per influencer the same holds row by row. The total is
 * the sum of the shards' totals: each counts the channels on that shard, and a channel lives on one shard.
 */
public final class ShardSimulation {

    /** The search's order, as PostgreSQL sorts it: a uuid compares as unsigned bytes, which Java's UUID does not. */
    static final Comparator<DiscoveryService.Row> ORDER = Comparator.comparingDouble(DiscoveryService.Row::score).reversed()
            .thenComparing(DiscoveryService.Row::engagementRate, Comparator.nullsLast(Comparator.<Double>reverseOrder()))
            .thenComparing(DiscoveryService.Row::channelId, ShardSimulation::unsigned);

    private record Brief(String name, SearchBrief brief, List<SearchPlan.RootPart> parts, SearchPlan.Filters filters,
                         List<SearchPlan.PeerRates> peers, ScoreWeights weights) {

        IntFunction<SearchPlan> planForK(int offset, int size, boolean onePerInfluencer) {
            return k -> new SearchPlan(parts, filters, peers, weights, onePerInfluencer, offset, size, k);
        }
    }

    private record Timing(String configuration, int searches, double seconds, double p50, double p95) {
    }

    private final List<Connection> connections;
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    private ShardSimulation(List<Connection> connections) {
        this.connections = connections;
    }

    public static void main(String[] args) throws Exception {
        List<Integer> shardCounts = List.of(1, 4, 16);
        Path briefs = Path.of("bench/briefs");
        double seconds = 20;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--shards" -> shardCounts = Stream.of(args[++i].trim().split("[ ,]+")).filter(n -> !n.isEmpty()).map(Integer::valueOf).toList();
                case "--briefs" -> briefs = Path.of(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String url = "jdbc:postgresql://" + env("PGHOST", "localhost") + ":" + env("PGPORT", "5432") + "/" + env("PGDATABASE", "postgres")
                // Every (brief, shard) statement text stays prepared on its connection, at any shard count.
                + "?preparedStatementCacheQueries=2048&preparedStatementCacheSizeMiB=64";
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            connections.add(DriverManager.getConnection(url, env("PGUSER", "postgres"), env("PGPASSWORD", "postgres")));
        }
        ShardSimulation simulation = new ShardSimulation(connections);
        try {
            simulation.run(simulation.briefs(briefs), shardCounts, seconds, keep);
        } finally {
            simulation.pool.shutdownNow();
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    private void run(List<Brief> briefs, List<Integer> shardCounts, double seconds, boolean keep) throws Exception {
        Connection c = connections.get(0);
        System.out.printf("%d briefs; search_entry: %s rows%n", briefs.size(), scalar(c, "select count(*) from search_entry"));
        List<Timing> timings = new ArrayList<>();
        List<String> profiles = new ArrayList<>();
        profiles.add(profile("whole search_entry", briefs, List.of(SearchPlan.READ_MODEL)));
        timings.add(time("whole search_entry, one statement", briefs, seconds, b -> search(b, c, 0)));
        for (int n : shardCounts) {
            String schema = "shard_sim_" + n;
            List<String> shards = split(c, schema, n);
            try {
                check(briefs, shards, n);
                profiles.add(profile(n + " shards", briefs, shards));
                timings.add(time(n + " shards, one after the other", briefs, seconds, b -> sharded(b, shards, 0, false)));
                if (n > 1) {
                    timings.add(time(n + " shards, on 2 connections", briefs, seconds, b -> sharded(b, shards, 0, true)));
                }
            } finally {
                if (!keep) {
                    execute(c, "drop schema " + schema + " cascade");
                }
            }
        }
        System.out.println();
        System.out.println("Where one statement's time goes (EXPLAIN ANALYZE of each brief's first statement, first page, mean over the "
                + "briefs and the shards; the count is the total's CTE):");
        System.out.println("| read model | channels per statement (mean total) | planning ms | execution ms | of which the count ms |");
        System.out.println("|---|---|---|---|---|");
        profiles.forEach(System.out::println);
        System.out.println();
        System.out.println("| configuration | searches | searches/s | p50 ms | p95 ms |");
        System.out.println("|---|---|---|---|---|");
        for (Timing t : timings) {
            System.out.printf("| %s | %d | %.0f | %.1f | %.1f |%n", t.configuration(), t.searches(), t.searches() / t.seconds(), t.p50(), t.p95());
        }
    }

    /**
     * search_entry copied into n hash partitions of influencer_id (PostgreSQL's own hash partitioning decides which
     * rows go where; each partition is then read as a table of its own), each with every index search_entry has,
     * vacuumed so that the scans stay index-only. Returns the partitions' names.
     */
    private static List<String> split(Connection c, String schema, int n) throws SQLException {
        long started = System.nanoTime();
        execute(c, "drop schema if exists " + schema + " cascade");
        execute(c, "create schema " + schema);
        String parent = schema + ".search_entry";
        execute(c, "create table " + parent + " (like public.search_entry including defaults including generated) partition by hash (influencer_id)");
        List<String> shards = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            String shard = parent + "_%02d".formatted(r);
            execute(c, "create table " + shard + " partition of " + parent + " for values with (modulus " + n + ", remainder " + r + ")");
            shards.add(shard);
        }
        List<String> columns = strings(c, "select column_name from information_schema.columns where table_schema = 'public'"
                + " and table_name = 'search_entry' and is_generated = 'NEVER' order by ordinal_position");
        String list = String.join(", ", columns);
        execute(c, "insert into " + parent + " (" + list + ") select " + list + " from public.search_entry");
        List<String[]> indexes = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename = 'search_entry'")) {
            while (r.next()) {
                indexes.add(new String[]{r.getString(1), r.getString(2)});
            }
        }
        for (String shard : shards) {
            String suffix = shard.substring(shard.lastIndexOf('_'));
            for (String[] index : indexes) {
                String own = index[1].replace(" INDEX " + index[0] + " ON public.search_entry ", " INDEX " + index[0] + suffix + " ON " + shard + " ");
                if (own.equals(index[1])) {
                    throw new IllegalStateException("unexpected index definition: " + index[1]);
                }
                execute(c, own);
            }
            execute(c, "vacuum (analyze) " + shard);
        }
        System.out.printf("%n%d shards in %s: rows %s, built in %.0f s%n", n, schema,
                strings(c, "select string_agg(n::text, ' / ' order by t) from (select tableoid::regclass::text as t, count(*) as n from "
                        + parent + " group by 1) x").get(0), (System.nanoTime() - started) / 1e9);
        return shards;
    }

    /** Every brief, pages 1, 2 and 5 with one result per influencer and page 1 without: merged as ranked whole. */
    private void check(List<Brief> briefs, List<String> shards, int n) throws Exception {
        int pages = 0;
        List<String> differing = new ArrayList<>();
        for (Brief b : briefs) {
            for (int[] page : new int[][]{{0, 1}, {20, 1}, {80, 1}, {0, 0}}) {
                boolean one = page[1] == 1;
                DiscoveryService.Ranked whole = rank(b, connections.get(0), page[0], one, SearchPlan.READ_MODEL);
                DiscoveryService.Ranked merged = merge(b, shards, page[0], one, false);
                pages++;
                if (!ids(whole).equals(ids(merged)) || !scores(whole).equals(scores(merged)) || whole.total() != merged.total()) {
                    differing.add(b.name() + " offset " + page[0] + (one ? "" : " all channels"));
                }
            }
        }
        if (!differing.isEmpty()) {
            throw new IllegalStateException(n + " shards: merged pages differ from the whole search's: " + differing);
        }
        System.out.printf("%d shards: the merged pages equal the whole search's for all %d pages (%d briefs × 4)%n", n, pages, briefs.size());
    }

    private DiscoveryService.Ranked search(Brief b, Connection c, int offset) {
        return rank(b, c, offset, true, SearchPlan.READ_MODEL);
    }

    private DiscoveryService.Ranked sharded(Brief b, List<String> shards, int offset, boolean parallel) {
        try {
            return merge(b, shards, offset, true, parallel);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One page ranked on a table: the whole read model at the page's offset, or one shard, which ranks its own best
     * results up to the end of the page (SearchPlan.onShard), k widened as the search widens it.
     */
    private static DiscoveryService.Ranked rank(Brief b, Connection c, int offset, boolean one, String table) {
        int size = b.brief().size() == null ? ResultWindow.DEFAULT_SIZE : b.brief().size();
        Function<SearchPlan, DiscoveryService.Ranked> run = plan -> DiscoveryService.execute(plan, p -> query(c, p));
        if (table.equals(SearchPlan.READ_MODEL)) {
            return DiscoveryService.rank(b.planForK(offset, size, one), run, one, offset, size);
        }
        IntFunction<SearchPlan> onShard = k -> b.planForK(offset, size, one).apply(k).onShard(table);
        return DiscoveryService.rank(onShard, run, one, 0, offset + size);
    }

    /** The coordinator: each shard's best rows up to the end of the page, merged in the search's order. */
    private DiscoveryService.Ranked merge(Brief b, List<String> shards, int offset, boolean one, boolean parallel) throws Exception {
        List<DiscoveryService.Ranked> answers = new ArrayList<>();
        if (parallel) {
            List<Future<List<DiscoveryService.Ranked>>> halves = new ArrayList<>();
            for (int half = 0; half < 2; half++) {
                Connection c = connections.get(half);
                List<String> own = new ArrayList<>();
                for (int i = half; i < shards.size(); i += 2) {
                    own.add(shards.get(i));
                }
                halves.add(pool.submit(() -> own.stream().map(shard -> rank(b, c, offset, one, shard)).toList()));
            }
            for (Future<List<DiscoveryService.Ranked>> half : halves) {
                answers.addAll(half.get());
            }
        } else {
            for (String shard : shards) {
                answers.add(rank(b, connections.get(0), offset, one, shard));
            }
        }
        List<DiscoveryService.Row> rows = new ArrayList<>();
        long total = 0;
        Set<UUID> creators = new HashSet<>();
        for (DiscoveryService.Ranked answer : answers) {
            total += answer.total();
            for (DiscoveryService.Row row : answer.rows()) {
                rows.add(row);
                if (one && !creators.add(row.influencerId())) {
                    throw new IllegalStateException("creator " + row.influencerId() + " answered by two shards: influencer_id is not the key");
                }
            }
        }
        rows.sort(ORDER);
        int size = b.brief().size() == null ? ResultWindow.DEFAULT_SIZE : b.brief().size();
        List<DiscoveryService.Row> page = rows.subList(Math.min(offset, rows.size()), Math.min(offset + size, rows.size()));
        return new DiscoveryService.Ranked(List.copyOf(page), total, rows.size());
    }

    private static DiscoveryService.Ranked query(Connection c, SearchPlan plan) {
        try (PreparedStatement s = plan.statement.prepare(c); ResultSet r = s.executeQuery()) {
            // The explanations' details ride on the rows as in the service; the coordinator does not need them here.
            return DiscoveryService.read(r, row -> null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Planning and execution time of each brief's first statement (k for the first page) on each table, from
     * EXPLAIN ANALYZE, with the time of the total's count: the part of a statement that grows with the candidates
     * whatever the page, where the rest follows the page (the cut-off).
     */
    private String profile(String readModel, List<Brief> briefs, List<String> tables) throws Exception {
        Connection c = connections.get(0);
        ObjectMapper json = new ObjectMapper();
        double planning = 0;
        double execution = 0;
        double count = 0;
        double total = 0;
        int statements = 0;
        for (int round = 0; round < 2; round++) {
            // The first round warms the caches and the driver; the second is measured.
            planning = execution = count = total = statements = 0;
            for (Brief b : briefs) {
                int size = b.brief().size() == null ? ResultWindow.DEFAULT_SIZE : b.brief().size();
                int k = size + Math.max(5, size / 4);
                for (String table : tables) {
                    SearchPlan plan = b.planForK(0, size, true).apply(k).onShard(table);
                    try (PreparedStatement s = dev.microscout.common.sql.Sql.of("explain (analyze, format json) ", plan.statement).prepare(c);
                         ResultSet r = s.executeQuery()) {
                        r.next();
                        com.fasterxml.jackson.databind.JsonNode explained = json.readTree(r.getString(1)).get(0);
                        planning += explained.get("Planning Time").asDouble();
                        execution += explained.get("Execution Time").asDouble();
                        count += cteTime(explained.get("Plan"), "CTE counted");
                    }
                    total += query(c, plan).total();
                    statements++;
                }
            }
        }
        return "| %s | %.0f | %.2f | %.2f | %.2f |".formatted(readModel, total / statements, planning / statements, execution / statements,
                count / statements);
    }

    private static double cteTime(com.fasterxml.jackson.databind.JsonNode node, String name) {
        if (name.equals(node.path("Subplan Name").asText())) {
            return node.get("Actual Total Time").asDouble() * node.path("Actual Loops").asDouble(1);
        }
        double found = 0;
        for (com.fasterxml.jackson.databind.JsonNode child : node.path("Plans")) {
            found += cteTime(child, name);
        }
        return found;
    }

    /**
     * The briefs in turn, one search at a time: searches/s and latency of one search. Five rounds of warm-up first:
     * the JDBC driver prepares a statement on the server at its fifth run, as it does in the service.
     */
    private static Timing time(String configuration, List<Brief> briefs, double seconds, Function<Brief, DiscoveryService.Ranked> search) {
        for (int round = 0; round < 5; round++) {
            for (Brief b : briefs) {
                search.apply(b);
            }
        }
        List<Double> millis = new ArrayList<>();
        long started = System.nanoTime();
        long until = started + (long) (seconds * 1e9);
        for (int i = 0; System.nanoTime() < until; i++) {
            long t = System.nanoTime();
            search.apply(briefs.get(i % briefs.size()));
            millis.add((System.nanoTime() - t) / 1e6);
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        millis.sort(null);
        Timing timing = new Timing(configuration, millis.size(), elapsed, percentile(millis, 0.5), percentile(millis, 0.95));
        System.out.printf("%s: %d searches in %.1f s, %.0f/s, p50 %.1f ms, p95 %.1f ms%n", configuration, timing.searches(), elapsed,
                timing.searches() / elapsed, timing.p50(), timing.p95());
        return timing;
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** The briefs as the service reads them, with the taxonomy and the peer baselines of the database. */
    private List<Brief> briefs(Path dir) throws Exception {
        Connection c = connections.get(0);
        Map<String, String> parentOf = new HashMap<>();
        Map<String, Integer> positions = new HashMap<>();
        Map<String, Long> masks = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select slug, parent_slug, position, root_bit from niche")) {
            while (r.next()) {
                parentOf.put(r.getString(1), r.getString(2));
                positions.put(r.getString(1), r.getInt(3));
                int bit = r.getInt(4);
                masks.put(r.getString(1), r.wasNull() ? 0 : 1L << bit);
            }
        }
        NicheTaxonomy taxonomy = new NicheTaxonomy(parentOf);
        Map<String, double[]> baselines = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select platform, tier, sorted_rates::float8[] from peer_baseline")) {
            while (r.next()) {
                Double[] rates = (Double[]) r.getArray(3).getArray();
                baselines.put(r.getString(1) + "/" + r.getString(2), Arrays.stream(rates).mapToDouble(Double::doubleValue).toArray());
            }
        }
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        List<Brief> briefs = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            SearchBrief brief = json.readValue(file.toFile(), SearchBrief.class);
            if (brief.maxPricePerPost() != null || brief.weights() != null) {
                throw new IllegalArgumentException(file + ": prices and weights are not simulated");
            }
            Map<String, Double> niches = new LinkedHashMap<>();
            if (brief.niches() != null) {
                brief.niches().forEach(n -> niches.putIfAbsent(n.niche(), n.weight()));
            }
            SearchPlan.Filters filters = DiscoveryService.filters(brief, Map.of(), SearchScope.ALL);
            List<SearchPlan.PeerRates> peers = new ArrayList<>();
            for (Platform platform : filters.platforms().isEmpty() ? List.of(Platform.values()) : filters.platforms()) {
                for (Tier tier : filters.tiers()) {
                    double[] rates = baselines.get(platform.name() + "/" + tier.name());
                    if (rates != null) {
                        peers.add(new SearchPlan.PeerRates(platform, tier, rates));
                    }
                }
            }
            briefs.add(new Brief(file.getFileName().toString().replace(".json", ""), brief,
                    DiscoveryService.rootParts(taxonomy, positions, slug -> masks.getOrDefault(slug, 0L), niches), filters, peers,
                    ScoreWeights.resolve(null, brief.audience() != null)));
        }
        return briefs;
    }

    private static int unsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private static List<UUID> ids(DiscoveryService.Ranked ranked) {
        return ranked.rows().stream().map(DiscoveryService.Row::channelId).toList();
    }

    private static List<Double> scores(DiscoveryService.Ranked ranked) {
        return ranked.rows().stream().map(DiscoveryService.Row::score).toList();
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        return strings(c, sql).get(0);
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
