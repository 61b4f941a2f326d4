package dev.microscout.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** A creator on a campaign's shortlist, with the ranking's view of them when shortlisted (kept as it was). */
@Entity
@Table(name = "shortlist_entry")
@IdClass(ShortlistEntry.Key.class)
public class ShortlistEntry extends PanacheEntityBase {
    @Id
    @Column(name = "campaign_id")
    public UUID campaignId;

    @Id
    @Column(name = "influencer_id")
    public UUID influencerId;

    @TenantId
    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    @Column(name = "channel_id", nullable = false)
    public UUID channelId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ShortlistStatus status;

    public String note;

    @Column(name = "agreed_amount")
    public BigDecimal agreedAmount;

    @Column(name = "agreed_currency")
    public String agreedCurrency;

    @Column(name = "agreed_in_budget")
    public BigDecimal agreedInBudget;

    @Column(name = "agreed_rate")
    public BigDecimal agreedRate;

    public Double score;

    /** {nicheFit, engagement, reputation, audienceFit} as JSON text, null when the creator was not a candidate. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String components;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String weights;

    /** The reasons in plain words, a JSON array of strings. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false)
    public String reasons;

    @Column(name = "shortlisted_at", nullable = false)
    public OffsetDateTime shortlistedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public static final class Key implements Serializable {
        public UUID campaignId;
        public UUID influencerId;

        public Key() {
        }

        public Key(UUID campaignId, UUID influencerId) {
            this.campaignId = campaignId;
            this.influencerId = influencerId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(campaignId, k.campaignId) && Objects.equals(influencerId, k.influencerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(campaignId, influencerId);
        }
    }
}
