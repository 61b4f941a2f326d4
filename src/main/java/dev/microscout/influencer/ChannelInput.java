package dev.microscout.influencer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChannelInput", description = "A channel as the client sends it. The tier and metrics are derived, never sent.")
public record ChannelInput(
        @NotNull
        @Schema(description = "Platform of the account.", required = true, examples = "INSTAGRAM")
        Platform platform,
        @NotNull
        @Pattern(regexp = "^@?[A-Za-z0-9._-]{1,100}$",
                message = "must be 1 to 100 letters, digits, dots, underscores or hyphens, optionally after one @")
        @Schema(description = "Account handle, unique per platform whatever its letter case; a leading @ is removed.",
                required = true, examples = "@sari.glow")
        String handle,
        @Size(max = 500)
        @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
        @Schema(description = "Public URL of the account.", examples = "https://instagram.com/sari.glow")
        String url,
        @NotNull @Min(0) @Max(10_000_000_000L)
        @Schema(description = "Current follower count; it decides the tier.", required = true, examples = "48200")
        Long followers,
        @Min(0) @Max(10_000_000_000L)
        @Schema(description = "Accounts this channel follows (default 0).", examples = "610")
        Long following,
        @Schema(description = "Whether the platform verified the account (default false).", examples = "false")
        Boolean verified,
        @Schema(description = "Audience demographics, when known.")
        Audience audience) {
}
