package dev.microscout.tier;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TierRange", description = "A follower tier and the follower counts it spans (both bounds inclusive).")
public record TierView(
        @Schema(examples = "MICRO") Tier tier,
        @Schema(description = "Smallest follower count of the tier.", examples = "10000") long minFollowers,
        @Schema(description = "Largest follower count of the tier; absent for the open-ended top tier.", examples = "100000") Long maxFollowers) {
}
