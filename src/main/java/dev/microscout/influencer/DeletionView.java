package dev.microscout.influencer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "Deletion", description = "A deleted item: when, by whom, and until when an ADMIN may restore it. "
        + "After restorableUntil an operator may purge it.")
public record DeletionView(
        OffsetDateTime deletedAt,
        @Schema(description = "Your key that deleted it (name and prefix), or \"another organisation\".",
                examples = "CRM sync (k3m9x2pa)")
        String deletedBy,
        @Schema(description = "Last moment of the restore window (30 days after the delete).")
        OffsetDateTime restorableUntil) {
}
