package dev.microscout.ingest;

import java.util.ArrayList;
import java.util.List;

/** What one chunk of lines did: counts, and every failed line with its reasons. */
final class ChunkOutcome {

    /** One reason a line failed: the column (as our name, or null for the whole line) and why. */
    record LineError(long line, String column, String reason, String raw) {
    }

    long created;
    long updated;
    long unchanged;
    final List<LineError> errors = new ArrayList<>();
    private final java.util.Set<Long> failedLines = new java.util.HashSet<>();

    void fail(ImportLine line, String column, String reason) {
        errors.add(new LineError(line.number(), column, reason, line.raw()));
        failedLines.add(line.number());
    }

    /** Adds what another part of the chunk did (a line retried on its own). */
    void add(ChunkOutcome other) {
        created += other.created;
        updated += other.updated;
        unchanged += other.unchanged;
        errors.addAll(other.errors);
        failedLines.addAll(other.failedLines);
    }

    long failed() {
        return failedLines.size();
    }

    boolean failed(ImportLine line) {
        return failedLines.contains(line.number());
    }
}
