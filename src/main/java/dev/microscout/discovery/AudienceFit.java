package dev.microscout.discovery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How much of a channel's audience is the brief's target market:
 * (share in the target countries, summed) × (share of the target gender) × (share in the target age
 * ranges, summed). A part the brief leaves open counts 1. A part the brief constrains but the channel
 * has no data for counts 0: an unknown audience is not shown as a match.
 */
public final class AudienceFit {

    private AudienceFit() {
    }

    /**
     * The audience a brief asks for; a null or empty part is not constrained.
     *
     * @param countries ISO 3166-1 alpha-2 codes
     * @param gender    female, male or other
     * @param ageRanges 13-17, 18-24, 25-34, 35-44, 45-54, 55+
     */
    public record Target(List<String> countries, String gender, List<String> ageRanges) {
    }

    /**
     * One factor of the product.
     *
     * @param value       the share (0–1) of the audience in the targeted keys; 1 when not constrained
     * @param constrained whether the brief constrains this part
     * @param noData      constrained, but the channel has no audience data for this part
     * @param reason      the factor in plain words; null when not constrained
     */
    public record Factor(double value, boolean constrained, boolean noData, String reason) {
        static final Factor OPEN = new Factor(1, false, false, null);
    }

    /** The fit (0–1), its three factors and the reasons for every constrained one. */
    public record Match(double fit, Factor countries, Factor gender, Factor ageRanges, List<String> reasons) {
    }

    public static Match compute(Target target, Map<String, Double> genderShares, Map<String, Double> ageShares,
                                Map<String, Double> countryShares) {
        Factor countries = factor(normalised(target.countries(), true), countryShares, "by country", "in");
        Factor gender = factor(normalised(target.gender() == null ? null : List.of(target.gender()), false),
                genderShares, "by gender", null);
        Factor ages = factor(normalised(target.ageRanges(), false), ageShares, "by age", "aged");
        double fit = countries.value() * gender.value() * ages.value();

        List<String> reasons = new ArrayList<>();
        for (Factor factor : List.of(countries, gender, ages)) {
            if (factor.reason() != null) {
                reasons.add(factor.reason());
            }
        }
        if (!reasons.isEmpty()) {
            reasons.add(String.format(Locale.ROOT, "Audience fit %.2f = %.2f × %.2f × %.2f",
                    fit, countries.value(), gender.value(), ages.value()));
        }
        return new Match(fit, countries, gender, ages, List.copyOf(reasons));
    }

    /** Distinct, trimmed keys in the case the audience data uses; empty when the brief leaves the part open. */
    private static Set<String> normalised(List<String> keys, boolean upperCase) {
        Set<String> result = new LinkedHashSet<>();
        if (keys != null) {
            for (String key : keys) {
                if (key != null && !key.isBlank()) {
                    String trimmed = key.trim();
                    result.add(upperCase ? trimmed.toUpperCase(Locale.ROOT) : trimmed.toLowerCase(Locale.ROOT));
                }
            }
        }
        return result;
    }

    private static Factor factor(Set<String> targeted, Map<String, Double> shares, String part, String preposition) {
        if (targeted.isEmpty()) {
            return Factor.OPEN;
        }
        if (shares == null || shares.isEmpty()) {
            return new Factor(0, true, true, "No audience data " + part + ": audience fit counts 0");
        }
        double sum = 0;
        for (String key : targeted) {
            Double share = shares.get(key);
            if (share != null) {
                sum += share;
            }
        }
        // Shares may sum to 1.0001 (rounding in the source data); a factor never exceeds 1.
        double value = Math.min(1, sum);
        String keys = String.join(", ", targeted);
        String reason = String.format(Locale.ROOT, "%.1f %% of the audience %s", value * 100,
                preposition == null ? keys : preposition + " " + keys);
        return new Factor(value, true, false, reason);
    }
}
