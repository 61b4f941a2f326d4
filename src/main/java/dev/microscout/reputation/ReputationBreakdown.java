package dev.microscout.reputation;

import java.util.List;

/**
 * A reputation and every figure behind it.
 *
 * @param reputation          0–1: bayesianScore × authenticityFactor − penalty, clamped to [0, 1]
 * @param reviewCount         reviews counted
 * @param averageRating       plain mean of the reviews' mean ratings (1–5); null without reviews
 * @param bayesianMean        the average shrunk toward the prior, on the 1–5 scale
 * @param bayesianScore       bayesianMean mapped onto 0–1 as (x − 1) / 4
 * @param authenticity        the authenticity used (0–100): the lowest channel's, 100 when no channel has data
 * @param authenticityChannel the channel that authenticity comes from; null when no channel has data
 * @param authenticityFactor  0.5 + 0.5 × authenticity / 100
 * @param penalties           each counted incident (unresolved, of the last 24 months) with what it takes off
 * @param penalty             the sum of the penalties
 * @param reasons             the same, in plain words
 */
public record ReputationBreakdown(
        double reputation,
        int reviewCount,
        Double averageRating,
        double bayesianMean,
        double bayesianScore,
        double authenticity,
        ChannelAuthenticity authenticityChannel,
        double authenticityFactor,
        List<IncidentPenalty> penalties,
        double penalty,
        List<String> reasons) {

    /** One incident that lowers the reputation, and by how much. */
    public record IncidentPenalty(IncidentFact incident, double penalty) {
    }
}
