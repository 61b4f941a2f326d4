package dev.microscout.metrics;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.microscout.metrics.TestPost.NOW;
import static dev.microscout.metrics.TestPost.daysAgo;
import static dev.microscout.metrics.TestPost.posts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuthenticityAnalyzerTest {

    private final AuthenticityAnalyzer analyzer = new AuthenticityAnalyzer();

    /**
     * A channel with nothing suspicious: 10,000 followers following 500, engagement rate equal to its peers'
     * (3 %), comments 3 % of likes, no follower history. Each test changes what it examines.
     */
    private static final class Channel {
        long followers = 10_000;
        long following = 500;
        List<FollowerPoint> snapshots = List.of();
        Double engagementRate = 0.03;
        Double peerMedian = 0.03;
        boolean sampleTooSmall;
        long likes = 10_000;
        long comments = 300;

        AuthenticityInput input() {
            return new AuthenticityInput(followers, following, snapshots, engagementRate, peerMedian, sampleTooSmall,
                    likes, comments);
        }
    }

    /** Daily snapshots from 2026-10-01 on, one a day. */
    private static List<FollowerPoint> daily(long... followers) {
        List<FollowerPoint> points = new ArrayList<>();
        for (int i = 0; i < followers.length; i++) {
            points.add(new FollowerPoint(LocalDate.parse("2026-10-01").plusDays(i), followers[i]));
        }
        return points;
    }

    private List<AuthenticityCheck> signalsOf(Channel channel) {
        return analyzer.analyze(channel.input()).signals().stream().map(AuthenticitySignal::code).toList();
    }

    @Test
    void aCleanChannelKeepsAllHundredPoints() {
        Authenticity authenticity = analyzer.analyze(new Channel().input());

        assertEquals(100, authenticity.score());
        assertEquals(List.of(), authenticity.signals());
        assertEquals(List.of(new SkippedCheck(AuthenticityCheck.FOLLOWER_JUMP, "fewer than two follower snapshots")),
                authenticity.skipped());
    }

    @Test
    void followerJumpNamesTheDayAndHowFarItIsFromTheUsualChange() {
        Channel channel = new Channel();
        channel.followers = 113_600;
        // changes 400, 12,400, 400, 400: median 400, and 12,400 > 5 × 400 and > 2 % of 100,400 (2,008)
        channel.snapshots = daily(100_000, 100_400, 112_800, 113_200, 113_600);

        Authenticity authenticity = analyzer.analyze(channel.input());

        assertEquals(List.of(new AuthenticitySignal(AuthenticityCheck.FOLLOWER_JUMP, 30,
                "Followers jumped by 12,400 on 2026-10-03, 31× the usual daily change of 400")), authenticity.signals());
        assertEquals(70, authenticity.score());
    }

    @Test
    void followerJumpMustExceedFiveTimesTheUsualChange() {
        Channel atThreshold = new Channel();
        // changes 100, 100, 500: median 100, 500 is not more than 5 × 100 (2 % of 10,200 is only 204)
        atThreshold.snapshots = daily(10_000, 10_100, 10_200, 10_700);
        Channel above = new Channel();
        above.snapshots = daily(10_000, 10_100, 10_200, 10_701);

        assertEquals(List.of(), signalsOf(atThreshold));
        assertEquals(List.of(AuthenticityCheck.FOLLOWER_JUMP), signalsOf(above));
    }

    @Test
    void followerJumpMustExceedTwoPercentOfFollowers() {
        Channel atThreshold = new Channel();
        // changes 10, 10, 500: 500 > 5 × 10, but 2 % of 25,000 is exactly 500
        atThreshold.snapshots = daily(24_980, 24_990, 25_000, 25_500);
        Channel above = new Channel();
        above.snapshots = daily(24_980, 24_990, 25_000, 25_501);

        assertEquals(List.of(), signalsOf(atThreshold));
        assertEquals(List.of(AuthenticityCheck.FOLLOWER_JUMP), signalsOf(above));
    }

    @Test
    void followerJumpOverSeveralDaysIsSpreadOverThem() {
        Channel channel = new Channel();
        channel.snapshots = List.of(
                new FollowerPoint(LocalDate.parse("2026-10-01"), 10_000),
                new FollowerPoint(LocalDate.parse("2026-10-02"), 10_100),
                new FollowerPoint(LocalDate.parse("2026-10-03"), 10_200),
                new FollowerPoint(LocalDate.parse("2026-10-06"), 13_200),
                new FollowerPoint(LocalDate.parse("2026-10-07"), 13_300));

        // per day 100, 100, 3,000 / 3 = 1,000, 100: median 100; 1,000 > 500 and > 2 % of 10,200
        assertEquals("Followers jumped by 3,000 between 2026-10-03 and 2026-10-06 (1,000 a day), "
                        + "10× the usual daily change of 100",
                analyzer.analyze(channel.input()).signals().get(0).reason());
    }

    @Test
    void onlyTheLargestFollowerJumpIsReported() {
        Channel channel = new Channel();
        // changes 100, 3,000, 100, 5,000, 100, 100: median 100, both jumps qualify
        channel.snapshots = daily(10_000, 10_100, 13_100, 13_200, 18_200, 18_300, 18_400);

        Authenticity authenticity = analyzer.analyze(channel.input());

        assertEquals(1, authenticity.signals().size());
        assertEquals("Followers jumped by 5,000 on 2026-10-05, 50× the usual daily change of 100",
                authenticity.signals().get(0).reason());
    }

    @Test
    void followerJumpOnAFlatChannelAndADropWhichIsNoJump() {
        Channel flat = new Channel();
        // changes 0, 0, 1,000: median 0
        flat.snapshots = daily(10_000, 10_000, 10_000, 11_000);
        Channel dropping = new Channel();
        // changes 10, 10, −5,020: a loss is no jump
        dropping.snapshots = daily(10_000, 10_010, 10_020, 5_000);

        assertEquals("Followers jumped by 1,000 on 2026-10-04, while the usual daily change is 0",
                analyzer.analyze(flat.input()).signals().get(0).reason());
        assertEquals(List.of(), signalsOf(dropping));
    }

    @Test
    void engagementBelowAQuarterOfPeers() {
        Channel atThreshold = new Channel();
        atThreshold.peerMedian = 0.02;
        atThreshold.engagementRate = 0.005; // exactly 0.02 / 4
        Channel below = new Channel();
        below.peerMedian = 0.02;
        below.engagementRate = 0.0049;

        assertEquals(List.of(), signalsOf(atThreshold));
        assertEquals(List.of(new AuthenticitySignal(AuthenticityCheck.LOW_ENGAGEMENT_VS_PEERS, 15,
                        "Engagement rate 0.49 % is below a quarter of the peer median of 2.0 %")),
                analyzer.analyze(below.input()).signals());
    }

    @Test
    void engagementFarAbovePeersWithFewComments() {
        // 1/16 and 5/16 are exact in binary, so 5 × peers is exactly the threshold
        Channel atRateThreshold = new Channel();
        atRateThreshold.peerMedian = 0.0625;
        atRateThreshold.engagementRate = 0.3125;
        atRateThreshold.comments = 49; // 0.49 % of 10,000 likes: few, yet not below 0.2 %
        Channel above = new Channel();
        above.peerMedian = 0.0625;
        above.engagementRate = 0.3126;
        above.comments = 49;
        Channel enoughComments = new Channel();
        enoughComments.peerMedian = 0.0625;
        enoughComments.engagementRate = 0.4;
        enoughComments.comments = 50; // exactly 0.5 % of 10,000 likes

        assertEquals(List.of(), signalsOf(atRateThreshold));
        assertEquals(List.of(new AuthenticitySignal(AuthenticityCheck.ENGAGEMENT_OUTLIER_FEW_COMMENTS, 25,
                        "Engagement rate 31.26 % is over 5× the peer median of 6.25 %, yet comments are only 0.49 % "
                                + "of likes (49 comments, 10,000 likes)")),
                analyzer.analyze(above.input()).signals());
        assertEquals(List.of(), signalsOf(enoughComments));
    }

    @Test
    void boughtLikesBelowTwoCommentsPerThousandLikes() {
        Channel atThreshold = new Channel();
        atThreshold.comments = 20; // exactly 0.2 % of 10,000 likes
        Channel below = new Channel();
        below.comments = 19;

        assertEquals(List.of(), signalsOf(atThreshold));
        assertEquals(List.of(new AuthenticitySignal(AuthenticityCheck.BOUGHT_LIKES, 20,
                        "Comments are only 0.19 % of likes over the window (19 comments, 10,000 likes), below 0.2 %")),
                analyzer.analyze(below.input()).signals());
    }

    @Test
    void commentPodsAboveOneCommentPerTwoLikes() {
        Channel atThreshold = new Channel();
        atThreshold.likes = 1_000;
        atThreshold.comments = 500; // exactly 50 %
        Channel above = new Channel();
        above.likes = 1_000;
        above.comments = 501;

        assertEquals(List.of(), signalsOf(atThreshold));
        assertEquals(List.of(new AuthenticitySignal(AuthenticityCheck.COMMENT_PODS, 15,
                        "Comments are 50.1 % of likes over the window (501 comments, 1,000 likes), above 50 %")),
                analyzer.analyze(above.input()).signals());
    }

    @Test
    void followingMoreThanFollowedCountsFromAThousandFollowers() {
        Channel following = new Channel();
        following.followers = 1_000;
        following.following = 1_001;
        Channel even = new Channel();
        even.followers = 1_000;
        even.following = 1_000;
        Channel small = new Channel();
        small.followers = 999;
        small.following = 5_000;

        assertEquals(List.of(new AuthenticitySignal(AuthenticityCheck.FOLLOWS_MORE_THAN_FOLLOWED, 10,
                "Follows 1,001 accounts while 1,000 follow it")), analyzer.analyze(following.input()).signals());
        assertEquals(List.of(), signalsOf(even));
        assertEquals(List.of(), signalsOf(small));
    }

    @Test
    void aTooSmallSampleSkipsEveryEngagementCheck() {
        Channel channel = new Channel();
        channel.sampleTooSmall = true;
        channel.engagementRate = 0.0001; // would be far below peers
        channel.comments = 0;            // would be bought likes

        Authenticity authenticity = analyzer.analyze(channel.input());

        assertEquals(100, authenticity.score());
        assertEquals(List.of(
                        AuthenticityCheck.FOLLOWER_JUMP,
                        AuthenticityCheck.LOW_ENGAGEMENT_VS_PEERS,
                        AuthenticityCheck.ENGAGEMENT_OUTLIER_FEW_COMMENTS,
                        AuthenticityCheck.BOUGHT_LIKES,
                        AuthenticityCheck.COMMENT_PODS),
                authenticity.skipped().stream().map(SkippedCheck::code).toList());
    }

    @Test
    void withoutAPeerMedianOnlyThePeerChecksAreSkipped() {
        Channel channel = new Channel();
        channel.peerMedian = null;
        channel.engagementRate = 0.0001;
        channel.comments = 0;

        Authenticity authenticity = analyzer.analyze(channel.input());

        assertEquals(List.of(AuthenticityCheck.BOUGHT_LIKES), signalsOf(channel));
        assertEquals(new SkippedCheck(AuthenticityCheck.LOW_ENGAGEMENT_VS_PEERS,
                "no peer median for the channel's platform and tier"), authenticity.skipped().get(1));
    }

    @Test
    void penaltiesAddUp() {
        Channel channel = new Channel();
        channel.followers = 18_400;
        channel.following = 20_000;
        channel.snapshots = daily(10_000, 10_100, 13_100, 13_200);
        channel.peerMedian = 0.05;
        channel.engagementRate = 0.5;
        channel.likes = 100_000;
        channel.comments = 100; // 0.1 %: few for the outlier and bought likes

        Authenticity authenticity = analyzer.analyze(channel.input());

        // 100 − 30 (jump) − 25 (outlier) − 20 (bought likes) − 10 (follows more) = 15
        assertEquals(15, authenticity.score());
        assertEquals(List.of(AuthenticityCheck.FOLLOWER_JUMP, AuthenticityCheck.ENGAGEMENT_OUTLIER_FEW_COMMENTS,
                        AuthenticityCheck.BOUGHT_LIKES, AuthenticityCheck.FOLLOWS_MORE_THAN_FOLLOWED),
                authenticity.signals().stream().map(AuthenticitySignal::code).toList());
    }

    @Test
    void scoreDoesNotGoBelowZero() {
        AuthenticityAnalyzer strict = new AuthenticityAnalyzer(Map.of(
                AuthenticityCheck.FOLLOWER_JUMP, 60, AuthenticityCheck.FOLLOWS_MORE_THAN_FOLLOWED, 60));
        Channel channel = new Channel();
        channel.followers = 13_200;
        channel.following = 20_000;
        channel.snapshots = daily(10_000, 10_100, 13_100, 13_200);

        Authenticity authenticity = strict.analyze(channel.input());

        // 100 − 60 − 60 = −20 → 0
        assertEquals(0, authenticity.score());
        assertEquals(2, authenticity.signals().size());
    }

    @Test
    void penaltiesOutsideZeroToHundredAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new AuthenticityAnalyzer(Map.of(AuthenticityCheck.BOUGHT_LIKES, 101)));
        assertThrows(IllegalArgumentException.class,
                () -> new AuthenticityAnalyzer(Map.of(AuthenticityCheck.BOUGHT_LIKES, -1)));
    }

    @Test
    void readsTheComputedMetricsOfAChannel() {
        ChannelMetrics metrics = new ChannelMetricsCalculator().compute(1_000,
                posts(daysAgo(1).likes(100), daysAgo(2).likes(100), daysAgo(3).likes(100)),
                List.of(), null, MetricsWindow.DEFAULT, NOW);

        AuthenticityInput input = AuthenticityInput.of(metrics, 200, List.of(), 0.1);

        // engagement rate 100 / 1,000 = 0.1, 300 likes and no comment over the window
        assertEquals(new AuthenticityInput(1_000, 200, List.of(), 0.1, 0.1, false, 300, 0), input);
        assertEquals("Comments are only 0.0 % of likes over the window (0 comments, 300 likes), below 0.2 %",
                analyzer.analyze(input).signals().get(0).reason());
    }
}
