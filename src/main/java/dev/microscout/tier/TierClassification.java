package dev.microscout.tier;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TierClassification", description = "The tier a follower count falls into.")
public record TierClassification(
        @Schema(examples = "10000") long followers,
        @Schema(examples = "MICRO") Tier tier) {
}
