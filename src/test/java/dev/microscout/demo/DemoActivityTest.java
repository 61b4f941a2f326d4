package dev.microscout.demo;

import dev.microscout.demo.DemoActivity.PlantedPattern;
import dev.microscout.influencer.ChannelInput;
import dev.microscout.influencer.InfluencerCreate;
import dev.microscout.influencer.NicheWeight;
import dev.microscout.influencer.Platform;
import dev.microscout.metrics.Authenticity;
import dev.microscout.metrics.AuthenticityAnalyzer;
import dev.microscout.metrics.AuthenticityCheck;
import dev.microscout.metrics.AuthenticityInput;
import dev.microscout.metrics.AuthenticitySignal;
import dev.microscout.metrics.ChannelMetrics;
import dev.microscout.metrics.ChannelMetricsCalculator;
import dev.microscout.metrics.FollowerPoint;
import dev.microscout.metrics.MetricsWindow;
import dev.microscout.metrics.PostBatch;
import dev.microscout.metrics.PostFormat;
import dev.microscout.metrics.PostInput;
import dev.microscout.metrics.PostSample;
import dev.microscout.influencer.SnapshotBatch;
import dev.microscout.influencer.SnapshotInput;
import dev.microscout.tier.Tier;
import dev.microscout.tier.TierPolicy;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoActivityTest {

    static final long SEED = DemoCatalogueTest.SEED;
    static final int COUNT = DemoCatalogueTest.COUNT;
    /** The three checks a planted pattern raises; every other channel must raise none of them. */
    static final Set<AuthenticityCheck> PLANTABLE = EnumSet.of(AuthenticityCheck.FOLLOWER_JUMP,
            AuthenticityCheck.BOUGHT_LIKES, AuthenticityCheck.COMMENT_PODS);
    static final TierPolicy TIERS = new TierPolicy(10_000, 100_000);

    static ValidatorFactory validatorFactory;
    static Instant now;
    static List<InfluencerCreate> catalogue;
    static DemoActivity activity;
    static List<Channel> channels;

    /** One channel of the catalogue with what the activity generator gave it. */
    record Channel(int index, int position, InfluencerCreate creator, ChannelInput input, PostBatch posts,
                   SnapshotBatch snapshots, Optional<PlantedPattern> pattern) {

        long followers() {
            return input.followers();
        }

        @Override
        public String toString() {
            return "creator " + index + " channel " + position + " (" + input.platform() + ", " + input.followers()
                    + " followers" + pattern.map(p -> ", " + p).orElse("") + ")";
        }
    }

    @BeforeAll
    static void generate() {
        validatorFactory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        DemoCatalogue demo = new DemoCatalogue(SEED);
        catalogue = demo.influencers(COUNT);
        activity = new DemoActivity(demo);
        channels = channels(activity, catalogue, now);
    }

    @AfterAll
    static void close() {
        validatorFactory.close();
    }

    static List<Channel> channels(DemoActivity activity, List<InfluencerCreate> creators, Instant now) {
        List<Channel> all = new ArrayList<>();
        for (int i = 0; i < creators.size(); i++) {
            InfluencerCreate creator = creators.get(i);
            for (int p = 0; p < creator.channels().size(); p++) {
                all.add(new Channel(i, p, creator, creator.channels().get(p), activity.posts(i, creator, p, now),
                        activity.snapshots(i, creator, p, now), activity.pattern(i, p)));
            }
        }
        return all;
    }

    @Test
    void sameSeedSameActivity() {
        DemoCatalogue again = new DemoCatalogue(SEED);
        DemoActivity other = new DemoActivity(again);
        for (int i : List.of(0, 5, 11, 17, 123, 299)) {
            InfluencerCreate creator = again.influencer(i);
            assertEquals(catalogue.get(i), creator);
            for (int p = 0; p < creator.channels().size(); p++) {
                assertEquals(activity.posts(i, creator, p, now), other.posts(i, creator, p, now));
                assertEquals(activity.snapshots(i, creator, p, now), other.snapshots(i, creator, p, now));
                assertEquals(activity.pattern(i, p), other.pattern(i, p));
            }
        }
        DemoActivity otherSeed = new DemoActivity(new DemoCatalogue(SEED + 1));
        InfluencerCreate creator = catalogue.get(42);
        assertNotEquals(activity.posts(42, creator, 0, now), otherSeed.posts(42, creator, 0, now));
        assertNotEquals(activity.snapshots(42, creator, 0, now), otherSeed.snapshots(42, creator, 0, now));
    }

    @Test
    void generatingActivityLeavesTheCreatorsAsTheyWere() {
        assertEquals(new DemoCatalogue(SEED).influencers(COUNT), catalogue);
    }

    @Test
    void everyBatchPassesBeanValidation() {
        Validator validator = validatorFactory.getValidator();
        for (Channel channel : channels) {
            Set<ConstraintViolation<PostBatch>> posts = validator.validate(channel.posts());
            assertTrue(posts.isEmpty(), () -> channel + ": " + describe(posts));
            Set<ConstraintViolation<SnapshotBatch>> snapshots = validator.validate(channel.snapshots());
            assertTrue(snapshots.isEmpty(), () -> channel + ": " + describe(snapshots));
        }
    }

    @Test
    void postsSpanAboutFourMonthsAndNoneIsInTheFuture() {
        Instant windowStart = now.minus(Duration.ofDays(MetricsWindow.DEFAULT_DAYS));
        for (Channel channel : channels) {
            List<PostInput> posts = channel.posts().posts();
            assertTrue(posts.size() >= 20 && posts.size() <= 40, channel + " has " + posts.size() + " posts");
            long outside = 0;
            for (PostInput post : posts) {
                Instant postedAt = post.postedAt().toInstant();
                assertFalse(postedAt.isAfter(now), channel + ": post after now " + post.postedAt());
                assertFalse(postedAt.isBefore(now.minus(Duration.ofDays(120))), channel + ": " + post.postedAt());
                outside += postedAt.isBefore(windowStart) ? 1 : 0;
            }
            assertTrue(outside >= 1 && outside <= posts.size() / 2, channel + ": " + outside + " outside the window");
            assertEquals(posts.size(), posts.stream().map(PostInput::externalId).distinct().count(),
                    channel + ": external ids repeat");
        }
    }

    @Test
    void formatsFitThePlatformAndTenToTwentyPercentOfPostsAreSponsored() {
        Map<Platform, Set<PostFormat>> allowed = Map.of(
                Platform.INSTAGRAM, EnumSet.of(PostFormat.PHOTO, PostFormat.CAROUSEL, PostFormat.REEL, PostFormat.STORY),
                Platform.TIKTOK, EnumSet.of(PostFormat.VIDEO, PostFormat.LIVE),
                Platform.YOUTUBE, EnumSet.of(PostFormat.VIDEO, PostFormat.SHORT, PostFormat.LIVE),
                Platform.X, EnumSet.of(PostFormat.TEXT, PostFormat.PHOTO, PostFormat.VIDEO),
                Platform.FACEBOOK, EnumSet.of(PostFormat.PHOTO, PostFormat.VIDEO, PostFormat.TEXT));
        Map<Platform, Set<PostFormat>> seen = new EnumMap<>(Platform.class);
        for (Channel channel : channels) {
            List<PostInput> posts = channel.posts().posts();
            for (PostInput post : posts) {
                assertTrue(allowed.get(channel.input().platform()).contains(post.format()), channel + ": " + post);
                seen.computeIfAbsent(channel.input().platform(), p -> EnumSet.noneOf(PostFormat.class))
                        .add(post.format());
            }
            double sponsored = (double) posts.stream().filter(p -> p.sponsored()).count() / posts.size();
            assertTrue(sponsored >= 0.1 && sponsored <= 0.2, channel + ": sponsored share " + sponsored);
        }
        assertEquals(allowed, seen, "every format of every platform appears");
    }

    @Test
    void countsAreConsistentViewsAboveReachAboveLikes() {
        int withReach = 0;
        int withoutReach = 0;
        for (Channel channel : channels) {
            for (PostInput post : channel.posts().posts()) {
                if (post.format().isVideo()) {
                    assertTrue(post.views() != null, channel + ": a video without views " + post);
                }
                if (post.views() != null && post.reach() != null) {
                    assertTrue(post.views() > post.reach(), channel + ": " + post);
                }
                if (post.reach() != null) {
                    assertTrue(post.reach() > post.likes(), channel + ": " + post);
                    withReach++;
                } else {
                    withoutReach++;
                }
                if (post.views() != null) {
                    assertTrue(post.views() > post.likes(), channel + ": " + post);
                }
                if (channel.pattern().isEmpty() && post.likes() >= 1_000) {
                    assertTrue(post.comments() * 10 < post.likes(), channel + ": " + post);
                    assertTrue(post.saves() < post.likes() && post.shares() < post.likes()
                            && post.linkClicks() < post.likes() && post.dms() < post.likes(), channel + ": " + post);
                }
            }
        }
        assertTrue(withoutReach > 0 && withReach > 4 * withoutReach, withReach + " with reach, " + withoutReach + " without");
    }

    @Test
    void commentsAreOneToFivePercentOfLikesOnOrdinaryChannels() {
        for (Channel channel : channels) {
            if (channel.pattern().isPresent()) {
                continue;
            }
            ChannelMetrics metrics = metrics(channel);
            double ratio = (double) metrics.commentsInWindow() / metrics.likesInWindow();
            if (metrics.likesInWindow() >= 2_000) {
                assertTrue(ratio >= 0.01 && ratio <= 0.05, channel + ": comments/likes " + ratio);
            } else {
                assertTrue(ratio >= 0.002 && ratio <= 0.5, channel + ": comments/likes " + ratio);
            }
        }
    }

    @Test
    void tagsComeFromTheCreatorsNiches() {
        Set<String> sponsoredTags = Set.of("ad", "sponsored", "paidpartnership", "collab");
        int tagged = 0;
        int posts = 0;
        for (Channel channel : channels) {
            Set<String> nicheWords = new HashSet<>();
            for (NicheWeight weight : channel.creator().niches()) {
                DemoNiche niche = DemoNiche.bySlug(weight.niche());
                nicheWords.add(niche.slug());
                nicheWords.addAll(niche.hashtags());
            }
            for (PostInput post : channel.posts().posts()) {
                posts++;
                tagged += post.tags().isEmpty() ? 0 : 1;
                for (String tag : post.tags()) {
                    assertFalse(tag.startsWith("#"), tag);
                    assertTrue(sponsoredTags.contains(tag) || nicheWords.stream().anyMatch(tag::startsWith),
                            channel + ": tag " + tag + " is not from " + nicheWords);
                }
            }
        }
        assertTrue(tagged > posts * 0.9, tagged + " of " + posts + " posts tagged");
    }

    @Test
    void sixtyDailySnapshotsEndingTodayAtTheChannelsFollowers() {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (Channel channel : channels) {
            List<SnapshotInput> snapshots = channel.snapshots().snapshots();
            assertEquals(DemoActivity.SNAPSHOT_DAYS, snapshots.size(), channel.toString());
            for (int d = 0; d < snapshots.size(); d++) {
                assertEquals(today.minusDays(snapshots.size() - 1L - d), snapshots.get(d).date(), channel.toString());
                assertTrue(snapshots.get(d).followers() >= 0, channel.toString());
            }
            SnapshotInput last = snapshots.get(snapshots.size() - 1);
            assertEquals(today, last.date());
            assertEquals(channel.followers(), last.followers(), channel + ": the newest snapshot is not the followers");
            assertEquals(TIERS.classify(channel.followers()), TIERS.classify(last.followers()));
        }
    }

    @Test
    void fixedCreatorsAlwaysCarryTheirPatternOnTheMainChannelOnly() {
        assertEquals(EnumSet.allOf(PlantedPattern.class), EnumSet.copyOf(DemoActivity.FIXED_PATTERNS.values()));
        for (long seed : List.of(SEED, 1L, 987_654_321L)) {
            DemoActivity other = new DemoActivity(new DemoCatalogue(seed));
            DemoActivity.FIXED_PATTERNS.forEach((index, pattern) -> {
                assertEquals(Optional.of(pattern), other.pattern(index, DemoActivity.MAIN_CHANNEL));
                assertEquals(Optional.empty(), other.pattern(index, 1));
            });
        }
        for (Channel channel : channels) {
            if (channel.position() != DemoActivity.MAIN_CHANNEL) {
                assertEquals(Optional.empty(), channel.pattern(), channel.toString());
            }
        }
        long planted = channels.stream().filter(c -> c.pattern().isPresent()).count();
        // the three fixed ones plus about 3 % of the other 297 creators
        assertTrue(planted >= 5 && planted <= 20, planted + " planted patterns");
    }

    @Test
    void eachPlantedPatternRaisesItsCheckAndOrdinaryChannelsRaiseNone() {
        assertPatternsShow(channels);
    }

    @Test
    void patternsShowWhateverTheSeedAndTheTimeOfDay() {
        for (long seed : List.of(1L, 987_654_321L)) {
            DemoCatalogue demo = new DemoCatalogue(seed);
            List<InfluencerCreate> creators = demo.influencers(120);
            Instant later = now.minus(Duration.ofHours(13)).minus(Duration.ofMinutes(17));
            assertPatternsShow(channels(new DemoActivity(demo), creators, later), later);
        }
    }

    @Test
    void ordinaryEngagementRatesFallInTheirTiersRangeHigherForSmallerAccounts() {
        Map<Tier, double[]> usual = Map.of(Tier.NANO, new double[]{0.04, 0.10}, Tier.MICRO, new double[]{0.02, 0.06},
                Tier.MACRO, new double[]{0.008, 0.03});
        Map<Tier, List<Double>> rates = new EnumMap<>(Tier.class);
        for (Channel channel : channels) {
            // Below 100 followers one interaction is a percent or more, so no range holds.
            if (channel.pattern().isPresent() || channel.followers() < 100) {
                continue;
            }
            Tier tier = TIERS.classify(channel.followers());
            double rate = metrics(channel).engagementRate().value();
            double[] range = usual.get(tier);
            assertTrue(rate >= range[0] && rate <= range[1], channel + ": engagement rate " + rate + " for " + tier);
            rates.computeIfAbsent(tier, t -> new ArrayList<>()).add(rate);
        }
        assertEquals(EnumSet.allOf(Tier.class), rates.keySet());
        assertTrue(mean(rates.get(Tier.NANO)) > mean(rates.get(Tier.MICRO)));
        assertTrue(mean(rates.get(Tier.MICRO)) > mean(rates.get(Tier.MACRO)));
    }

    @Test
    void someChannelsHadAViralPost() {
        long viral = channels.stream().filter(channel -> {
            double[] engagements = channel.posts().posts().stream()
                    .mapToDouble(p -> p.likes() + p.comments() + p.saves() + p.shares()).sorted().toArray();
            double median = engagements[engagements.length / 2];
            return median >= 20 && engagements[engagements.length - 1] > 4 * median;
        }).count();
        assertTrue(viral >= 10, viral + " channels with a viral post");
    }

    @Test
    void rejectsAChannelPositionTheCreatorDoesNotHave() {
        InfluencerCreate creator = catalogue.get(0);
        int size = creator.channels().size();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> activity.posts(0, creator, size, now));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> activity.snapshots(0, creator, -1, now));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> activity.pattern(-1, 0));
    }

    private static void assertPatternsShow(List<Channel> channels) {
        assertPatternsShow(channels, now);
    }

    private static void assertPatternsShow(List<Channel> channels, Instant at) {
        AuthenticityAnalyzer analyzer = new AuthenticityAnalyzer();
        Map<PlantedPattern, Integer> shown = new EnumMap<>(PlantedPattern.class);
        for (Channel channel : channels) {
            ChannelMetrics metrics = metrics(channel, at);
            assertFalse(metrics.sampleTooSmall(), channel.toString());
            Authenticity authenticity = analyzer.analyze(AuthenticityInput.of(metrics, channel.input().following(),
                    points(channel), null));
            Set<AuthenticityCheck> raised = authenticity.signals().stream().map(AuthenticitySignal::code)
                    .filter(PLANTABLE::contains).collect(Collectors.toCollection(() -> EnumSet.noneOf(AuthenticityCheck.class)));
            Set<AuthenticityCheck> expected = channel.pattern().map(p -> EnumSet.of(p.check()))
                    .orElse(EnumSet.noneOf(AuthenticityCheck.class));
            assertEquals(expected, raised, () -> channel + ": " + authenticity.signals());
            channel.pattern().ifPresent(p -> shown.merge(p, 1, Integer::sum));
        }
        assertEquals(EnumSet.allOf(PlantedPattern.class), shown.keySet(), "every pattern appears: " + shown);
    }

    static ChannelMetrics metrics(Channel channel) {
        return metrics(channel, now);
    }

    static ChannelMetrics metrics(Channel channel, Instant at) {
        return new ChannelMetricsCalculator().compute(channel.followers(), samples(channel.posts()), points(channel),
                channel.creator().rateCard() == null ? null : channel.creator().rateCard().pricePerPost(),
                MetricsWindow.DEFAULT, at);
    }

    static List<PostSample> samples(PostBatch batch) {
        return batch.posts().stream().map(p -> new PostSample(p.postedAt().toInstant(), p.format(),
                Boolean.TRUE.equals(p.sponsored()), p.views(), p.reach(), p.likes(), p.comments(), orZero(p.saves()),
                orZero(p.shares()), orZero(p.linkClicks()), orZero(p.dms()), orZero(p.mentions()))).toList();
    }

    static List<FollowerPoint> points(Channel channel) {
        return channel.snapshots().snapshots().stream().map(s -> new FollowerPoint(s.date(), s.followers())).toList();
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static <T> String describe(Set<ConstraintViolation<T>> violations) {
        return violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).collect(Collectors.joining("; "));
    }
}
