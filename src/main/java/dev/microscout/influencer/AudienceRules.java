package dev.microscout.influencer;

import dev.microscout.common.FieldError;
import dev.microscout.common.IsoCodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Validation of audience shares: known keys, each share in [0, 1], each set summing to at most 1.0001. */
public final class AudienceRules {

    public static final Set<String> GENDERS = Set.of("female", "male", "other");
    public static final List<String> AGE_RANGES = List.of("13-17", "18-24", "25-34", "35-44", "45-54", "55+");
    static final double MAX_SUM = 1.0001;

    private AudienceRules() {
    }

    public static List<FieldError> check(String path, Audience audience) {
        List<FieldError> errors = new ArrayList<>();
        if (audience == null) {
            return errors;
        }
        checkShares(path + ".genderShares", audience.genderShares(), GENDERS::contains,
                "is not a gender key (female, male, other)", errors);
        checkShares(path + ".ageShares", audience.ageShares(), AGE_RANGES::contains,
                "is not an age range (13-17, 18-24, 25-34, 35-44, 45-54, 55+)", errors);
        checkShares(path + ".countryShares", audience.countryShares(), IsoCodes.COUNTRIES::contains,
                "is not an ISO 3166-1 alpha-2 country code in upper case", errors);
        return errors;
    }

    private static void checkShares(String path, Map<String, Double> shares, Predicate<String> knownKey,
                                    String keyMessage, List<FieldError> errors) {
        if (shares == null) {
            return;
        }
        double sum = 0;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            String field = path + "." + e.getKey();
            if (!knownKey.test(e.getKey())) {
                errors.add(new FieldError(field, keyMessage));
            }
            Double share = e.getValue();
            if (share == null || share.isNaN() || share < 0 || share > 1) {
                errors.add(new FieldError(field, "must be a share between 0 and 1"));
            } else {
                sum += share;
            }
        }
        if (sum > MAX_SUM) {
            errors.add(new FieldError(path, "shares must sum to at most 1 (got " + Math.round(sum * 10000) / 10000.0 + ")"));
        }
    }
}
