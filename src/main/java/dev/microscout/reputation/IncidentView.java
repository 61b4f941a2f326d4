package dev.microscout.reputation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "Incident", description = "A brand-safety incident of an influencer. It counts for every organisation; the "
        + "reporter is never named, only whether it was yours.")
public record IncidentView(
        UUID id,
        UUID influencerId,
        @Schema(examples = "undisclosed-ad") String kind,
        @Schema(examples = "MEDIUM") IncidentSeverity severity,
        LocalDate occurredOn,
        @Schema(examples = "https://www.instagram.com/p/C9xYz12AbCd/") String source,
        @Schema(description = "A resolved incident no longer lowers the reputation.", examples = "false") boolean resolved,
        @Schema(examples = "Sponsored skincare post published without the #ad disclosure the contract required.") String description,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(description = "Version; the ETag is this number in quotes.", examples = "0") long version,
        @Schema(description = "Whether an ADMIN of your organisation reported it: only they (or an operator) may change it.",
                examples = "true") boolean reportedByYourOrganisation) {
}
