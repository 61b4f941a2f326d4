package dev.microscout.security;

/**
 * A token bucket: {@code burst} tokens at once, refilled at {@code perSecond}. Pure arithmetic over a clock in
 * nanoseconds, so that its figures can be tested without waiting.
 */
final class TokenBucket {

    /** What one take found: allowed or not, what remains, and when to retry or when the bucket is full again. */
    record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private final int burst;
    private final double perSecond;
    private double tokens;
    private long updatedAt;

    TokenBucket(int burst, double perSecond, long now) {
        this.burst = burst;
        this.perSecond = perSecond;
        this.tokens = burst;
        this.updatedAt = now;
    }

    synchronized Decision take(long now) {
        return decide(now, true);
    }

    /** Whether a take would be allowed now, without taking. */
    synchronized Decision peek(long now) {
        return decide(now, false);
    }

    private Decision decide(long now, boolean take) {
        refill(now);
        boolean allowed = tokens >= 1;
        if (allowed && take) {
            tokens -= 1;
        }
        return decision(burst, perSecond, tokens, allowed);
    }

    /** The figures of a take that left {@code tokens} (after taking one when {@code allowed}). */
    static Decision decision(int burst, double perSecond, double tokens, boolean allowed) {
        long reset = (long) Math.ceil((burst - tokens) / perSecond);
        if (allowed) {
            return new Decision(true, burst, (int) Math.floor(tokens), Math.max(reset, 0), 0);
        }
        return new Decision(false, burst, 0, Math.max(reset, 1), Math.max(1, (long) Math.ceil((1 - tokens) / perSecond)));
    }

    private void refill(long now) {
        tokens = Math.min(burst, tokens + (now - updatedAt) / 1e9 * perSecond);
        updatedAt = now;
    }
}
