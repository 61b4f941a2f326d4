package dev.microscout.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The contract's campaign figures, from summed counts and costs: CPM = cost / views × 1,000; cost per engagement =
 * cost / (likes + comments + saves + shares); cost per micro-conversion = cost / (saves + shares + linkClicks + dms);
 * engagement rate = engagements / reach; conversion rate = conversions / linkClicks. Each is null where its divisor
 * is 0. A creator's and a campaign's figures are ratios of their sums, never means of per-post ratios: a post seen
 * by ten people must not weigh as much as one seen by ten thousand.
 */
public final class CampaignFigures {

    /** Costs per unit to the cent and two more places; rates to six places. */
    static final int COST_SCALE = 4;
    static final int RATE_SCALE = 6;

    private CampaignFigures() {
    }

    /** Summed results: posts, counts, and the cost in the budget's currency. */
    public record Counts(long posts, long views, long reach, long likes, long comments, long saves, long shares, long linkClicks,
                         long dms, long conversions, BigDecimal cost) {

        /** Nothing recorded: costs are kept to the cent, so even none is 0.00. */
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO.setScale(2));

        public Counts plus(Counts o) {
            return new Counts(posts + o.posts, views + o.views, reach + o.reach, likes + o.likes, comments + o.comments,
                    saves + o.saves, shares + o.shares, linkClicks + o.linkClicks, dms + o.dms, conversions + o.conversions,
                    cost.add(o.cost));
        }

        public long engagements() {
            return likes + comments + saves + shares;
        }

        public long microConversions() {
            return saves + shares + linkClicks + dms;
        }
    }

    public record Ratios(BigDecimal cpm, BigDecimal costPerEngagement, BigDecimal costPerMicroConversion,
                         BigDecimal engagementRate, BigDecimal conversionRate) {
    }

    public static Ratios of(Counts c) {
        return new Ratios(
                c.views() == 0 ? null : c.cost().multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(c.views()), COST_SCALE, RoundingMode.HALF_EVEN),
                cost(c.cost(), c.engagements()),
                cost(c.cost(), c.microConversions()),
                rate(c.engagements(), c.reach()),
                rate(c.conversions(), c.linkClicks()));
    }

    private static BigDecimal cost(BigDecimal cost, long divisor) {
        return divisor == 0 ? null : cost.divide(BigDecimal.valueOf(divisor), COST_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal rate(long count, long divisor) {
        return divisor == 0 ? null : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(divisor), RATE_SCALE, RoundingMode.HALF_EVEN);
    }
}
