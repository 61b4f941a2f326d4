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

    /** At most this many ranges are probed; a broader brief is ranked without the cut-off. */
    static final int MAX_PROBED_RANGES = 16;
    /**
     * The probe reads this many times k rows in all, or one in PROBE_SHARE candidates when that is more: enough for
     * its k-th best to come close to the final one, measured on the generated catalogue of bench/.
     */
    static final int PROBE_FACTOR = 10;
    static final int PROBE_SHARE = 16;

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
        boolean namedNiches = !parts.isEmpty();
        List<RootPart> roots = namedNiches ? parts : List.of(new RootPart(SearchIndexer.ALL_NICHES, Map.of(), true, 0));
        String order = "score desc, engagement_rate desc nulls last, channel_id";

        // Parameters are bound in the order their placeholders appear: the text is built front to back. Weights,
        // niche weights, thresholds and price limits are parameters (validated codes and exchange rates stay in the
        // text), so that briefs of one shape mostly share one statement text.
        StringBuilder text = new StringBuilder("with ").append(peerRates()).append("counted as (select ")
                .append(total(roots, f, namedNiches)).append(" as total),\n");
        List<Branch> branches = probedRanges(roots, f, w, similarity, k);
        String cutOff = "";
        if (branches != null) {
            // The probe reads at least 10·k rows in all, and more in a large range: a sixteenth of the candidates.
            String perRange = "(select greatest(%d, total / %d) from counted)"
                    .formatted(Math.max(2 * k, PROBE_FACTOR * k / branches.size()), PROBE_SHARE * branches.size());
            List<String> probes = new ArrayList<>();
            for (Branch branch : branches) {
                String score = score(w);
                probes.add("select channel_id, " + score + " as score from (" + rootScan(branch.part(), f, namedNiches, false, branch)
                        + " order by s.rank_rate desc limit " + perRange + ") b");
            }
            // A channel probed under two roots scores at least its better partial score: a lower bound either way.
            text.append("probe as (select channel_id, max(score) as score from (").append(String.join("\n union all\n", probes))
                    .append(") p group by channel_id),\n");
            text.append("cut as (select ").append(cutOffRate(w, 1)).append(" as rate");
            if (roots.size() > 1 && roots.stream().allMatch(r -> r.mask() != 0)) {
                // A channel under one of the brief's roots alone reaches at most that root's share of niche fit.
                for (int i = 0; i < roots.size(); i++) {
                    text.append(", ").append(cutOffRate(w, roots.get(i).reach())).append(" as rate_").append(i);
                }
            }
            text.append(" from (select 1) one left join (select score from probe order by score desc offset ").append(k - 1)
                    .append(" limit 1) t on true),\n");
            cutOff = " and s.rank_rate >= (select rate from cut)";
        }
        String score = score(w);
        String merged = candidates(roots, f, namedNiches, cutOff);
        String limitK = k == Integer.MAX_VALUE ? "" : " limit " + k;
        String page;
        if (onePerInfluencer) {
            // Top-k first (a bounded sort), then one row per influencer among those k.
            text.append("""
                    top as (select c.*, %s as score from (%s) c order by %s%s),
                    picked as (select top.*, row_number() over (partition by influencer_id order by %s) as rn from top),
                    """.formatted(score, merged, order, limitK, order));
            page = "select picked.*, (select total from counted) as total, (select count(*) from top) as kept"
                    + " from picked where rn = 1 order by %s offset %d limit %d".formatted(order, offset, size);
        } else {
            text.append("ranked as (select c.*, %s as score from (%s) c),\n".formatted(score, merged));
            page = "select ranked.*, (select total from counted) as total, 0 as kept from ranked order by %s offset %d limit %d"
                    .formatted(order, offset, size);
        }
        // What the explanations show, read for the page's rows alone, in the same statement.
        text.append("""
                page as (%s)
                select page.*, d.* from page cross join lateral (
                    select c.handle, %s as audience, i.display_name, i.country, i.city, coalesce(m.posts_in_window, 0) as posts_in_window,
                           (select r.review_count from influencer_reputation r where r.influencer_id = i.id) as review_count,
                           (select json_object_agg(n.niche_slug, n.weight)::text from influencer_niche n where n.influencer_id = i.id) as niches
                      from channel c join influencer i on i.id = c.influencer_id left join channel_metrics m on m.channel_id = c.id
                     where c.id = page.channel_id) d
                 order by %s""".formatted(page, f.audience() ? "c.audience::text" : "null::text", order));
        sql = text.toString();
    }

    /**
     * Every candidate once, with its niche fit summed over the brief's roots. A channel with rows under two of
     * them has a partial fit in each; when every root has a mask bit, only such channels (root_mask shares a bit
     * with the brief's other roots) are grouped, and the rest pass straight through.
     */
    private String candidates(List<RootPart> roots, Filters f, boolean namedNiches, String cutOff) {
        if (roots.size() == 1) {
            return rootScan(roots.get(0), f, namedNiches, false, null) + cutOff;
        }
        boolean masked = roots.stream().allMatch(r -> r.mask() != 0);
        List<String> alone = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        for (int pass = masked ? 0 : 1; pass < 2; pass++) {
            for (int i = 0; i < roots.size(); i++) {
                RootPart root = roots.get(i);
                long others = roots.stream().filter(r -> r != root).mapToLong(RootPart::mask).reduce(0, (a, b) -> a | b);
                String ownCutOff = pass == 0 && !cutOff.isEmpty() ? " and s.rank_rate >= (select rate_" + i + " from cut)" : cutOff;
                String scan = rootScan(root, f, namedNiches, false, null) + ownCutOff;
                if (masked) {
                    scan += pass == 0 ? " and (s.root_mask & ?) = 0" : " and (s.root_mask & ?) <> 0";
                    parameters.add(others);
                }
                (pass == 0 ? alone : shared).add(scan);
            }
        }
        String columns = "channel_id, influencer_id, platform, tier, engagement_rate, sample_too_small, reputation, authenticity, "
                + "followers, rate_currency, rate_price, engagement, audience_fit, nearness, overlap";
        alone.add("select " + columns + ", sum(niche_fit) as niche_fit from (" + String.join("\n union all\n", shared)
                + ") parts group by " + columns);
        return String.join("\n union all\n", alone);
    }

    /** The score as a weighted sum of the component columns; the weights are parameters. */
    private String score(ScoreWeights w) {
        double[] values = similarity == null ? new double[]{w.nicheFit(), w.engagement(), w.reputation(), w.audienceFit()}
                : new double[]{similarity.nicheWeight(), similarity.followersWeight(), similarity.audienceWeight()};
        for (double value : values) {
            parameters.add(value);
        }
        return similarity == null
                ? "?::float8 * niche_fit + ?::float8 * engagement + ?::float8 * reputation + ?::float8 * coalesce(audience_fit, 0)"
                : "?::float8 * niche_fit + ?::float8 * nearness + ?::float8 * coalesce(overlap, 0)";
    }

    /** The same brief's first row: a page past the end still needs the total, which rides on every row. */
    SearchPlan firstRow() {
        return new SearchPlan(parts, filters, peers, weights, onePerInfluencer, 0, 1, k, similarity);
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
     * The lowest engagement rate a channel needs to reach the probe's k-th best score t, or -2 (every rate,
     * the -1 of channels without a usable rate included) when there is no such bound. With every other
     * component at its maximum (1, or nicheReach for niche fit), a channel reaches t only with a percentile
     * p ≥ (t − w_other) / w_engagement;
     * percentile p means at least ⌈p·n⌉ of the group's n sorted rates are at or below its own rate. Groups
     * without a baseline score engagement 0, so a positive p already rules them out. Margins of 1e-9 keep
     * rounding on the side of scanning more.
     */
    private String cutOffRate(ScoreWeights w, double nicheReach) {
        StringBuilder sql = new StringBuilder("case when t.score is null or ").append(neededPercentile(w, nicheReach)).append(" <= 0 then -2::float8 else coalesce(least(");
        boolean first = true;
        for (PeerRates peer : peers) {
            int n = peer.rates().length;
            if (n == 0) {
                continue;
            }
            String count = "(select count_" + peers.indexOf(peer) + " from peer_rates)";
            sql.append(first ? "" : ", ").append("(").append(rates(peer)).append(")[least(").append(count).append(", greatest(1, ceil(");
            sql.append(neededPercentile(w, nicheReach)).append(" * ").append(count).append(" - 1e-9)::int))]");
            first = false;
        }
        // A group whose baseline has gone from the table reads null and drops out of least(); all gone: no bound.
        return sql.append(") * (1 - 1e-9), -2::float8) end").toString();
    }

    /**
     * (t − w_other) / w_engagement, with t the probe's k-th best score and w_other the most the other components
     * can add (niche fit up to nicheReach): the percentile a channel needs.
     */
    private String neededPercentile(ScoreWeights w, double nicheReach) {
        parameters.add(w.nicheFit() * nicheReach + w.reputation() + w.audienceFit());
        parameters.add(w.engagement());
        return "(t.score - 1e-9 - ?::float8) / ?::float8";
    }

    /**
     * The number of matching channels. One root: a count of its range, from the narrow search_entry_count index
     * when the filters allow. Several roots: a channel is counted under the first of the brief's roots it has
     * (root_mask), which needs every row of a channel to pass or fail alike, true when niche fit is no filter;
     * otherwise the distinct channel ids of all ranges are counted.
     */
    private String total(List<RootPart> roots, Filters f, boolean namedNiches) {
        if (roots.size() == 1) {
            return "(select count(*) from (" + rootScan(roots.get(0), f, namedNiches, true, null) + ") n)";
        }
        boolean byFirstRoot = roots.stream().allMatch(r -> r.matchesWholeRoot() && r.mask() != 0);
        StringBuilder counted = new StringBuilder();
        long earlier = 0;
        for (RootPart root : roots) {
            if (!counted.isEmpty()) {
                counted.append(byFirstRoot ? "\n + " : "\n union\n");
            }
            if (byFirstRoot) {
                counted.append("(select count(*) from (").append(rootScan(root, f, namedNiches, true, null));
                if (earlier != 0) {
                    counted.append(" and (s.root_mask & ?) = 0");
                    parameters.add(earlier);
                }
                counted.append(") n)");
            } else {
                counted.append(rootScan(root, f, namedNiches, true, null));
            }
            earlier |= root.mask();
        }
        return byFirstRoot ? "(" + counted + ")" : "(select count(*) from (" + counted + ") n)";
    }

    /**
     * One root's candidates: the scoring columns, or only channel_id when counting. A probe branch names one
     * platform, tier and country by equality, so that its rows come in the index's rank_rate order.
     */
    private String rootScan(RootPart part, Filters f, boolean namedNiches, boolean countOnly, Branch branch) {
        String engagement = countOnly ? "" : engagementExpression(f.platforms().size() == 1 && f.tiers().size() == 1);
        String audience = f.audience() ? audienceExpression(f) : "null::float8";
        String nearness = "null::float8";
        if (!countOnly && similarity != null) {
            nearness = "greatest(0, 1 - abs(ln(greatest(s.followers, 1)) - ?::float8) / ln(10))";
            parameters.add(Math.log(Math.max(1, similarity.followers())));
        }
        String overlap = similarity == null || similarity.countrySharesJson() == null ? "null::float8"
                : "(select sum(least(a.v, coalesce((?::jsonb ->> a.k)::float8, 0))) from " + shares("countryShares") + " a(k, v))";
        boolean joinChannel = !countOnly && (f.audience() || similarity != null && similarity.countrySharesJson() != null);
        if (!countOnly && similarity != null && similarity.countrySharesJson() != null) {
            parameters.add(similarity.countrySharesJson());
        }
        String nicheFit = countOnly ? "" : nicheFit(part);
        StringBuilder where = new StringBuilder(" where s.root_niche = ?");
        parameters.add(part.root());
        if (similarity != null) {
            where.append(" and s.influencer_id <> ?");
            parameters.add(similarity.excludeInfluencer());
        }
        if (!f.scope().only().isEmpty()) {
            where.append(" and s.influencer_id = any(cast(? as uuid[]))");
            parameters.add(f.scope().only().stream().map(java.util.UUID::toString).toArray(String[]::new));
        }
        if (!f.scope().excluded().isEmpty()) {
            where.append(" and not (s.influencer_id = any(cast(? as uuid[])))");
            parameters.add(f.scope().excluded().stream().map(java.util.UUID::toString).toArray(String[]::new));
        }
        if (branch != null) {
            where.append(" and s.platform = ? and s.tier = ? and s.country = ?");
            parameters.add(branch.platform().name());
            parameters.add(branch.tier().name());
            parameters.add(branch.country());
        } else {
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
                    .append(converted(f)).append(" <= ?)");
            parameters.add(f.maxPrice());
        }
        if (namedNiches && !part.matchesWholeRoot()) {
            where.append(" and ").append(nicheFit(part)).append(" > 0");
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

    /** The dot product of the brief's part with the row's vector; the brief's weights are parameters. */
    private String nicheFit(RootPart part) {
        StringBuilder fit = new StringBuilder();
        part.weights().forEach((position, weight) -> {
            // Arrays are 1-based; a position past the end of an older, shorter vector reads null.
            fit.append(fit.isEmpty() ? "" : " + ").append("coalesce(s.niche_vec[").append(position + 1).append("], 0) * ?::float8");
            parameters.add(weight);
        });
        return fit.isEmpty() ? "0::float8" : "(" + fit + ")";
    }

    /** Percentile = share of the peer group below the rate: width_bucket counts the sorted rates ≤ rate·(1 − 1e-12). */
    private String engagementExpression(boolean oneGroup) {
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
        return "width_bucket(s.engagement_rate * (1 - 1e-12), " + rates(peer) + ")::float8 / (select count_" + peers.indexOf(peer)
                + " from peer_rates)";
    }

    /**
     * The peer groups' sorted rates (up to 1,001 numbers each), read from peer_baseline once per statement into a
     * one-row CTE whose columns the scans read as values computed once: the statement ranks on the baselines the
     * database holds at that moment, and nothing that size travels with the query. The slice [1:] makes an
     * in-memory copy, so that the stored (compressed) array is unpacked once, not once per row.
     */
    private String peerRates() {
        if (peers.isEmpty()) {
            return "";
        }
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < peers.size(); i++) {
            columns.append(i == 0 ? "" : ", ").append("b").append(i).append(".sorted_rates[1:] as group_").append(i)
                    .append(", cardinality(b").append(i).append(".sorted_rates) as count_").append(i);
        }
        StringBuilder from = new StringBuilder();
        for (int i = 0; i < peers.size(); i++) {
            from.append(i == 0 ? " from (select 1) one" : "").append(" left join peer_baseline b").append(i).append(" on b").append(i)
                    .append(".platform = ? and b").append(i).append(".tier = ?");
            parameters.add(peers.get(i).platform().name());
            parameters.add(peers.get(i).tier().name());
        }
        return "peer_rates as (select " + columns + from + "),\n";
    }

    private String rates(PeerRates peer) {
        return "(select group_" + peers.indexOf(peer) + " from peer_rates)";
    }

    private static String audienceExpression(Filters f) {
        String countries = f.audienceCountries().isEmpty() ? "1" : "coalesce((select sum(v) from " + shares("countryShares")
                + " e(k, v) where k in (" + quoted(f.audienceCountries()) + ")), 0)";
        String gender = "1";
        if (f.audienceGender() != null) {
            String share = "ch.audience -> 'genderShares' -> " + quoted(List.of(f.audienceGender()));
            gender = "coalesce(case when jsonb_typeof(" + share + ") = 'number' then (" + share + ")::float8 end, 0)";
        }
        String ages = f.audienceAges().isEmpty() ? "1" : "coalesce((select sum(v) from " + shares("ageShares")
                + " e(k, v) where k in (" + quoted(f.audienceAges()) + ")), 0)";
        return "least(1, " + countries + ") * least(1, " + gender + ") * least(1, " + ages + ")";
    }

    /**
     * One set of a channel's audience shares as rows (k text, v float8). The stored shape is checked by the database
     * (V8, channel_audience_shape), and read here as if it were not: a set that is not an object, or a share that is
     * not a number, reads as no data rather than failing every search that meets the row.
     */
    private static String shares(String set) {
        return "(select s.key as k, s.value::float8 as v from jsonb_each(case when jsonb_typeof(ch.audience -> '" + set
                + "') = 'object' then ch.audience -> '" + set + "' end) s where jsonb_typeof(s.value) = 'number')";
    }

    private static String converted(Filters f) {
        StringBuilder sql = new StringBuilder("(case s.rate_currency");
        f.toBriefCurrency().forEach((currency, rate) -> sql.append(" when '").append(currency).append("' then s.rate_price * ")
                .append(rate.multiplier().toPlainString()));
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
