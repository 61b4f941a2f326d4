package dev.microscout.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Delivery of webhooks: retries, limits, where they may go, and the key that seals their secrets. */
@ConfigMapping(prefix = "microscout.webhooks")
public interface WebhookConfig {

    /**
     * Base64 of 32 random bytes ({@code openssl rand -base64 32}) that seals the signing secrets in the database
     * (MICROSCOUT_WEBHOOKS_SECRET_KEY). Required in production; changing it makes stored secrets unusable.
     */
    String secretKey();

    /** Waits before the 2nd, 3rd, … attempt of a failed delivery; after the last the delivery has failed. */
    @WithDefault("5s,30s,2m,10m,1h,3h,4h,4h,4h,4h,4h")
    List<Duration> retrySchedule();

    /** Each wait is spread at random by up to this share of it, either way. */
    @WithDefault("0.2")
    double retryJitter();

    /** How long one attempt may take, from connecting to the response's status line. */
    @WithDefault("10s")
    Duration timeout();

    /** An endpoint that failed every attempt for this long is disabled. */
    @WithDefault("5d")
    Duration disableAfter();

    /** How long the previous secret still signs after a rotation. */
    @WithDefault("24h")
    Duration secretOverlap();

    /** Events (with their deliveries and attempts) are kept this long once every delivery of them is done. */
    @WithDefault("30d")
    Duration retention();

    /** URLs must be https (unless their host is allowed). */
    @WithDefault("true")
    boolean requireHttps();

    /** URLs may reach loopback, private and other non-public addresses (dev and tests). */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** Hosts trusted as they are: http and any address allowed (tests, demos, partners inside the network). */
    Optional<Set<String>> allowedHosts();

    Dispatcher dispatcher();

    interface Dispatcher {
        /** Whether this instance delivers webhooks (several instances may; each delivery goes out once at a time). */
        @WithDefault("true")
        boolean enabled();

        /** How often the dispatcher looks for due deliveries; a committed event wakes it at once on its own instance. */
        @WithDefault("250ms")
        Duration pollInterval();

        /** Deliveries sent at the same time by this instance (threads). */
        @WithDefault("16")
        int senders();

        /** How long a claimed delivery stays with this instance; an instance that stopped loses it after this. */
        @WithDefault("60s")
        Duration lease();
    }
}
