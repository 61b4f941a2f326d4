package dev.microscout.influencer;

import dev.microscout.tier.Tier;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "channel")
public class Channel extends PanacheEntityBase {
    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "influencer_id", nullable = false)
    public Influencer influencer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Platform platform;

    @Column(nullable = false)
    public String handle;

    public String url;

    @Column(nullable = false)
    public long followers;

    @Column(nullable = false)
    public long following;

    @Column(nullable = false)
    public boolean verified;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Audience audience;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Tier tier;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** Null while the channel is live. */
    @Embedded
    public Deletion deletion;

    /** Neither the channel nor its influencer is deleted. */
    public boolean isLive() {
        return deletion == null && influencer.deletion == null;
    }

    /** A channel that is live, for the features above the catalogue (metrics, discovery): a deleted one is absent. */
    public static Optional<Channel> findLive(UUID id) {
        return Channel.<Channel>findByIdOptional(id).filter(Channel::isLive);
    }
}
