package dev.microscout.metrics;

import java.util.List;

/**
 * How far a channel's audience and engagement look real.
 *
 * @param score 0–100: 100 minus the penalties of the signals found, never below 0
 * @param signals what was found, each with its penalty and evidence
 * @param skipped checks that could not be made (they cost nothing), so that 100 is not read as "all clear"
 *                when there was nothing to check
 */
public record Authenticity(int score, List<AuthenticitySignal> signals, List<SkippedCheck> skipped) {

    public Authenticity {
        signals = List.copyOf(signals);
        skipped = List.copyOf(skipped);
    }
}
