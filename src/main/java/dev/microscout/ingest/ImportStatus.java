package dev.microscout.ingest;

/** RECEIVING while the body arrives; QUEUED until a worker takes it; then RUNNING and one of the three ends. */
public enum ImportStatus {
    RECEIVING, QUEUED, RUNNING, DONE, FAILED, CANCELLED;

    boolean finished() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
