package dev.microscout.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.UUID;

/**
 * Rate limits, in memory with a bounded footprint:
 * <ul>
 *   <li>a token bucket per <em>authenticated</em> key (by key id): a request is counted only once its key is
 *   known to be valid, so bad secrets sent with a key's public prefix cannot drain that key's bucket;</li>
 *   <li>a token bucket of failed authentications per client address, checked before the key is looked up:
 *   an address over it gets 429 without a database look-up.</li>
 * </ul>
 * Both maps are Caffeine caches with a maximum size; an entry idle long enough to have refilled completely is
 * dropped (a new bucket would be the same). Limits are per service instance.
 */
@ApplicationScoped
public class RateLimiter {

    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {
        static Decision of(TokenBucket.Decision d) {
            return new Decision(d.allowed(), d.limit(), d.remaining(), d.resetSeconds(), d.retryAfterSeconds());
        }
    }

    @Inject
    SecurityConfig config;

    private Cache<UUID, TokenBucket> keys;
    private Cache<String, TokenBucket> failures;

    @PostConstruct
    void init() {
        SecurityConfig.RateLimit keyLimit = config.rateLimit();
        SecurityConfig.FailedAuthentication failed = config.rateLimit().failedAuthentication();
        keys = Caffeine.newBuilder().maximumSize(keyLimit.maxTrackedKeys())
                .expireAfterAccess(fullAfter(keyLimit.burst(), keyLimit.requestsPerSecond())).build();
        failures = Caffeine.newBuilder().maximumSize(failed.maxTrackedAddresses())
                .expireAfterAccess(fullAfter(failed.burst(), failed.perSecond())).build();
    }

    /** Counts one request of an authenticated key. */
    public Decision take(UUID keyId) {
        SecurityConfig.RateLimit limit = config.rateLimit();
        long now = System.nanoTime();
        return Decision.of(keys.get(keyId, id -> new TokenBucket(limit.burst(), limit.requestsPerSecond(), now)).take(now));
    }

    /** Whether this client address may try to authenticate now (it has failures left). */
    public Decision mayAuthenticate(String address) {
        TokenBucket bucket = failures.getIfPresent(address);
        return bucket == null ? null : Decision.of(bucket.peek(System.nanoTime()));
    }

    /** Counts one failed authentication of this client address. */
    public void failed(String address) {
        SecurityConfig.FailedAuthentication limit = config.rateLimit().failedAuthentication();
        long now = System.nanoTime();
        failures.get(address, a -> new TokenBucket(limit.burst(), limit.perSecond(), now)).take(now);
    }

    /** Entries held now: the bound a test can check. */
    long trackedKeys() {
        keys.cleanUp();
        return keys.estimatedSize();
    }

    long trackedAddresses() {
        failures.cleanUp();
        return failures.estimatedSize();
    }

    /** Forgets every bucket (tests that need a known starting point). */
    void reset() {
        keys.invalidateAll();
        failures.invalidateAll();
    }

    private static Duration fullAfter(int burst, double perSecond) {
        return Duration.ofMillis((long) Math.ceil(burst / perSecond * 1000) + 1000);
    }
}
