package dev.microscout.demo;

import dev.microscout.influencer.ChannelInput;
import dev.microscout.influencer.InfluencerCreate;
import dev.microscout.metrics.AuthenticityCheck;
import dev.microscout.metrics.PostBatch;
import dev.microscout.influencer.SnapshotBatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Posts and follower histories of the demo creators of a {@link DemoCatalogue}, with fake-engagement patterns
 * planted in a few of them so that the demo shows every authenticity check at work. Plain Java, no framework
 * and no database.
 *
 * <p>What a channel gets depends only on the catalogue's seed, the creator's index, the channel's position
 * among the creator's channels and {@code now}: the same arguments always give the same batches. Each channel
 * draws from its own streams ({@link DemoCatalogue#random(int, String)} under "posts-&lt;position&gt;" and
 * "snapshots-&lt;position&gt;"), so the creators themselves are unchanged.
 *
 * <h2>Posts ({@link #posts})</h2>
 * 20 to 40 posts spread over the last 116 days, so that about a quarter fall outside the default 90-day
 * window, published at the creator's local peak hours and never after {@code now}. Formats fit the platform
 * (Instagram: photo, carousel, reel, story; TikTok: video, live; YouTube: video, short, live; X: text, photo,
 * video; Facebook: photo, video, text), 10–20 % of the posts are sponsored, and one post in about eight
 * channels went viral. The median engagement rate of the posts in the window is the channel's base rate,
 * drawn per channel from its tier's range, higher for smaller accounts: nano 4.6–8.7 %, micro 2.3–5.2 %,
 * macro 0.92–2.6 %, inside the usual 4–10 %, 2–6 % and 0.8–3 % (on channels of fewer than 100 followers a
 * single interaction is already a percent, and every post gets at least one or two). Around that rate posts
 * scatter log-normally; comments are 1–5 % of likes, saves and shares a few percent of them; reach is given for
 * most posts (not all: platforms do not always report it), views for videos, stories and every post on X, with
 * views &gt; reach &gt; likes. Tags are slugs and hashtags of the creator's niches, without '#'.
 *
 * <h2>Follower snapshots ({@link #snapshots})</h2>
 * One per day for the last {@value #SNAPSHOT_DAYS} days up to today's UTC date, growing (or for a few channels
 * shrinking) slowly, and ending exactly at the channel's current followers on today's date: loading them
 * leaves the channel's tier as it is. No organic day gains more than 2 % of the followers of the day before, so
 * only a planted spike can raise {@link AuthenticityCheck#FOLLOWER_JUMP}.
 *
 * <h2>Planted patterns ({@link #pattern})</h2>
 * Only the main channel (position 0, the creator's largest) of a creator gets one. The creators of
 * {@link #FIXED_PATTERNS} always have theirs (5: follower spike, 11: bought likes, 17: comment pods), so any
 * demo catalogue of 18 creators or more shows all three; every other creator gets one with probability
 * {@value #PATTERN_SHARE}, the pattern drawn from the seed. Every other channel stays clear of
 * {@link AuthenticityCheck#FOLLOWER_JUMP}, {@link AuthenticityCheck#BOUGHT_LIKES} and
 * {@link AuthenticityCheck#COMMENT_PODS}.
 *
 * <p>The fourth pattern of the contract, follow-for-follow (following more accounts than follow the channel),
 * is not planted here: {@code following} belongs to the channel itself, and {@link DemoCatalogue} already gives
 * it to about 4 % of the channels of 1,000 followers or more ({@code following > followers} in their
 * {@link ChannelInput}).
 */
public final class DemoActivity {

    /** A fake-engagement pattern planted in a demo channel, and the authenticity check it should raise. */
    public enum PlantedPattern {
        /** Bought followers: one day's gain far above the usual daily change, 20 to 40 days ago. */
        FOLLOWER_SPIKE(AuthenticityCheck.FOLLOWER_JUMP),
        /** Bought likes: likes inflated 1.5 to 4 times while comments stay below 0.2 % of likes. */
        BOUGHT_LIKES(AuthenticityCheck.BOUGHT_LIKES),
        /** An engagement pod: members leave a comment under every post, more than one for every two likes. */
        COMMENT_PODS(AuthenticityCheck.COMMENT_PODS);

        private final AuthenticityCheck check;

        PlantedPattern(AuthenticityCheck check) {
            this.check = check;
        }

        /** The check of {@link dev.microscout.metrics.AuthenticityAnalyzer} this pattern raises. */
        public AuthenticityCheck check() {
            return check;
        }
    }

    /** Creators whose main channel always carries a pattern, whatever the seed. */
    public static final Map<Integer, PlantedPattern> FIXED_PATTERNS = Map.of(
            5, PlantedPattern.FOLLOWER_SPIKE,
            11, PlantedPattern.BOUGHT_LIKES,
            17, PlantedPattern.COMMENT_PODS);

    /** Chance that the main channel of any other creator carries a pattern. */
    public static final double PATTERN_SHARE = 0.03;

    /** Position of the channel that can carry a pattern: the first, the creator's largest. */
    public static final int MAIN_CHANNEL = 0;

    /** Days of follower history, today included. */
    public static final int SNAPSHOT_DAYS = 60;

    private final DemoCatalogue catalogue;

    public DemoActivity(DemoCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    /** The pattern planted in channel {@code channelPosition} of creator {@code index}, if any. */
    public Optional<PlantedPattern> pattern(int index, int channelPosition) {
        requireNotNegative("index", index);
        requireNotNegative("channelPosition", channelPosition);
        if (channelPosition != MAIN_CHANNEL) {
            return Optional.empty();
        }
        PlantedPattern fixed = FIXED_PATTERNS.get(index);
        if (fixed != null) {
            return Optional.of(fixed);
        }
        SplittableRandom random = catalogue.random(index, "planted-pattern");
        if (random.nextDouble() >= PATTERN_SHARE) {
            return Optional.empty();
        }
        PlantedPattern[] patterns = PlantedPattern.values();
        return Optional.of(patterns[random.nextInt(patterns.length)]);
    }

    /**
     * The posts of channel {@code channelPosition} of {@code creator}, creator number {@code index} of the
     * catalogue, as of {@code now}: 20 to 40 posts, the newest first.
     */
    public PostBatch posts(int index, InfluencerCreate creator, int channelPosition, Instant now) {
        ChannelInput channel = channel(creator, channelPosition);
        Objects.requireNonNull(now, "now");
        return new PostBatch(DemoPosts.of(catalogue.random(index, "posts-" + channelPosition), index, creator,
                channel, pattern(index, channelPosition).orElse(null), now));
    }

    /**
     * One follower snapshot per day for the {@value #SNAPSHOT_DAYS} days up to {@code now}'s UTC date, the
     * oldest first; the last is today's and equals the channel's {@code followers}.
     */
    public SnapshotBatch snapshots(int index, InfluencerCreate creator, int channelPosition, Instant now) {
        ChannelInput channel = channel(creator, channelPosition);
        Objects.requireNonNull(now, "now");
        boolean spike = pattern(index, channelPosition).orElse(null) == PlantedPattern.FOLLOWER_SPIKE;
        long followers = channel.followers() == null ? 0 : channel.followers();
        return new SnapshotBatch(DemoFollowerHistory.of(catalogue.random(index, "snapshots-" + channelPosition),
                followers, spike, LocalDate.ofInstant(now, ZoneOffset.UTC), SNAPSHOT_DAYS));
    }

    private static ChannelInput channel(InfluencerCreate creator, int channelPosition) {
        Objects.requireNonNull(creator, "creator");
        if (channelPosition < 0 || channelPosition >= creator.channels().size()) {
            throw new IllegalArgumentException("channelPosition must be 0 to " + (creator.channels().size() - 1)
                    + ", got " + channelPosition);
        }
        return creator.channels().get(channelPosition);
    }

    private static void requireNotNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }
}
