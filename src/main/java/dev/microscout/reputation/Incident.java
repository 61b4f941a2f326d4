package dev.microscout.reputation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A brand-safety incident of an influencer, recorded by an administrator. */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "influencer_id", nullable = false)
    public UUID influencerId;

    @Column(nullable = false)
    public String kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentSeverity severity;

    @Column(name = "occurred_on", nullable = false)
    public LocalDate occurredOn;

    public String source;

    @Column(nullable = false)
    public boolean resolved;

    public String description;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** The organisation whose ADMIN reported it; null for incidents recorded before reporters were kept. */
    @Column(name = "reported_by_organisation")
    public UUID reportedByOrganisation;

    IncidentFact fact() {
        return new IncidentFact(id, kind, severity, occurredOn, resolved);
    }
}
