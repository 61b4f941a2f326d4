package dev.microscout.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** API records of the metrics feature. */
public final class MetricsViews {
    private MetricsViews() {
    }

    @Schema(name = "PostBatchResult", description = "What a post batch changed, and the channel's metrics recomputed from it.")
    public record PostBatchResult(@Schema(examples = "18") int created, @Schema(examples = "2") int updated,
                                  @Schema(description = "Posts sent again exactly as stored: not rewritten.", examples = "0") int unchanged,
                                  ChannelMetricsView metrics) {
    }

    @Schema(name = "SnapshotBatchResult", description = "What a snapshot batch changed, the channel's follower count and tier after it, and its metrics.")
    public record SnapshotBatchResult(@Schema(examples = "30") int stored, @Schema(examples = "10250") long followers,
                                      @Schema(examples = "MICRO") String tier, ChannelMetricsView metrics) {
    }

    @Schema(name = "Post", description = "A stored post with its counts.")
    public record PostView(String externalId, OffsetDateTime postedAt, PostFormat format, boolean sponsored, Long views, Long reach,
                           long likes, long comments, long saves, long shares, long linkClicks, long dms, long mentions,
                           List<String> tags,
                           @Schema(description = "likes + comments + saves + shares.") long engagements,
                           OffsetDateTime updatedAt) {
    }

    @Schema(name = "PostPage", description = "One page of a channel's posts, newest first.")
    public record PostPage(List<PostView> items, int page, int size, long total) {
    }

    @Schema(name = "MetricsWindow", description = "The posts the figures rest on.")
    public record WindowView(@Schema(description = "Configured window length in days.", examples = "90") int days,
                             @Schema(description = "Configured cap on posts (the newest are kept).", examples = "50") int maxPosts,
                             OffsetDateTime start, OffsetDateTime end,
                             @Schema(description = "Posts in the window.", examples = "24") int posts) {
    }

    @Schema(name = "PeerComparison", description = "How the channel compares with channels of the same platform and tier.")
    public record PeerView(@Schema(examples = "INSTAGRAM") String platform, @Schema(examples = "MICRO") String tier,
                           @Schema(description = "Channels in the group with an engagement rate.", examples = "1240") Integer channels,
                           @Schema(description = "Median engagement rate of the group.", examples = "0.031") Double medianEngagementRate,
                           @Schema(description = "Share of the group whose engagement rate is lower (0–1); null without an engagement rate "
                                   + "or a baseline.", examples = "0.88") Double engagementPercentile,
                           @Schema(description = "True when the percentile is counted over every channel of the group; false when it is "
                                   + "interpolated from 1,001 order statistics (groups over 5,000 channels).") Boolean exact,
                           @Schema(description = "When the baseline was last refreshed; percentiles may lag by one refresh interval.")
                           OffsetDateTime refreshedAt) {
    }

    @Schema(name = "AuthenticityReport", description = "0–100, starting at 100, minus the penalty of each signal found.")
    public record AuthenticityView(@Schema(examples = "70") int score, List<AuthenticitySignal> signals,
                                   @Schema(description = "Checks that could not run for lack of data (no penalty).") List<SkippedCheck> skipped) {
    }

    @Schema(name = "ChannelMetrics", description = """
            The derived metrics of a channel over its window (default: the last 90 days, at most the 50 newest posts), \
            recomputed whenever its posts or followers change. Each figure carries the number of posts it rests on; \
            a null value means it cannot be computed (never 0 in place of unknown). With fewer than 3 posts in the \
            window (sampleTooSmall) every engagement-based figure is null.""")
    public record ChannelMetricsView(
            UUID channelId,
            @Schema(examples = "INSTAGRAM") String platform,
            @Schema(examples = "MICRO") String tier,
            @Schema(examples = "48200") long followers,
            OffsetDateTime computedAt,
            WindowView window,
            boolean sampleTooSmall,
            @Schema(description = "Median over posts of (likes + comments + saves + shares) / followers.") Figure engagementRate,
            @Schema(description = "Median over video posts (VIDEO, REEL, SHORT, LIVE) with views > 0 of (likes + comments + saves + shares) / views.")
            Figure viewEngagementRate,
            @Schema(description = "Σ(saves + shares + linkClicks + dms) / Σ reach, using views for a post without reach; posts with "
                    + "neither are left out; null if nothing is left.") Figure microConversionRate,
            @Schema(description = "Median of shares / followers.") Figure amplificationRate,
            @Schema(description = "Median of comments / followers.") Figure conversationRate,
            @Schema(description = "(followers now − followers at the newest snapshot at least 30 days old) / that figure; null without such a snapshot.")
            FollowerGrowth growthRate30d,
            @Schema(description = "Posts in the window / weeks in the window.") Figure postsPerWeek,
            @Schema(description = "1 − min(1, coefficient of variation of the gaps between consecutive posts); null under 3 posts.")
            Figure postingConsistency,
            @Schema(description = "Sponsored posts / posts in the window.") Figure sponsoredShare,
            @Schema(description = "Median engagements of sponsored posts / median engagements of organic posts; null without both kinds.")
            Figure sponsoredEngagementRatio,
            @Schema(description = "rateCard.pricePerPost / median engagements per post, in the rate card's currency; null without a rate card.")
            Figure estimatedCostPerEngagement,
            @Schema(description = "Currency of estimatedCostPerEngagement.", examples = "IDR") String costCurrency,
            PeerView peers,
            AuthenticityView authenticity) {
    }

    @Schema(name = "PeerBaseline", description = "The engagement-rate distribution of one platform and tier.")
    public record PeerBaselineView(@Schema(examples = "INSTAGRAM") String platform, @Schema(examples = "MICRO") String tier,
                                   @Schema(examples = "1240") int channels, @Schema(examples = "0.031") double medianEngagementRate,
                                   boolean exact, OffsetDateTime computedAt) {
    }
}
