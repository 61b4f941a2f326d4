package dev.microscout.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "microscout.metrics")
public interface MetricsConfig {

    /** Days of posts the metrics rest on. */
    @WithDefault("90")
    int windowDays();

    /** At most this many of the newest posts in the window. */
    @WithDefault("50")
    int windowMaxPosts();

    /** How often the peer baselines are recomputed ("off" to refresh only on demand). */
    @WithDefault("10m")
    String peerRefreshEvery();

    /** How long after start-up the first scheduled refresh comes. */
    @WithDefault("30s")
    String peerRefreshFirstAfter();

    default MetricsWindow window() {
        return new MetricsWindow(windowDays(), windowMaxPosts());
    }
}
