package dev.microscout.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per API key (by its public prefix): {@code burst} requests at once, refilled at
 * {@code requestsPerSecond}. In memory: limits are per service instance.
 */
@ApplicationScoped
public class RateLimiter {

    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    SecurityConfig config;

    public Decision take(String keyPrefix) {
        double rate = config.rateLimit().requestsPerSecond();
        int burst = config.rateLimit().burst();
        Bucket bucket = buckets.computeIfAbsent(keyPrefix, k -> new Bucket(burst));
        synchronized (bucket) {
            long now = System.nanoTime();
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updatedAt) / 1e9 * rate);
            bucket.updatedAt = now;
            long reset = (long) Math.ceil((burst - bucket.tokens) / rate);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, burst, (int) Math.floor(bucket.tokens), Math.max(reset, 0), 0);
            }
            long retryAfter = Math.max(1, (long) Math.ceil((1 - bucket.tokens) / rate));
            return new Decision(false, burst, 0, Math.max(reset, 1), retryAfter);
        }
    }

    private static final class Bucket {
        double tokens;
        long updatedAt = System.nanoTime();

        Bucket(int burst) {
            this.tokens = burst;
        }
    }
}
