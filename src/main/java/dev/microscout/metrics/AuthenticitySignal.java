package dev.microscout.metrics;

import java.util.Objects;

/**
 * A check that found something, the points it costs and the evidence in plain words.
 *
 * @param reason the evidence, e.g. "Followers jumped by 12,400 on 2026-10-03, 31× the usual daily change of 400"
 */
public record AuthenticitySignal(AuthenticityCheck code, int penalty, String reason) {

    public AuthenticitySignal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }
}
