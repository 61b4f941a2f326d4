package dev.microscout.influencer;

import dev.microscout.common.FieldError;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The cells of one line of a bulk file, read into typed values. A cell that cannot be read adds an error naming its
 * column and yields null, so that one pass reports every bad cell of the line. Cells are trimmed; empty is absent.
 */
public final class LineCells {
    private final Map<String, String> line;
    private final List<FieldError> errors;

public LineCells(Map<String, String> line, List<FieldError> errors) {
        this.line = line;
        this.errors = errors;
    }

    public String text(String column) {
        String value = line.get(column);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (!dev.microscout.common.StorableText.isStorable(trimmed)) {
            // The rule the API's JSON bodies obey: the database could not store it, and the line would fail late.
            errors.add(new FieldError(column, dev.microscout.common.StorableText.MESSAGE));
            return null;
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    public UUID uuid(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(column, "must be a UUID, was \"" + abbreviate(value) + "\""));
            return null;
        }
    }

    public Long whole(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(column, "must be a whole number, was \"" + abbreviate(value) + "\""));
            return null;
        }
    }

    public BigDecimal decimal(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(column, "must be a number, was \"" + abbreviate(value) + "\""));
            return null;
        }
    }

    public Boolean bool(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.add(new FieldError(column, "must be true or false, was \"" + abbreviate(value) + "\""));
                yield null;
            }
        };
    }

    public Platform platform(String column) {
        return constant(column, Platform.class);
    }

    public List<String> list(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        return Arrays.stream(value.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public List<NicheWeight> niches(String column) {
        Map<String, Double> pairs = pairs(column);
        return pairs == null ? null : pairs.entrySet().stream().map(e -> new NicheWeight(e.getKey(), e.getValue())).toList();
    }

    public Map<String, Double> shares(String column) {
        return pairs(column);
    }

    /** "key:value|key:value" in order; null when the cell is empty. */
    private Map<String, Double> pairs(String column) {
        List<String> items = list(column);
        if (items == null) {
            return null;
        }
        Map<String, Double> pairs = new LinkedHashMap<>();
        for (String item : items) {
            int colon = item.lastIndexOf(':');
            if (colon <= 0 || colon == item.length() - 1) {
                errors.add(new FieldError(column, "must be key:value pairs joined by |, e.g. skincare:0.8|makeup:0.2; "
                        + "\"" + abbreviate(item) + "\" is not one"));
                return null;
            }
            String key = item.substring(0, colon).strip();
            try {
                double number = Double.parseDouble(item.substring(colon + 1).strip());
                if (!Double.isFinite(number)) {
                    throw new NumberFormatException();
                }
                if (pairs.put(key, number) != null) {
                    errors.add(new FieldError(column, "names \"" + abbreviate(key) + "\" twice"));
                    return null;
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError(column, "\"" + abbreviate(item) + "\" must end in a number after the colon"));
                return null;
            }
        }
        return pairs;
    }

    public OffsetDateTime dateTime(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(column, "must be a date-time with an offset (ISO 8601), e.g. 2026-11-02T09:30:00Z; was \""
                    + abbreviate(value) + "\""));
            return null;
        }
    }

    public LocalDate date(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(column, "must be a date (ISO 8601), e.g. 2026-11-20; was \"" + abbreviate(value) + "\""));
            return null;
        }
    }

    /** An enum constant by name, in any letter case. */
    public <E extends Enum<E>> E constant(String column, Class<E> type) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(column, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", was \""
                    + abbreviate(value) + "\""));
            return null;
        }
    }

    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }
}
