package dev.microscout.metrics;

import java.util.Arrays;

/**
 * The median, which the metrics use instead of the mean so that one viral post cannot make an account
 * look better than it is.
 */
public final class Median {

    private Median() {
    }

    /** The middle value, the mean of the two middle values for an even count, or null when there are none. */
    public static Double of(double... values) {
        if (values.length == 0) {
            return null;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
