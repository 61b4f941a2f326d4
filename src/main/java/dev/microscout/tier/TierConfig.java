package dev.microscout.tier;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tier thresholds; inconsistent values stop the service at start-up (see {@link TierPolicyProducer}). */
@ConfigMapping(prefix = "microscout.tiers")
public interface TierConfig {

    /** First follower count that is MICRO. */
    @WithDefault("10000")
    long microMin();

    /** Last follower count that is MICRO; above it is MACRO. */
    @WithDefault("100000")
    long microMax();
}
