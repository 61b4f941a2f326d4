package dev.microscout.webhook;

import dev.microscout.webhook.WebhookViews.DeliveryStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * What follows an attempt: a 2xx answer delivers; anything else (another status, a 3xx included, or no answer) is
 * tried again after the schedule's next wait, or fails when the schedule is used up. A receiver that answers 429 or
 * 503 with {@code Retry-After} is left alone that long if it is longer than the wait, up to the schedule's longest
 * step: it may postpone an attempt, not bring it forward, add attempts or hold a delivery indefinitely. An endpoint
 * that answers 410 Gone, or has failed every attempt for {@code disableAfter}, is disabled.
 */
public record DeliveryPolicy(RetrySchedule schedule, Duration disableAfter) {

    /**
     * One attempt as it went: the status answered (null without an answer), or why there was none, and the pause the
     * receiver asked for (null when it asked for none).
     */
    public record Attempt(Instant at, Integer statusCode, String error, long durationMs, Duration retryAfter) {

        public Attempt(Instant at, Integer statusCode, String error, long durationMs) {
            this(at, statusCode, error, durationMs, null);
        }

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
        Optional<Duration> wait = schedule.delayAfter(attemptsBefore + 1, random).map(w -> asked(w, attempt.retryAfter()));
        return wait.isPresent()
                ? new Decision(DeliveryStatus.PENDING, attempt.at().plus(wait.get()), disable)
                : new Decision(DeliveryStatus.FAILED, null, disable);
    }

    /** The longer of the wait and the receiver's Retry-After, the latter no longer than the schedule's longest step. */
    private Duration asked(Duration wait, Duration retryAfter) {
        if (retryAfter == null) {
            return wait;
        }
        Duration asked = retryAfter.compareTo(schedule.longestStep()) < 0 ? retryAfter : schedule.longestStep();
        return asked.compareTo(wait) > 0 ? asked : wait;
    }

    /**
     * The pause a 429 or 503 answer asks for in its {@code Retry-After} header (RFC 9110: seconds, or an HTTP date
     * read against {@code now}); null for another status, no header, or one that cannot be read.
     */
    public static Duration retryAfter(int statusCode, String header, Instant now) {
        if ((statusCode != 429 && statusCode != 503) || header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return value.length() > 9 ? null : Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Instant until = java.time.ZonedDateTime.parse(value, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String words(Duration duration) {
        return duration.toDays() >= 1 && duration.toHours() % 24 == 0 ? duration.toDays() + " days"
                : duration.toHours() >= 1 && duration.toMinutes() % 60 == 0 ? duration.toHours() + " hours"
                : duration.toSeconds() + " seconds";
    }
}
