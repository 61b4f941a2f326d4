package dev.microscout.webhook;

import dev.microscout.webhook.WebhookViews.DeliveryStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * What follows an attempt: a 2xx answer delivers; anything else (another status, a 3xx included, or no answer) is
 * tried again after the schedule's next wait, or fails when the schedule is used up. An endpoint that answers 410 Gone,
 * or has failed every attempt for {@code disableAfter}, is disabled.
 */
public record DeliveryPolicy(RetrySchedule schedule, Duration disableAfter) {

    /** One attempt as it went: the status answered (null without an answer), or why there was none. */
    public record Attempt(Instant at, Integer statusCode, String error, long durationMs) {
        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    /** The delivery's next state, and the reason to disable its endpoint (null to keep it). */
    public record Decision(DeliveryStatus status, Instant nextAttemptAt, String disableEndpoint) {
    }

    /**
     * @param attemptsBefore attempts the delivery had before this one
     * @param failingSince   when the endpoint's current run of failures began (null: its last attempt succeeded)
     */
    public Decision decide(Attempt attempt, int attemptsBefore, Instant failingSince, DoubleSupplier random) {
        if (attempt.delivered()) {
            return new Decision(DeliveryStatus.SUCCEEDED, null, null);
        }
        String disable = null;
        if (attempt.statusCode() != null && attempt.statusCode() == 410) {
            disable = "The endpoint answered 410 Gone";
        } else if (failingSince != null && !failingSince.plus(disableAfter).isAfter(attempt.at())) {
            disable = "Every attempt failed since " + failingSince + " (" + words(disableAfter) + ")";
        }
        Optional<Duration> wait = schedule.delayAfter(attemptsBefore + 1, random);
        return wait.isPresent()
                ? new Decision(DeliveryStatus.PENDING, attempt.at().plus(wait.get()), disable)
                : new Decision(DeliveryStatus.FAILED, null, disable);
    }

    private static String words(Duration duration) {
        return duration.toDays() >= 1 && duration.toHours() % 24 == 0 ? duration.toDays() + " days"
                : duration.toHours() >= 1 && duration.toMinutes() % 60 == 0 ? duration.toHours() + " hours"
                : duration.toSeconds() + " seconds";
    }
}
