package dev.microscout.common;

/** A client's value as a problem quotes it back: short enough to read, never the whole of a huge input. */
public final class Abbreviated {
    static final int MAX_CHARS = 60;

    private Abbreviated() {
    }

    public static String of(String value) {
        if (value == null || value.length() <= MAX_CHARS) {
            return value;
        }
        return value.substring(0, MAX_CHARS) + "… (" + value.length() + " characters)";
    }
}
