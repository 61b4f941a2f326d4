package dev.microscout.reputation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A brand's review of an influencer after a collaboration. Reviews belong to the shared catalogue: every
 * organisation reads them and they all count toward the reputation, so there is no tenant filter here.
 */
@Entity
@Table(name = "review")
public class Review extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(name = "influencer_id", nullable = false)
    public UUID influencerId;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "content_quality", nullable = false)
    public short contentQuality;

    @Column(nullable = false)
    public short professionalism;

    @Column(nullable = false)
    public short timeliness;

    @Column(nullable = false)
    public short communication;

    public String text;

    @Column(name = "reviewed_on", nullable = false)
    public LocalDate reviewedOn;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    ReviewRatings ratings() {
        return new ReviewRatings(contentQuality, professionalism, timeliness, communication);
    }
}
