package dev.microscout.ingest;

import java.util.Map;

/**
 * One line of a file, read: its number in the file (the header is line 1 of a CSV), its cells under our column
 * names, the start of the line as sent (for the error report), and what makes the whole line unreadable, if
 * anything (not JSON; more or fewer cells than the header).
 */
record ImportLine(long number, Map<String, String> cells, String raw, String problem) {

    ImportLine(long number, Map<String, String> cells, String raw) {
        this(number, cells, raw, null);
    }
}
