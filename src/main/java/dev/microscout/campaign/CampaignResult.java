package dev.microscout.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** What one post of a contracted creator delivered, and what it cost. */
@Entity
@Table(name = "campaign_result")
@IdClass(CampaignResult.Key.class)
public class CampaignResult extends PanacheEntityBase {
    @Id
    @Column(name = "campaign_id")
    public UUID campaignId;

    @Id
    @Column(name = "influencer_id")
    public UUID influencerId;

    @Id
    public String post;

    @TenantId
    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    @Column(name = "posted_on")
    public LocalDate postedOn;

    public long views;
    public long reach;
    public long likes;
    public long comments;
    public long saves;
    public long shares;
    @Column(name = "link_clicks")
    public long linkClicks;
    public long dms;
    public long conversions;

    @Column(name = "cost_amount", nullable = false)
    public BigDecimal costAmount;

    @Column(name = "cost_currency", nullable = false)
    public String costCurrency;

    @Column(name = "cost_in_budget", nullable = false)
    public BigDecimal costInBudget;

    @Column(name = "cost_rate", nullable = false)
    public BigDecimal costRate;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    CampaignFigures.Counts counts() {
        return new CampaignFigures.Counts(1, views, reach, likes, comments, saves, shares, linkClicks, dms, conversions, costInBudget);
    }

    public static final class Key implements Serializable {
        public UUID campaignId;
        public UUID influencerId;
        public String post;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(campaignId, k.campaignId) && Objects.equals(influencerId, k.influencerId)
                    && Objects.equals(post, k.post);
        }

        @Override
        public int hashCode() {
            return Objects.hash(campaignId, influencerId, post);
        }
    }
}
