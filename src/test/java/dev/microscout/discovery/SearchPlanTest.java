package dev.microscout.discovery;

import dev.microscout.common.sql.Sql;
import dev.microscout.influencer.Platform;
import dev.microscout.tier.Tier;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ranking statement's shape, without a database: placeholders and values, and the same statement on a shard. */
class SearchPlanTest {

    private static final UUID CREATOR = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final double[] RATES = {0.01, 0.02, 0.03};
    // Positions and weights of the brief's unit vector within each root (made up: the statement does not check them).
    private static final SearchPlan.RootPart BEAUTY = new SearchPlan.RootPart("beauty", new TreeMap<>(Map.of(0, 0.6, 3, 0.8)), true, 1);
    private static final SearchPlan.RootPart FOOD = new SearchPlan.RootPart("food", new TreeMap<>(Map.of(1, 0.5)), false, 4);
    private static final SearchPlan.RootPart UNMASKED = new SearchPlan.RootPart("newroot", new TreeMap<>(Map.of(2, 0.7)), false, 0);
    private static final List<SearchPlan.PeerRates> ONE_GROUP = List.of(new SearchPlan.PeerRates(Platform.INSTAGRAM, Tier.MICRO, RATES));

    private static SearchPlan.Filters typical() {
        return new SearchPlan.Filters(List.of(Platform.INSTAGRAM), List.of(Tier.MICRO), List.of("ID"), List.of(), List.of(), null, null,
                null, 50, null, false, false, null, List.of(), null, Map.of(), List.of(), null, List.of(), false);
    }

    /** Every filter a brief can carry, with an audience, a price limit in two currencies and a scope. */
    private static SearchPlan.Filters everything() {
        Map<String, ExchangeRates.Conversion> toIdr = new LinkedHashMap<>();
        toIdr.put("USD", new ExchangeRates.Conversion(new BigDecimal("15000.5"), "operators"));
        toIdr.put("SGD", new ExchangeRates.Conversion(new BigDecimal("11000"), "own"));
        return new SearchPlan.Filters(List.of(Platform.INSTAGRAM, Platform.TIKTOK), List.of(Tier.MICRO, Tier.NANO), List.of("ID", "TH"),
                List.of("Jakarta"), List.of("id", "en"), 1000L, 90000L, 0.02, 40, 0.3, true, true, "batik -fake", List.of("casino", "vape"),
                new BigDecimal("250000"), toIdr, List.of("ID", "MY"), "female", List.of("18-24", "25-34"), true,
                new SearchScope(Set.of(), Set.of(CREATOR)));
    }

    /** Plans of many shapes: niches over one, two or no roots, with and without the cut-off, both result kinds. */
    private static List<SearchPlan> plans() {
        List<SearchPlan.PeerRates> threeGroups = List.of(new SearchPlan.PeerRates(Platform.INSTAGRAM, Tier.MICRO, RATES),
                new SearchPlan.PeerRates(Platform.INSTAGRAM, Tier.NANO, new double[0]), new SearchPlan.PeerRates(Platform.TIKTOK, Tier.MICRO, RATES));
        List<SearchPlan> plans = new ArrayList<>();
        for (List<SearchPlan.RootPart> parts : List.of(List.<SearchPlan.RootPart>of(), List.of(BEAUTY), List.of(FOOD), List.of(BEAUTY, FOOD),
                List.of(BEAUTY, UNMASKED))) {
            for (SearchPlan.Filters f : List.of(typical(), everything())) {
                for (List<SearchPlan.PeerRates> peers : List.of(List.<SearchPlan.PeerRates>of(), ONE_GROUP, threeGroups)) {
                    for (ScoreWeights w : List.of(ScoreWeights.WITHOUT_AUDIENCE, ScoreWeights.WITH_AUDIENCE)) {
                        for (boolean one : new boolean[]{true, false}) {
                            for (int k : new int[]{25, Integer.MAX_VALUE}) {
                                plans.add(new SearchPlan(parts, f, peers, w, one, 0, 20, k));
                                plans.add(new SearchPlan(parts, f, peers, w, one, 40, 20, k));
                            }
                        }
                    }
                }
                plans.add(new SearchPlan(parts, f, ONE_GROUP, ScoreWeights.WITHOUT_AUDIENCE, true, 0, 20, 25,
                        new SearchPlan.Similarity(CREATOR, 12_000, "{\"ID\": 0.5}", 0.5, 0.3, 0.2)));
            }
        }
        return plans;
    }

    @Test
    void everyPlaceholderHasItsValue() {
        List<SearchPlan> plans = plans();
        for (SearchPlan plan : plans) {
            for (SearchPlan built : List.of(plan, plan.firstRow(), plan.onShard("shard_sim.search_entry_7"))) {
                Sql statement = built.statement;
                assertEquals(placeholders(statement.text()), statement.values().size(), statement.text());
            }
        }
        assertEquals(5 * 2 * (3 * 2 * 2 * 2 * 2 + 1), plans.size());
    }

    @Test
    void everyValueLandsAtItsOwnPlaceholder() {
        SearchPlan plan = new SearchPlan(List.of(BEAUTY), typical(), ONE_GROUP, ScoreWeights.WITHOUT_AUDIENCE, true, 0, 20, 25);

        String inline = inline(plan.statement);

        // The peer group read once, the count of the range, then the probe and the main scan: each with its own values.
        assertTrue(inline.contains("left join peer_baseline b0 on b0.platform = 'INSTAGRAM' and b0.tier = 'MICRO'"), inline);
        // One platform, tier and country are compared by equality (see SearchPlan.oneOf), in the count and the scans.
        assertTrue(inline.contains("from search_count c where c.root_niche = 'beauty' and c.platform = 'INSTAGRAM' and "
                + "c.tier = 'MICRO' and c.country = 'ID')"), inline);
        assertTrue(inline.contains("from search_entry s where s.root_niche = 'beauty' and s.platform = 'INSTAGRAM' and "
                + "s.tier = 'MICRO' and s.country = 'ID' and s.authenticity >= 50 and s.rank_rate >= (select rate from cut)"), inline);
        assertTrue(inline.contains("from search_entry s where s.root_niche = 'beauty' and s.platform = 'INSTAGRAM' and "
                + "s.tier = 'MICRO' and s.country = 'ID' and s.authenticity >= 50 order by s.rank_rate desc"), inline);
        assertTrue(inline.contains("0.4::float8 * niche_fit + 0.35::float8 * engagement + 0.25::float8 * reputation + "
                + "0.0::float8 * coalesce(audience_fit, 0)"), inline);
        assertTrue(inline.contains("(coalesce(s.niche_vec[1], 0) * 0.6::float8 + coalesce(s.niche_vec[4], 0) * 0.8::float8) as niche_fit"),
                inline);
        // The needed percentile: (t − (0.4 + 0.25 + 0)) / 0.35.
        assertTrue(inline.contains("(t.score - 1e-9 - 0.65::float8) / 0.35::float8"), inline);
        assertFalse(inline.contains("?"), inline);
    }

    @Test
    void theFiltersBindInTheOrderTheyAreWritten() {
        SearchPlan plan = new SearchPlan(List.of(FOOD), everything(), ONE_GROUP, ScoreWeights.WITH_AUDIENCE, false, 0, 20,
                Integer.MAX_VALUE);

        String inline = inline(plan.statement);

        assertTrue(inline.contains("where s.root_niche = 'food' and not (s.influencer_id = any(cast('{" + CREATOR + "}' as uuid[])))"
                + " and s.platform = any('{INSTAGRAM,TIKTOK}') and s.tier = any('{MICRO,NANO}') and s.country = any('{ID,TH}')"
                + " and s.authenticity >= 40 and s.followers >= 1000 and s.followers <= 90000 and s.engagement_rate >= 0.02"
                + " and s.reputation >= 0.3 and not s.open_incidents and s.has_contact and lower(s.city) = any('{jakarta}')"
                + " and s.languages && '{id,en}'::varchar[]"
                + " and (s.rate_price is null or (case s.rate_currency when 'USD' then s.rate_price * 15000.5 when 'SGD' then"
                + " s.rate_price * 11000 end) is null or (case s.rate_currency when 'USD' then s.rate_price * 15000.5 when 'SGD'"
                + " then s.rate_price * 11000 end) <= 250000)"
                + " and (coalesce(s.niche_vec[2], 0) * 0.5::float8) > 0"
                + " and exists (select 1 from influencer_text t where t.influencer_id = s.influencer_id and t.document @@"
                + " websearch_to_tsquery('simple', 'batik -fake'))"
                + " and not exists (select 1 from influencer_text t where t.influencer_id = s.influencer_id and t.document @@"
                + " (plainto_tsquery('simple', 'casino') || plainto_tsquery('simple', 'vape')))"), inline);
        assertTrue(inline.contains("where k in ('ID', 'MY')") && inline.contains("ch.audience -> 'genderShares' -> 'female'")
                && inline.contains("where k in ('18-24', '25-34')"), inline);
    }

    @Test
    void aShardRanksTheSameStatementOnItsOwnTableUpToTheEndOfThePage() {
        for (SearchPlan plan : plans()) {
            SearchPlan shard = plan.onShard("shard_sim.search_entry_3");
            // The page of 20 at offset 40 needs each shard's best 60.
            SearchPlan wholePage = plan.onShard(SearchPlan.READ_MODEL);

            assertEquals(wholePage.statement.text().replace(" from search_entry s", " from shard_sim.search_entry_3 s"), shard.statement.text());
            assertEquals(Arrays.deepToString(wholePage.statement.values().toArray()), Arrays.deepToString(shard.statement.values().toArray()));
            assertFalse(shard.statement.text().contains("search_entry s"), shard.statement.text());
            assertEquals(0, shard.offset);
            assertEquals(plan.offset + 20, shard.size);
        }
    }

    @Test
    void theReadModelIsAPlainName() {
        SearchPlan plan = new SearchPlan(List.of(BEAUTY), typical(), ONE_GROUP, ScoreWeights.WITHOUT_AUDIENCE, true, 0, 20, 25);

        assertThrows(IllegalArgumentException.class, () -> plan.onShard("search_entry s; delete from channel"));
        assertThrows(IllegalArgumentException.class, () -> plan.onShard("\"Search\""));
    }

    private static int placeholders(String text) {
        return (int) text.chars().filter(c -> c == '?').count();
    }

    /** The statement with each value written in place of its placeholder, in order, as a reader would see it. */
    private static String inline(Sql statement) {
        StringBuilder out = new StringBuilder();
        String text = statement.text();
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '?') {
                out.append(c);
                continue;
            }
            Object v = statement.values().get(value++);
            out.append(v instanceof String[] array ? "'{" + String.join(",", Arrays.asList(array)) + "}'"
                    : v instanceof Number ? v.toString() : "'" + v + "'");
        }
        assertEquals(statement.values().size(), value);
        return out.toString();
    }
}
