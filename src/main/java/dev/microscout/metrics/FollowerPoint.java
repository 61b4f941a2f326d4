package dev.microscout.metrics;

import java.time.LocalDate;
import java.util.Objects;

/** A channel's follower count on one day. */
public record FollowerPoint(LocalDate date, long followers) {

    public FollowerPoint {
        Objects.requireNonNull(date, "date");
        if (followers < 0) {
            throw new IllegalArgumentException("followers must be >= 0, got " + followers);
        }
    }
}
