package dev.microscout.tier;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One change of a channel's tier; the source of channel.tier_changed events. */
@Entity
@Table(name = "tier_change")
public class TierChange extends PanacheEntityBase {
    @Id
    // Fifty ids per nextval (V13), so that the rows of a bulk write go in JDBC batches.
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tier_change_ids")
    @jakarta.persistence.SequenceGenerator(name = "tier_change_ids", sequenceName = "tier_change_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "channel_id", nullable = false)
    public UUID channelId;

    @Column(name = "influencer_id", nullable = false)
    public UUID influencerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_tier")
    public Tier fromTier;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_tier", nullable = false)
    public Tier toTier;

    @Column(nullable = false)
    public long followers;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;
}
