package dev.microscout.demo;

import dev.microscout.influencer.ChannelInput;
import dev.microscout.influencer.Platform;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The 1 to 3 channels of a demo creator, each on another platform. The largest channel decides the
 * creator's tier: about 45 % nano, 40 % micro and 15 % macro under the default thresholds (10,000 and
 * 100,000), with follower counts spread evenly on a log scale inside each tier, and a few creators exactly
 * on the boundaries.
 */
final class DemoChannels {

    /** 9,999 is the last nano count, 10,000 the first micro, 100,000 the last micro, 100,001 the first macro. */
    static final Map<Integer, Long> BOUNDARY_FOLLOWERS = Map.of(7, 9_999L, 22, 10_000L, 37, 100_000L, 52, 100_001L);
    /** Every creator whose index modulo this is a key of {@link #BOUNDARY_FOLLOWERS} sits on that boundary. */
    static final int BOUNDARY_CYCLE = 60;

    private static final Weighted<Platform> PLATFORMS = Weighted.of(
            List.of(Platform.INSTAGRAM, Platform.TIKTOK, Platform.YOUTUBE, Platform.FACEBOOK, Platform.X),
            p -> switch (p) {
                case INSTAGRAM -> 40;
                case TIKTOK -> 34;
                case YOUTUBE -> 12;
                case FACEBOOK -> 9;
                case X -> 5;
            });
    private static final double AUDIENCE_KNOWN = 0.85;

    private DemoChannels() {
    }

    static List<ChannelInput> of(SplittableRandom random, SplittableRandom audienceRandom, int index, String handle,
                                 DemoCountry home, DemoNiche niche) {
        List<Platform> platforms = platforms(random);
        long largest = largestFollowers(random, index);
        List<ChannelInput> channels = new ArrayList<>();
        for (Platform platform : platforms) {
            long followers = channels.isEmpty() ? largest : smallerFollowers(random, largest);
            channels.add(new ChannelInput(platform, handle, url(platform, handle), followers,
                    following(random, followers), verified(random, followers),
                    audienceRandom.nextDouble() < AUDIENCE_KNOWN
                            ? DemoAudience.of(audienceRandom, home, niche, platform) : null));
        }
        return channels;
    }

    static List<Platform> platforms(SplittableRandom random) {
        double u = random.nextDouble();
        int count = u < 0.5 ? 1 : u < 0.85 ? 2 : 3;
        Set<Platform> chosen = EnumSet.noneOf(Platform.class);
        List<Platform> platforms = new ArrayList<>();
        while (platforms.size() < count) {
            Platform platform = PLATFORMS.pick(random, chosen);
            chosen.add(platform);
            platforms.add(platform);
        }
        return platforms;
    }

    static long largestFollowers(SplittableRandom random, int index) {
        double u = random.nextDouble();
        Long boundary = BOUNDARY_FOLLOWERS.get(index % BOUNDARY_CYCLE);
        if (boundary != null) {
            return boundary;
        }
        if (u < 0.45) {
            return logUniform(random, 150, 9_999);
        }
        return u < 0.85 ? logUniform(random, 10_000, 100_000) : logUniform(random, 100_001, 2_500_000);
    }

    /** A second or third channel: between 2 % and 80 % of the main one, so the main one stays the largest. */
    static long smallerFollowers(SplittableRandom random, long largest) {
        double factor = Math.exp(Math.log(0.02) + random.nextDouble() * (Math.log(0.8) - Math.log(0.02)));
        return (long) Math.floor(largest * factor);
    }

    /** Mostly a few hundred; a few accounts of 1,000+ followers play follow-for-follow and follow more than follow them. */
    static long following(SplittableRandom random, long followers) {
        if (followers >= 1_000 && random.nextDouble() < 0.04) {
            return (long) (followers * (1.1 + random.nextDouble()));
        }
        return logUniform(random, 40, 1_500);
    }

    static boolean verified(SplittableRandom random, long followers) {
        double chance = followers > 100_000 ? 0.35 : followers >= 10_000 ? 0.06 : 0.01;
        return random.nextDouble() < chance;
    }

    static String url(Platform platform, String handle) {
        return switch (platform) {
            case INSTAGRAM -> "https://www.instagram.com/" + handle;
            case TIKTOK -> "https://www.tiktok.com/@" + handle;
            case YOUTUBE -> "https://www.youtube.com/@" + handle;
            case X -> "https://x.com/" + handle;
            case FACEBOOK -> "https://www.facebook.com/" + handle;
        };
    }

    /** A whole number in [min, max], evenly spread on a log scale. */
    static long logUniform(SplittableRandom random, long min, long max) {
        double value = Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)));
        return Math.max(min, Math.min(max, Math.round(value)));
    }
}
