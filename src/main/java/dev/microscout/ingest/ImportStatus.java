package dev.microscout.ingest;

/** QUEUED once the file is received and checked, until a worker takes it; then RUNNING and one of the three ends. */
public enum ImportStatus {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED;

    boolean finished() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
