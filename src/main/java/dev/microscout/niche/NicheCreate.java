package dev.microscout.niche;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NicheCreate", description = "A new niche, top-level or under a parent.")
public record NicheCreate(
        @NotBlank @Size(max = 60) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "must be lower-case words joined by hyphens, e.g. k-beauty")
        @Schema(required = true, examples = "k-beauty") String slug,
        @NotBlank @Size(max = 120) @Schema(required = true, examples = "K-beauty") String name,
        @Size(max = 60) @Schema(description = "Slug of the parent niche; absent for a top-level niche.", examples = "beauty") String parent) {
}
