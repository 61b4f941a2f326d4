package dev.microscout.metrics;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "PostBatch", description = "1 to 1,000 posts of one channel. The batch is stored whole or not at all.")
public record PostBatch(
        @NotNull @Size(min = 1, max = 1000)
        @Schema(required = true) List<@NotNull @Valid PostInput> posts) {
}
