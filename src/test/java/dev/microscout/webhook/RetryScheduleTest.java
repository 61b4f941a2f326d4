package dev.microscout.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetryScheduleTest {

    private static final RetrySchedule SCHEDULE = new RetrySchedule(
            List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2)), 0.2);

    @Test
    void theNthFailureWaitsTheNthStepWithoutJitterAtTheMiddle() {
        assertEquals(Optional.of(Duration.ofSeconds(5)), SCHEDULE.delayAfter(1, () -> 0.5));
        assertEquals(Optional.of(Duration.ofSeconds(30)), SCHEDULE.delayAfter(2, () -> 0.5));
        assertEquals(Optional.of(Duration.ofMinutes(2)), SCHEDULE.delayAfter(3, () -> 0.5));
    }

    @Test
    void jitterSpreadsAStepByAtMostTwentyPercentEitherWay() {
        // 30 s × (1 ± 0.2): from 24 s (random 0) to just under 36 s (random → 1): 0.9999 gives 30 s × 1.19996 = 35.9988 s.
        assertEquals(Optional.of(Duration.ofSeconds(24)), SCHEDULE.delayAfter(2, () -> 0.0));
        assertEquals(Optional.of(Duration.ofMillis(35_999)), SCHEDULE.delayAfter(2, () -> 0.9999));
        assertEquals(Optional.of(Duration.ofSeconds(27)), SCHEDULE.delayAfter(2, () -> 0.25));
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 1000; i++) {
            long millis = SCHEDULE.delayAfter(1, random::nextDouble).orElseThrow().toMillis();
            assertEquals(true, millis >= 4_000 && millis <= 6_000, millis + " ms is outside 5 s ± 20 %");
        }
    }

    @Test
    void afterTheLastStepTheDeliveryHasFailed() {
        assertEquals(Optional.empty(), SCHEDULE.delayAfter(4, () -> 0.5));
        assertEquals(4, SCHEDULE.maxAttempts());
    }

    @Test
    void theDefaultScheduleSpansAboutADay() {
        RetrySchedule defaults = new RetrySchedule(List.of("5s", "30s", "2m", "10m", "1h", "3h", "4h", "4h", "4h", "4h", "4h")
                .stream().map(s -> Duration.parse("PT" + s.toUpperCase())).toList(), 0.2);
        Duration total = defaults.steps().stream().reduce(Duration.ZERO, Duration::plus);
        // 5 s + 30 s + 2 min + 10 min + 1 h + 3 h + 5 × 4 h = 24 h 12 min 35 s
        assertEquals(Duration.ofHours(24).plusMinutes(12).plusSeconds(35), total);
        assertEquals(12, defaults.maxAttempts());
    }

    @Test
    void aScheduleWithANonPositiveStepOrAJitterOfOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of(Duration.ZERO), 0.2));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of(Duration.ofSeconds(1)), 1.0));
    }
}
