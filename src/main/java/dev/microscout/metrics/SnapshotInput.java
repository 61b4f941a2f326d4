package dev.microscout.metrics;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "FollowerSnapshot", description = "The follower count of a channel on one day. Sending a date again replaces its count.")
public record SnapshotInput(
        @NotNull @PastOrPresent
        @Schema(required = true, examples = "2026-11-20") LocalDate date,
        @NotNull @Min(0) @Max(10_000_000_000L)
        @Schema(required = true, examples = "48200") Long followers) {
}
