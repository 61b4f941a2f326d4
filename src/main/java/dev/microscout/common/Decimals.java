package dev.microscout.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as reasons and messages print them: a fixed number of decimals, rounded half up, a point as the
 * separator. The same text as {@code String.format(Locale.ROOT, "%.2f", value)}, at a fraction of its cost:
 * a search writes several such figures for each of its results.
 */
public final class Decimals {

    private Decimals() {
    }

    /** {@code value} with exactly {@code places} decimals; NaN and the infinities as Java prints them. */
    public static String fixed(double value, int places) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        // valueOf goes through the shortest decimal that names the double, as the formatter does. Unlike the
        // formatter, a value that rounds to zero has no minus sign (BigDecimal has no negative zero).
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).toPlainString();
    }

    /** A whole number with commas between groups of three digits: 1,234,567. */
    public static String grouped(long value) {
        String digits = Long.toString(value);
        int first = value < 0 ? 1 : 0; // after the minus sign
        StringBuilder text = new StringBuilder(digits.length() + digits.length() / 3);
        text.append(digits, 0, first);
        for (int i = first; i < digits.length(); i++) {
            if (i > first && (digits.length() - i) % 3 == 0) {
                text.append(',');
            }
            text.append(digits.charAt(i));
        }
        return text.toString();
    }
}
