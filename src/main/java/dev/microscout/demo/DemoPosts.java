package dev.microscout.demo;

import dev.microscout.demo.DemoActivity.PlantedPattern;
import dev.microscout.influencer.ChannelInput;
import dev.microscout.influencer.InfluencerCreate;
import dev.microscout.influencer.NicheWeight;
import dev.microscout.influencer.Platform;
import dev.microscout.metrics.MetricsWindow;
import dev.microscout.metrics.PostFormat;
import dev.microscout.metrics.PostInput;
import dev.microscout.tier.Tier;
import dev.microscout.tier.TierPolicy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The posts of one demo channel. See {@link DemoActivity} for what they look like; this class draws them.
 *
 * <p>Counts come from a channel's expected engagements per post (base rate × followers) times a per-post
 * multiplier (format, sponsorship, log-normal noise, now and then a viral hit), the multipliers scaled so that
 * their median over the posts of the default metrics window is exactly 1: the channel's engagement rate is then
 * its base rate, up to the rounding of whole interactions. Small counts (comments, saves, shares) are rounded
 * with the remainder carried to the next post, the newest first, so that their sums over the window stay true
 * even where every single post has less than one.
 */
final class DemoPosts {

    static final int MIN_POSTS = 20;
    static final int MAX_POSTS = 40;
    /** The oldest post is at most this many days old (and the default window covers 90). */
    static final int HISTORY_DAYS = 116;
    /** The fewest interactions a post can expect, so that a channel of a handful of followers is not all zeros. */
    static final double MIN_EXPECTED_ENGAGEMENTS = 1.5;

    static final TierPolicy TIERS = new TierPolicy(10_000, 100_000);

    private static final Map<Platform, Weighted<PostFormat>> FORMATS = Map.of(
            Platform.INSTAGRAM, weighted(Map.of(PostFormat.PHOTO, 30.0, PostFormat.CAROUSEL, 25.0,
                    PostFormat.REEL, 35.0, PostFormat.STORY, 10.0)),
            Platform.TIKTOK, weighted(Map.of(PostFormat.VIDEO, 90.0, PostFormat.LIVE, 10.0)),
            Platform.YOUTUBE, weighted(Map.of(PostFormat.VIDEO, 50.0, PostFormat.SHORT, 40.0, PostFormat.LIVE, 10.0)),
            Platform.X, weighted(Map.of(PostFormat.TEXT, 60.0, PostFormat.PHOTO, 25.0, PostFormat.VIDEO, 15.0)),
            Platform.FACEBOOK, weighted(Map.of(PostFormat.PHOTO, 40.0, PostFormat.VIDEO, 35.0, PostFormat.TEXT, 25.0)));

    /** Share of posts whose reach the platform does not report. */
    private static final Map<Platform, Double> REACH_MISSING = Map.of(Platform.INSTAGRAM, 0.1, Platform.TIKTOK, 0.2,
            Platform.YOUTUBE, 0.35, Platform.X, 0.3, Platform.FACEBOOK, 0.15);

    private static final Map<Platform, String> ID_PREFIX = Map.of(Platform.INSTAGRAM, "ig", Platform.TIKTOK, "tt",
            Platform.YOUTUBE, "yt", Platform.X, "x", Platform.FACEBOOK, "fb");

    /** Relative chance of posting in each local hour: a little at breakfast and lunch, most in the evening. */
    private static final double[] HOURS = {
            0.3, 0.1, 0.05, 0.05, 0.05, 0.2, 0.6, 1.2, 1.5, 1.0, 0.9, 1.4,
            2.0, 1.6, 1.0, 0.9, 1.1, 1.8, 2.6, 3.2, 3.4, 2.8, 1.8, 0.9};

    /** Indonesian cities on Central Indonesia Time (UTC+8); the rest of the country posts on UTC+7. */
    private static final Set<String> WITA_CITIES = Set.of("Makassar", "Denpasar", "Balikpapan", "Manado");

    private static final List<String> SPONSORED_TAGS = List.of("ad", "sponsored", "paidpartnership", "collab");

    private DemoPosts() {
    }

    /** The base engagement rate range of a tier: inside the usual ranges, with room for rounding. */
    static double[] baseRateRange(Tier tier) {
        return switch (tier) {
            case NANO -> new double[]{0.046, 0.087};
            case MICRO -> new double[]{0.023, 0.052};
            case MACRO -> new double[]{0.0092, 0.026};
        };
    }

    static List<PostInput> of(SplittableRandom random, int index, InfluencerCreate creator, ChannelInput channel,
                              PlantedPattern pattern, Instant now) {
        long followers = channel.followers() == null ? 0 : channel.followers();
        ZoneOffset offset = offset(creator);
        int count = MIN_POSTS + random.nextInt(MAX_POSTS - MIN_POSTS + 1);

        List<Draft> posts = new ArrayList<>(count);
        for (Instant postedAt : schedule(random, count, offset, now)) {
            posts.add(new Draft(postedAt, FORMATS.get(channel.platform()).pick(random)));
        }
        posts.sort(Comparator.comparing((Draft d) -> d.postedAt).reversed());
        markSponsored(random, posts);
        Instant windowStart = now.minus(Duration.ofDays(MetricsWindow.DEFAULT_DAYS));
        List<Draft> window = posts.stream().filter(d -> !d.postedAt.isBefore(windowStart)).toList();

        multipliers(random, posts, window);
        double expected = Math.max(MIN_EXPECTED_ENGAGEMENTS, baseRate(random, followers) * followers);
        counts(random, posts, channel.platform(), expected, pattern);
        settleComments(window, pattern);

        List<PostInput> result = new ArrayList<>(count);
        for (int i = 0; i < posts.size(); i++) {
            Draft post = posts.get(i);
            String externalId = ID_PREFIX.get(channel.platform()) + "-" + index + "-" + (posts.size() - i);
            result.add(post.toInput(externalId, offset, tags(random, creator, post.sponsored)));
        }
        return List.copyOf(result);
    }

    /** Roughly evenly spaced days, with a personal amount of irregularity, at local peak hours. */
    private static List<Instant> schedule(SplittableRandom random, int count, ZoneOffset offset, Instant now) {
        double irregularity = between(random, 0.2, 1.6);
        double slot = (double) HISTORY_DAYS / count;
        Instant oldest = now.minus(Duration.ofDays(HISTORY_DAYS));
        List<Instant> times = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double daysAgo = Math.min(HISTORY_DAYS, Math.max(0,
                    (i + 0.5 + irregularity * (random.nextDouble() - 0.5)) * slot));
            Instant around = now.minusSeconds(Math.round(daysAgo * 86_400));
            LocalDate day = LocalDate.ofInstant(around, offset);
            LocalTime time = LocalTime.of(hour(random), random.nextInt(60), random.nextInt(60));
            Instant postedAt = OffsetDateTime.of(day, time, offset).toInstant();
            if (postedAt.isAfter(now)) {
                postedAt = postedAt.minus(Duration.ofDays(1));
            }
            if (postedAt.isBefore(oldest)) {
                postedAt = postedAt.plus(Duration.ofDays(1));
            }
            times.add(postedAt);
        }
        return times;
    }

    private static int hour(SplittableRandom random) {
        double total = Arrays.stream(HOURS).sum();
        double point = random.nextDouble() * total;
        for (int h = 0; h < HOURS.length; h++) {
            point -= HOURS[h];
            if (point < 0) {
                return h;
            }
        }
        return HOURS.length - 1;
    }

    /** 10–20 % of the posts (2 to 8 of the 20 to 40). */
    private static void markSponsored(SplittableRandom random, List<Draft> posts) {
        int fewest = (posts.size() + 9) / 10;
        int most = posts.size() / 5;
        int sponsored = fewest + random.nextInt(most - fewest + 1);
        List<Draft> candidates = new ArrayList<>(posts);
        for (int i = 0; i < sponsored; i++) {
            candidates.remove(random.nextInt(candidates.size())).sponsored = true;
        }
    }

    /** Per-post multipliers of the expected engagements, scaled to a median of 1 over the window. */
    private static void multipliers(SplittableRandom random, List<Draft> posts, List<Draft> window) {
        for (Draft post : posts) {
            post.multiplier = Math.exp(0.35 * random.nextGaussian()) * formatFactor(post.format)
                    * (post.sponsored ? 0.8 : 1);
        }
        if (random.nextDouble() < 0.12) {
            List<Draft> candidates = posts.stream().filter(p -> p.format != PostFormat.STORY).toList();
            Draft viral = candidates.get(random.nextInt(candidates.size()));
            viral.viral = true;
            viral.multiplier *= between(random, 5, 15);
        }
        List<Draft> basis = window.isEmpty() ? posts : window;
        double median = median(basis.stream().mapToDouble(p -> p.multiplier).toArray());
        posts.forEach(p -> p.multiplier /= median);
    }

    /** How a format's posts fare against the channel's typical post. */
    private static double formatFactor(PostFormat format) {
        return switch (format) {
            case REEL -> 1.3;
            case CAROUSEL -> 1.15;
            case SHORT -> 1.1;
            case PHOTO, VIDEO -> 1.0;
            case TEXT -> 0.7;
            case LIVE -> 0.6;
            case STORY -> 0.35;
        };
    }

    /** Drawn per channel from its tier's range, nearer the top for accounts small within their tier. */
    static double baseRate(SplittableRandom random, long followers) {
        Tier tier = TIERS.classify(followers);
        double[] range = baseRateRange(tier);
        double[] logFollowers = switch (tier) {
            case NANO -> new double[]{Math.log(100), Math.log(9_999)};
            case MICRO -> new double[]{Math.log(10_000), Math.log(100_000)};
            case MACRO -> new double[]{Math.log(100_001), Math.log(10_000_000)};
        };
        double position = (Math.log(Math.max(1, followers)) - logFollowers[0]) / (logFollowers[1] - logFollowers[0]);
        double height = clamp(0.5 * (1 - clamp(position, 0, 1)) + 0.5 * random.nextDouble(), 0, 1);
        return range[0] * Math.pow(range[1] / range[0], height);
    }

    private static void counts(SplittableRandom random, List<Draft> posts, Platform platform, double expected,
                               PlantedPattern pattern) {
        boolean boughtLikes = pattern == PlantedPattern.BOUGHT_LIKES;
        boolean pods = pattern == PlantedPattern.COMMENT_PODS;
        double commentsPerLike = Math.exp(between(random, Math.log(0.013), Math.log(0.04)));
        double likeBoost = between(random, 1.5, 4);
        // Ordinary channels: the first comment comes as soon as any is due, so that a tiny channel has some.
        Carry comments = new Carry(boughtLikes ? 0 : 0.999);
        Carry saves = new Carry(0.5);
        Carry shares = new Carry(0.5);
        for (Draft post : posts) {
            long engagements = Math.round(expected * post.multiplier);
            double commentShare = boughtLikes ? between(random, 0.0002, 0.001)
                    : clamp(commentsPerLike * Math.exp(0.25 * random.nextGaussian()), 0.01, 0.05);
            double saveShare = saveShare(random, post.format);
            double shareShare = shareShare(random, post.format) * (post.viral ? 3 : 1);
            double likes = engagements / (1 + commentShare + saveShare + shareShare);
            post.comments = comments.take(likes * commentShare, engagements);
            post.saves = saves.take(likes * saveShare, engagements - post.comments);
            post.shares = shares.take(likes * shareShare, engagements - post.comments - post.saves);
            post.likes = engagements - post.comments - post.saves - post.shares;
            long organic = engagements;
            if (boughtLikes) {
                post.likes += Math.round(post.likes * likeBoost * between(random, 0.7, 1.3));
            }
            if (pods) {
                post.comments += Math.round(post.likes * between(random, 0.7, 1.4));
            }
            reachAndViews(random, post, platform, organic);
            long reach = post.hiddenReach;
            post.linkClicks = Math.round(reach * linkClickRate(random, post, platform));
            post.dms = Math.round(reach * (post.format == PostFormat.STORY
                    ? between(random, 0.002, 0.01) : between(random, 0.0001, 0.003)));
            post.mentions = Math.round(organic * (post.sponsored ? between(random, 0.005, 0.03)
                    : between(random, 0, 0.008)));
        }
    }

    /** Reach from the interactions (people who saw the post and did nothing are most), views beyond it. */
    private static void reachAndViews(SplittableRandom random, Draft post, Platform platform, long organic) {
        double perInteraction = post.format == PostFormat.STORY ? between(random, 15, 40) : between(random, 4, 12);
        long reach = Math.max(Math.round(organic * perInteraction), post.likes + 1);
        post.hiddenReach = reach;
        post.reach = random.nextDouble() < REACH_MISSING.get(platform) ? null : reach;
        if (post.format.isVideo() || post.format == PostFormat.STORY || platform == Platform.X) {
            double factor = switch (post.format) {
                case STORY -> between(random, 1.02, 1.2);
                case LIVE -> between(random, 1.1, 1.6);
                default -> between(random, 1.2, 2.6);
            };
            post.views = Math.max(Math.round(reach * factor), reach + 1);
        }
    }

    private static double saveShare(SplittableRandom random, PostFormat format) {
        return switch (format) {
            case CAROUSEL -> between(random, 0.08, 0.2);
            case PHOTO -> between(random, 0.03, 0.08);
            case REEL, SHORT -> between(random, 0.04, 0.1);
            case VIDEO -> between(random, 0.02, 0.06);
            case TEXT -> between(random, 0.01, 0.03);
            case STORY, LIVE -> 0;
        };
    }

    private static double shareShare(SplittableRandom random, PostFormat format) {
        return switch (format) {
            case REEL, VIDEO, SHORT -> between(random, 0.03, 0.1);
            case TEXT -> between(random, 0.05, 0.12);
            case PHOTO, CAROUSEL -> between(random, 0.01, 0.04);
            case LIVE -> between(random, 0.01, 0.02);
            case STORY -> between(random, 0, 0.01);
        };
    }

    private static double linkClickRate(SplittableRandom random, Draft post, Platform platform) {
        if (post.sponsored) {
            return between(random, 0.004, 0.015);
        }
        if (post.format == PostFormat.STORY) {
            return between(random, 0.002, 0.01);
        }
        return platform == Platform.YOUTUBE ? between(random, 0.001, 0.005) : between(random, 0, 0.001);
    }

    /**
     * Makes the comments per like over the window say what the channel is, whatever the rounding of a small
     * channel did: at least 0.2 % and at most 50 % for an ordinary channel (no comment/like signal), below
     * 0.2 % with bought likes, above 50 % in a pod. Moves interactions between likes and comments, so the
     * engagements of every post stay as they are.
     */
    private static void settleComments(List<Draft> window, PlantedPattern pattern) {
        if (window.isEmpty()) {
            return;
        }
        if (pattern == PlantedPattern.BOUGHT_LIKES) {
            while (500 * sum(window, true) >= sum(window, false) && moveOne(window, true)) {
                // one comment fewer, one like more
            }
        } else if (pattern == PlantedPattern.COMMENT_PODS) {
            while (2 * sum(window, true) <= sum(window, false) && moveOne(window, false)) {
                // one like fewer, one comment more
            }
        } else {
            while (500 * sum(window, true) < sum(window, false) && moveOne(window, false)) {
                // one like fewer, one comment more
            }
            while (2 * sum(window, true) > sum(window, false) && moveOne(window, true)) {
                // one comment fewer, one like more
            }
        }
    }

    /** Turns one comment into a like ({@code fromComments}) or one like into a comment, on the busiest post. */
    private static boolean moveOne(List<Draft> window, boolean fromComments) {
        Optional<Draft> donor = window.stream()
                .filter(p -> fromComments ? p.comments > 0 : p.likes > 1)
                .max(Comparator.comparingLong(p -> fromComments ? p.comments : p.likes));
        donor.ifPresent(p -> {
            p.comments += fromComments ? -1 : 1;
            p.likes += fromComments ? 1 : -1;
        });
        return donor.isPresent();
    }

    private static long sum(List<Draft> posts, boolean comments) {
        return posts.stream().mapToLong(p -> comments ? p.comments : p.likes).sum();
    }

    /** One to four tags from the creator's niches, the heavier niches more often; sponsored posts say so. */
    private static List<String> tags(SplittableRandom random, InfluencerCreate creator, boolean sponsored) {
        Set<String> tags = new LinkedHashSet<>();
        List<NicheWeight> niches = creator.niches() == null ? List.of() : creator.niches();
        if (!niches.isEmpty()) {
            Weighted<NicheWeight> byWeight = Weighted.of(niches, NicheWeight::weight);
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                NicheWeight niche = byWeight.pick(random);
                Optional<DemoNiche> known = DemoNiche.ALL.stream()
                        .filter(n -> n.slug().equals(niche.niche())).findFirst();
                if (known.isEmpty() || random.nextDouble() < 0.3) {
                    tags.add(niche.niche());
                } else {
                    String hashtag = DemoPerson.pickOne(random, known.get().hashtags());
                    Optional<DemoCountry> home = DemoCountry.ALL.stream()
                            .filter(c -> c.code().equals(creator.country())).findFirst();
                    tags.add(home.isPresent() && random.nextDouble() < 0.15 ? hashtag + home.get().tag() : hashtag);
                }
            }
        }
        if (sponsored && random.nextDouble() < 0.7) {
            tags.add(DemoPerson.pickOne(random, SPONSORED_TAGS));
        }
        return List.copyOf(tags);
    }

    /** Where the creator lives decides when the posts go out. */
    static ZoneOffset offset(InfluencerCreate creator) {
        String country = creator.country() == null ? "" : creator.country();
        return switch (country) {
            case "ID" -> ZoneOffset.ofHours(WITA_CITIES.contains(creator.city()) ? 8 : 7);
            case "TH", "VN" -> ZoneOffset.ofHours(7);
            case "MY", "SG", "PH" -> ZoneOffset.ofHours(8);
            default -> ZoneOffset.UTC;
        };
    }

    private static Weighted<PostFormat> weighted(Map<PostFormat, Double> weights) {
        List<PostFormat> formats = weights.keySet().stream().sorted().toList();
        return Weighted.of(formats, weights::get);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double between(SplittableRandom random, double min, double max) {
        return min + random.nextDouble() * (max - min);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    /**
     * Rounds a series of small real counts to whole ones, carrying what was rounded away to the next, so that
     * the sum of the whole counts never strays from the sum of the real ones by a whole unit or more (unless a
     * post had no room for them: then they wait for the next).
     */
    private static final class Carry {
        private double owed;

        Carry(double start) {
            this.owed = start;
        }

        long take(double exact, long room) {
            double due = owed + exact;
            long whole = Math.max(0, Math.min(room, (long) Math.floor(due)));
            owed = due - whole;
            return whole;
        }
    }

    /** A post being drawn; mutable until it becomes a {@link PostInput}. */
    private static final class Draft {
        final Instant postedAt;
        final PostFormat format;
        boolean sponsored;
        boolean viral;
        double multiplier;
        long likes;
        long comments;
        long saves;
        long shares;
        long linkClicks;
        long dms;
        long mentions;
        long hiddenReach;
        Long reach;
        Long views;

        Draft(Instant postedAt, PostFormat format) {
            this.postedAt = postedAt;
            this.format = format;
        }

        PostInput toInput(String externalId, ZoneOffset offset, List<String> tags) {
            return new PostInput(externalId, OffsetDateTime.ofInstant(postedAt, offset), format, sponsored, views,
                    reach, likes, comments, saves, shares, linkClicks, dms, mentions, tags);
        }
    }
}
