package dev.microscout.discovery;

import dev.microscout.common.FieldError;
import dev.microscout.common.InvalidInput;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScoreWeightsTest {

    private static final double EPS = 1e-9;

    private static void assertWeights(double nicheFit, double engagement, double reputation, double audienceFit, ScoreWeights actual) {
        assertEquals(nicheFit, actual.nicheFit(), EPS, "nicheFit");
        assertEquals(engagement, actual.engagement(), EPS, "engagement");
        assertEquals(reputation, actual.reputation(), EPS, "reputation");
        assertEquals(audienceFit, actual.audienceFit(), EPS, "audienceFit");
    }

    @Test
    void defaultsWithoutAudience() {
        assertWeights(0.4, 0.35, 0.25, 0, ScoreWeights.resolve(null, false));
    }

    @Test
    void defaultsWithAudience() {
        assertWeights(0.3, 0.3, 0.2, 0.2, ScoreWeights.resolve(null, true));
    }

    @Test
    void requestedWeightsAreScaledToSumOne() {
        // 2 + 1 + 1 = 4 → 2/4, 1/4, 1/4
        assertWeights(0.5, 0.25, 0.25, 0, ScoreWeights.resolve(new ScoreWeights.Requested(2.0, 1.0, 1.0, null), false));
        // 3 + 1 + 0 + 1 = 5 → 0.6, 0.2, 0, 0.2
        assertWeights(0.6, 0.2, 0, 0.2, ScoreWeights.resolve(new ScoreWeights.Requested(3.0, 1.0, 0.0, 1.0), true));
    }

    @Test
    void omittedWeightCountsZero() {
        assertWeights(1, 0, 0, 0, ScoreWeights.resolve(new ScoreWeights.Requested(0.7, null, null, null), false));
        // with an audience in the brief, leaving audienceFit out gives it no weight either
        assertWeights(0.5, 0, 0.5, 0, ScoreWeights.resolve(new ScoreWeights.Requested(1.0, null, 1.0, null), true));
    }

    @Test
    void negativeWeightIsRefused() {
        ScoreWeights.Requested requested = new ScoreWeights.Requested(-1.0, 1.0, 1.0, null);

        assertEquals(List.of(new FieldError("weights.nicheFit", "must be >= 0")), ScoreWeights.check(requested, false));
        InvalidInput error = assertThrows(InvalidInput.class, () -> ScoreWeights.resolve(requested, false));
        assertEquals(List.of(new FieldError("weights.nicheFit", "must be >= 0")), error.errors());
    }

    @Test
    void nonFiniteWeightIsRefused() {
        ScoreWeights.Requested requested = new ScoreWeights.Requested(1.0, Double.NaN, Double.POSITIVE_INFINITY, null);

        assertEquals(List.of(new FieldError("weights.engagement", "must be a finite number"),
                new FieldError("weights.reputation", "must be a finite number")), ScoreWeights.check(requested, false));
    }

    @Test
    void allZeroIsRefused() {
        List<FieldError> allZero = List.of(new FieldError("weights", "must not all be 0"));

        assertEquals(allZero, ScoreWeights.check(new ScoreWeights.Requested(0.0, 0.0, 0.0, 0.0), true));
        assertEquals(allZero, ScoreWeights.check(new ScoreWeights.Requested(null, null, null, null), false));
        assertThrows(InvalidInput.class, () -> ScoreWeights.resolve(new ScoreWeights.Requested(0.0, null, 0.0, null), false));
    }

    @Test
    void audienceFitNeedsAnAudience() {
        assertEquals(List.of(new FieldError("weights.audienceFit", "needs an audience in the brief")),
                ScoreWeights.check(new ScoreWeights.Requested(1.0, 1.0, 1.0, 0.5), false));
        // a zero audienceFit asks for nothing and is accepted
        assertWeights(0.5, 0.5, 0, 0, ScoreWeights.resolve(new ScoreWeights.Requested(1.0, 1.0, null, 0.0), false));
    }

    @Test
    void everyProblemIsListedAtOnce() {
        ScoreWeights.Requested requested = new ScoreWeights.Requested(-1.0, -2.0, Double.NaN, 1.0);

        assertEquals(List.of(
                new FieldError("weights.nicheFit", "must be >= 0"),
                new FieldError("weights.engagement", "must be >= 0"),
                new FieldError("weights.reputation", "must be a finite number"),
                new FieldError("weights.audienceFit", "needs an audience in the brief")), ScoreWeights.check(requested, false));
    }

    @Test
    void overflowingSumIsRefused() {
        assertEquals(List.of(new FieldError("weights", "must sum to a finite number")),
                ScoreWeights.check(new ScoreWeights.Requested(Double.MAX_VALUE, Double.MAX_VALUE, null, null), false));
    }

    @Test
    void normalisedWeightsMustSumToOne() {
        assertThrows(IllegalArgumentException.class, () -> new ScoreWeights(0.5, 0.5, 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new ScoreWeights(1.5, -0.5, 0, 0));
    }
}
