package dev.microscout.metrics;

/**
 * One derived figure and the number of posts it rests on, so that a reader can judge its confidence.
 *
 * @param value the figure, or null when it cannot be computed (never 0 in place of unknown)
 * @param basedOnPosts how many posts of the window entered the figure; for a null figure, how many were
 *                     available (for example 2 when the sample is too small)
 */
public record Figure(Double value, int basedOnPosts) {

    public Figure {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, got " + value);
        }
        if (basedOnPosts < 0) {
            throw new IllegalArgumentException("basedOnPosts must be >= 0, got " + basedOnPosts);
        }
    }

    public static Figure of(double value, int basedOnPosts) {
        return new Figure(value, basedOnPosts);
    }

    public static Figure unknown(int basedOnPosts) {
        return new Figure(null, basedOnPosts);
    }

    public boolean isKnown() {
        return value != null;
    }
}
