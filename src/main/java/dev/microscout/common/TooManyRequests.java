package dev.microscout.common;

/**
 * A request refused by a rate limit, raised while authenticating (as the cause of the authentication failure):
 * either the key's own limit (the response states it in RateLimit-* headers) or the failed authentications of
 * the client's address.
 */
public class TooManyRequests extends RuntimeException {

    private final boolean keyLimit;
    private final int limit;
    private final long resetSeconds;
    private final long retryAfterSeconds;

    public TooManyRequests(boolean keyLimit, int limit, long resetSeconds, long retryAfterSeconds) {
        super("rate limited");
        this.keyLimit = keyLimit;
        this.limit = limit;
        this.resetSeconds = resetSeconds;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public boolean keyLimit() {
        return keyLimit;
    }

    public int limit() {
        return limit;
    }

    public long resetSeconds() {
        return resetSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
