package dev.microscout.influencer;

import dev.microscout.tier.Tier;

import java.util.List;

/** Filters of the influencer listing; null or empty means "any". */
public record InfluencerFilter(List<Tier> tiers, Platform platform, String country, String language,
                               String niche, Long minFollowers, Long maxFollowers) {
}
