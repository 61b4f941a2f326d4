package dev.microscout.metrics;

import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * The engagement-rate distribution of one platform and tier. {@code sortedRates} holds every rate of
 * the group while it is small ({@code exact}), else 1,001 evenly spaced order statistics.
 */
public record PeerBaseline(String platform, String tier, int channels, double medianEngagementRate, boolean exact,
                           double[] sortedRates, OffsetDateTime computedAt) {

    /**
     * Share of the group's channels whose engagement rate is lower than {@code rate} (0–1): exact while the
     * group keeps every rate, else counted among the 1,001 order statistics (within 0.1 %). The search
     * computes the same figure in SQL with width_bucket over the same array.
     */
    public double shareBelow(double rate) {
        return sortedRates.length == 0 ? 0 : (double) firstNotBelow(rate) / sortedRates.length;
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
