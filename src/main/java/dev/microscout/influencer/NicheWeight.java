package dev.microscout.influencer;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NicheWeight", description = "A niche of the creator's content and how much of it is about that niche.")
public record NicheWeight(
        @NotBlank
        @Schema(description = "Slug of a niche of the taxonomy (GET /api/v1/niches).", examples = "skincare", required = true)
        String niche,
        @NotNull
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("1")
        @Schema(description = "Share of the content in this niche, 0 < weight <= 1.", examples = "0.8", required = true)
        Double weight) {
}
