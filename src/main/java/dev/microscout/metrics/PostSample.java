package dev.microscout.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * The figures of one post that the channel metrics are computed from.
 *
 * @param views number of views, or null when the platform does not report it
 * @param reach number of distinct accounts reached, or null when the platform does not report it
 */
public record PostSample(
        Instant postedAt,
        PostFormat format,
        boolean sponsored,
        Long views,
        Long reach,
        long likes,
        long comments,
        long saves,
        long shares,
        long linkClicks,
        long dms,
        long mentions) {

    public PostSample {
        Objects.requireNonNull(postedAt, "postedAt");
        Objects.requireNonNull(format, "format");
        if (views != null) {
            requireNotNegative("views", views);
        }
        if (reach != null) {
            requireNotNegative("reach", reach);
        }
        requireNotNegative("likes", likes);
        requireNotNegative("comments", comments);
        requireNotNegative("saves", saves);
        requireNotNegative("shares", shares);
        requireNotNegative("linkClicks", linkClicks);
        requireNotNegative("dms", dms);
        requireNotNegative("mentions", mentions);
    }

    /** Likes + comments + saves + shares: the interactions every engagement rate counts. */
    public long engagements() {
        return likes + comments + saves + shares;
    }

    /** Saves + shares + link clicks + DMs: the interactions that show intent beyond a tap. */
    public long microConversions() {
        return saves + shares + linkClicks + dms;
    }

    private static void requireNotNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, got " + value);
        }
    }
}
