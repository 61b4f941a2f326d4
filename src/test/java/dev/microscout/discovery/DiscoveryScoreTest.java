package dev.microscout.discovery;

import dev.microscout.discovery.DiscoveryScore.Component;
import dev.microscout.discovery.DiscoveryScore.Components;
import dev.microscout.discovery.DiscoveryScore.Contribution;
import dev.microscout.discovery.DiscoveryScore.EngagementFacts;
import dev.microscout.influencer.Platform;
import dev.microscout.tier.Tier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DiscoveryScoreTest {

    private static final double EPS = 1e-9;

    private static void assertContribution(Component component, double value, double weight, double contribution, Contribution actual) {
        assertEquals(component, actual.component());
        assertEquals(value, actual.value(), EPS, component + " value");
        assertEquals(weight, actual.weight(), EPS, component + " weight");
        assertEquals(contribution, actual.contribution(), EPS, component + " contribution");
    }

    @Test
    void weightedSumWithDefaultWeights() {
        DiscoveryScore.Result result = DiscoveryScore.score(new Components(0.8, 0.88, 0.6, null), ScoreWeights.WITHOUT_AUDIENCE);

        // 0.4 × 0.8 + 0.35 × 0.88 + 0.25 × 0.6 = 0.32 + 0.308 + 0.15 = 0.778
        assertEquals(0.778, result.score(), EPS);
        assertEquals(3, result.contributions().size());
        assertContribution(Component.NICHE_FIT, 0.8, 0.4, 0.32, result.contributions().get(0));
        assertContribution(Component.ENGAGEMENT, 0.88, 0.35, 0.308, result.contributions().get(1));
        assertContribution(Component.REPUTATION, 0.6, 0.25, 0.15, result.contributions().get(2));
    }

    @Test
    void weightedSumWithAudience() {
        DiscoveryScore.Result result = DiscoveryScore.score(new Components(0.8, 0.88, 0.6, 0.5), ScoreWeights.WITH_AUDIENCE);

        // 0.3 × 0.8 + 0.3 × 0.88 + 0.2 × 0.6 + 0.2 × 0.5 = 0.24 + 0.264 + 0.12 + 0.1 = 0.724
        assertEquals(0.724, result.score(), EPS);
        assertContribution(Component.AUDIENCE_FIT, 0.5, 0.2, 0.1, result.contributions().get(3));
    }

    @Test
    void requestedWeightsAreUsedNormalised() {
        // client asks nicheFit 3, engagement 1 → 0.75, 0.25
        ScoreWeights weights = ScoreWeights.resolve(new ScoreWeights.Requested(3.0, 1.0, null, null), true);

        DiscoveryScore.Result result = DiscoveryScore.score(new Components(0.4, 1.0, 0.9, 0.7), weights);

        // 0.75 × 0.4 + 0.25 × 1.0 + 0 × 0.9 + 0 × 0.7 = 0.3 + 0.25 = 0.55
        assertEquals(0.55, result.score(), EPS);
        assertContribution(Component.AUDIENCE_FIT, 0.7, 0, 0, result.contributions().get(3));
    }

    @Test
    void perfectAndEmptyCandidates() {
        assertEquals(1.0, DiscoveryScore.score(new Components(1, 1, 1, 1.0), ScoreWeights.WITH_AUDIENCE).score(), EPS);
        assertEquals(0.0, DiscoveryScore.score(new Components(0, 0, 0, null), ScoreWeights.WITHOUT_AUDIENCE).score(), EPS);
    }

    @Test
    void audienceWeightWithoutAudienceValueIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> DiscoveryScore.score(new Components(0.5, 0.5, 0.5, null), ScoreWeights.WITH_AUDIENCE));
    }

    @Test
    void componentsOutsideZeroToOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Components(1.2, 0.5, 0.5, null));
        assertThrows(IllegalArgumentException.class, () -> new Components(0.5, -0.1, 0.5, null));
        assertThrows(IllegalArgumentException.class, () -> new Components(0.5, 0.5, Double.NaN, null));
        assertThrows(IllegalArgumentException.class, () -> new Components(0.5, 0.5, 0.5, 1.5));
    }

    @Test
    void engagementIsThePercentileAmongPeers() {
        DiscoveryScore.Engagement engagement = DiscoveryScore.engagement(
                new EngagementFacts(Platform.INSTAGRAM, Tier.MICRO, 0.064, 0.88, false, 24, 90));

        assertEquals(0.88, engagement.value(), EPS);
        assertEquals("Engagement rate 6.4 %, higher than 88 % of Instagram micro creators", engagement.reason());
    }

    @Test
    void engagementReasonRoundsTheRateToOneDecimal() {
        DiscoveryScore.Engagement engagement = DiscoveryScore.engagement(
                new EngagementFacts(Platform.TIKTOK, Tier.NANO, 0.12345, 0.5, false, 12, 90));

        // 0.12345 → 12.345 % → 12.3 %
        assertEquals("Engagement rate 12.3 %, higher than 50 % of TikTok nano creators", engagement.reason());
    }

    @Test
    void tooFewPostsCountZero() {
        DiscoveryScore.Engagement engagement = DiscoveryScore.engagement(
                new EngagementFacts(Platform.INSTAGRAM, Tier.MICRO, null, null, true, 2, 90));

        assertEquals(0.0, engagement.value(), EPS);
        assertEquals("Too few posts to judge engagement (2 in the last 90 days): engagement counts 0", engagement.reason());
    }

    @Test
    void missingPercentileCountsZero() {
        DiscoveryScore.Engagement engagement = DiscoveryScore.engagement(
                new EngagementFacts(Platform.YOUTUBE, Tier.MICRO, 0.05, null, false, 10, 90));

        assertEquals(0.0, engagement.value(), EPS);
        assertEquals("No engagement percentile yet: engagement counts 0", engagement.reason());
    }

    @Test
    void componentKeysAreTheApiNames() {
        assertEquals(List.of("nicheFit", "engagement", "reputation", "audienceFit"),
                List.of(Component.values()).stream().map(Component::key).toList());
    }
}
