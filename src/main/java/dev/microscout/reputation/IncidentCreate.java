package dev.microscout.reputation;

import dev.microscout.common.NotBefore;
import dev.microscout.common.NotInFuture;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "IncidentCreate", description = "A brand-safety incident. While unresolved and at most 24 months old it lowers "
        + "the influencer's reputation by 0.1 (LOW), 0.25 (MEDIUM) or 0.5 (HIGH).")
public record IncidentCreate(
        @NotNull @Size(max = 60) @Pattern(regexp = IncidentCreate.KIND_FORMAT, message = IncidentCreate.KIND_MESSAGE)
        @Schema(description = "What happened, as a lower-case slug, e.g. undisclosed-ad, fake-engagement, hate-speech, "
                + "missed-deadline, plagiarism.", required = true, examples = "undisclosed-ad")
        String kind,
        @NotNull
        @Schema(description = "LOW takes 0.1 off the reputation, MEDIUM 0.25, HIGH 0.5.", required = true, examples = "MEDIUM")
        IncidentSeverity severity,
        @NotNull @NotInFuture @NotBefore(NotBefore.CATALOGUE_HISTORY)
        @Schema(description = "When it happened: from 2000-01-01, not in the future.", required = true, examples = "2026-09-14")
        LocalDate occurredOn,
        @Size(max = 500)
        @Schema(description = "Where it is documented: a URL or a reference.", examples = "https://www.instagram.com/p/C9xYz12AbCd/")
        String source,
        @Schema(description = "Whether it has been dealt with (default false). A resolved incident does not count.", examples = "false")
        Boolean resolved,
        @Size(max = 4000)
        @Schema(description = "What happened, in plain words.",
                examples = "Sponsored skincare post published without the #ad disclosure the contract required.")
        String description) {

    static final String KIND_FORMAT = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String KIND_MESSAGE = "must be a lower-case slug of letters, digits and single hyphens, e.g. undisclosed-ad";
}
