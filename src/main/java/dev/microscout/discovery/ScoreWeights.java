package dev.microscout.discovery;

import dev.microscout.common.FieldError;
import dev.microscout.common.InvalidInput;

import java.util.ArrayList;
import java.util.List;

/**
 * How much each component counts in the discovery score; always normalised to sum 1.
 *
 * <p>A brief without weights gets the defaults: nicheFit 0.4, engagement 0.35, reputation 0.25 and
 * no audienceFit; when the brief names an audience, 0.3 / 0.3 / 0.2 and audienceFit 0.2. Weights the
 * client gives are the whole mix: a component left out counts 0, the rest are scaled to sum 1.
 *
 * <p>An audienceFit weight above 0 in a brief without an audience is refused rather than dropped:
 * ignoring it would silently answer with weights other than the ones the client asked for.
 */
public record ScoreWeights(double nicheFit, double engagement, double reputation, double audienceFit) {

    public static final ScoreWeights WITHOUT_AUDIENCE = new ScoreWeights(0.4, 0.35, 0.25, 0);
    public static final ScoreWeights WITH_AUDIENCE = new ScoreWeights(0.3, 0.3, 0.2, 0.2);

    private static final double SUM_TOLERANCE = 1e-9;

    public ScoreWeights {
        double sum = 0;
        for (double weight : new double[]{nicheFit, engagement, reputation, audienceFit}) {
            if (!Double.isFinite(weight) || weight < 0) {
                throw new IllegalArgumentException("weights must be finite and >= 0, got " + weight);
            }
            sum += weight;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("weights must sum to 1, got " + sum);
        }
    }

    /** Weights as a brief carries them: any may be absent (null). */
    public record Requested(Double nicheFit, Double engagement, Double reputation, Double audienceFit) {
    }

    public static ScoreWeights defaults(boolean briefHasAudience) {
        return briefHasAudience ? WITH_AUDIENCE : WITHOUT_AUDIENCE;
    }

    /** Every problem with requested weights, with its field in the brief; empty when they are usable. */
    public static List<FieldError> check(Requested requested, boolean briefHasAudience) {
        List<FieldError> errors = new ArrayList<>();
        if (requested == null) {
            return errors;
        }
        checkOne("weights.nicheFit", requested.nicheFit(), errors);
        checkOne("weights.engagement", requested.engagement(), errors);
        checkOne("weights.reputation", requested.reputation(), errors);
        checkOne("weights.audienceFit", requested.audienceFit(), errors);
        if (!briefHasAudience && orZero(requested.audienceFit()) > 0) {
            errors.add(new FieldError("weights.audienceFit", "needs an audience in the brief"));
        }
        if (errors.isEmpty() && sum(requested) == 0) {
            errors.add(new FieldError("weights", "must not all be 0"));
        } else if (errors.isEmpty() && !Double.isFinite(sum(requested))) {
            errors.add(new FieldError("weights", "must sum to a finite number"));
        }
        return errors;
    }

    /**
     * The weights to score a brief with: the defaults when none are requested, else the requested ones
     * scaled to sum 1.
     *
     * @throws InvalidInput listing every problem {@link #check} finds
     */
    public static ScoreWeights resolve(Requested requested, boolean briefHasAudience) {
        if (requested == null) {
            return defaults(briefHasAudience);
        }
        List<FieldError> errors = check(requested, briefHasAudience);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        double sum = sum(requested);
        return new ScoreWeights(orZero(requested.nicheFit()) / sum, orZero(requested.engagement()) / sum,
                orZero(requested.reputation()) / sum, orZero(requested.audienceFit()) / sum);
    }

    public double weight(DiscoveryScore.Component component) {
        return switch (component) {
            case NICHE_FIT -> nicheFit;
            case ENGAGEMENT -> engagement;
            case REPUTATION -> reputation;
            case AUDIENCE_FIT -> audienceFit;
        };
    }

    private static void checkOne(String field, Double weight, List<FieldError> errors) {
        if (weight == null) {
            return;
        }
        if (!Double.isFinite(weight)) {
            errors.add(new FieldError(field, "must be a finite number"));
        } else if (weight < 0) {
            errors.add(new FieldError(field, "must be >= 0"));
        }
    }

    private static double sum(Requested requested) {
        return orZero(requested.nicheFit()) + orZero(requested.engagement()) + orZero(requested.reputation())
                + orZero(requested.audienceFit());
    }

    private static double orZero(Double weight) {
        return weight == null ? 0 : weight;
    }
}
