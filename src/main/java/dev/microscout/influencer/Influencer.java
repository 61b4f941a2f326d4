package dev.microscout.influencer;

import dev.microscout.tier.Tier;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "influencer")
public class Influencer extends PanacheEntityBase {

    /** The most channels one creator may have. */
    public static final int MAX_CHANNELS = 10;

    @Id
    public UUID id;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    public String bio;

    @Column(nullable = false)
    public String country;

    public String city;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(2)[]", nullable = false)
    public String[] languages = new String[0];

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "rate_currency")
    public String rateCurrency;

    @Column(name = "rate_price", precision = 14, scale = 2)
    public BigDecimal ratePrice;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Tier tier;

    @Column(name = "max_followers", nullable = false)
    public long maxFollowers;

    @ElementCollection
    @CollectionTable(name = "influencer_niche", joinColumns = @JoinColumn(name = "influencer_id"))
    @BatchSize(size = 100)
    public List<InfluencerNiche> niches = new ArrayList<>();

    /**
     * The live channels. A deleted channel keeps its row and leaves this list: removing one from it changes nothing
     * in the database (it is the inverse side, without orphan removal); its deletion does.
     */
    @OneToMany(mappedBy = "influencer", cascade = CascadeType.ALL)
    @SQLRestriction("deleted_at is null")
    @OrderBy("createdAt, id")
    @BatchSize(size = 100)
    public List<Channel> channels = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** Null while the influencer is live. */
    @Embedded
    public Deletion deletion;

    /** The organisation and key of the last catalogue write (profile, channel or follower snapshot). */
    @Column(name = "last_changed_by_organisation")
    public UUID lastChangedByOrganisation;

    @Column(name = "last_changed_by_key")
    public UUID lastChangedByKey;

    Authorship.Writer lastChangedBy() {
        return new Authorship.Writer(lastChangedByOrganisation, lastChangedByKey);
    }
}
