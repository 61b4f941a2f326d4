package dev.microscout.tier;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

@ApplicationScoped
public class TierPolicyProducer {

    /** Built eagerly so that bad thresholds fail the start, not the first request. */
    @Produces
    @Singleton
    @Startup
    TierPolicy tierPolicy(TierConfig config) {
        return new TierPolicy(config.microMin(), config.microMax());
    }
}
