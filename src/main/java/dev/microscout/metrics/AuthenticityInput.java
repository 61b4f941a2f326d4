package dev.microscout.metrics;

import java.util.List;
import java.util.Objects;

/**
 * What {@link AuthenticityAnalyzer} needs to know about a channel.
 *
 * @param snapshots the channel's follower history, in any order
 * @param engagementRate the channel's engagement rate, or null when unknown
 * @param peerMedianEngagementRate median engagement rate of the channels of the same platform and tier, or
 *                                 null when unknown
 * @param sampleTooSmall too few posts in the window for the engagement checks
 * @param likesInWindow sum of likes over the window's posts
 * @param commentsInWindow sum of comments over the window's posts
 */
public record AuthenticityInput(
        long followers,
        long following,
        List<FollowerPoint> snapshots,
        Double engagementRate,
        Double peerMedianEngagementRate,
        boolean sampleTooSmall,
        long likesInWindow,
        long commentsInWindow) {

    public AuthenticityInput {
        snapshots = List.copyOf(snapshots);
        if (followers < 0 || following < 0 || likesInWindow < 0 || commentsInWindow < 0) {
            throw new IllegalArgumentException("followers, following, likes and comments must be >= 0");
        }
    }

    /** The input for a channel whose metrics have been computed. */
    public static AuthenticityInput of(ChannelMetrics metrics, long following, List<FollowerPoint> snapshots,
            Double peerMedianEngagementRate) {
        Objects.requireNonNull(metrics, "metrics");
        return new AuthenticityInput(metrics.followers(), following, snapshots, metrics.engagementRate().value(),
                peerMedianEngagementRate, metrics.sampleTooSmall(), metrics.likesInWindow(),
                metrics.commentsInWindow());
    }
}
