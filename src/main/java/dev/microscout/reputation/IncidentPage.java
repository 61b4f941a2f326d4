package dev.microscout.reputation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "IncidentPage", description = "One page of incidents, newest first. Link headers (RFC 8288) point to the first, "
        + "previous, next and last pages.")
public record IncidentPage(
        List<IncidentView> items,
        @Schema(description = "Page number, starting at 0.", examples = "0") int page,
        @Schema(description = "Page size.", examples = "20") int size,
        @Schema(description = "Number of incidents of the influencer.", examples = "2") long total) {
}
