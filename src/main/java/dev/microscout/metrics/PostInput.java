package dev.microscout.metrics;

import dev.microscout.common.NotBefore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

@Schema(name = "PostInput", description = "The metrics of one post. Sending a post with the same externalId again updates it.")
public record PostInput(
        @NotBlank @Size(max = 200)
        @Schema(description = "The platform's id of the post, unique per channel.", required = true, examples = "C9x2LpQvA1z")
        String externalId,
        @NotNull @PastOrPresent @NotBefore(NotBefore.CATALOGUE_HISTORY)
        @Schema(description = "When the post was published: from 2000-01-01T00:00:00Z, not in the future.", required = true,
                examples = "2026-11-02T09:30:00Z")
        OffsetDateTime postedAt,
        @NotNull
        @Schema(required = true, examples = "REEL") PostFormat format,
        @Schema(description = "Paid or gifted content (default false).", examples = "false") Boolean sponsored,
        @Min(0) @Max(MAX_COUNT)
        @Schema(description = "Views; absent when the platform does not report them.", examples = "18500") Long views,
        @Min(0) @Max(MAX_COUNT)
        @Schema(description = "Unique accounts reached; absent when unknown.", examples = "12100") Long reach,
        @NotNull @Min(0) @Max(MAX_COUNT) @Schema(required = true, examples = "1480") Long likes,
        @NotNull @Min(0) @Max(MAX_COUNT) @Schema(required = true, examples = "96") Long comments,
        @Min(0) @Max(MAX_COUNT) @Schema(description = "Saves (default 0).", examples = "210") Long saves,
        @Min(0) @Max(MAX_COUNT) @Schema(description = "Shares (default 0).", examples = "75") Long shares,
        @Min(0) @Max(MAX_COUNT) @Schema(description = "Link clicks (default 0).", examples = "40") Long linkClicks,
        @Min(0) @Max(MAX_COUNT) @Schema(description = "Direct messages prompted by the post (default 0).", examples = "12") Long dms,
        @Min(0) @Max(MAX_COUNT) @Schema(description = "Mentions of the post or the brand (default 0).", examples = "5") Long mentions,
        @Size(max = 30)
        @Schema(description = "Hashtags or topics, stored without a leading # and in lower case; each must be one word of at most "
                + "100 characters once lower-cased.", examples = "[\"skincare\", \"sunscreen\"]")
        List<@NotNull @Pattern(regexp = "^[a-z0-9_\\u00C0-\\uFFFF-]{1,100}$",
                message = "must be one word of letters, digits, _ or -, at most 100 characters once lower-cased") String> tags) {

    static final long MAX_COUNT = 100_000_000_000L;

    /**
     * Tags are validated as they are stored: lower-casing can lengthen a word (İ becomes i and a combining dot),
     * so a check of the text as sent would let a tag through that its column cannot hold.
     */
    public PostInput {
        tags = tags == null ? null : tags.stream().map(PostInput::storedTag).toList();
    }

    static String storedTag(String tag) {
        if (tag == null) {
            return null;
        }
        return (tag.startsWith("#") ? tag.substring(1) : tag).toLowerCase(Locale.ROOT);
    }
}
