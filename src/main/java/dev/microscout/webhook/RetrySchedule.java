package dev.microscout.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: the n-th failure waits the n-th step of the schedule, spread by a random
 * jitter of ±{@code jitter} of the step (so that failures of many deliveries do not come back in one wave). After
 * the last step the delivery has failed.
 */
public final class RetrySchedule {

    private final List<Duration> steps;
    private final double jitter;

    public RetrySchedule(List<Duration> steps, double jitter) {
        if (steps.stream().anyMatch(s -> s.isNegative() || s.isZero())) {
            throw new IllegalArgumentException("Every step of the retry schedule must be positive: " + steps);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("The jitter must be at least 0 and below 1, not " + jitter);
        }
        this.steps = List.copyOf(steps);
        this.jitter = jitter;
    }

    /**
     * @param failedAttempts attempts made so far, all failed (1 after the first)
     * @param random         a uniform value in [0, 1)
     * @return the wait before the next attempt, or empty when the schedule is used up
     */
    public Optional<Duration> delayAfter(int failedAttempts, DoubleSupplier random) {
        if (failedAttempts < 1 || failedAttempts > steps.size()) {
            return Optional.empty();
        }
        Duration step = steps.get(failedAttempts - 1);
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Optional.of(Duration.ofMillis(Math.max(1, Math.round(step.toMillis() * factor))));
    }

    /** Attempts a delivery gets at most: the first and one per step. */
    public int maxAttempts() {
        return steps.size() + 1;
    }

    public List<Duration> steps() {
        return steps;
    }

    /** The longest wait of the schedule (zero for a schedule without steps). */
    public Duration longestStep() {
        return steps.stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
