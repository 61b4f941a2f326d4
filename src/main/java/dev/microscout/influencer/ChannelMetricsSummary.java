package dev.microscout.influencer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** The key figures shown beside a channel in catalogue reads; the metrics feature computes and keeps them. */
@Schema(name = "ChannelMetricsSummary", description = "Key figures of a channel; the full set is at GET /api/v1/channels/{channelId}/metrics.")
public record ChannelMetricsSummary(
        @Schema(description = "Median engagement rate; null when the sample is too small.", examples = "0.064") Double engagementRate,
        @Schema(examples = "0.88") Double engagementPercentile,
        @Schema(examples = "100") int authenticity,
        @Schema(examples = "24") int postsInWindow,
        boolean sampleTooSmall,
        OffsetDateTime computedAt) {
}
