package dev.microscout.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What /q/metrics shows of imports: files received, lines by outcome, jobs by how they ended, jobs running now.
 */
@ApplicationScoped
class ImportMeters {

    @Inject
    MeterRegistry registry;

    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean gaugeRegistered;

    void received(ImportKind kind) {
        counter("microscout.imports.files", "Import files received and queued", "kind", kind.value()).increment();
    }

    void lines(ImportKind kind, ChunkOutcome outcome) {
        add(kind, "created", outcome.created);
        add(kind, "updated", outcome.updated);
        add(kind, "unchanged", outcome.unchanged);
        add(kind, "failed", outcome.failed());
    }

    void ended(ImportKind kind, ImportStatus status) {
        counter("microscout.imports.jobs", "Import jobs by how they ended", "kind", kind.value(), "status", status.name()).increment();
    }

    void started() {
        running.incrementAndGet();
    }

    void stopped() {
        running.decrementAndGet();
    }

    private void add(ImportKind kind, String outcome, long lines) {
        if (lines > 0) {
            counter("microscout.imports.lines", "Imported lines by outcome", "kind", kind.value(), "outcome", outcome).increment(lines);
        }
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    /** Shows the running-jobs gauge from the start, at 0. */
    void register() {
        if (!gaugeRegistered) {
            io.micrometer.core.instrument.Gauge.builder("microscout.imports.running", running, AtomicInteger::get)
                    .description("Import jobs this instance is working on").register(registry);
            gaugeRegistered = true;
        }
    }
}
