package dev.microscout.influencer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class InfluencerNiche {
    @Column(name = "niche_slug", nullable = false)
    public String nicheSlug;

    @Column(nullable = false)
    public double weight;

    public InfluencerNiche() {
    }

    public InfluencerNiche(String nicheSlug, double weight) {
        this.nicheSlug = nicheSlug;
        this.weight = weight;
    }
}
