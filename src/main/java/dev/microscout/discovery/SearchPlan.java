package dev.microscout.discovery;

import dev.microscout.common.sql.Sql;
import dev.microscout.influencer.Platform;
import dev.microscout.tier.Tier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A validated brief turned into the one SQL statement that ranks it. The statement follows the design
 * measured in shared/perf/FLOOR.md: per top-level niche, one index-only range scan of search_entry_scan
 * (root_niche, platform, tier, country, rank_rate INCLUDE scoring columns); inline arithmetic for niche fit
 * (the creator's unit vector is laid out by niche position, so the dot product with the brief uses constant
 * subscripts) and for the percentile (width_bucket over the peer group's sorted rates, read from peer_baseline
 * once per statement); top-k in the database before one result per influencer; the page's explanation details
 * joined to its rows at the end.
 *
 * <p>The scan stops short of candidates that cannot reach the top k. A probe scores the channels with the
 * highest engagement rates (the index's own order, so it reads only those); the k-th best of them is a score
 * the final top k must reach. No channel can score more than {@code w_nicheFit × reach + w_reputation +
 * w_audienceFit + w_engagement × percentile} (reach: 1, or a root's share of the brief for a channel under that
 * root alone), so every channel whose percentile is too low to reach it, which is every channel below one
 * engagement rate of its peer group, is left out by the index range itself. The result is exact: only channels
 * that could not be in the top k are skipped.
 */
final class SearchPlan {

    /**
     * The brief's unit niche vector within one root: niche position → weight.
     *
     * @param matchesWholeRoot every row under this root has a niche fit above 0 with these weights (the brief
     *                         weighs the root itself, and every niche of the subtree passes weight up to it), so
     *                         the "niche fit above 0" filter can be left out
     * @param mask             the root's bit in search_entry.root_mask, or 0 when it has none
     */
    record RootPart(String root, Map<Integer, Double> weights, boolean matchesWholeRoot, long mask) {

        /**
         * The length of this part of the brief's unit vector: the highest niche fit a channel with rows under this
         * root alone can reach (Cauchy-Schwarz, the channel's vector having length 1). 1 for a one-root brief.
         */
        double reach() {
            return Math.sqrt(weights.values().stream().mapToDouble(v -> v * v).sum());
        }
    }

    /** Thresholds of one peer group, as stored in peer_baseline.sorted_rates. */
    record PeerRates(Platform platform, Tier tier, double[] rates) {
    }

    record Filters(List<Platform> platforms, List<Tier> tiers, List<String> countries, List<String> cities, List<String> languages,
                   Long minFollowers, Long maxFollowers, Double minEngagementRate, Integer minAuthenticity, Double minReputation,
                   boolean excludeIncidents, boolean hasContact, String keywords, List<String> excludeKeywords,
                   BigDecimal maxPrice, Map<String, ExchangeRates.Conversion> toBriefCurrency,
                   List<String> audienceCountries, String audienceGender, List<String> audienceAges, boolean audience,
                   SearchScope scope) {

        Filters(List<Platform> platforms, List<Tier> tiers, List<String> countries, List<String> cities, List<String> languages,
                Long minFollowers, Long maxFollowers, Double minEngagementRate, Integer minAuthenticity, Double minReputation,
                boolean excludeIncidents, boolean hasContact, String keywords, List<String> excludeKeywords,
                BigDecimal maxPrice, Map<String, ExchangeRates.Conversion> toBriefCurrency,
                List<String> audienceCountries, String audienceGender, List<String> audienceAges, boolean audience) {
            this(platforms, tiers, countries, cities, languages, minFollowers, maxFollowers, minEngagementRate, minAuthenticity,
                    minReputation, excludeIncidents, hasContact, keywords, excludeKeywords, maxPrice, toBriefCurrency,
                    audienceCountries, audienceGender, audienceAges, audience, SearchScope.ALL);
        }
    }

    /**
     * Lookalike mode: instead of engagement, reputation and audience fit, the score adds nearness in
     * log-followers (1 at the same count, 0 at ten times more or less) and audience overlap (Σ over countries of
     * the smaller of the two shares), and the source creator is left out.
     */
    record Similarity(java.util.UUID excludeInfluencer, long followers, String countrySharesJson,
                      double nicheWeight, double followersWeight, double audienceWeight) {
    }

    /** One (platform, tier, country) range of one root: the probe reads the top of each in index order. */
    private record Branch(RootPart part, Platform platform, Tier tier, String country) {
    }

    /** The search read model a plan ranks unless it is given another table of the same shape (one shard of it). */
    static final String READ_MODEL = "search_entry";

    /** At most this many ranges are probed; a broader brief is ranked without the cut-off. */
    static final int MAX_PROBED_RANGES = 16;
    /**
     * The probe reads this many times k rows in all, or one in PROBE_SHARE candidates when that is more: enough for
     * its k-th best to come close to the final one, measured on the generated catalogue of bench/.
     */
    static final int PROBE_FACTOR = 10;
    static final int PROBE_SHARE = 16;

    private static final String ORDER = "score desc, engagement_rate desc nulls last, channel_id";
    private static final String CANDIDATE_COLUMNS = "channel_id, influencer_id, platform, tier, engagement_rate, sample_too_small, "
            + "reputation, authenticity, followers, rate_currency, rate_price, engagement, audience_fit, nearness, overlap";

    /** The ranking statement with its values. */
    final Sql statement;
    private final String readModel;
    private final boolean wholeReadModel;
    private final Sql table;
    private final Similarity similarity;
    private final List<RootPart> parts;
    private final Filters filters;
    private final List<PeerRates> peers;
    private final ScoreWeights weights;
    private final boolean onePerInfluencer;
    final int offset;
    final int size;
    private final int k;

    /**
     * @param parts    empty when the brief names no niche: then the '*' rows are scanned and niche fit is 0
     * @param k        rows kept before one-per-influencer; Integer.MAX_VALUE for the exact (fallback) plan
     */
    SearchPlan(List<RootPart> parts, Filters f, List<PeerRates> peers, ScoreWeights w, boolean onePerInfluencer,
               int offset, int size, int k) {
        this(READ_MODEL, true, parts, f, peers, w, onePerInfluencer, offset, size, k, null);
    }

    SearchPlan(List<RootPart> parts, Filters f, List<PeerRates> peers, ScoreWeights w, boolean onePerInfluencer,
               int offset, int size, int k, Similarity similarity) {
        this(READ_MODEL, true, parts, f, peers, w, onePerInfluencer, offset, size, k, similarity);
    }

    /**
     * @param readModel the table the candidates are read from: search_entry, or a table of the same columns and
     *                  indexes holding part of it (a shard: then the plan ranks that part alone, and its total counts
     *                  that part). A plain SQL name, checked as such.
     * @param wholeReadModel whether the plan ranks the whole read model, whose counts per range (search_count) it may
     *                  read its total from; a shard's plan counts its own rows
     */
    private SearchPlan(String readModel, boolean wholeReadModel, List<RootPart> parts, Filters f, List<PeerRates> peers, ScoreWeights w, boolean onePerInfluencer,
               int offset, int size, int k, Similarity similarity) {
        this.readModel = readModel;
        this.wholeReadModel = wholeReadModel;
        this.table = Sql.identifier(readModel);
        this.similarity = similarity;
        this.parts = parts;
        this.filters = f;
        this.peers = peers;
        this.weights = w;
        this.onePerInfluencer = onePerInfluencer;
        this.offset = offset;
        this.size = size;
        this.k = k;
        boolean namedNiches = !parts.isEmpty();
        List<RootPart> roots = namedNiches ? parts : List.of(new RootPart(SearchIndexer.ALL_NICHES, Map.of(), true, 0));

        // Weights, niche weights, thresholds and price limits are bound values (validated codes and exchange rates
        // stay in the text), so that briefs of one shape mostly share one statement text.
        Sql counted = Sql.of("with ", peerRates(), "counted as (select ", total(roots, f, namedNiches), " as total),\n");
        List<Branch> branches = probedRanges(roots, f, w, similarity, k);
        Sql probeAndCut = Sql.EMPTY;
        Sql cutOff = Sql.EMPTY;
        if (branches != null) {
            // The probe reads at least 10·k rows in all, and more in a large range: a sixteenth of the candidates.
            Sql perRange = Sql.of("(select greatest(", Sql.number(Math.max(2 * k, PROBE_FACTOR * k / branches.size())),
                    ", total / ", Sql.number((long) PROBE_SHARE * branches.size()), ") from counted)");
            List<Sql> probes = new ArrayList<>();
            for (Branch branch : branches) {
                probes.add(Sql.of("select channel_id, ", score(w), " as score from (", rootScan(branch.part(), f, namedNiches, false, branch),
                        " order by s.rank_rate desc limit ", perRange, ") b"));
            }
            List<Sql> rates = new ArrayList<>();
            rates.add(Sql.of(cutOffRate(w, 1), " as rate"));
            if (roots.size() > 1 && roots.stream().allMatch(r -> r.mask() != 0)) {
                // A channel under one of the brief's roots alone reaches at most that root's share of niche fit.
                for (int i = 0; i < roots.size(); i++) {
                    rates.add(Sql.of(cutOffRate(w, roots.get(i).reach()), " as rate_", Sql.number(i)));
                }
            }
            // A channel probed under two roots scores at least its better partial score: a lower bound either way.
            probeAndCut = Sql.of(
                    "probe as (select channel_id, max(score) as score from (", Sql.join("\n union all\n", probes), ") p group by channel_id),\n",
                    "cut as (select ", Sql.join(", ", rates), " from (select 1) one left join (select score from probe order by score desc offset ",
                    Sql.number(k - 1L), " limit 1) t on true),\n");
            cutOff = Sql.text(" and s.rank_rate >= (select rate from cut)");
        }
        Sql merged = candidates(roots, f, namedNiches, cutOff);
        Sql ranked;
        Sql page;
        if (onePerInfluencer) {
            // Top-k first (a bounded sort), then one row per influencer among those k.
            ranked = Sql.template("""
                    top as (select c.*, %s as score from (%s) c order by %s%s),
                    picked as (select top.*, row_number() over (partition by influencer_id order by %s) as rn from top),
                    """, score(w), merged, ORDER, k == Integer.MAX_VALUE ? Sql.EMPTY : Sql.of(" limit ", Sql.number(k)), ORDER);
            page = Sql.of("select picked.*, (select total from counted) as total, (select count(*) from top) as kept",
                    " from picked where rn = 1 order by ", ORDER, " offset ", Sql.number(offset), " limit ", Sql.number(size));
        } else {
            ranked = Sql.of("ranked as (select c.*, ", score(w), " as score from (", merged, ") c),\n");
            page = Sql.of("select ranked.*, (select total from counted) as total, 0 as kept from ranked order by ", ORDER,
                    " offset ", Sql.number(offset), " limit ", Sql.number(size));
        }
        // What the explanations show, read for the page's rows alone, in the same statement.
        Sql explained = Sql.template("""
                page as (%s)
                select page.*, d.* from page cross join lateral (
                    select c.handle, %s as audience, i.display_name, i.country, i.city, coalesce(m.posts_in_window, 0) as posts_in_window,
                           (select r.review_count from influencer_reputation r where r.influencer_id = i.id) as review_count,
                           (select json_object_agg(n.niche_slug, n.weight)::text from influencer_niche n where n.influencer_id = i.id) as niches
                      from channel c join influencer i on i.id = c.influencer_id left join channel_metrics m on m.channel_id = c.id
                     where c.id = page.channel_id) d
                 order by %s""", page, f.audience() ? "c.audience::text" : "null::text", ORDER);
        statement = Sql.of(counted, probeAndCut, ranked, explained);
    }

    /**
     * The same brief ranked from another table of the read model's shape (one shard of it), for its first results up
     * to the end of this plan's page, with the same k: a coordinator that merges the shards' rows needs each shard's
     * best rows up to there, since any one shard may hold the whole page.
     */
    SearchPlan onShard(String shardTable) {
        return new SearchPlan(shardTable, false, parts, filters, peers, weights, onePerInfluencer, 0, offset + size, k, similarity);
    }

    /** The same brief's first row: a page past the end still needs the total, which rides on every row. */
    SearchPlan firstRow() {
        return new SearchPlan(readModel, wholeReadModel, parts, filters, peers, weights, onePerInfluencer, 0, 1, k, similarity);
    }

    /**
     * The ranges the probe reads, or null when the brief is ranked without a cut-off: lookalikes, the exact
     * plan, a score without engagement, no peer baseline to turn a percentile into a rate, or a brief whose
     * ranges cannot be listed (no platform or no country named) or are too many.
     */
    private List<Branch> probedRanges(List<RootPart> roots, Filters f, ScoreWeights w, Similarity similarity, int k) {
        boolean rated = peers.stream().anyMatch(p -> p.rates().length > 0);
        if (similarity != null || k == Integer.MAX_VALUE || w.engagement() <= 0 || !rated
                || f.platforms().isEmpty() || f.countries().isEmpty()
                || (long) roots.size() * f.platforms().size() * f.tiers().size() * f.countries().size() > MAX_PROBED_RANGES) {
            return null;
        }
        List<Branch> branches = new ArrayList<>();
        for (RootPart root : roots) {
            for (Platform platform : f.platforms()) {
                for (Tier tier : f.tiers()) {
                    for (String country : f.countries()) {
                        branches.add(new Branch(root, platform, tier, country));
                    }
                }
            }
        }
        return branches;
    }

    /**
     * Every candidate once, with its niche fit summed over the brief's roots. A channel with rows under two of
     * them has a partial fit in each; when every root has a mask bit, only such channels (root_mask shares a bit
     * with the brief's other roots) are grouped, and the rest pass straight through.
     */
    private Sql candidates(List<RootPart> roots, Filters f, boolean namedNiches, Sql cutOff) {
        if (roots.size() == 1) {
            return rootScan(roots.get(0), f, namedNiches, false, null).append(cutOff);
        }
        boolean masked = roots.stream().allMatch(r -> r.mask() != 0);
        List<Sql> alone = new ArrayList<>();
        List<Sql> shared = new ArrayList<>();
        for (int pass = masked ? 0 : 1; pass < 2; pass++) {
            for (int i = 0; i < roots.size(); i++) {
                RootPart root = roots.get(i);
                long others = roots.stream().filter(r -> r != root).mapToLong(RootPart::mask).reduce(0, (a, b) -> a | b);
                Sql ownCutOff = pass == 0 && !cutOff.isEmpty() ? Sql.of(" and s.rank_rate >= (select rate_", Sql.number(i), " from cut)") : cutOff;
                Sql scan = rootScan(root, f, namedNiches, false, null).append(ownCutOff);
                if (masked) {
                    scan = scan.append(" and (s.root_mask & ", Sql.value(others), pass == 0 ? ") = 0" : ") <> 0");
                }
                (pass == 0 ? alone : shared).add(scan);
            }
        }
        alone.add(Sql.of("select ", CANDIDATE_COLUMNS, ", sum(niche_fit) as niche_fit from (", Sql.join("\n union all\n", shared),
                ") parts group by ", CANDIDATE_COLUMNS));
        return Sql.join("\n union all\n", alone);
    }

    /** The score as a weighted sum of the component columns; the weights are bound values. */
    private Sql score(ScoreWeights w) {
        if (similarity == null) {
            return Sql.of(Sql.value(w.nicheFit(), "float8"), " * niche_fit + ", Sql.value(w.engagement(), "float8"), " * engagement + ",
                    Sql.value(w.reputation(), "float8"), " * reputation + ", Sql.value(w.audienceFit(), "float8"), " * coalesce(audience_fit, 0)");
        }
        return Sql.of(Sql.value(similarity.nicheWeight(), "float8"), " * niche_fit + ", Sql.value(similarity.followersWeight(), "float8"),
                " * nearness + ", Sql.value(similarity.audienceWeight(), "float8"), " * coalesce(overlap, 0)");
    }

    /**
     * The lowest engagement rate a channel needs to reach the probe's k-th best score t, or -2 (every rate,
     * the -1 of channels without a usable rate included) when there is no such bound. With every other
     * component at its maximum (1, or nicheReach for niche fit), a channel reaches t only with a percentile
     * p ≥ (t − w_other) / w_engagement;
     * percentile p means at least ⌈p·n⌉ of the group's n sorted rates are at or below its own rate. Groups
     * without a baseline score engagement 0, so a positive p already rules them out. Margins of 1e-9 keep
     * rounding on the side of scanning more.
     */
    private Sql cutOffRate(ScoreWeights w, double nicheReach) {
        List<Sql> bounds = new ArrayList<>();
        for (int group = 0; group < peers.size(); group++) {
            if (peers.get(group).rates().length == 0) {
                continue;
            }
            Sql count = Sql.of("(select count_", Sql.number(group), " from peer_rates)");
            bounds.add(Sql.of("(", rates(group), ")[least(", count, ", greatest(1, ceil(", neededPercentile(w, nicheReach), " * ", count,
                    " - 1e-9)::int))]"));
        }
        // A group whose baseline has gone from the table reads null and drops out of least(); all gone: no bound.
        return Sql.of("case when t.score is null or ", neededPercentile(w, nicheReach), " <= 0 then -2::float8 else coalesce(least(",
                Sql.join(", ", bounds), ") * (1 - 1e-9), -2::float8) end");
    }

    /**
     * (t − w_other) / w_engagement, with t the probe's k-th best score and w_other the most the other components
     * can add (niche fit up to nicheReach): the percentile a channel needs.
     */
    private static Sql neededPercentile(ScoreWeights w, double nicheReach) {
        return Sql.of("(t.score - 1e-9 - ", Sql.value(w.nicheFit() * nicheReach + w.reputation() + w.audienceFit(), "float8"), ") / ",
                Sql.value(w.engagement(), "float8"));
    }

    /**
     * The number of matching channels. One root: a count of its range, from the narrow search_entry_count index
     * when the filters allow. Several roots: a channel is counted under the first of the brief's roots it has
     * (root_mask), which needs every row of a channel to pass or fail alike, true when niche fit is no filter;
     * otherwise the distinct channel ids of all ranges are counted.
     */
    private Sql total(List<RootPart> roots, Filters f, boolean namedNiches) {
        if (countedByRange(roots, f)) {
            return rangeCounts(roots.get(0), f);
        }
        if (roots.size() == 1) {
            return Sql.of("(select count(*) from (", rootScan(roots.get(0), f, namedNiches, true, null), ") n)");
        }
        boolean byFirstRoot = roots.stream().allMatch(r -> r.matchesWholeRoot() && r.mask() != 0);
        List<Sql> counted = new ArrayList<>();
        long earlier = 0;
        for (RootPart root : roots) {
            Sql scan = rootScan(root, f, namedNiches, true, null);
            if (byFirstRoot) {
                Sql notCountedYet = earlier == 0 ? Sql.EMPTY : Sql.of(" and (s.root_mask & ", Sql.value(earlier), ") = 0");
                counted.add(Sql.of("(select count(*) from (", scan, notCountedYet, ") n)"));
            } else {
                counted.add(scan);
            }
            earlier |= root.mask();
        }
        return byFirstRoot ? Sql.of("(", Sql.join("\n + ", counted), ")")
                : Sql.of("(select count(*) from (", Sql.join("\n union\n", counted), ") n)");
    }

    /**
     * Whether the brief's total can be read from the counts kept per range (search_count, V21): the whole read model
     * (not one shard of it), no lookalike, no scope, one top-level niche (or none) whose every row matches, and no
     * filter but the range's own columns (platform, tier, country, authenticity). A brief of several top-level niches
     * counts a channel under the first of them it has, which the counts per range cannot tell: it counts its rows,
     * as does any other brief.
     */
    private boolean countedByRange(List<RootPart> roots, Filters f) {
        // The brief with every filter the counts cannot apply left out, built field by field: a filter added to
        // Filters must be placed here before this compiles. The audience fields and the currencies only score.
        Filters rangeFiltersOnly = new Filters(f.platforms(), f.tiers(), f.countries(), List.of(), List.of(), null, null, null,
                f.minAuthenticity(), null, false, false, null, List.of(), null, f.toBriefCurrency(),
                f.audienceCountries(), f.audienceGender(), f.audienceAges(), f.audience(), SearchScope.ALL);
        return wholeReadModel && similarity == null && f.equals(rangeFiltersOnly) && roots.size() == 1
                && roots.get(0).matchesWholeRoot();
    }

    /**
     * The total from the counts per range: the folded counts at the brief's authenticity level, plus the changes not
     * folded yet. Both are read in the statement's snapshot, in which every change is in exactly one of the two.
     */
    private Sql rangeCounts(RootPart root, Filters f) {
        int level = f.minAuthenticity() == null ? 0 : Math.max(0, Math.min(101, f.minAuthenticity()));
        List<Sql> changed = rangeConditions("d", root, f);
        if (level > 0) {
            changed.add(Sql.of("d.authenticity >= ", Sql.value(level)));
        }
        return Sql.of("((select coalesce(sum(c.at_least[", Sql.value(level + 1), "]), 0) from search_count c where ",
                Sql.and(rangeConditions("c", root, f)), ") + (select coalesce(sum(d.delta), 0) from search_count_change d where ",
                Sql.and(changed), "))");
    }

    /** The brief's ranges in search_count's columns. */
    private List<Sql> rangeConditions(String alias, RootPart root, Filters f) {
        List<Sql> where = new ArrayList<>();
        where.add(Sql.of(Sql.identifier(alias), ".root_niche = ", Sql.value(root.root())));
        where.addAll(rangeFilters(alias, f));
        return where;
    }

    /**
     * The brief's platforms, tiers and countries on the columns of {@code alias}: the same conditions on the read
     * model's rows and on its counts per range.
     */
    private static List<Sql> rangeFilters(String alias, Filters f) {
        Sql a = Sql.identifier(alias);
        List<Sql> where = new ArrayList<>();
        if (!f.platforms().isEmpty()) {
            where.add(oneOf(a, "platform", names(f.platforms())));
        }
        where.add(oneOf(a, "tier", names(f.tiers())));
        if (!f.countries().isEmpty()) {
            where.add(oneOf(a, "country", f.countries().toArray(String[]::new)));
        }
        return where;
    }

    /**
     * A column among the brief's values: by equality when there is one. A prepared statement's generic plan cannot
     * see how many values a bound array holds, and PostgreSQL plans it for many, through the primary key's bitmap;
     * with equality its generic plan is the range scan that a custom plan picks, so after a few runs the statement
     * is no longer planned at each search (1.4–3.7 ms of planning for 2–12 ms of execution at 1,000,000 channels).
     */
    private static Sql oneOf(Sql alias, String column, String[] values) {
        return values.length == 1
                ? Sql.of(alias, "." + column + " = ", Sql.value(values[0]))
                : Sql.of(alias, "." + column + " = any(", Sql.value(values), ")");
    }

    /**
     * One root's candidates: the scoring columns, or only channel_id when counting. A probe branch names one
     * platform, tier and country by equality, so that its rows come in the index's rank_rate order.
     */
    private Sql rootScan(RootPart part, Filters f, boolean namedNiches, boolean countOnly, Branch branch) {
        boolean overlapShares = similarity != null && similarity.countrySharesJson() != null;
        Sql from = Sql.of(" from ", table, " s", !countOnly && (f.audience() || overlapShares) ? " join channel ch on ch.id = s.channel_id" : "");
        Sql where = Sql.of(" where ", Sql.and(conditions(part, f, namedNiches, branch)));
        if (countOnly) {
            return Sql.of("select s.channel_id", from, where);
        }
        Sql engagement = engagementExpression(f.platforms().size() == 1 && f.tiers().size() == 1);
        Sql audience = f.audience() ? audienceExpression(f) : Sql.text("null::float8");
        Sql nearness = similarity == null ? Sql.text("null::float8") : Sql.of("greatest(0, 1 - abs(ln(greatest(s.followers, 1)) - ",
                Sql.value(Math.log(Math.max(1, similarity.followers())), "float8"), ") / ln(10))");
        Sql overlap = !overlapShares ? Sql.text("null::float8") : Sql.of("(select sum(least(a.v, coalesce((",
                Sql.value(similarity.countrySharesJson(), "jsonb"), " ->> a.k)::float8, 0))) from ", shares("countryShares"), " a(k, v))");
        return Sql.template("""
                select s.channel_id, s.influencer_id, s.platform, s.tier, s.engagement_rate, s.sample_too_small, s.reputation,
                       s.authenticity, s.followers, s.rate_currency, s.rate_price, %s as engagement, %s as audience_fit,
                       %s as nearness, %s as overlap, %s as niche_fit%s%s""", engagement, audience, nearness, overlap, nicheFit(part), from, where);
    }

    /** What a row of one root's range must meet: the range itself first, then the brief's filters. */
    private List<Sql> conditions(RootPart part, Filters f, boolean namedNiches, Branch branch) {
        List<Sql> where = new ArrayList<>();
        where.add(Sql.of("s.root_niche = ", Sql.value(part.root())));
        if (similarity != null) {
            where.add(Sql.of("s.influencer_id <> ", Sql.value(similarity.excludeInfluencer())));
        }
        if (!f.scope().only().isEmpty()) {
            where.add(Sql.of("s.influencer_id = any(cast(", Sql.value(uuids(f.scope().only())), " as uuid[]))"));
        }
        if (!f.scope().excluded().isEmpty()) {
            where.add(Sql.of("not (s.influencer_id = any(cast(", Sql.value(uuids(f.scope().excluded())), " as uuid[])))"));
        }
        if (branch != null) {
            where.add(Sql.of("s.platform = ", Sql.value(branch.platform().name())));
            where.add(Sql.of("s.tier = ", Sql.value(branch.tier().name())));
            where.add(Sql.of("s.country = ", Sql.value(branch.country())));
        } else {
            where.addAll(rangeFilters("s", f));
        }
        if (f.minAuthenticity() != null) {
            where.add(Sql.of("s.authenticity >= ", Sql.value(f.minAuthenticity())));
        }
        if (f.minFollowers() != null) {
            where.add(Sql.of("s.followers >= ", Sql.value(f.minFollowers())));
        }
        if (f.maxFollowers() != null) {
            where.add(Sql.of("s.followers <= ", Sql.value(f.maxFollowers())));
        }
        if (f.minEngagementRate() != null) {
            where.add(Sql.of("s.engagement_rate >= ", Sql.value(f.minEngagementRate())));
        }
        if (f.minReputation() != null) {
            where.add(Sql.of("s.reputation >= ", Sql.value(f.minReputation())));
        }
        if (f.excludeIncidents()) {
            where.add(Sql.text("not s.open_incidents"));
        }
        if (f.hasContact()) {
            where.add(Sql.text("s.has_contact"));
        }
        if (!f.cities().isEmpty()) {
            where.add(Sql.of("lower(s.city) = any(", Sql.value(f.cities().stream().map(String::toLowerCase).toArray(String[]::new)), ")"));
        }
        if (!f.languages().isEmpty()) {
            where.add(Sql.of("s.languages && ", Sql.value(f.languages().toArray(String[]::new), "varchar[]")));
        }
        if (f.maxPrice() != null) {
            // A creator without a rate card, or in a currency without an exchange rate, stays (the reasons say so).
            Sql converted = converted(f);
            where.add(Sql.of("(s.rate_price is null or ", converted, " is null or ", converted, " <= ", Sql.value(f.maxPrice()), ")"));
        }
        if (namedNiches && !part.matchesWholeRoot()) {
            where.add(Sql.of(nicheFit(part), " > 0"));
        }
        if (f.keywords() != null) {
            where.add(Sql.of("exists (select 1 from influencer_text t where t.influencer_id = s.influencer_id",
                    " and t.document @@ websearch_to_tsquery('simple', ", Sql.value(f.keywords()), "))"));
        }
        if (!f.excludeKeywords().isEmpty()) {
            List<Sql> queries = f.excludeKeywords().stream().map(word -> Sql.of("plainto_tsquery('simple', ", Sql.value(word), ")")).toList();
            where.add(Sql.of("not exists (select 1 from influencer_text t where t.influencer_id = s.influencer_id and t.document @@ (",
                    Sql.join(" || ", queries), "))"));
        }
        return where;
    }

    /** The dot product of the brief's part with the row's vector; the brief's weights are bound values. */
    private static Sql nicheFit(RootPart part) {
        List<Sql> terms = new ArrayList<>();
        // Arrays are 1-based; a position past the end of an older, shorter vector reads null.
        part.weights().forEach((position, weight) ->
                terms.add(Sql.of("coalesce(s.niche_vec[", Sql.number(position + 1L), "], 0) * ", Sql.value(weight, "float8"))));
        return terms.isEmpty() ? Sql.text("0::float8") : Sql.of("(", Sql.join(" + ", terms), ")");
    }

    /** Percentile = share of the peer group below the rate: width_bucket counts the sorted rates ≤ rate·(1 − 1e-12). */
    private Sql engagementExpression(boolean oneGroup) {
        if (peers.isEmpty()) {
            return Sql.text("0::float8");
        }
        if (oneGroup && peers.size() == 1) {
            // One peer group (the usual brief: one platform, one tier): every candidate belongs to it, no CASE needed.
            return Sql.of("case when s.sample_too_small then 0 else coalesce(", bucket(0), ", 0) end");
        }
        List<Sql> cases = new ArrayList<>();
        for (int group = 0; group < peers.size(); group++) {
            PeerRates peer = peers.get(group);
            cases.add(Sql.of(" when s.platform = ", Sql.literal(peer.platform().name()), " and s.tier = ", Sql.literal(peer.tier().name()),
                    " then ", bucket(group)));
        }
        return Sql.of("case when s.sample_too_small or s.engagement_rate is null then 0", Sql.join("", cases), " else 0 end");
    }

    private static Sql bucket(int group) {
        return Sql.of("width_bucket(s.engagement_rate * (1 - 1e-12), ", rates(group), ")::float8 / (select count_", Sql.number(group),
                " from peer_rates)");
    }

    /**
     * The peer groups' sorted rates (up to 1,001 numbers each), read from peer_baseline once per statement into a
     * one-row CTE whose columns the scans read as values computed once: the statement ranks on the baselines the
     * database holds at that moment, and nothing that size travels with the query. The slice [1:] makes an
     * in-memory copy, so that the stored (compressed) array is unpacked once, not once per row.
     */
    private Sql peerRates() {
        if (peers.isEmpty()) {
            return Sql.EMPTY;
        }
        List<Sql> columns = new ArrayList<>();
        List<Sql> joins = new ArrayList<>();
        for (int i = 0; i < peers.size(); i++) {
            Sql b = Sql.of("b", Sql.number(i));
            columns.add(Sql.of(b, ".sorted_rates[1:] as group_", Sql.number(i), ", cardinality(", b, ".sorted_rates) as count_", Sql.number(i)));
            joins.add(Sql.of(" left join peer_baseline ", b, " on ", b, ".platform = ", Sql.value(peers.get(i).platform().name()),
                    " and ", b, ".tier = ", Sql.value(peers.get(i).tier().name())));
        }
        return Sql.of("peer_rates as (select ", Sql.join(", ", columns), " from (select 1) one", Sql.join("", joins), "),\n");
    }

    private static Sql rates(int group) {
        return Sql.of("(select group_", Sql.number(group), " from peer_rates)");
    }

    private static Sql audienceExpression(Filters f) {
        Sql countries = f.audienceCountries().isEmpty() ? Sql.text("1") : Sql.of("coalesce((select sum(v) from ", shares("countryShares"),
                " e(k, v) where k in (", Sql.literals(f.audienceCountries()), ")), 0)");
        Sql gender = Sql.text("1");
        if (f.audienceGender() != null) {
            Sql share = Sql.of("ch.audience -> 'genderShares' -> ", Sql.literal(f.audienceGender()));
            gender = Sql.of("coalesce(case when jsonb_typeof(", share, ") = 'number' then (", share, ")::float8 end, 0)");
        }
        Sql ages = f.audienceAges().isEmpty() ? Sql.text("1") : Sql.of("coalesce((select sum(v) from ", shares("ageShares"),
                " e(k, v) where k in (", Sql.literals(f.audienceAges()), ")), 0)");
        return Sql.of("least(1, ", countries, ") * least(1, ", gender, ") * least(1, ", ages, ")");
    }

    /**
     * One set of a channel's audience shares as rows (k text, v float8). The stored shape is checked by the database
     * (V8, channel_audience_shape), and read here as if it were not: a set that is not an object, or a share that is
     * not a number, reads as no data rather than failing every search that meets the row.
     */
    private static Sql shares(String set) {
        Sql name = Sql.literal(set);
        return Sql.of("(select s.key as k, s.value::float8 as v from jsonb_each(case when jsonb_typeof(ch.audience -> ", name,
                ") = 'object' then ch.audience -> ", name, " end) s where jsonb_typeof(s.value) = 'number')");
    }

    /** A rate card's price in the brief's currency; the exchange rates are in the text (validated currency codes). */
    private static Sql converted(Filters f) {
        List<Sql> cases = new ArrayList<>();
        f.toBriefCurrency().forEach((currency, rate) ->
                cases.add(Sql.of(" when ", Sql.literal(currency), " then s.rate_price * ", Sql.number(rate.multiplier()))));
        return Sql.of("(case s.rate_currency", Sql.join("", cases), " end)");
    }

    private static String[] uuids(java.util.Set<java.util.UUID> ids) {
        return ids.stream().map(java.util.UUID::toString).toArray(String[]::new);
    }

    private static String[] names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toArray(String[]::new);
    }
}
