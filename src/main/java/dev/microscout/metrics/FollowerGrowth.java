package dev.microscout.metrics;

import java.time.LocalDate;

/**
 * Follower growth since a snapshot at least 30 days old. It rests on follower snapshots, not on posts,
 * so it names the snapshot it was measured from instead of a post count.
 *
 * @param rate (followers now − baselineFollowers) / baselineFollowers, or null without a usable baseline
 * @param baselineDate date of the newest snapshot at least 30 days old, or null when there is none
 * @param baselineFollowers followers on that date, or null when there is no such snapshot
 */
public record FollowerGrowth(Double rate, LocalDate baselineDate, Long baselineFollowers) {

    public static FollowerGrowth unknown() {
        return new FollowerGrowth(null, null, null);
    }
}
