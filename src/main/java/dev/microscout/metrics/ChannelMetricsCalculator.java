package dev.microscout.metrics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Computes the derived metrics of a channel from its posts and follower snapshots. Pure: no clock, no
 * database; the caller passes {@code now}.
 *
 * <h2>Window</h2>
 * The posts published from {@code now − days} to {@code now} (both inclusive; posts after {@code now}
 * are left out), and of those the {@code maxPosts} newest.
 *
 * <h2>Formulas</h2>
 * With engagements of a post = likes + comments + saves + shares:
 * <ul>
 * <li>{@code engagementRate} = median over the window of engagements / followers (null with 0 followers)</li>
 * <li>{@code viewEngagementRate} = median of engagements / views over posts of a video format
 *     ({@link PostFormat#isVideo()}) with views &gt; 0</li>
 * <li>{@code microConversionRate} = Σ(saves + shares + linkClicks + dms) / Σ denominator, where a post's
 *     denominator is its reach when known and &gt; 0, else its views when known and &gt; 0; posts with
 *     neither are left out of both sums; null when no post has a denominator</li>
 * <li>{@code amplificationRate} = median of shares / followers; {@code conversationRate} = median of
 *     comments / followers (null with 0 followers)</li>
 * <li>{@code growthRate30d}: see {@link FollowerGrowth}; the baseline is the newest snapshot dated at
 *     least 30 days before {@code now}'s UTC date, "followers now" is the {@code followers} argument</li>
 * <li>{@code postsPerWeek} = posts in window / weeks in window, the weeks measured from
 *     {@link ChannelMetrics#windowStart()} to {@code now}. When the post cap cut posts, the window starts
 *     at the oldest post kept: 50 posts in the last 20 days are 17.5 a week, not 3.9.</li>
 * <li>{@code postingConsistency} = 1 − min(1, population standard deviation / mean of the gaps between
 *     consecutive posts); null with fewer than 3 posts (two gaps are the least a spread can be taken of)
 *     or when all posts share one instant</li>
 * <li>{@code sponsoredShare} = sponsored posts / posts in window (null without posts)</li>
 * <li>{@code sponsoredEngagementRatio} = median engagements of sponsored posts / median engagements of
 *     organic posts; null without both kinds or when the organic median is 0</li>
 * <li>{@code estimatedCostPerEngagement} = price per post / median engagements per post; null without a
 *     price or when that median is 0</li>
 * </ul>
 *
 * <h2>Small samples</h2>
 * With fewer than {@link #MIN_POSTS} posts in the window the engagement-based figures (engagementRate,
 * viewEngagementRate, microConversionRate, amplificationRate, conversationRate, sponsoredEngagementRatio,
 * estimatedCostPerEngagement) are null. growthRate30d, postsPerWeek and sponsoredShare are still given:
 * they count posts or followers and do not pretend to describe how an audience reacts.
 */
public final class ChannelMetricsCalculator {

    /** Fewest posts in the window for engagement-based figures. */
    public static final int MIN_POSTS = 3;

    /** How old the baseline snapshot of {@code growthRate30d} must be at least, in days. */
    public static final int GROWTH_BASELINE_DAYS = 30;

    private static final double SECONDS_PER_WEEK = Duration.ofDays(7).toSeconds();

    public ChannelMetrics compute(long followers, List<PostSample> posts, List<FollowerPoint> snapshots,
            BigDecimal pricePerPost, MetricsWindow window, Instant now) {
        Objects.requireNonNull(posts, "posts");
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(now, "now");
        if (followers < 0) {
            throw new IllegalArgumentException("followers must be >= 0, got " + followers);
        }
        if (pricePerPost != null && pricePerPost.signum() < 0) {
            throw new IllegalArgumentException("pricePerPost must be >= 0, got " + pricePerPost);
        }

        Instant earliest = now.minus(Duration.ofDays(window.days()));
        List<PostSample> inDays = posts.stream()
                .filter(p -> !p.postedAt().isBefore(earliest) && !p.postedAt().isAfter(now))
                .sorted(Comparator.comparing(PostSample::postedAt).reversed())
                .toList();
        boolean capped = inDays.size() > window.maxPosts();
        List<PostSample> inWindow = capped ? inDays.subList(0, window.maxPosts()) : inDays;
        Instant windowStart = capped ? inWindow.get(inWindow.size() - 1).postedAt() : earliest;

        int n = inWindow.size();
        boolean sampleTooSmall = n < MIN_POSTS;
        return new ChannelMetrics(
                windowStart,
                now,
                n,
                sampleTooSmall,
                followers,
                sampleTooSmall ? Figure.unknown(n) : medianPerFollower(inWindow, PostSample::engagements, followers),
                sampleTooSmall ? Figure.unknown(n) : viewEngagementRate(inWindow),
                sampleTooSmall ? Figure.unknown(n) : microConversionRate(inWindow),
                sampleTooSmall ? Figure.unknown(n) : medianPerFollower(inWindow, PostSample::shares, followers),
                sampleTooSmall ? Figure.unknown(n) : medianPerFollower(inWindow, PostSample::comments, followers),
                growthRate30d(followers, snapshots, now),
                postsPerWeek(n, windowStart, now),
                postingConsistency(inWindow),
                sponsoredShare(inWindow),
                sampleTooSmall ? Figure.unknown(n) : sponsoredEngagementRatio(inWindow),
                sampleTooSmall ? Figure.unknown(n) : estimatedCostPerEngagement(inWindow, pricePerPost),
                sum(inWindow, PostSample::likes),
                sum(inWindow, PostSample::comments));
    }

    private static Figure medianPerFollower(List<PostSample> posts, ToLongFunction<PostSample> count,
            long followers) {
        if (followers == 0) {
            return Figure.unknown(posts.size());
        }
        double[] rates = posts.stream().mapToDouble(p -> (double) count.applyAsLong(p) / followers).toArray();
        return Figure.of(Median.of(rates), posts.size());
    }

    private static Figure viewEngagementRate(List<PostSample> posts) {
        double[] rates = posts.stream()
                .filter(p -> p.format().isVideo() && p.views() != null && p.views() > 0)
                .mapToDouble(p -> (double) p.engagements() / p.views())
                .toArray();
        return rates.length == 0 ? Figure.unknown(0) : Figure.of(Median.of(rates), rates.length);
    }

    private static Figure microConversionRate(List<PostSample> posts) {
        long conversions = 0;
        long audience = 0;
        int counted = 0;
        for (PostSample post : posts) {
            long reached = audienceOf(post);
            if (reached > 0) {
                conversions += post.microConversions();
                audience += reached;
                counted++;
            }
        }
        return audience == 0 ? Figure.unknown(0) : Figure.of((double) conversions / audience, counted);
    }

    /** Reach when known and positive, else views when known and positive, else 0 (post left out). */
    private static long audienceOf(PostSample post) {
        if (post.reach() != null && post.reach() > 0) {
            return post.reach();
        }
        return post.views() != null && post.views() > 0 ? post.views() : 0;
    }

    private static FollowerGrowth growthRate30d(long followers, List<FollowerPoint> snapshots, Instant now) {
        LocalDate latestBaselineDate = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(GROWTH_BASELINE_DAYS);
        Optional<FollowerPoint> baseline = snapshots.stream()
                .filter(s -> !s.date().isAfter(latestBaselineDate))
                .max(Comparator.comparing(FollowerPoint::date));
        if (baseline.isEmpty()) {
            return FollowerGrowth.unknown();
        }
        FollowerPoint base = baseline.get();
        Double rate = base.followers() == 0 ? null : (double) (followers - base.followers()) / base.followers();
        return new FollowerGrowth(rate, base.date(), base.followers());
    }

    private static Figure postsPerWeek(int posts, Instant windowStart, Instant now) {
        double weeks = Duration.between(windowStart, now).toSeconds() / SECONDS_PER_WEEK;
        return weeks > 0 ? Figure.of(posts / weeks, posts) : Figure.unknown(posts);
    }

    private static Figure postingConsistency(List<PostSample> newestFirst) {
        int n = newestFirst.size();
        if (n < MIN_POSTS) {
            return Figure.unknown(n);
        }
        double[] gaps = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            gaps[i] = Duration.between(newestFirst.get(i + 1).postedAt(), newestFirst.get(i).postedAt()).toSeconds();
        }
        double mean = 0;
        for (double gap : gaps) {
            mean += gap;
        }
        mean /= gaps.length;
        if (mean == 0) {
            return Figure.unknown(n);
        }
        double squares = 0;
        for (double gap : gaps) {
            squares += (gap - mean) * (gap - mean);
        }
        double coefficientOfVariation = Math.sqrt(squares / gaps.length) / mean;
        return Figure.of(1 - Math.min(1, coefficientOfVariation), n);
    }

    private static Figure sponsoredShare(List<PostSample> posts) {
        if (posts.isEmpty()) {
            return Figure.unknown(0);
        }
        long sponsored = posts.stream().filter(PostSample::sponsored).count();
        return Figure.of((double) sponsored / posts.size(), posts.size());
    }

    private static Figure sponsoredEngagementRatio(List<PostSample> posts) {
        Double sponsored = medianEngagements(posts.stream().filter(PostSample::sponsored).toList());
        Double organic = medianEngagements(posts.stream().filter(p -> !p.sponsored()).toList());
        if (sponsored == null || organic == null || organic == 0) {
            return Figure.unknown(posts.size());
        }
        return Figure.of(sponsored / organic, posts.size());
    }

    private static Figure estimatedCostPerEngagement(List<PostSample> posts, BigDecimal pricePerPost) {
        Double median = medianEngagements(posts);
        if (pricePerPost == null || median == null || median == 0) {
            return Figure.unknown(posts.size());
        }
        return Figure.of(pricePerPost.doubleValue() / median, posts.size());
    }

    private static Double medianEngagements(List<PostSample> posts) {
        return Median.of(posts.stream().mapToDouble(PostSample::engagements).toArray());
    }

    private static long sum(List<PostSample> posts, ToLongFunction<PostSample> count) {
        return posts.stream().mapToLong(count).sum();
    }
}
