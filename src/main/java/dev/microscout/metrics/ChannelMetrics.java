package dev.microscout.metrics;

import java.time.Instant;

/**
 * The derived metrics of one channel over its window of posts. Every figure is a {@link Figure} (or
 * {@link FollowerGrowth}) whose value is null when it cannot be computed; see
 * {@link ChannelMetricsCalculator} for the formulas.
 *
 * @param windowStart start of the window the figures rest on: {@code now − days}, or the time of the
 *                    oldest post kept when the post cap cut older posts of those days
 * @param windowEnd end of the window (the time the metrics were computed)
 * @param postsInWindow posts in the window
 * @param sampleTooSmall fewer than {@link ChannelMetricsCalculator#MIN_POSTS} posts in the window; then
 *                       every engagement-based figure is null
 * @param followers follower count the per-follower rates are divided by
 * @param likesInWindow sum of likes over the window's posts
 * @param commentsInWindow sum of comments over the window's posts
 */
public record ChannelMetrics(
        Instant windowStart,
        Instant windowEnd,
        int postsInWindow,
        boolean sampleTooSmall,
        long followers,
        Figure engagementRate,
        Figure viewEngagementRate,
        Figure microConversionRate,
        Figure amplificationRate,
        Figure conversationRate,
        FollowerGrowth growthRate30d,
        Figure postsPerWeek,
        Figure postingConsistency,
        Figure sponsoredShare,
        Figure sponsoredEngagementRatio,
        Figure estimatedCostPerEngagement,
        long likesInWindow,
        long commentsInWindow) {
}
