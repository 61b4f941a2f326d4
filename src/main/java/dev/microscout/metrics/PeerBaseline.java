package dev.microscout.metrics;

import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * The engagement-rate distribution of one platform and tier. {@code sortedRates} holds every rate of
 * the group while it is small ({@code exact}), else 1,001 evenly spaced order statistics.
 */
public record PeerBaseline(String platform, String tier, int channels, double medianEngagementRate, boolean exact,
                           double[] sortedRates, OffsetDateTime computedAt) {

    /** Share of the group's channels whose engagement rate is lower than {@code rate} (0–1). */
    public double shareBelow(double rate) {
        if (sortedRates.length == 0) {
            return 0;
        }
        int below = firstNotBelow(rate);
        if (exact) {
            return (double) below / sortedRates.length;
        }
        // Order statistics at ranks 0/1000 … 1000/1000: interpolate between the two that bracket the rate.
        if (below == 0) {
            return 0;
        }
        if (below == sortedRates.length) {
            return 1;
        }
        double lower = sortedRates[below - 1];
        double upper = sortedRates[below];
        double within = upper > lower ? (rate - lower) / (upper - lower) : 0;
        return Math.min(1, Math.max(0, (below - 1 + within) / (sortedRates.length - 1)));
    }

    private int firstNotBelow(double rate) {
        int low = 0;
        int high = sortedRates.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sortedRates[mid] < rate) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerBaseline other && platform.equals(other.platform) && tier.equals(other.tier)
                && channels == other.channels && Arrays.equals(sortedRates, other.sortedRates);
    }

    @Override
    public int hashCode() {
        return platform.hashCode() * 31 + tier.hashCode();
    }
}
