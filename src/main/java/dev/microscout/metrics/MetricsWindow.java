package dev.microscout.metrics;

/**
 * Which posts the metrics of a channel rest on: those published in the last {@code days} days, and of
 * those at most the {@code maxPosts} newest.
 */
public record MetricsWindow(int days, int maxPosts) {

    public static final int DEFAULT_DAYS = 90;
    public static final int DEFAULT_MAX_POSTS = 50;
    public static final MetricsWindow DEFAULT = new MetricsWindow(DEFAULT_DAYS, DEFAULT_MAX_POSTS);

    public MetricsWindow {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, got " + days);
        }
        if (maxPosts < 1) {
            throw new IllegalArgumentException("maxPosts must be at least 1, got " + maxPosts);
        }
    }
}
