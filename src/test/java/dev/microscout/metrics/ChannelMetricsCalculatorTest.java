package dev.microscout.metrics;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static dev.microscout.metrics.TestPost.NOW;
import static dev.microscout.metrics.TestPost.daysAgo;
import static dev.microscout.metrics.TestPost.posts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelMetricsCalculatorTest {

    private static final double EXACT = 1e-12;

    private final ChannelMetricsCalculator calculator = new ChannelMetricsCalculator();

    private ChannelMetrics compute(long followers, List<PostSample> posts) {
        return calculator.compute(followers, posts, List.of(), null, MetricsWindow.DEFAULT, NOW);
    }

    private static void assertFigure(double expected, int basedOnPosts, Figure actual) {
        assertTrue(actual.isKnown(), () -> "expected " + expected + ", got no value");
        assertEquals(expected, actual.value(), EXACT);
        assertEquals(basedOnPosts, actual.basedOnPosts());
    }

    private static void assertUnknown(int basedOnPosts, Figure actual) {
        assertNull(actual.value());
        assertEquals(basedOnPosts, actual.basedOnPosts());
    }

    @Test
    void engagementRateIsTheMedianSoOneViralPostDoesNotLiftIt() {
        ChannelMetrics metrics = compute(10_000, posts(
                daysAgo(1).likes(80).comments(10).saves(6).shares(4),          // 100
                daysAgo(2).likes(150).comments(30).saves(15).shares(5),        // 200
                // 300; link clicks, DMs and mentions are not engagements (else 400 and the median 0.04)
                daysAgo(3).likes(200).comments(50).saves(30).shares(20).linkClicks(50).dms(30).mentions(20),
                daysAgo(4).likes(300).comments(60).saves(25).shares(15),       // 400
                daysAgo(5).likes(45_000).comments(2_000).saves(2_000).shares(1_000))); // 50,000, viral

        // per post / 10,000 followers: 0.01, 0.02, 0.03, 0.04, 5.0 → median 0.03 (the mean would be 1.02)
        assertFigure(0.03, 5, metrics.engagementRate());
        assertEquals(5, metrics.postsInWindow());
        assertFalse(metrics.sampleTooSmall());
        // likes 80 + 150 + 200 + 300 + 45,000; comments 10 + 30 + 50 + 60 + 2,000
        assertEquals(45_730, metrics.likesInWindow());
        assertEquals(2_150, metrics.commentsInWindow());
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleRates() {
        ChannelMetrics metrics = compute(1_000, posts(
                daysAgo(1).likes(10), daysAgo(2).likes(20), daysAgo(3).likes(40), daysAgo(4).likes(1_000)));

        // 0.01, 0.02, 0.04, 1.0 → (0.02 + 0.04) / 2 = 0.03
        assertFigure(0.03, 4, metrics.engagementRate());
    }

    @Test
    void twoPostsAreTooFewForEngagementFiguresButStillCount() {
        List<FollowerPoint> snapshots = List.of(new FollowerPoint(LocalDate.parse("2026-05-01"), 1_000));
        ChannelMetrics metrics = calculator.compute(1_100, posts(
                        daysAgo(1).format(PostFormat.REEL).views(1_000L).reach(800L).likes(100).comments(10).shares(5),
                        daysAgo(5).sponsored().views(1_000L).reach(800L).likes(200).comments(20).saves(9)),
                snapshots, new BigDecimal("500000"), MetricsWindow.DEFAULT, NOW);

        assertTrue(metrics.sampleTooSmall());
        assertEquals(2, metrics.postsInWindow());
        assertUnknown(2, metrics.engagementRate());
        assertUnknown(2, metrics.viewEngagementRate());
        assertUnknown(2, metrics.microConversionRate());
        assertUnknown(2, metrics.amplificationRate());
        assertUnknown(2, metrics.conversationRate());
        assertUnknown(2, metrics.sponsoredEngagementRatio());
        assertUnknown(2, metrics.estimatedCostPerEngagement());
        assertUnknown(2, metrics.postingConsistency());
        // still given: 2 posts / (90 / 7 weeks) = 14 / 90; 1 sponsored of 2; (1,100 − 1,000) / 1,000
        assertFigure(14.0 / 90, 2, metrics.postsPerWeek());
        assertFigure(0.5, 2, metrics.sponsoredShare());
        assertEquals(0.1, metrics.growthRate30d().rate(), EXACT);
    }

    @Test
    void threePostsAreEnough() {
        ChannelMetrics metrics = compute(1_000, posts(daysAgo(1).likes(10), daysAgo(2).likes(20), daysAgo(3).likes(30)));

        assertFalse(metrics.sampleTooSmall());
        // 0.01, 0.02, 0.03 → 0.02
        assertFigure(0.02, 3, metrics.engagementRate());
    }

    @Test
    void withoutFollowersPerFollowerRatesAreUnknownButPerViewRatesAreNot() {
        ChannelMetrics metrics = compute(0, posts(
                daysAgo(1).format(PostFormat.REEL).views(1_000L).reach(500L).likes(100).saves(5),
                daysAgo(2).format(PostFormat.REEL).views(1_000L).reach(500L).likes(100).saves(5),
                daysAgo(3).format(PostFormat.REEL).views(1_000L).reach(500L).likes(100).saves(5)));

        assertUnknown(3, metrics.engagementRate());
        assertUnknown(3, metrics.amplificationRate());
        assertUnknown(3, metrics.conversationRate());
        // 105 / 1,000 each → 0.105; 3 × 5 saves / 3 × 500 reach = 0.01
        assertFigure(0.105, 3, metrics.viewEngagementRate());
        assertFigure(0.01, 3, metrics.microConversionRate());
    }

    @Test
    void viewEngagementRateCountsVideoFormatsWithViewsOnly() {
        ChannelMetrics metrics = compute(1_000, posts(
                daysAgo(1).format(PostFormat.REEL).views(1_000L).likes(100),              // 100 / 1,000 = 0.1
                daysAgo(2).format(PostFormat.VIDEO).views(2_000L).likes(80).comments(20), // 100 / 2,000 = 0.05
                daysAgo(3).format(PostFormat.SHORT).views(0L).likes(50),                  // no views: left out
                daysAgo(4).format(PostFormat.LIVE).likes(50),                             // views unknown: left out
                daysAgo(5).format(PostFormat.PHOTO).views(500L).likes(400),               // not video (0.8)
                daysAgo(6).format(PostFormat.STORY).views(100L).likes(50)));              // not video (0.5)

        // median of 0.1 and 0.05 = 0.075
        assertFigure(0.075, 2, metrics.viewEngagementRate());
    }

    @Test
    void microConversionRateDividesByReachElseViews() {
        ChannelMetrics metrics = compute(1_000, posts(
                // 10 + 5 + 3 + 2 = 20 over reach 1,000 (views, likes and mentions do not count)
                daysAgo(1).reach(1_000L).views(5_000L).likes(500).saves(10).shares(5).linkClicks(3).dms(2).mentions(50),
                daysAgo(2).views(2_000L).saves(20).shares(10),         // reach unknown: 30 over views 2,000
                daysAgo(3).reach(0L).views(500L).saves(5),             // reach 0: 5 over views 500
                daysAgo(4).saves(7),                                   // neither: left out
                daysAgo(5).reach(0L).views(0L).shares(9)));            // neither above 0: left out

        // (20 + 30 + 5) / (1,000 + 2,000 + 500) = 55 / 3,500
        assertFigure(55.0 / 3_500, 3, metrics.microConversionRate());
    }

    @Test
    void microConversionRateIsUnknownWithoutReachOrViewsAndZeroWithoutConversions() {
        ChannelMetrics noAudience = compute(1_000, posts(
                daysAgo(1).saves(10), daysAgo(2).saves(10), daysAgo(3).saves(10)));
        ChannelMetrics noConversions = compute(1_000, posts(
                daysAgo(1).reach(1_000L).likes(50), daysAgo(2).reach(1_000L).likes(50), daysAgo(3).reach(1_000L)));

        assertUnknown(0, noAudience.microConversionRate());
        assertFigure(0.0, 3, noConversions.microConversionRate());
    }

    @Test
    void amplificationAndConversationAreMediansPerFollower() {
        ChannelMetrics metrics = compute(2_000, posts(
                daysAgo(1).shares(2).comments(10),
                daysAgo(2).shares(4).comments(30),
                daysAgo(3).shares(100).comments(20)));

        // shares / 2,000: 0.001, 0.002, 0.05 → 0.002; comments / 2,000: 0.005, 0.015, 0.01 → 0.01
        assertFigure(0.002, 3, metrics.amplificationRate());
        assertFigure(0.01, 3, metrics.conversationRate());
    }

    @Test
    void growthIsMeasuredFromTheNewestSnapshotAtLeastThirtyDaysOld() {
        // NOW is 2026-06-30, so 2026-05-31 is exactly 30 days old and 2026-06-01 only 29
        List<FollowerPoint> snapshots = List.of(
                new FollowerPoint(LocalDate.parse("2026-06-01"), 10_500),
                new FollowerPoint(LocalDate.parse("2026-05-01"), 9_000),
                new FollowerPoint(LocalDate.parse("2026-05-31"), 10_000),
                new FollowerPoint(LocalDate.parse("2026-06-30"), 11_000));

        FollowerGrowth growth = calculator.compute(11_000, List.of(), snapshots, null, MetricsWindow.DEFAULT, NOW)
                .growthRate30d();
        FollowerGrowth shrinking = calculator.compute(9_000, List.of(), snapshots, null, MetricsWindow.DEFAULT, NOW)
                .growthRate30d();

        // (11,000 − 10,000) / 10,000 = 0.1; (9,000 − 10,000) / 10,000 = −0.1
        assertEquals(0.1, growth.rate(), EXACT);
        assertEquals(LocalDate.parse("2026-05-31"), growth.baselineDate());
        assertEquals(10_000L, growth.baselineFollowers());
        assertEquals(-0.1, shrinking.rate(), EXACT);
    }

    @Test
    void growthIsUnknownWithoutAThirtyDayOldSnapshotOrFromZero() {
        List<FollowerPoint> recent = List.of(
                new FollowerPoint(LocalDate.parse("2026-06-01"), 10_500),
                new FollowerPoint(LocalDate.parse("2026-06-30"), 11_000));
        List<FollowerPoint> fromZero = List.of(new FollowerPoint(LocalDate.parse("2026-05-01"), 0));

        FollowerGrowth noBaseline = calculator.compute(11_000, List.of(), recent, null, MetricsWindow.DEFAULT, NOW)
                .growthRate30d();
        FollowerGrowth zeroBaseline = calculator.compute(11_000, List.of(), fromZero, null, MetricsWindow.DEFAULT, NOW)
                .growthRate30d();

        assertEquals(FollowerGrowth.unknown(), noBaseline);
        assertEquals(new FollowerGrowth(null, LocalDate.parse("2026-05-01"), 0L), zeroBaseline);
    }

    @Test
    void windowKeepsPostsOfTheLastNinetyDaysOnly() {
        ChannelMetrics metrics = compute(100, posts(
                daysAgo(1).likes(20),
                daysAgo(2).likes(30),
                daysAgo(90).likes(10),                                         // exactly 90 days: kept
                TestPost.at(NOW.minus(Duration.ofDays(90)).minusSeconds(1)).likes(10_000),
                daysAgo(91).likes(10_000),
                TestPost.at(NOW.plusSeconds(3_600)).likes(10_000)));           // after NOW: left out

        // 10, 20, 30 / 100 → 0.2 (with any 10,000 post the median would be 0.25 or more)
        assertEquals(3, metrics.postsInWindow());
        assertFigure(0.2, 3, metrics.engagementRate());
        assertEquals(NOW.minus(Duration.ofDays(90)), metrics.windowStart());
        assertEquals(NOW, metrics.windowEnd());
    }

    @Test
    void windowKeepsTheFiftyNewestPostsAndStartsAtTheOldestKept() {
        List<PostSample> sixtyDaily = new ArrayList<>();
        for (int day = 59; day >= 0; day--) {
            sixtyDaily.add(daysAgo(day).likes(day).build());
        }

        ChannelMetrics metrics = compute(100, sixtyDaily);

        // days 0..49 kept, likes 0..49: median (24 + 25) / 2 = 24.5 → / 100 = 0.245 (all 60 would give 0.295)
        assertEquals(50, metrics.postsInWindow());
        assertFigure(0.245, 50, metrics.engagementRate());
        // the window starts at the post 49 days old: 50 posts / 7 weeks
        assertEquals(NOW.minus(Duration.ofDays(49)), metrics.windowStart());
        assertFigure(50.0 / 7, 50, metrics.postsPerWeek());
    }

    @Test
    void aShorterWindowIsHonoured() {
        ChannelMetrics metrics = calculator.compute(100, posts(
                        daysAgo(1).likes(1), daysAgo(2).likes(2), daysAgo(3).likes(3), daysAgo(8).likes(8)),
                List.of(), null, new MetricsWindow(7, 2), NOW);

        // 7 days keep days 1, 2, 3; the cap of 2 keeps days 1 and 2
        assertEquals(2, metrics.postsInWindow());
        assertTrue(metrics.sampleTooSmall());
        assertEquals(NOW.minus(Duration.ofDays(2)), metrics.windowStart());
        // 2 posts over the 2 days from the oldest kept to NOW: 2 / (2 / 7) = 7 a week
        assertFigure(7.0, 2, metrics.postsPerWeek());
    }

    @Test
    void postsPerWeekAndConsistencyOfARegularChannel() {
        ChannelMetrics metrics = compute(1_000, posts(daysAgo(0), daysAgo(7), daysAgo(14), daysAgo(21)));

        // 4 posts / (90 / 7) weeks = 28 / 90; gaps 7, 7, 7 days → coefficient of variation 0 → 1
        assertFigure(28.0 / 90, 4, metrics.postsPerWeek());
        assertFigure(1.0, 4, metrics.postingConsistency());
    }

    @Test
    void postingConsistencyUsesThePopulationSpreadOfTheGaps() {
        ChannelMetrics metrics = compute(1_000, posts(daysAgo(0), daysAgo(1), daysAgo(4)));

        // gaps 3 and 1 days: mean 2, population standard deviation 1 → 1 − 0.5 = 0.5
        // (the sample deviation √2 would give 0.29)
        assertFigure(0.5, 3, metrics.postingConsistency());
    }

    @Test
    void postingConsistencyStopsAtZero() {
        ChannelMetrics erratic = compute(1_000, posts(daysAgo(0), daysAgo(10), daysAgo(11), daysAgo(12)));
        ChannelMetrics allAtOnce = compute(1_000, posts(daysAgo(1), daysAgo(1), daysAgo(1)));

        // gaps 1, 1, 10 days: mean 4, deviation √((9 + 9 + 36) / 3) = √18 ≈ 4.24 → 1 − min(1, 1.06) = 0
        assertFigure(0.0, 4, erratic.postingConsistency());
        // no gap at all: the spread of nothing is not a consistency
        assertUnknown(3, allAtOnce.postingConsistency());
    }

    @Test
    void sponsoredPostsAgainstOrganicOnes() {
        ChannelMetrics metrics = compute(1_000, posts(
                daysAgo(1).sponsored().likes(60),
                daysAgo(2).sponsored().likes(90),
                daysAgo(3).likes(100),
                daysAgo(4).likes(150),
                daysAgo(5).likes(200)));

        // 2 of 5 sponsored; median sponsored (60 + 90) / 2 = 75 over median organic 150 = 0.5
        assertFigure(0.4, 5, metrics.sponsoredShare());
        assertFigure(0.5, 5, metrics.sponsoredEngagementRatio());
    }

    @Test
    void sponsoredRatioNeedsBothKindsAndOrganicEngagement() {
        ChannelMetrics organicOnly = compute(1_000, posts(daysAgo(1).likes(10), daysAgo(2).likes(20), daysAgo(3).likes(30)));
        ChannelMetrics deadOrganic = compute(1_000, posts(daysAgo(1).sponsored().likes(10), daysAgo(2), daysAgo(3)));

        assertFigure(0.0, 3, organicOnly.sponsoredShare());
        assertUnknown(3, organicOnly.sponsoredEngagementRatio());
        assertUnknown(3, deadOrganic.sponsoredEngagementRatio());
    }

    @Test
    void costPerEngagementDividesThePriceByTheMedianEngagements() {
        List<PostSample> posts = posts(daysAgo(1).likes(400), daysAgo(2).likes(450).comments(50), daysAgo(3).likes(600));

        ChannelMetrics priced = calculator.compute(1_000, posts, List.of(), new BigDecimal("2500000"),
                MetricsWindow.DEFAULT, NOW);
        ChannelMetrics unpriced = compute(1_000, posts);
        ChannelMetrics noEngagement = calculator.compute(1_000, posts(daysAgo(1), daysAgo(2), daysAgo(3)), List.of(),
                new BigDecimal("2500000"), MetricsWindow.DEFAULT, NOW);

        // engagements 400, 500, 600 → median 500; 2,500,000 / 500 = 5,000
        assertFigure(5_000.0, 3, priced.estimatedCostPerEngagement());
        assertUnknown(3, unpriced.estimatedCostPerEngagement());
        assertUnknown(3, noEngagement.estimatedCostPerEngagement());
    }

    @Test
    void rejectsNegativeInputs() {
        assertThrows(IllegalArgumentException.class, () -> compute(-1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> daysAgo(1).likes(-1).build());
        assertThrows(IllegalArgumentException.class, () -> daysAgo(1).reach(-1L).build());
        assertThrows(IllegalArgumentException.class, () -> new MetricsWindow(0, 50));
        assertThrows(IllegalArgumentException.class, () -> calculator.compute(10, List.of(), List.of(),
                new BigDecimal("-1"), MetricsWindow.DEFAULT, NOW));
    }
}
