package dev.microscout.influencer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "InfluencerPage", description = "One page of influencers. Link headers (RFC 8288) point to the first, previous, next and last pages.")
public record InfluencerPage(
        List<InfluencerView> items,
        @Schema(description = "Page number, starting at 0.", examples = "0") int page,
        @Schema(description = "Page size.", examples = "20") int size,
        @Schema(description = "Number of influencers matching the filters.", examples = "312") long total) {
}
