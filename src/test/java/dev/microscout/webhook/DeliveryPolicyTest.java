package dev.microscout.webhook;

import dev.microscout.webhook.DeliveryPolicy.Attempt;
import dev.microscout.webhook.DeliveryPolicy.Decision;
import dev.microscout.webhook.WebhookViews.DeliveryStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final DeliveryPolicy policy = new DeliveryPolicy(
            new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30)), 0.2), Duration.ofDays(5));

    @Test
    void a2xxDelivers() {
        for (int status : new int[]{200, 202, 204, 299}) {
            assertEquals(new Decision(DeliveryStatus.SUCCEEDED, null, null), policy.decide(answered(status), 0, NOW.minusSeconds(60), () -> 0.5));
        }
    }

    @Test
    void anythingElseIsTriedAgainAfterTheNextStepThenFails() {
        // First failure: 5 s later (jitter at its middle); second: 30 s later; third: the schedule is used up.
        assertEquals(new Decision(DeliveryStatus.PENDING, NOW.plusSeconds(5), null), policy.decide(answered(500), 0, null, () -> 0.5));
        assertEquals(new Decision(DeliveryStatus.PENDING, NOW.plusSeconds(30), null), policy.decide(answered(302), 1, NOW, () -> 0.5));
        assertEquals(new Decision(DeliveryStatus.FAILED, null, null),
                policy.decide(new Attempt(NOW, null, "connection refused", 3), 2, NOW, () -> 0.5));
    }

    @Test
    void gone410DisablesTheEndpoint() {
        Decision decision = policy.decide(answered(410), 0, null, () -> 0.5);
        assertEquals("The endpoint answered 410 Gone", decision.disableEndpoint());
    }

    @Test
    void fiveDaysOfFailuresDisableTheEndpointAndLessDoesNot() {
        assertNull(policy.decide(answered(503), 0, NOW.minus(Duration.ofDays(5)).plusSeconds(1), () -> 0.5).disableEndpoint());
        String reason = policy.decide(answered(503), 0, NOW.minus(Duration.ofDays(5)), () -> 0.5).disableEndpoint();
        assertTrue(reason != null && reason.contains("since 2026-11-26T10:00:00Z (5 days)"), reason);
    }

    @Test
    void aRetryAfterLongerThanTheWaitPostponesTheNextAttemptUpToTheLongestStep() {
        // The first wait is 5 s (jitter at its middle); the longest step is 30 s.
        assertEquals(NOW.plusSeconds(20), policy.decide(asking(429, 20), 0, null, () -> 0.5).nextAttemptAt());
        assertEquals(NOW.plusSeconds(5), policy.decide(asking(503, 3), 0, null, () -> 0.5).nextAttemptAt());
        assertEquals(NOW.plusSeconds(30), policy.decide(asking(503, 86_400), 0, null, () -> 0.5).nextAttemptAt());
        // It adds no attempt: after the last step the delivery fails whatever the receiver asked.
        assertEquals(new Decision(DeliveryStatus.FAILED, null, null), policy.decide(asking(429, 10), 2, NOW, () -> 0.5));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDateOn429And503Only() {
        assertEquals(Duration.ofSeconds(120), DeliveryPolicy.retryAfter(429, "120", NOW));
        assertEquals(Duration.ofSeconds(120), DeliveryPolicy.retryAfter(503, " 120 ", NOW));
        assertEquals(Duration.ofSeconds(90), DeliveryPolicy.retryAfter(503, "Tue, 01 Dec 2026 10:01:30 GMT", NOW));
        assertEquals(Duration.ZERO, DeliveryPolicy.retryAfter(503, "Tue, 01 Dec 2026 09:00:00 GMT", NOW));
        assertNull(DeliveryPolicy.retryAfter(500, "120", NOW));
        assertNull(DeliveryPolicy.retryAfter(429, null, NOW));
        assertNull(DeliveryPolicy.retryAfter(429, "-5", NOW));
        assertNull(DeliveryPolicy.retryAfter(429, "soon", NOW));
        assertNull(DeliveryPolicy.retryAfter(429, "99999999999", NOW));
    }

    private static Attempt asking(int status, long retryAfterSeconds) {
        return new Attempt(NOW, status, null, 12, Duration.ofSeconds(retryAfterSeconds));
    }

    private static Attempt answered(int status) {
        return new Attempt(NOW, status, null, 12);
    }
}
