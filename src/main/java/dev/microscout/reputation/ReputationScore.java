package dev.microscout.reputation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reputation of an influencer, 0–1: how brands rated past work, tempered by how genuine the
 * audience looks and lowered by recent brand-safety incidents.
 *
 * <pre>
 * reputation = clamp01( bayes × (0.5 + 0.5 × authenticity / 100) − penalty )
 * bayes      = ((C·m + Σ review mean) / (C + n) − 1) / 4        m = 3.5, C = 5
 * penalty    = Σ 0.1 / 0.25 / 0.5 per unresolved LOW / MEDIUM / HIGH incident of the last 24 months
 * </pre>
 *
 * The prior keeps a single five-star review from outranking a long good record: it counts as five
 * reviews of 3.5. Authenticity is the lowest of the influencer's channels, because one channel with
 * bought followers taints the creator; a channel without data counts as 100.
 */
public final class ReputationScore {

    /** m: the rating a creator without reviews is assumed to have. */
    public static final double PRIOR_MEAN = 3.5;
    /** C: how many reviews the prior is worth. */
    public static final int PRIOR_WEIGHT = 5;
    /** Incidents that occurred on or after today minus this many months count. */
    public static final int INCIDENT_WINDOW_MONTHS = 24;

    private ReputationScore() {
    }

    public static ReputationBreakdown compute(List<ReviewRatings> reviews, List<ChannelAuthenticity> channels,
                                              List<IncidentFact> incidents, LocalDate today) {
        List<String> reasons = new ArrayList<>();

        int n = reviews.size();
        double ratingSum = reviews.stream().mapToDouble(ReviewRatings::mean).sum();
        double bayesianMean = (PRIOR_WEIGHT * PRIOR_MEAN + ratingSum) / (PRIOR_WEIGHT + n);
        double bayesianScore = (bayesianMean - 1) / 4;
        Double averageRating = n == 0 ? null : ratingSum / n;
        if (n == 0) {
            reasons.add(String.format(Locale.ROOT, "No reviews yet: rated at the prior %s", number(PRIOR_MEAN)));
        } else {
            reasons.add(String.format(Locale.ROOT, "%.2f average over %d review%s, shrunk to %.2f toward the prior %s",
                    averageRating, n, n == 1 ? "" : "s", bayesianMean, number(PRIOR_MEAN)));
        }

        ChannelAuthenticity lowest = null;
        for (ChannelAuthenticity channel : channels) {
            if (channel.authenticity() == null) {
                reasons.add(channel.label() + ": no data yet, authenticity counted as 100");
            } else if (lowest == null || channel.authenticity() < lowest.authenticity()) {
                lowest = channel;
            }
        }
        double authenticity = lowest == null ? 100 : lowest.authenticity();
        double authenticityFactor = 0.5 + 0.5 * authenticity / 100;
        if (lowest == null) {
            reasons.add(String.format(Locale.ROOT, "No authenticity data yet: counted as 100, factor %.2f", authenticityFactor));
        } else {
            reasons.add(String.format(Locale.ROOT, "Authenticity %s (lowest channel, %s): factor %.2f",
                    number(authenticity), lowest.label(), authenticityFactor));
        }

        LocalDate windowStart = today.minusMonths(INCIDENT_WINDOW_MONTHS);
        List<ReputationBreakdown.IncidentPenalty> penalties = new ArrayList<>();
        int resolved = 0;
        int old = 0;
        double penalty = 0;
        for (IncidentFact incident : incidents) {
            if (incident.resolved()) {
                resolved++;
            } else if (incident.occurredOn().isBefore(windowStart)) {
                old++;
            } else {
                double p = incident.severity().penalty();
                penalties.add(new ReputationBreakdown.IncidentPenalty(incident, p));
                penalty += p;
                reasons.add(String.format(Locale.ROOT, "Unresolved %s incident (%s, %s): -%.2f",
                        incident.severity(), incident.kind(), incident.occurredOn(), p));
            }
        }
        if (resolved > 0) {
            reasons.add(resolved + " resolved incident" + (resolved == 1 ? "" : "s") + " not counted");
        }
        if (old > 0) {
            reasons.add(old + " incident" + (old == 1 ? "" : "s") + " older than " + INCIDENT_WINDOW_MONTHS
                    + " months not counted");
        }

        double raw = bayesianScore * authenticityFactor - penalty;
        double reputation = Math.max(0, Math.min(1, raw));
        reasons.add(String.format(Locale.ROOT, "Reputation %.2f = %.2f × %.2f - %.2f%s", reputation, bayesianScore,
                authenticityFactor, penalty, raw < 0 ? ", clamped to 0" : ""));

        return new ReputationBreakdown(reputation, n, averageRating, bayesianMean, bayesianScore, authenticity, lowest,
                authenticityFactor, List.copyOf(penalties), penalty, List.copyOf(reasons));
    }

    /** A figure with at most two decimals and no trailing zeros: 100, 62.5, 3.5. */
    private static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
