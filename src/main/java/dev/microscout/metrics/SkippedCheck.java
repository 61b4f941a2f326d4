package dev.microscout.metrics;

import java.util.Objects;

/** A check that could not be made for lack of data, and which data was missing. It costs nothing. */
public record SkippedCheck(AuthenticityCheck code, String reason) {

    public SkippedCheck {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }
}
