package dev.microscout.reputation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The fields of an incident a merge patch may change, as the patch is applied to them. What happened and
 * when (kind, occurredOn) is the record itself and stays as first written.
 */
record IncidentChange(
        @NotNull Boolean resolved,
        @Size(max = 4000) String description,
        @NotNull IncidentSeverity severity,
        @Size(max = 500) String source) {

    static IncidentChange of(Incident incident) {
        return new IncidentChange(incident.resolved, incident.description, incident.severity, incident.source);
    }
}
