package dev.microscout.demo;

import dev.microscout.influencer.SnapshotInput;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The daily follower counts of a demo channel, built backwards from today's count so that the series always
 * ends exactly at the channel's followers.
 *
 * <p>Organic growth is a monthly rate (0.4–5 % for most channels, −1 to 0.4 % for one in seven) spread over the
 * days with log-normal noise, and about one day in eight losing a few followers. No organic day gains more
 * than 2 % of the day before ({@code gain × 51 ≤ after}, i.e. {@code gain × 50 ≤ before}), so organic growth
 * never looks like a jump, however small the channel.
 *
 * <p>A spike (bought followers) is one day 20 to 40 days ago gaining 6–15 % of the followers, and at least
 * 5 × the largest other daily change and 2 % of the day before, plus one: the jump check of
 * {@link dev.microscout.metrics.AuthenticityAnalyzer} always fires. Some of the bought accounts are deleted
 * in the next ten days, which shows as small daily losses.
 */
final class DemoFollowerHistory {

    static final int SPIKE_MIN_DAYS_AGO = 20;
    static final int SPIKE_MAX_DAYS_AGO = 40;
    private static final int LEAK_DAYS = 10;

    private DemoFollowerHistory() {
    }

    /** {@code days} snapshots ending with {@code today}'s, the oldest first. */
    static List<SnapshotInput> of(SplittableRandom random, long followers, boolean spike, LocalDate today, int days) {
        int changeCount = days - 1;
        // changes[k]: followers of (today − k) minus followers of (today − k − 1)
        long[] changes = organicChanges(random, followers, changeCount);
        int spikeDay = -1;
        if (spike && changeCount > SPIKE_MAX_DAYS_AGO) {
            spikeDay = SPIKE_MIN_DAYS_AGO + random.nextInt(SPIKE_MAX_DAYS_AGO - SPIKE_MIN_DAYS_AGO + 1);
            for (int k = Math.max(0, spikeDay - LEAK_DAYS); k < spikeDay; k++) {
                changes[k] -= Math.round(followers * between(random, 0.001, 0.003));
            }
        }
        long largestOther = 0;
        for (int k = 0; k < changeCount; k++) {
            if (k != spikeDay) {
                largestOther = Math.max(largestOther, Math.abs(changes[k]));
            }
        }

        List<SnapshotInput> newestFirst = new ArrayList<>(days);
        long current = followers;
        newestFirst.add(new SnapshotInput(today, current));
        for (int k = 0; k < changeCount; k++) {
            long change;
            if (k == spikeDay) {
                long jump = Math.round(current * between(random, 0.06, 0.15));
                jump = Math.max(jump, Math.max(5 * largestOther + 1, current / 51 + 1));
                change = Math.min(jump, current);
            } else {
                change = Math.min(changes[k], current / 51);
            }
            current -= change;
            newestFirst.add(new SnapshotInput(today.minusDays(k + 1L), current));
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** Whole daily changes whose running sum follows the drawn real-valued growth. */
    private static long[] organicChanges(SplittableRandom random, long followers, int count) {
        double monthly = random.nextDouble() < 0.85 ? between(random, 0.004, 0.05) : between(random, -0.01, 0.004);
        double drift = followers * monthly / 30;
        long[] changes = new long[count];
        double exact = 0;
        long rounded = 0;
        for (int k = 0; k < count; k++) {
            double change = random.nextDouble() < 0.12
                    ? -Math.abs(drift) * random.nextDouble() * 0.8
                    : drift * Math.min(3, Math.exp(0.35 * random.nextGaussian()));
            exact += change;
            changes[k] = Math.round(exact) - rounded;
            rounded += changes[k];
        }
        return changes;
    }

    private static double between(SplittableRandom random, double min, double max) {
        return min + random.nextDouble() * (max - min);
    }
}
