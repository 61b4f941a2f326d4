package dev.microscout.reputation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A brand-safety incident as the reputation formula sees it. {@code id} may be null before it is stored. */
public record IncidentFact(UUID id, String kind, IncidentSeverity severity, LocalDate occurredOn, boolean resolved) {

    public IncidentFact {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(occurredOn, "occurredOn");
    }
}
