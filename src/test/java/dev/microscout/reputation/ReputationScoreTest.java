package dev.microscout.reputation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReputationScoreTest {

    private static final double EPS = 1e-9;
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    /** Twelve reviews with mean 5 and eight with mean (5 + 4 + 4 + 3) / 4 = 4: (60 + 32) / 20 = 4.6. */
    private static List<ReviewRatings> twentyReviewsAveraging46() {
        List<ReviewRatings> reviews = new ArrayList<>(Collections.nCopies(12, new ReviewRatings(5, 5, 5, 5)));
        reviews.addAll(Collections.nCopies(8, new ReviewRatings(5, 4, 4, 3)));
        return reviews;
    }

    private static IncidentFact incident(IncidentSeverity severity, LocalDate occurredOn, boolean resolved) {
        return new IncidentFact(UUID.randomUUID(), "undisclosed-ad", severity, occurredOn, resolved);
    }

    @Test
    void reviewMeanIsTheMeanOfItsFourRatings() {
        // (5 + 4 + 3 + 2) / 4 = 3.5
        assertEquals(3.5, new ReviewRatings(5, 4, 3, 2).mean(), EPS);
        assertThrows(IllegalArgumentException.class, () -> new ReviewRatings(0, 4, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> new ReviewRatings(5, 4, 3, 6));
    }

    @Test
    void withoutReviewsThePriorStands() {
        ReputationBreakdown breakdown = ReputationScore.compute(List.of(), List.of(), List.of(), TODAY);

        // (5 × 3.5 + 0) / (5 + 0) = 3.5 → (3.5 − 1) / 4 = 0.625; factor 1, no penalty
        assertEquals(0, breakdown.reviewCount());
        assertNull(breakdown.averageRating());
        assertEquals(3.5, breakdown.bayesianMean(), EPS);
        assertEquals(0.625, breakdown.bayesianScore(), EPS);
        assertEquals(0.625, breakdown.reputation(), EPS);
        assertEquals("No reviews yet: rated at the prior 3.5", breakdown.reasons().get(0));
    }

    @Test
    void oneFiveStarReviewIsShrunkTowardThePrior() {
        ReputationBreakdown breakdown = ReputationScore.compute(List.of(new ReviewRatings(5, 5, 5, 5)), List.of(), List.of(), TODAY);

        // (5 × 3.5 + 5) / (5 + 1) = 22.5 / 6 = 3.75 → (3.75 − 1) / 4 = 0.6875
        assertEquals(1, breakdown.reviewCount());
        assertEquals(5.0, breakdown.averageRating(), EPS);
        assertEquals(3.75, breakdown.bayesianMean(), EPS);
        assertEquals(0.6875, breakdown.reputation(), EPS);
        assertEquals("5.00 average over 1 review, shrunk to 3.75 toward the prior 3.5", breakdown.reasons().get(0));
    }

    @Test
    void longGoodRecordOutranksOneFiveStarReview() {
        ReputationBreakdown one = ReputationScore.compute(List.of(new ReviewRatings(5, 5, 5, 5)), List.of(), List.of(), TODAY);
        ReputationBreakdown twenty = ReputationScore.compute(twentyReviewsAveraging46(), List.of(), List.of(), TODAY);

        // (5 × 3.5 + 92) / (5 + 20) = 109.5 / 25 = 4.38 → (4.38 − 1) / 4 = 0.845 > 0.6875
        assertEquals(20, twenty.reviewCount());
        assertEquals(4.6, twenty.averageRating(), EPS);
        assertEquals(4.38, twenty.bayesianMean(), EPS);
        assertEquals(0.845, twenty.reputation(), EPS);
        assertTrue(twenty.reputation() > one.reputation());
        assertEquals("4.60 average over 20 reviews, shrunk to 4.38 toward the prior 3.5", twenty.reasons().get(0));
    }

    @Test
    void lowestChannelAuthenticityScalesTheReputation() {
        ChannelAuthenticity clean = new ChannelAuthenticity(UUID.randomUUID(), "Instagram @sari", 90.0);
        ChannelAuthenticity tainted = new ChannelAuthenticity(UUID.randomUUID(), "TikTok @sari", 62.0);
        ChannelAuthenticity fresh = new ChannelAuthenticity(UUID.randomUUID(), "YouTube @sari", null);

        ReputationBreakdown breakdown = ReputationScore.compute(twentyReviewsAveraging46(), List.of(clean, tainted, fresh), List.of(), TODAY);

        // lowest known = 62 (the channel without data counts as 100): factor 0.5 + 0.5 × 0.62 = 0.81
        // 0.845 × 0.81 = 0.68445
        assertEquals(62.0, breakdown.authenticity(), EPS);
        assertSame(tainted, breakdown.authenticityChannel());
        assertEquals(0.81, breakdown.authenticityFactor(), EPS);
        assertEquals(0.68445, breakdown.reputation(), EPS);
        assertEquals(List.of(
                "4.60 average over 20 reviews, shrunk to 4.38 toward the prior 3.5",
                "YouTube @sari: no data yet, authenticity counted as 100",
                "Authenticity 62 (lowest channel, TikTok @sari): factor 0.81",
                "Reputation 0.68 = 0.85 × 0.81 - 0.00"), breakdown.reasons());
    }

    @Test
    void channelsWithoutDataCountAsFullyAuthentic() {
        ChannelAuthenticity fresh = new ChannelAuthenticity(UUID.randomUUID(), "TikTok @new", null);

        ReputationBreakdown breakdown = ReputationScore.compute(List.of(), List.of(fresh), List.of(), TODAY);

        // 0.625 × (0.5 + 0.5 × 100 / 100) = 0.625
        assertEquals(100.0, breakdown.authenticity(), EPS);
        assertNull(breakdown.authenticityChannel());
        assertEquals(1.0, breakdown.authenticityFactor(), EPS);
        assertEquals(0.625, breakdown.reputation(), EPS);
        assertTrue(breakdown.reasons().contains("No authenticity data yet: counted as 100, factor 1.00"));
    }

    @Test
    void onlyUnresolvedIncidentsOfTheLast24MonthsArePenalised() {
        // window starts 2024-03-15 (today minus 24 months), that day included
        IncidentFact low = incident(IncidentSeverity.LOW, LocalDate.of(2025, 1, 1), false);
        IncidentFact mediumOnFirstDay = incident(IncidentSeverity.MEDIUM, LocalDate.of(2024, 3, 15), false);
        IncidentFact highTooOld = incident(IncidentSeverity.HIGH, LocalDate.of(2024, 3, 14), false);
        IncidentFact highResolved = incident(IncidentSeverity.HIGH, LocalDate.of(2026, 1, 1), true);

        ReputationBreakdown breakdown = ReputationScore.compute(List.of(), List.of(),
                List.of(low, mediumOnFirstDay, highTooOld, highResolved), TODAY);

        // penalty = 0.1 + 0.25 = 0.35; 0.625 × 1 − 0.35 = 0.275
        assertEquals(0.35, breakdown.penalty(), EPS);
        assertEquals(0.275, breakdown.reputation(), EPS);
        assertEquals(List.of(new ReputationBreakdown.IncidentPenalty(low, 0.1),
                new ReputationBreakdown.IncidentPenalty(mediumOnFirstDay, 0.25)), breakdown.penalties());
        assertTrue(breakdown.reasons().contains("Unresolved MEDIUM incident (undisclosed-ad, 2024-03-15): -0.25"));
        assertTrue(breakdown.reasons().contains("1 resolved incident not counted"));
        assertTrue(breakdown.reasons().contains("1 incident older than 24 months not counted"));
    }

    @Test
    void penaltiesBeyondTheScoreClampAtZero() {
        List<IncidentFact> incidents = List.of(
                incident(IncidentSeverity.HIGH, LocalDate.of(2026, 2, 1), false),
                incident(IncidentSeverity.HIGH, LocalDate.of(2025, 6, 1), false));

        ReputationBreakdown breakdown = ReputationScore.compute(List.of(new ReviewRatings(5, 5, 5, 5)), List.of(), incidents, TODAY);

        // 0.6875 × 1 − (0.5 + 0.5) = −0.3125 → 0
        assertEquals(1.0, breakdown.penalty(), EPS);
        assertEquals(0.0, breakdown.reputation(), EPS);
        assertEquals("Reputation 0.00 = 0.69 × 1.00 - 1.00, clamped to 0", breakdown.reasons().get(breakdown.reasons().size() - 1));
    }

    @Test
    void allFactorsTogether() {
        ChannelAuthenticity tainted = new ChannelAuthenticity(UUID.randomUUID(), "TikTok @sari", 62.0);
        IncidentFact medium = incident(IncidentSeverity.MEDIUM, LocalDate.of(2025, 11, 2), false);

        ReputationBreakdown breakdown = ReputationScore.compute(twentyReviewsAveraging46(), List.of(tainted), List.of(medium), TODAY);

        // 0.845 × 0.81 − 0.25 = 0.68445 − 0.25 = 0.43445
        assertEquals(0.43445, breakdown.reputation(), EPS);
    }

    @Test
    void authenticityOutsideItsRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ChannelAuthenticity(UUID.randomUUID(), "X @a", 100.5));
        assertThrows(IllegalArgumentException.class, () -> new ChannelAuthenticity(UUID.randomUUID(), "X @a", -1.0));
        assertThrows(IllegalArgumentException.class, () -> new ChannelAuthenticity(UUID.randomUUID(), "X @a", Double.NaN));
    }
}
