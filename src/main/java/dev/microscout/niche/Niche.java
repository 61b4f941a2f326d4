package dev.microscout.niche;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

@Entity
@Table(name = "niche")
public class Niche extends PanacheEntityBase {
    @Id
    public String slug;

    @Column(name = "parent_slug")
    public String parentSlug;

    public String name;

    /** Top-level ancestor (itself for a top-level niche). */
    @Column(name = "root_slug", nullable = false)
    public String rootSlug;

    /** Index of this niche within its root's subtree: the slot of its weight in search vectors. */
    @Column(nullable = false)
    public short position;

    /**
     * A top-level niche's bit in search_entry.root_mask (0–62, in order of creation); null for sub-niches and for
     * top-level niches past the 63rd, which briefs then combine the slower way.
     */
    @Column(name = "root_bit")
    public Short rootBit;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
