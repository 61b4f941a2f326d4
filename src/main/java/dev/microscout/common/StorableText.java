package dev.microscout.common;

/**
 * Text PostgreSQL can store. A NUL character is refused by every text column (and by jsonb), and an unpaired
 * UTF-16 surrogate has no UTF-8 form: both would fail deep in a write, so every string is checked where it
 * enters (JSON values and keys, query, path and header parameters) and answered with a 400 naming the field.
 */
public final class StorableText {

    public static final String MESSAGE = "must not contain a NUL character (\\u0000) or an unpaired surrogate";

    private StorableText() {
    }

    public static boolean isStorable(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000' || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
