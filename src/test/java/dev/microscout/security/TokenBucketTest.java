package dev.microscout.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstThenARefillAtTheSustainedRate() {
        // 5 at once, 0.5 per second after that.
        TokenBucket bucket = new TokenBucket(5, 0.5, 0);
        for (int remaining = 4; remaining >= 0; remaining--) {
            TokenBucket.Decision d = bucket.take(0);
            assertTrue(d.allowed());
            assertEquals(remaining, d.remaining());
        }
        // Empty: one token takes (1 − 0) / 0.5 = 2 s; a full bucket (5 − 0) / 0.5 = 10 s.
        TokenBucket.Decision refused = bucket.take(0);
        assertFalse(refused.allowed());
        assertEquals(2, refused.retryAfterSeconds());
        assertEquals(10, refused.resetSeconds());
        // 2 s later one token is back, and taken: 0 remain.
        TokenBucket.Decision again = bucket.take(2 * SECOND);
        assertTrue(again.allowed());
        assertEquals(0, again.remaining());
    }

    @Test
    void aPeekTakesNothing() {
        TokenBucket bucket = new TokenBucket(1, 0.5, 0);
        assertTrue(bucket.peek(0).allowed());
        assertTrue(bucket.peek(0).allowed());
        assertTrue(bucket.take(0).allowed());
        TokenBucket.Decision empty = bucket.peek(0);
        assertFalse(empty.allowed());
        assertEquals(2, empty.retryAfterSeconds());
    }
}
