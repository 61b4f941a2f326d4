package dev.microscout.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Boundary and invalid values for a schema, as raw JSON (a body field) or raw text (a parameter). A value marked
 * {@code invalid} breaks the schema itself (a wrong type, an unknown enum value, text the database cannot store,
 * a number past its documented range or past any range, an impossible date): the service must refuse it with 400.
 * The others sit on a boundary and may be accepted or refused, but never answer 5xx.
 */
final class Mutations {

    record Mutation(String label, String raw, boolean invalid) {
    }

    static final String HUGE = "1e400";
    static final String TOO_BIG_FOR_A_DOUBLE_COLUMN = "1.09e308";

    private Mutations() {
    }

    /** Values for a body field; {@code required}: the field is required and the body is not a merge patch. */
    static List<Mutation> forField(JsonNode schema, JsonNode current, boolean required) {
        List<Mutation> m = new ArrayList<>();
        m.add(new Mutation("null", "null", required));
        String type = OpenApiOperations.type(schema);
        if (type == null && current != null) {
            type = current.isTextual() ? "string" : current.isIntegralNumber() ? "integer" : current.isNumber() ? "number"
                    : current.isBoolean() ? "boolean" : current.isArray() ? "array" : current.isObject() ? "object" : null;
        }
        if (type == null) {
            return m;
        }
        switch (type) {
            case "string" -> strings(schema, m);
            case "integer" -> numbers(schema, m, true, true);
            case "number" -> numbers(schema, m, false, true);
            case "boolean" -> {
                m.add(new Mutation("not a boolean", "\"maybe\"", true));
                m.add(new Mutation("an object for a boolean", "{}", true));
            }
            case "array" -> {
                m.add(new Mutation("empty array", "[]", false));
                m.add(new Mutation("a string for an array", "\"x\"", true));
                m.add(new Mutation("array of null", "[null]", false));
                if (current != null && current.isArray() && current.size() > 0) {
                    m.add(new Mutation("duplicated items", "[" + current.get(0) + "," + current.get(0) + "]", false));
                }
                if (schema.has("maxItems") && schema.get("maxItems").asInt() <= 1000 && current != null && current.size() > 0) {
                    int n = schema.get("maxItems").asInt() + 1;
                    m.add(new Mutation("maxItems + 1", "[" + String.join(",", java.util.Collections.nCopies(n, current.get(0).toString())) + "]", true));
                }
            }
            case "object" -> {
                m.add(new Mutation("empty object", "{}", false));
                m.add(new Mutation("a string for an object", "\"x\"", true));
                m.add(new Mutation("an array for an object", "[]", true));
                if (schema.path("additionalProperties").isObject()) {
                    m.add(new Mutation("a NUL in a key", "{\"a\\u0000b\": 0.5}", true));
                    m.add(new Mutation("an unknown key", "{\"zz-unknown\": 0.5}", false));
                    m.add(new Mutation("a huge value", "{\"k\": " + HUGE + "}", false));
                } else {
                    m.add(new Mutation("an unknown member", "{\"zzUnknown\": 1}", true));
                }
            }
            default -> {
            }
        }
        return m;
    }

    private static void strings(JsonNode schema, List<Mutation> m) {
        m.add(new Mutation("an object for a string", "{\"a\": 1}", true));
        m.add(new Mutation("empty string", "\"\"", false));
        m.add(new Mutation("blank string", "\"   \"", false));
        m.add(new Mutation("a NUL character", "\"a\\u0000b\"", true));
        m.add(new Mutation("an unpaired surrogate", "\"a\\ud800b\"", true));
        int max = schema.has("maxLength") ? schema.get("maxLength").asInt() : -1;
        if (max > 0) {
            m.add(new Mutation("maxLength + 1", "\"" + "a".repeat(max + 1) + "\"", true));
        }
        m.add(new Mutation("5,000 characters", "\"" + "a".repeat(5000) + "\"", max > 0 && max < 5000));
        m.add(new Mutation("letters that lengthen when lower-cased", "\"" + "\u0130".repeat(max > 0 ? max : 100) + "\"", false));
        if (schema.path("enum").isArray()) {
            m.add(new Mutation("an unknown enum value", "\"NOT_A_VALUE\"", true));
        }
        switch (String.valueOf(schema.path("format").asText(null))) {
            case "date" -> {
                m.add(new Mutation("year 1", "\"0001-01-01\"", true));
                m.add(new Mutation("year 1000", "\"1000-06-15\"", true));
                m.add(new Mutation("year -290000", "\"-290000-01-01\"", true));
                m.add(new Mutation("year 10000", "\"+10000-01-01\"", true));
                m.add(new Mutation("30 February", "\"2026-02-30\"", true));
                m.add(new Mutation("not a date", "\"yesterday\"", true));
            }
            case "date-time" -> {
                m.add(new Mutation("year 1", "\"0001-01-01T00:00:00Z\"", true));
                m.add(new Mutation("year 1000", "\"1000-06-15T12:00:00+14:00\"", true));
                m.add(new Mutation("year -290000", "\"-290000-01-01T00:00:00Z\"", true));
                m.add(new Mutation("year 10000", "\"+10000-01-01T00:00:00Z\"", true));
                m.add(new Mutation("not a time", "\"2026-13-45T99:99:99Z\"", true));
            }
            case "uuid" -> m.add(new Mutation("not a UUID", "\"not-a-uuid\"", true));
            default -> {
            }
        }
    }

    private static void numbers(JsonNode schema, List<Mutation> m, boolean whole, boolean json) {
        String q = json ? "\"" : "";
        m.add(new Mutation("a string for a number", q + "abc" + q, true));
        m.add(new Mutation("1e400", HUGE, true));
        m.add(new Mutation("-1e400", "-" + HUGE, true));
        m.add(new Mutation("1.09e308", TOO_BIG_FOR_A_DOUBLE_COLUMN, true));
        m.add(new Mutation("-1.09e308", "-" + TOO_BIG_FOR_A_DOUBLE_COLUMN, true));
        m.add(new Mutation("1e-400", "1e-400", false));
        m.add(new Mutation("NaN", q + "NaN" + q, true));
        m.add(new Mutation("Infinity", q + "Infinity" + q, true));
        if (whole) {
            m.add(new Mutation("2^63", "9223372036854775808", true));
            m.add(new Mutation("-2^63 - 1", "-9223372036854775809", true));
            m.add(new Mutation("a fraction", "1.5", true));
            m.add(new Mutation("a whole number written with a decimal point", "2.0", false));
        } else {
            m.add(new Mutation("4.9e-324", "4.9e-324", false));
        }
        BigDecimal step = whole ? BigDecimal.ONE : new BigDecimal("0.001");
        if (schema.has("maximum")) {
            m.add(new Mutation("maximum", schema.get("maximum").decimalValue().toPlainString(), false));
            m.add(new Mutation("maximum + " + step, schema.get("maximum").decimalValue().add(step).toPlainString(), true));
        }
        if (schema.has("exclusiveMaximum")) {
            m.add(new Mutation("exclusiveMaximum", schema.get("exclusiveMaximum").decimalValue().toPlainString(), true));
        }
        if (schema.has("minimum")) {
            m.add(new Mutation("minimum", schema.get("minimum").decimalValue().toPlainString(), false));
            m.add(new Mutation("minimum - " + step, schema.get("minimum").decimalValue().subtract(step).toPlainString(), true));
        }
        if (schema.has("exclusiveMinimum")) {
            m.add(new Mutation("exclusiveMinimum", schema.get("exclusiveMinimum").decimalValue().toPlainString(), true));
        }
        m.add(new Mutation("-1", "-1", false));
        m.add(new Mutation("0", "0", false));
    }

    /** Values for a query, path or header parameter, as the text sent (before URL encoding). */
    static List<Mutation> forParameter(JsonNode schema) {
        List<Mutation> m = new ArrayList<>();
        m.add(new Mutation("a NUL character", "a\u0000b", true));
        m.add(new Mutation("empty", "", false));
        m.add(new Mutation("5,000 characters", "a".repeat(5000), false));
        JsonNode values = "array".equals(OpenApiOperations.type(schema)) ? schema.path("items") : schema;
        String type = OpenApiOperations.type(values);
        if (values.path("enum").isArray()) {
            m.add(new Mutation("an unknown enum value", "NOT_A_VALUE", true));
        }
        if ("integer".equals(type) || "number".equals(type)) {
            List<Mutation> numeric = new ArrayList<>();
            numbers(values, numeric, "integer".equals(type), false);
            for (Mutation n : numeric) {
                m.add(n);
            }
            m.add(new Mutation("20 digits", "99999999999999999999", true));
            m.add(new Mutation("the largest int32", "2147483647", schema.has("maximum") && schema.get("maximum").asLong() < Integer.MAX_VALUE));
            m.add(new Mutation("the smallest int32", "-2147483648", schema.has("minimum") && schema.get("minimum").asLong() > Integer.MIN_VALUE));
        }
        if ("boolean".equals(type)) {
            m.add(new Mutation("not a boolean", "maybe", true));
        }
        if ("uuid".equals(values.path("format").asText())) {
            m.add(new Mutation("not a UUID", "not-a-uuid", true));
        }
        return m;
    }

    /** Bodies that are not the JSON of any request. */
    static List<Mutation> brokenBodies() {
        return List.of(
                new Mutation("empty body", "", true),
                new Mutation("truncated JSON", "{\"a\": ", true),
                new Mutation("an array for the body", "[]", true),
                new Mutation("null for the body", "null", true),
                new Mutation("a string for the body", "\"text\"", true),
                new Mutation("a NUL outside a string", "{\u0000}", true),
                new Mutation("deeply nested arrays", "[".repeat(2000) + "]".repeat(2000), true));
    }
}
