package dev.microscout.influencer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "FollowerSnapshotBatch", description = "1 to 1,000 follower snapshots of one channel. The newest becomes the channel's follower count.")
public record SnapshotBatch(
        @NotNull @Size(min = 1, max = 1000)
        @Schema(required = true) List<@NotNull @Valid SnapshotInput> snapshots) {
}
