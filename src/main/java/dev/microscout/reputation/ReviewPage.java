package dev.microscout.reputation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ReviewPage", description = "One page of reviews, newest first. Link headers (RFC 8288) point to the first, "
        + "previous, next and last pages.")
public record ReviewPage(
        List<ReviewView> items,
        @Schema(description = "Page number, starting at 0.", examples = "0") int page,
        @Schema(description = "Page size.", examples = "20") int size,
        @Schema(description = "Number of reviews of the influencer.", examples = "21") long total) {
}
