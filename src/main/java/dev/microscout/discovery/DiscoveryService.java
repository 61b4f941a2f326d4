package dev.microscout.discovery;

import dev.microscout.common.FieldError;
import dev.microscout.common.InvalidInput;
import dev.microscout.discovery.SearchResults.AppliedWeights;
import dev.microscout.discovery.SearchResults.SearchResponse;
import dev.microscout.discovery.SearchResults.SearchResult;
import dev.microscout.influencer.Influencer;
import dev.microscout.influencer.Platform;
import dev.microscout.metrics.MetricsConfig;
import dev.microscout.metrics.PeerBaseline;
import dev.microscout.metrics.PeerBaselineService;
import dev.microscout.niche.NicheFit;
import dev.microscout.niche.NicheService;
import dev.microscout.niche.NicheTaxonomy;
import dev.microscout.tier.Tier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

/** Runs a brief: validates it, ranks in one SQL statement, then explains the page it returns. */
@ApplicationScoped
public class DiscoveryService {

    @Inject
    dev.microscout.platform.ReadReplica reads;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;
    @Inject
    NicheService niches;
    @Inject
    PeerBaselineService baselines;
    @Inject
    ExchangeRates exchangeRates;
    @Inject
    MetricsConfig metricsConfig;
    @Inject
    MeterRegistry registry;
    @Inject
    jakarta.enterprise.inject.Instance<LearnedWeights> learnedWeights;

    private Timer timer;

    public SearchResponse search(SearchBrief brief) {
        return search(brief, SearchScope.ALL);
    }

    /** Runs a brief over the creators of a scope (a campaign's recommendations, or the one creator it shortlists). */
    public SearchResponse search(SearchBrief brief, SearchScope scope) {
        Timer.Sample sample = Timer.start(registry);
        try {
            return run(brief, scope);
        } finally {
            sample.stop(timer());
        }
    }

    private Timer timer() {
        if (timer == null) {
            timer = Timer.builder("microscout.discovery.search").description("Ranked searches, from brief to explained page")
                    .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        }
        return timer;
    }

    /**
     * The brief's errors beyond Bean Validation (unknown or repeated niches, a follower range the wrong way round,
     * weights that cannot be normalised), each named by its field under {@code prefix} ("" for a search, "brief."
     * for a campaign's brief). A search answers them as a 400; a campaign refuses a brief that has any.
     */
    public List<FieldError> briefErrors(SearchBrief brief, String prefix) {
        NicheTaxonomy taxonomy = niches.taxonomy();
        List<FieldError> errors = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        if (brief.niches() != null) {
            for (int i = 0; i < brief.niches().size(); i++) {
                String slug = brief.niches().get(i).niche();
                if (!taxonomy.contains(slug)) {
                    errors.add(new FieldError(prefix + "niches[" + i + "].niche", "is not a known niche: \"" + slug + "\" (see GET /api/v1/niches)"));
                } else if (!seen.add(slug)) {
                    errors.add(new FieldError(prefix + "niches[" + i + "].niche", "is listed twice: \"" + slug + "\""));
                }
            }
        }
        if (brief.followers() != null && brief.followers().min() != null && brief.followers().max() != null
                && brief.followers().min() > brief.followers().max()) {
            // Either bound may be the wrong one: both are named, so a client that sent only one of them sees it.
            errors.add(new FieldError(prefix + "followers.min", "must not be greater than followers.max"));
            errors.add(new FieldError(prefix + "followers.max", "must not be less than followers.min"));
        }
        ScoreWeights.check(requested(brief), brief.audience() != null)
                .forEach(e -> errors.add(new FieldError(e.field() == null ? null : prefix + e.field(), e.message())));
        return errors;
    }

    private static ScoreWeights.Requested requested(SearchBrief brief) {
        return brief.weights() == null || brief.weights().learned() ? null : new ScoreWeights.Requested(brief.weights().nicheFit(),
                brief.weights().engagement(), brief.weights().reputation(), brief.weights().audienceFit());
    }

    /**
     * The learned weights for a brief that asks for them: without an audience in the brief, audienceFit's share goes
     * to the others. Null (the defaults) when there is not enough to learn from.
     */
    private ScoreWeights.Requested learned(LearnedWeights.Learned learned, boolean hasAudience) {
        ScoreWeights.Requested w = learned.weights();
        if (w == null) {
            return null;
        }
        ScoreWeights.Requested usable = hasAudience ? w : new ScoreWeights.Requested(w.nicheFit(), w.engagement(), w.reputation(), 0.0);
        return ScoreWeights.check(usable, hasAudience).isEmpty() ? usable : null;
    }

    private SearchResponse run(SearchBrief brief, SearchScope scope) {
        NicheTaxonomy taxonomy = niches.taxonomy();
        List<FieldError> errors = briefErrors(brief, "");
        Map<String, Double> briefNiches = new LinkedHashMap<>();
        if (brief.niches() != null) {
            brief.niches().forEach(n -> briefNiches.putIfAbsent(n.niche(), n.weight()));
        }
        boolean hasAudience = brief.audience() != null;
        ScoreWeights.Requested requested = requested(brief);
        String weightsNote = null;
        if (brief.weights() != null && brief.weights().learned()) {
            LearnedWeights.Learned learned = learnedWeights.isResolvable() ? learnedWeights.get().forCaller()
                    : new LearnedWeights.Learned(null, "No campaigns to learn weights from: the default weights apply");
            requested = learned(learned, hasAudience);
            weightsNote = requested == null && learned.weights() != null
                    ? "The learned weights weigh only audienceFit, which needs an audience in the brief: the default weights apply"
                    : learned.note();
        }
        Map<String, ExchangeRates.Conversion> toBriefCurrency = Map.of();
        if (brief.maxPricePerPost() != null) {
            toBriefCurrency = exchangeRates.toCurrency(brief.maxPricePerPost().currency());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        ScoreWeights weights = ScoreWeights.resolve(requested, hasAudience);

        SearchPlan.Filters filters = filters(brief, toBriefCurrency, scope);
        List<Tier> tiers = filters.tiers();
        List<Platform> platforms = filters.platforms();

        List<SearchPlan.RootPart> parts = rootParts(taxonomy, briefNiches);
        List<SearchPlan.PeerRates> peers = peers(platforms.isEmpty() ? List.of(Platform.values()) : platforms, tiers);
        ResultWindow window = ResultWindow.of(brief.page(), brief.size());
        boolean onePerInfluencer = brief.onePerInfluencer() == null || brief.onePerInfluencer();
        int offset = window.offset();
        int size = window.fetch();
        Ranked ranked = rank(k -> new SearchPlan(parts, filters, peers, weights, onePerInfluencer, offset, size, k),
                onePerInfluencer, offset, size);
        List<SearchResult> results = new SearchExplainer(taxonomy, niches.names(), brief, weights, filters,
                metricsConfig.window().days()).explain(ranked.rows(), offset, baselines);
        return new SearchResponse(ranked.total(), window.page(), window.size(), weightsNote,
                new AppliedWeights(weights.nicheFit(), weights.engagement(), weights.reputation(), weights.audienceFit()), results);
    }

    /**
     * A validated brief's filters, with the defaults applied (tier MICRO; no platform or country named: all of them),
     * the rate cards' conversions into the brief's currency and the creators in scope.
     */
    static SearchPlan.Filters filters(SearchBrief brief, Map<String, ExchangeRates.Conversion> toBriefCurrency, SearchScope scope) {
        String keywords = brief.keywords() == null || brief.keywords().isBlank() ? null : brief.keywords().trim();
        SearchBrief.AudienceTarget audience = brief.audience();
        return new SearchPlan.Filters(orDefault(brief.platforms(), List.of()), orDefault(brief.tiers(), List.of(Tier.MICRO)),
                orDefault(brief.countries(), List.of()),
                orDefault(brief.cities(), List.of()), orDefault(brief.languages(), List.of()),
                brief.followers() == null ? null : brief.followers().min(), brief.followers() == null ? null : brief.followers().max(),
                brief.minEngagementRate(), brief.minAuthenticity(), brief.minReputation(),
                Boolean.TRUE.equals(brief.excludeIncidents()), Boolean.TRUE.equals(brief.hasContact()),
                keywords, orDefault(brief.excludeKeywords(), List.of()),
                brief.maxPricePerPost() == null ? null : brief.maxPricePerPost().amount(), toBriefCurrency,
                audience == null ? List.of() : orDefault(audience.countries(), List.of()),
                audience == null ? null : audience.gender(),
                audience == null ? List.of() : orDefault(audience.ageRanges(), List.of()), audience != null, scope);
    }

    /** The peer groups (platform × tier) that have a baseline: the percentile is looked up in theirs. */
    List<SearchPlan.PeerRates> peers(List<Platform> platforms, List<Tier> tiers) {
        List<SearchPlan.PeerRates> peers = new ArrayList<>();
        for (Platform platform : platforms) {
            for (Tier tier : tiers) {
                PeerBaseline baseline = baselines.of(platform.name(), tier.name());
                if (baseline != null) {
                    peers.add(new SearchPlan.PeerRates(platform, tier, baseline.sortedRates()));
                }
            }
        }
        return peers;
    }

    /**
     * One page, ranked by the plan made for a given k (the rows kept before one per influencer). k is a quarter
     * more than the rows the page reaches (at least 5), room for creators with more than one channel on the
     * brief's platforms; the smaller k, the sooner the scan stops (see SearchPlan). When the best k channels hold
     * too few distinct creators for the page, four times as many are ranked, then as many as could hold the page
     * even if every creator had the most channels a creator may have (never the whole catalogue).
     */
    Ranked rank(IntFunction<SearchPlan> planForK, boolean onePerInfluencer, int offset, int size) {
        return rank(planForK, this::execute, onePerInfluencer, offset, size);
    }

    /** The same, each plan run by {@code execute}. */
    static Ranked rank(IntFunction<SearchPlan> planForK, Function<SearchPlan, Ranked> execute, boolean onePerInfluencer,
                       int offset, int size) {
        int k = offset + size + Math.max(5, size / 4);
        Ranked ranked = execute.apply(planForK.apply(k));
        if (onePerInfluencer && ranked.kept() >= k && ranked.rows().size() < size) {
            int wider = (int) Math.min(Integer.MAX_VALUE, 4L * k);
            ranked = execute.apply(planForK.apply(wider));
            int widest = (offset + size) * Influencer.MAX_CHANNELS;
            if (ranked.kept() >= wider && ranked.rows().size() < size && widest > wider) {
                ranked = execute.apply(planForK.apply(widest));
            }
        }
        return ranked;
    }

    /** The brief's unit vector, split by top-level niche and laid out by niche position. */
    List<SearchPlan.RootPart> rootParts(NicheTaxonomy taxonomy, Map<String, Double> briefNiches) {
        return rootParts(taxonomy, niches.positions(), niches::rootMask, briefNiches);
    }

    /**
     * The same, from the taxonomy as read: each niche's position in its root's vector, and each root's bit in
     * search_entry.root_mask as a mask (0 without one).
     */
    static List<SearchPlan.RootPart> rootParts(NicheTaxonomy taxonomy, Map<String, Integer> positions,
                                               java.util.function.ToLongFunction<String> rootMask, Map<String, Double> briefNiches) {
        if (briefNiches.isEmpty()) {
            return List.of();
        }
        Map<String, TreeMap<Integer, Double>> byRoot = new TreeMap<>();
        new NicheFit(taxonomy).unitVector(briefNiches).forEach((slug, weight) ->
                byRoot.computeIfAbsent(taxonomy.root(slug), r -> new TreeMap<>()).put(positions.get(slug), weight));
        return byRoot.entrySet().stream().map(e -> new SearchPlan.RootPart(e.getKey(), e.getValue(),
                e.getValue().getOrDefault(positions.get(e.getKey()), 0.0) > 0 && withinGrandchildren(taxonomy, e.getKey()),
                rootMask.applyAsLong(e.getKey()))).toList();
    }

    /**
     * Every niche under the root is a child or grandchild, so expansion passes weight up to the root from any of
     * them: every creator with a row under the root carries the root, and a brief that weighs it matches them all.
     */
    private static boolean withinGrandchildren(NicheTaxonomy taxonomy, String root) {
        return taxonomy.subtree(root).stream().allMatch(slug -> taxonomy.depth(slug) <= 2);
    }

    record Row(UUID channelId, UUID influencerId, String platform, String tier, Double engagementRate, boolean sampleTooSmall,
               double reputation, int authenticity, long followers, String rateCurrency, BigDecimal ratePrice,
               double engagement, Double audienceFit, double nicheFit, double score, Double nearness, Double overlap, Details details) {
    }

    /** What the explanations of a result show besides its scores: read by the ranking statement for the page's rows. */
    record Details(String handle, String displayName, String country, String city, Map<String, Double> niches,
                   Map<String, Map<String, Double>> audience, int postsInWindow, Integer reviewCount) {
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Double>> NICHES = new com.fasterxml.jackson.core.type.TypeReference<>() {
    };

    private Details details(ResultSet r) throws SQLException {
        try {
            String niches = r.getString("niches");
            String audience = r.getString("audience");
            int reviews = r.getInt("review_count");
            Integer reviewCount = r.wasNull() ? null : reviews;
            return new Details(r.getString("handle"), r.getString("display_name"), r.getString("country"), r.getString("city"),
                    niches == null ? Map.of() : json.readValue(niches, NICHES),
                    storedAudience(audience), r.getInt("posts_in_window"), reviewCount);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored JSON", e);
        }
    }

    /**
     * A channel's audience as stored: each set that is an object, with its numeric shares. The database checks the
     * shape (V8); anything else still reads as no data, so that no stored row can fail a search.
     */
    private Map<String, Map<String, Double>> storedAudience(String text) throws com.fasterxml.jackson.core.JsonProcessingException {
        Map<String, Map<String, Double>> sets = new java.util.HashMap<>();
        if (text == null) {
            return sets;
        }
        json.readTree(text).fields().forEachRemaining(set -> {
            if (set.getValue().isObject()) {
                Map<String, Double> shares = new java.util.HashMap<>();
                set.getValue().fields().forEachRemaining(share -> {
                    if (share.getValue().isNumber()) {
                        shares.put(share.getKey(), share.getValue().doubleValue());
                    }
                });
                sets.put(set.getKey(), shares);
            }
        });
        return sets;
    }

    record Ranked(List<Row> rows, long total, long kept) {
    }

    private static Double nullable(ResultSet r, String column) throws SQLException {
        double value = r.getDouble(column);
        return r.wasNull() ? null : value;
    }

    Ranked execute(SearchPlan plan) {
        return execute(plan, this::query);
    }

    /** One plan's rows, total and kept count, each statement run by {@code query}. */
    static Ranked execute(SearchPlan plan, Function<SearchPlan, Ranked> query) {
        Ranked ranked = query.apply(plan);
        if (ranked.rows().isEmpty() && plan.offset > 0) {
            // A page past the end carries no row to read the total and the kept count from: the first row has both
            // (the kept count decides whether a wider k could still fill this page).
            Ranked first = query.apply(plan.firstRow());
            return new Ranked(ranked.rows(), first.total(), first.kept());
        }
        return ranked;
    }

    private Ranked query(SearchPlan plan) {
        try {
            // The ranking may lag by the replica's bound: it reads the read model, which is derived anyway.
            return reads.read(c -> {
                try (PreparedStatement s = plan.statement.prepare(c); ResultSet r = s.executeQuery()) {
                    return read(r, this::details);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Search failed", e);
        }
    }

    /** What reads a page row's explanation details. */
    interface DetailsReader {
        Details read(ResultSet r) throws SQLException;
    }

    /** The rows of a ranking statement, with the total and the kept count that ride on each of them. */
    static Ranked read(ResultSet r, DetailsReader details) throws SQLException {
        List<Row> rows = new ArrayList<>();
        long total = 0;
        long kept = 0;
        while (r.next()) {
            double er = r.getDouble("engagement_rate");
            Double rate = r.wasNull() ? null : er;
            double audience = r.getDouble("audience_fit");
            Double audienceFit = r.wasNull() ? null : audience;
            rows.add(new Row(r.getObject("channel_id", UUID.class), r.getObject("influencer_id", UUID.class),
                    r.getString("platform"), r.getString("tier"), rate, r.getBoolean("sample_too_small"),
                    r.getDouble("reputation"), r.getInt("authenticity"), r.getLong("followers"), r.getString("rate_currency"),
                    r.getBigDecimal("rate_price"), r.getDouble("engagement"), audienceFit, r.getDouble("niche_fit"),
                    r.getDouble("score"), nullable(r, "nearness"), nullable(r, "overlap"), details.read(r)));
            total = r.getLong("total");
            kept = r.getLong("kept");
        }
        return new Ranked(rows, total, kept);
    }

    private static <T> List<T> orDefault(List<T> values, List<T> fallback) {
        return values == null || values.isEmpty() ? fallback : values;
    }
}
