package dev.microscout.niche;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "NicheNode", description = "A niche of the taxonomy with its sub-niches.")
public record NicheNode(
        @Schema(description = "Stable identifier used in profiles and briefs.", examples = "skincare") String slug,
        @Schema(description = "Display name.", examples = "Skincare") String name,
        @Schema(description = "Slug of the parent niche; absent for a top-level niche.", examples = "beauty") String parent,
        @Schema(description = "Sub-niches, alphabetically.") List<NicheNode> children) {
}
