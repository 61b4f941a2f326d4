package dev.microscout.influencer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * When, and by which organisation and key, an influencer or a channel was deleted. A live row has none (all three
 * columns null); a deleted one keeps every row that hangs from it, and every read but the ADMINs' leaves it out.
 */
@Embeddable
public class Deletion {
    @Column(name = "deleted_at")
    public OffsetDateTime at;

    @Column(name = "deleted_by_organisation")
    public UUID organisationId;

    @Column(name = "deleted_by_key")
    public UUID keyId;

    protected Deletion() {
    }

    Deletion(OffsetDateTime at, Authorship.Writer by) {
        this.at = at;
        this.organisationId = by.organisationId();
        this.keyId = by.keyId();
    }

    Authorship.Writer by() {
        return new Authorship.Writer(organisationId, keyId);
    }
}
