package dev.microscout.ingest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

import java.util.Map;

/** Bean Validation's findings, named by the column a line carries the value in. */
final class Violations {

    /** Members of the API's bodies that a line carries under another name. */
    private static final Map<String, String> COLUMN_OF = Map.of(
            "rateCard.currency", "rateCurrency",
            "rateCard.pricePerPost", "ratePerPost",
            "audience.genderShares", "genderShares",
            "audience.ageShares", "ageShares",
            "audience.countryShares", "countryShares");

    private Violations() {
    }

    /** The column of a violation: "niches[0].weight" is the niches column, "audience.ageShares[18-24]" ageShares. */
    static String column(ConstraintViolation<?> violation) {
        StringBuilder first = new StringBuilder();
        int depth = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() == null || node.getName().startsWith("<")) {
                continue;
            }
            if (depth == 1) {
                String two = first + "." + node.getName();
                if (COLUMN_OF.containsKey(two)) {
                    return COLUMN_OF.get(two);
                }
                break;
            }
            first.append(node.getName());
            depth++;
        }
        return first.toString();
    }

    /** The reason, with the value refused when the value is short enough to show. */
    static String reason(ConstraintViolation<?> violation) {
        return violation.getMessage();
    }

    /** The column of a field the service names in its errors: "channels[2].handle" → handle, "rateCard.currency" → rateCurrency. */
    static String columnOfField(String field) {
        if (field == null || field.isEmpty()) {
            return null;
        }
        String path = field.replaceFirst("^channels\\[\\d+]\\.?", "");
        String[] parts = path.replaceAll("\\[[^]]*]", "").split("\\.");
        if (parts.length >= 2 && COLUMN_OF.containsKey(parts[0] + "." + parts[1])) {
            return COLUMN_OF.get(parts[0] + "." + parts[1]);
        }
        return parts[0].isEmpty() ? null : parts[0];
    }

    /** The channel a service error is about ("channels[2].handle" → 2), or -1 for a profile field. */
    static int channelIndexOf(String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^channels\\[(\\d+)]").matcher(field == null ? "" : field);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
