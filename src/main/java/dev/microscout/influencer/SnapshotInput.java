package dev.microscout.influencer;

import dev.microscout.common.NotBefore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "FollowerSnapshot", description = "The follower count of a channel on one day. Sending a date again replaces its count.")
public record SnapshotInput(
        @NotNull @PastOrPresent @NotBefore(NotBefore.CATALOGUE_HISTORY)
        @Schema(description = "The day counted: from 2000-01-01, not in the future.", required = true, examples = "2026-11-20")
        LocalDate date,
        @NotNull @Min(0) @Max(10_000_000_000L)
        @Schema(required = true, examples = "48200") Long followers) {
}
