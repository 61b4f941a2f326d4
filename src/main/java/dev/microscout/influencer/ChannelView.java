package dev.microscout.influencer;

import dev.microscout.tier.Tier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "Channel", description = "One platform account of an influencer, with its derived tier.")
public record ChannelView(
        @Schema(examples = "9b2e4f2a-51c7-4d0e-8f3a-2c6d7e8f9a01") UUID id,
        @Schema(examples = "3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b") UUID influencerId,
        @Schema(examples = "INSTAGRAM") Platform platform,
        @Schema(description = "Handle without the leading @.", examples = "sari.glow") String handle,
        @Schema(examples = "https://instagram.com/sari.glow") String url,
        @Schema(examples = "48200") long followers,
        @Schema(examples = "610") long following,
        boolean verified,
        Audience audience,
        @Schema(description = "Derived from followers at every change.", examples = "MICRO") Tier tier,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(description = "Optimistic-locking version; the channel's ETag.", examples = "0") long version,
        @Schema(description = "Key metrics; absent until posts or follower snapshots arrive.")
        ChannelMetricsSummary metrics,
        @Schema(description = "Present only on deleted channels, which only ADMINs see (GET …/channels?deleted=true).")
        DeletionView deletion) {
}
