package dev.microscout.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Demo data for an empty catalogue: switched on in the dev and demo profiles only. */
@ConfigMapping(prefix = "microscout.demo-data")
public interface DemoDataConfig {

    /** Whether to load demo creators at start-up when the catalogue is empty. */
    @WithDefault("false")
    boolean enabled();

    /** How many creators to load. */
    @WithDefault("300")
    @Min(0)
    @Max(100_000)
    int influencers();

    /** Seed of the generator: the same seed loads the same creators. */
    @WithDefault("20261123")
    long seed();
}
