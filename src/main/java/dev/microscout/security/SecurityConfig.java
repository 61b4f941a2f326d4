package dev.microscout.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

@ConfigMapping(prefix = "microscout.security")
public interface SecurityConfig {

    /**
     * The operators' key, which creates organisations. In production set it from a secret
     * (MICROSCOUT_SECURITY_BOOTSTRAP_KEY, format msk_xxxxxxxx_ followed by at least 32 characters);
     * dev and demo runs generate one and print it when none is set.
     */
    Optional<String> bootstrapKey();

    /** Generate and print a bootstrap key when none is configured (dev and demo only). */
    @WithDefault("false")
    boolean generateBootstrapKey();

    DemoOrganisation demoOrganisation();

    RateLimit rateLimit();

    interface DemoOrganisation {
        /** Create a demo organisation with a VIEWER, an EDITOR and an ADMIN key (dev, demo and tests only). */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("Demo agency")
        String name();

        /** Fixed keys (tests); random ones are generated and printed when absent. */
        Optional<String> viewerKey();

        Optional<String> editorKey();

        Optional<String> adminKey();
    }

    interface RateLimit {
        /** Sustained requests per second per key. */
        @WithDefault("50")
        double requestsPerSecond();

        /** Requests a key may send at once above the sustained rate. */
        @WithDefault("100")
        int burst();

        /**
         * Where a key's bucket lives: in the database (true), one bucket per key however many service instances
         * there are, at one more statement per request on the connection that looks the key up; or in each
         * instance's memory (false), where n instances allow n times the rate.
         */
        @WithDefault("true")
        boolean shared();

        /**
         * With a shared bucket, the share of the burst an instance takes at once and spends in memory (at least one
         * token): one statement per lease instead of one per request. Tokens an instance holds are not available to
         * the others, so n instances may be off the exact limit by n leases at most (5 % of the burst each here).
         */
        @WithDefault("0.05")
        double leaseShare();

        /** How long an instance may spend a lease; tokens left in it after that are dropped, never given twice. */
        @WithDefault("1s")
        java.time.Duration leaseFor();

        /** Keys whose buckets are held at most in memory (least recently used ones are dropped beyond it). */
        @WithDefault("100000")
        long maxTrackedKeys();

        FailedAuthentication failedAuthentication();
    }

    /** Failed authentications per client address, limited before any key is looked up. */
    interface FailedAuthentication {
        /** Failures an address may have at once. */
        @WithDefault("20")
        int burst();

        /** Failures forgiven per second (the default: one every 6 seconds, 10 a minute). */
        @WithDefault("0.1667")
        double perSecond();

        /** Addresses tracked at most (least recently used ones are dropped beyond it). */
        @WithDefault("10000")
        long maxTrackedAddresses();
    }
}
