package dev.microscout.influencer;

import dev.microscout.tier.Tier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "TierChange", description = "A change of a channel's tier, recorded when its follower count crossed a threshold.")
public record TierChangeView(
        UUID channelId,
        @Schema(examples = "INSTAGRAM") Platform platform,
        @Schema(examples = "sari.glow") String handle,
        @Schema(description = "Tier before the change; absent when the channel was created.", examples = "NANO") Tier fromTier,
        @Schema(examples = "MICRO") Tier toTier,
        @Schema(description = "Followers that caused the change.", examples = "10000") long followers,
        OffsetDateTime changedAt) {
}
