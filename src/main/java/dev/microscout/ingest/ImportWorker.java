package dev.microscout.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscout.common.PropagationUnit;
import dev.microscout.influencer.Authorship;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Works through queued imports, one at a time per service instance, chunk by chunk. Each chunk's rows, its failed
 * lines and the job's counts commit in one transaction, only while this instance still owns the job (its owner
 * token), so the counts always say what the catalogue holds. A job whose owner stopped renewing its heartbeat is
 * taken over and resumed after its last committed line, as long as its file is there; otherwise it is marked
 * FAILED with what it had committed. At shutdown the current chunk ends and the job is handed back for the next
 * start.
 */
@ApplicationScoped
public class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class);

    @Inject
    ImportConfig config;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    InfluencerLines influencerLines;
    @Inject
    PostLines postLines;
    @Inject
    SnapshotLines snapshotLines;
    @Inject
    ResultLines resultLines;
    @Inject
    ImportMeters meters;
    @Inject
    PlannerStatistics statistics;
    @Inject
    ImportService imports;
    @Inject
    dev.microscout.webhook.WebhookOutbox webhooks;
    @ConfigProperty(name = "microscout.imports.enabled", defaultValue = "true")
    boolean enabled;

    private final UUID owner = UUID.randomUUID();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean stopping;
    private volatile UUID current;
    /**
     * How far (System.nanoTime) the current job's run is accounted in its busy seconds. Each committed chunk adds
     * the time since the last one, so the seconds are the run's wall time, counted once however many chunks were in
     * flight: its rows per second and estimated finish are what a person watching it sees.
     */
    private volatile long accountedUpTo;
    private ExecutorService loop;
    /** Applies and commits the chunks in flight (see {@link ImportConfig#chunksInFlight}). */
    private ExecutorService pipeline;
    private ScheduledExecutorService heartbeat;

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        meters.register();
        clearBrokenUploads();
        loop = Executors.newSingleThreadExecutor(r -> daemon(r, "microscout-import"));
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "microscout-import-heartbeat"));
        long beat = config.heartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
        pipeline = Executors.newFixedThreadPool(Math.max(1, config.chunksInFlight()), r -> daemon(r, "microscout-import-chunk"));
        loop.submit(this::run);
    }

    /** Uploads that broke off when a service stopped leave a .part file and no job: an hour on, nobody will finish them. */
    private void clearBrokenUploads() {
        Path directory = Path.of(config.directory());
        if (!Files.isDirectory(directory)) {
            return;
        }
        java.time.Instant before = java.time.Instant.now().minus(java.time.Duration.ofHours(1));
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            files.filter(f -> f.getFileName().toString().endsWith(".part")).forEach(f -> {
                try {
                    if (Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                        Files.deleteIfExists(f);
                    }
                } catch (IOException e) {
                    LOG.debugf("Broken upload %s not removed: %s", f, e);
                }
            });
        } catch (IOException e) {
            LOG.debugf("Import directory not read: %s", e);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop == null) {
            return;
        }
        stopping = true;
        wake.release();
        loop.shutdown();
        try {
            // The chunk in hand ends and the job is handed back; a chunk takes well under this.
            if (!loop.awaitTermination(20, TimeUnit.SECONDS)) {
                loop.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heartbeat.shutdownNow();
        pipeline.shutdownNow();
    }

    /** A job was queued: look now rather than at the next poll. */
    void wake() {
        wake.release();
    }

    /** A queued job was cancelled before it started. */
    void forget(ImportJob job) {
        meters.ended(job.kind, ImportStatus.CANCELLED);
        deleteFile(job);
    }

    private void run() {
        while (!stopping) {
            io.quarkus.arc.ManagedContext requestContext = io.quarkus.arc.Arc.container().requestContext();
            // The persistence unit resolves its tenant in a request context (no caller: no owned rows are visible).
            requestContext.activate();
            try {
                UUID job = claim();
                if (job == null) {
                    wake.tryAcquire(config.poll().toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                current = job;
                meters.started();
                try {
                    work(job);
                } finally {
                    meters.stopped();
                    current = null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database may be away; the job keeps its committed lines and is taken over once it is back.
                LOG.warnf("Import worker: %s", e.toString());
                sleepQuietly();
            } finally {
                requestContext.terminate();
            }
        }
    }

    // Queued jobs in order of arrival whose file this instance holds, or one whose owner stopped renewing its
    // heartbeat. A queued job's heartbeat is renewed by the instances that hold its file, so a queued job nobody
    // renews is one whose file no running instance has: any instance takes it then, and ends it saying so.
    // import_job_open_idx.
    private static final String CLAIM = """
            update import_job set status = 'RUNNING', owner_token = :owner, heartbeat_at = now(),
                   started_at = coalesce(started_at, now()), updated_at = now()
             where id = (select id from import_job
                          where (status = 'QUEUED' and (id = any(cast(:here as uuid[]))
                                                        or coalesce(heartbeat_at, updated_at) < now() - make_interval(secs => :stale)))
                             or (status = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :stale))
                          order by created_at limit 1 for update skip locked)
            returning cast(id as text)""";

    private UUID claim() {
        String here = filesHere();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> ids = em.createNativeQuery(CLAIM).setParameter("owner", owner).setParameter("here", here)
                    .setParameter("stale", (double) config.takeOverAfter().toSeconds()).getResultList();
            return ids.isEmpty() ? null : UUID.fromString((String) ids.get(0));
        });
    }

    /**
     * The jobs whose files wait in this instance's import directory, as a PostgreSQL array literal: with several
     * instances, each takes the queued jobs it can read (all of them when they share the directory).
     */
    private String filesHere() {
        Path directory = Path.of(config.directory());
        StringBuilder ids = new StringBuilder("{");
        if (Files.isDirectory(directory)) {
            try (java.util.stream.Stream<Path> files = Files.list(directory)) {
                files.map(f -> f.getFileName().toString())
                        .filter(name -> name.endsWith(".csv") || name.endsWith(".ndjson"))
                        .map(name -> name.substring(0, name.lastIndexOf('.')))
                        .filter(ImportWorker::isUuid)
                        .forEach(id -> ids.append(ids.length() > 1 ? "," : "").append(id));
            } catch (IOException e) {
                LOG.debugf("Import directory not listed: %s", e);
            }
        }
        return ids.append('}').toString();
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void beat() {
        UUID job = current;
        String here = filesHere();
        io.quarkus.arc.ManagedContext requestContext = io.quarkus.arc.Arc.container().requestContext();
        requestContext.activate();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (job != null) {
                    em.createNativeQuery("update import_job set heartbeat_at = now() where id = :id and owner_token = :owner")
                            .setParameter("id", job).setParameter("owner", owner).executeUpdate();
                }
                // The queued jobs whose files this instance holds: still wanted here, not orphaned.
                em.createNativeQuery("update import_job set heartbeat_at = now() where status = 'QUEUED' and id = any(cast(:here as uuid[]))")
                        .setParameter("here", here).executeUpdate();
            });
        } catch (RuntimeException e) {
            LOG.debugf("Import heartbeat missed: %s", e.toString());
        } finally {
            requestContext.terminate();
        }
    }

    private void work(UUID id) {
        accountedUpTo = System.nanoTime();
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findById(id));
        Path file = imports.fileOf(job);
        if (!Files.exists(file)) {
            end(job, ImportStatus.FAILED, "the service stopped while importing and the file is not here to resume from "
                    + "(it was received by another instance, or removed). " + committed(job)
                    + " Send the file again: lines already imported come back unchanged.");
            return;
        }
        if (job.totalLines == null) {
            try {
                Long total = LineSource.count(file, job.format, job.delimiterChar());
                if (total != null) {
                    QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                                    "update import_job set total_lines = :total where id = :id and owner_token = :owner")
                            .setParameter("total", total).setParameter("id", id).setParameter("owner", owner).executeUpdate());
                }
            } catch (IOException e) {
                LOG.debugf("Import %s: lines not counted: %s", id, e);
            }
        }
        Map<String, UUID> refs = new java.util.concurrent.ConcurrentHashMap<>();
        InFlight previous = null;
        try (LineSource source = LineSource.open(file, job.format, job.delimiterChar(), job.columns, job.kind, json)) {
            List<ImportLine> chunk = new ArrayList<>(config.chunkLines());
            while (source.hasNext()) {
                ImportLine line = source.next();
                if (line.number() <= job.committedLine) {
                    continue;
                }
                if (chunk.size() >= config.chunkLines() && !sameCreator(job.kind, chunk.get(chunk.size() - 1), line)) {
                    previous = submit(job, chunk, refs, previous);
                    if (previous == null) {
                        return;
                    }
                    chunk = new ArrayList<>(config.chunkLines());
                    extra = 0;
                }
                chunk.add(line);
            }
            if (!chunk.isEmpty()) {
                previous = submit(job, chunk, refs, previous);
                if (previous == null) {
                    return;
                }
            }
            if (!awaitLast(previous)) {
                return;
            }
            end(job, ImportStatus.DONE, null);
        } catch (LineSource.Unreadable e) {
            if (awaitLast(previous)) {
                end(job, ImportStatus.FAILED, "the file cannot be read after line " + job.committedLine + ": " + e.getMessage() + ". "
                        + committed(job));
            }
        } catch (IOException e) {
            if (awaitLast(previous)) {
                end(job, ImportStatus.FAILED, "the file cannot be read: " + e.getMessage() + ". " + committed(job));
            }
        }
    }

    /**
     * A chunk being applied on the pipeline: what its lines name (see {@link #names}), and whether the job goes on
     * once it has committed.
     */
    private record InFlight(Set<String> names, java.util.concurrent.CompletableFuture<Boolean> done,
                            java.util.concurrent.atomic.AtomicInteger backend) {

        /** Whether the job goes on after this chunk; rethrows what ended its thread. */
        boolean await() {
            try {
                return done.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }

        /** Whether the job goes on after this chunk, false if it ended in an exception; empty if not done in time. */
        java.util.Optional<Boolean> awaitWithin(java.time.Duration limit) {
            try {
                return java.util.Optional.of(done.get(limit.toMillis(), TimeUnit.MILLISECONDS));
            } catch (java.util.concurrent.TimeoutException e) {
                return java.util.Optional.empty();
            } catch (java.util.concurrent.ExecutionException e) {
                return java.util.Optional.of(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return java.util.Optional.of(false);
            }
        }
    }

    /**
     * Hands a chunk to the pipeline, then waits for the chunk before it, so that at most {@link ImportConfig#chunksInFlight}
     * are in hand. A chunk that names a creator, ref or channel of the one before it starts once that one committed;
     * any other starts at once and commits after it.
     * @return the chunk in flight, or null when the job does not go on (the chunk handed in then did nothing)
     */
    private InFlight submit(ImportJob job, List<ImportLine> chunk, Map<String, UUID> refs, InFlight previous) {
        statistics.refreshIfStale();
        Set<String> names = names(job.kind, chunk);
        if (inFlight(job.kind) <= 1 && previous != null && !previous.await()) {
            return null;
        }
        InFlight before = inFlight(job.kind) <= 1 ? null : previous;
        boolean overlaps = before != null && !java.util.Collections.disjoint(names, before.names());
        java.util.concurrent.atomic.AtomicInteger backend = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CompletableFuture<Boolean> done = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            io.quarkus.arc.ManagedContext requestContext = io.quarkus.arc.Arc.container().requestContext();
            requestContext.activate();
            try {
                if (overlaps && !before.awaitWithin(FOREVER).orElse(false)) {
                    return false;
                }
                return commitChunk(job, chunk, refs, before, backend);
            } finally {
                requestContext.terminate();
            }
        }, pipeline);
        InFlight current = new InFlight(names, done, backend);
        if (before != null) {
            boolean goOn;
            try {
                goOn = before.await();
            } catch (RuntimeException e) {
                awaitQuietly(current);
                throw e;
            }
            if (!goOn) {
                awaitQuietly(current);
                return null;
            }
        }
        return current;
    }

    private static final java.time.Duration FOREVER = java.time.Duration.ofDays(1);

    /**
     * Chunks of this kind in flight. Two post or snapshot chunks may name different channels of one creator: both
     * then lock that creator (its reputation, in id order), and when the earlier one waits for the later one, the
     * later one gives way (see {@link #awaitTurn}). Campaign results go one chunk at a time: {@link #names} does not
     * see what their lines name (campaign, creator, post).
     */
    private int inFlight(ImportKind kind) {
        return kind == ImportKind.RESULTS ? 1 : Math.max(1, config.chunksInFlight());
    }

    /** Whether the job goes on after the last chunk handed in (true when there was none). */
    private static boolean awaitLast(InFlight last) {
        return last == null || last.await();
    }

    private static void awaitQuietly(InFlight chunk) {
        try {
            chunk.await();
        } catch (RuntimeException e) {
            LOG.debugf("Import chunk after a stop: %s", e.toString());
        }
    }

    /**
     * What a chunk's lines name: creators (influencerId), refs, and channels (channelId; a handle whatever its
     * platform, case or leading @). Two chunks that name nothing in common touch no common row of the catalogue,
     * so they can be applied at once.
     */
    static Set<String> names(ImportKind kind, List<ImportLine> chunk) {
        Set<String> names = new java.util.HashSet<>();
        for (ImportLine line : chunk) {
            Map<String, String> cells = line.cells();
            if (cells == null) {
                continue;
            }
            name(names, "influencer:", cells.get(dev.microscout.influencer.CatalogueLine.INFLUENCER_ID));
            name(names, "ref:", cells.get(dev.microscout.influencer.CatalogueLine.REF));
            name(names, "channel:", cells.get("channelId"));
            String handle = cells.get(dev.microscout.influencer.CatalogueLine.HANDLE);
            if (handle != null) {
                String h = handle.strip();
                name(names, "handle:", h.startsWith("@") ? h.substring(1) : h);
            }
        }
        return names;
    }

    private static void name(Set<String> names, String kind, String value) {
        if (value != null && !value.isBlank()) {
            names.add(kind + value.strip().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * Applies one chunk and commits it with the job's counts, after the chunk before it committed and if this
     * instance still owns the job.
     * @param before the chunk before this one, still in flight (null: none)
     * @return whether to go on (false: cancelled, stopping, the job was taken over, or the chunk before it stopped)
     */
    private boolean commitChunk(ImportJob job, List<ImportLine> chunk, Map<String, UUID> refs, InFlight before,
                                java.util.concurrent.atomic.AtomicInteger backend) {
        ChunkOutcome outcome;
        try {
            try {
                outcome = commitInTurn(job, chunk, refs, before, backend);
            } catch (RuntimeException e) {
                if (lostOwnership(e) || e instanceof Abandoned) {
                    throw e;
                }
                // One line the checks let through and the database refused spoils the chunk: each line again on its own.
                LOG.debugf("Import %s: chunk ending at line %d retried line by line: %s", job.id, chunk.get(chunk.size() - 1).number(), e);
                outcome = new ChunkOutcome();
                for (ImportLine line : chunk) {
                    try {
                        outcome.add(commitInTurn(job, List.of(line), refs, before, backend));
                    } catch (RuntimeException lineFailure) {
                        if (lostOwnership(lineFailure) || lineFailure instanceof Abandoned) {
                            throw lineFailure;
                        }
                        if (before != null && !before.awaitWithin(FOREVER).orElse(false)) {
                            throw new Abandoned();
                        }
                        ChunkOutcome single = new ChunkOutcome();
                        single.fail(line, null, "could not be stored: " + reason(lineFailure));
                        long at = System.nanoTime();
                        QuarkusTransaction.requiringNew().run(() -> record(job, List.of(line), single, at));
                        accountedUpTo = at;
                        outcome.add(single);
                    }
                }
            }
        } catch (Abandoned e) {
            return false;
        } catch (RuntimeException e) {
            if (!lostOwnership(e)) {
                throw e;
            }
            LOG.infof("Import %s was taken over by another instance", job.id);
            return false;
        }
        meters.lines(job.kind, outcome);
        ImportJob now = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findById(job.id));
        job.committedLine = now.committedLine;
        job.processedLines = now.processedLines;
        job.created = now.created;
        job.updated = now.updated;
        job.unchanged = now.unchanged;
        job.failed = now.failed;
        if (now.cancelRequested) {
            end(job, ImportStatus.CANCELLED, "cancelled. " + committed(job));
            return false;
        }
        if (stopping) {
            handBack(job);
            return false;
        }
        return true;
    }

    /**
     * {@link #commit} in file order: the chunk commits only after the one before it did. While it waits, it watches
     * whether the one before it waits for a row it holds (a case the names cannot see, such as one channel named by
     * id in one chunk and by handle in the other): then it rolls back, waits, and is applied again.
     */
    private ChunkOutcome commitInTurn(ImportJob job, List<ImportLine> lines, Map<String, UUID> refs, InFlight before,
                                      java.util.concurrent.atomic.AtomicInteger backend) {
        try {
            return commit(job, lines, refs, before, backend);
        } catch (TurnNotReached e) {
            if (!before.awaitWithin(FOREVER).orElse(false)) {
                throw new Abandoned();
            }
            return commit(job, lines, refs, null, backend);
        }
    }

    /** The chunk before this one ended the job's run: this one rolls back. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("the chunk before this one ended the import's run", null, false, false);
        }
    }

    /** The chunk before this one waits for a row this one holds: this one rolls back, to be applied again after it. */
    private static final class TurnNotReached extends RuntimeException {
        TurnNotReached() {
            super("the chunk before this one waits for a row this one holds", null, false, false);
        }
    }

    /**
     * Whether a full chunk takes this line too: the next channel line of the same creator (by ref or influencerId)
     * joins its chunk, up to a creator's most channels, so that a creator's lines commit together and a resumed job
     * never starts in the middle of one.
     */
    private boolean sameCreator(ImportKind kind, ImportLine last, ImportLine next) {
        if (kind != ImportKind.INFLUENCERS || last.cells() == null || next.cells() == null) {
            return false;
        }
        return extra++ < dev.microscout.influencer.Influencer.MAX_CHANNELS
                && (same(last, next, dev.microscout.influencer.CatalogueLine.REF)
                || same(last, next, dev.microscout.influencer.CatalogueLine.INFLUENCER_ID));
    }

    /** Lines a full chunk has taken on for its last creator (reset with each chunk). */
    private int extra;

    private static boolean same(ImportLine a, ImportLine b, String column) {
        String x = a.cells().get(column);
        String y = b.cells().get(column);
        return x != null && !x.isBlank() && x.strip().equals(y == null ? null : y.strip());
    }

    /**
     * Applies lines and commits them with the job's counts in one transaction, once the chunk before them committed.
     * The refs they resolve join {@code refs} only once committed: a rolled-back chunk must not leave a ref naming a
     * creator that was never stored.
     */
    private ChunkOutcome commit(ImportJob job, List<ImportLine> lines, Map<String, UUID> refs, InFlight before,
                                java.util.concurrent.atomic.AtomicInteger backend) {
        ChunkOutcome outcome = new ChunkOutcome();
        ChunkRefs resolved = new ChunkRefs(refs);
        // As the organisation that sent the file: its campaigns (results) are the ones the lines can name.
        long at = dev.microscout.security.TenantScope.actingFor(job.organisationId, () -> QuarkusTransaction.requiringNew().call(() -> Authorship.actingAs(job.organisationId, job.keyId, () -> {
            // The chunk after this one watches this backend, to give way if it ever waits for a row of that chunk.
            backend.set(em.unwrap(Session.class).doReturningWork(c -> {
                try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery("select pg_backend_pid()")) {
                    r.next();
                    return r.getInt(1);
                }
            }));
            apply(job, lines, resolved, outcome);
            if (before != null && !awaitTurn(before, backend.get())) {
                throw new Abandoned();
            }
            long recordedAt = System.nanoTime();
            record(job, lines, outcome, recordedAt);
            return recordedAt;
        })));
        // Only once committed: a chunk rolled back and applied again is accounted by the try that commits.
        accountedUpTo = at;
        refs.putAll(resolved.added());
        return outcome;
    }

    /**
     * Waits for the chunk before this one to commit; whether the job goes on. Gives way (TurnNotReached) when that
     * chunk's backend waits for a lock this chunk's backend holds, which PostgreSQL cannot see as a deadlock.
     */
    private boolean awaitTurn(InFlight before, int mine) {
        while (true) {
            java.util.Optional<Boolean> goOn = before.awaitWithin(java.time.Duration.ofMillis(100));
            if (goOn.isPresent()) {
                return goOn.get();
            }
            int theirs = before.backend().get();
            if (theirs != 0 && theirs != mine && em.unwrap(Session.class).doReturningWork(c -> {
                try (PreparedStatement s = c.prepareStatement("select ? = any(pg_blocking_pids(?))")) {
                    s.setInt(1, mine);
                    s.setInt(2, theirs);
                    try (java.sql.ResultSet r = s.executeQuery()) {
                        return r.next() && r.getBoolean(1);
                    }
                }
            })) {
                throw new TurnNotReached();
            }
        }
    }

    private static boolean lostOwnership(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LostOwnership) {
                return true;
            }
        }
        return false;
    }

    private void apply(ImportJob job, List<ImportLine> chunk, Map<String, UUID> refs, ChunkOutcome outcome) {
        List<ImportLine> readable = new ArrayList<>(chunk.size());
        for (ImportLine line : chunk) {
            if (line.problem() != null) {
                outcome.fail(line, null, line.problem());
            } else {
                readable.add(line);
            }
        }
        // The chunk is one unit of propagation: metrics, reputation and the search rows follow once, for all its lines.
        PropagationUnit.run(() -> {
            switch (job.kind) {
                case INFLUENCERS -> influencerLines.apply(readable, refs, outcome);
                case POSTS -> postLines.apply(readable, outcome);
                case SNAPSHOTS -> snapshotLines.apply(readable, outcome);
                case RESULTS -> resultLines.apply(readable, outcome);
            }
            return null;
        });
    }

    /** Writes the chunk's failed lines and counts; throws {@link LostOwnership} when the job is no longer this instance's. */
    private void record(ImportJob job, List<ImportLine> chunk, ChunkOutcome outcome, long at) {
        double seconds = Math.max(0, at - accountedUpTo) / 1e9;
        int updated = em.createNativeQuery("""
                        update import_job set committed_line = :line, processed_lines = processed_lines + :lines,
                               created_count = created_count + :created, updated_count = updated_count + :updated,
                               unchanged_count = unchanged_count + :unchanged, failed_count = failed_count + :failed,
                               busy_seconds = busy_seconds + :seconds, heartbeat_at = now(), updated_at = now()
                         where id = :id and owner_token = :owner and status = 'RUNNING'""")
                .setParameter("line", chunk.get(chunk.size() - 1).number()).setParameter("lines", chunk.size())
                .setParameter("created", outcome.created).setParameter("updated", outcome.updated)
                .setParameter("unchanged", outcome.unchanged).setParameter("failed", outcome.failed())
                .setParameter("seconds", seconds).setParameter("id", job.id).setParameter("owner", owner)
                .executeUpdate();
        if (updated == 0) {
            // Rolls the chunk back: another instance owns the job now and will do these lines itself.
            throw new LostOwnership();
        }
        if (!outcome.errors.isEmpty()) {
            em.unwrap(Session.class).doWork(c -> {
                try (PreparedStatement insert = c.prepareStatement("insert into import_error (job_id, line_no, seq, field, reason, raw_start) "
                        + "values (?, ?, ?, ?, ?, ?) on conflict do nothing")) {
                    Map<Long, Integer> seq = new HashMap<>();
                    for (ChunkOutcome.LineError error : outcome.errors) {
                        insert.setObject(1, job.id);
                        insert.setLong(2, error.line());
                        insert.setInt(3, seq.merge(error.line(), 1, Integer::sum));
                        insert.setString(4, error.column() == null ? null : storable(error.column()));
                        insert.setString(5, error.reason() == null ? "" : error.reason().replace('\u0000', '\uFFFD'));
                        insert.setString(6, storable(error.raw()));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            });
        }
    }

    /** Thrown inside a chunk's transaction when the job was taken over: nothing of the chunk may commit. */
    private static final class LostOwnership extends RuntimeException {
        LostOwnership() {
            super("the import was taken over by another instance", null, false, false);
        }
    }

    private void end(ImportJob job, ImportStatus status, String failure) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob row = ImportJob.findById(job.id);
            if (row == null || !owner.equals(row.ownerToken)) {
                return;
            }
            row.status = status;
            row.failure = failure;
            row.finishedAt = ImportService.now();
            row.updatedAt = row.finishedAt;
            row.ownerToken = null;
            // Every end is announced to the organisation's webhooks in the transaction that ends the job: never lost,
            // never early.
            webhooks.publish("import.completed", row.organisationId, ImportService.endedEvent(row));
        });
        meters.ended(job.kind, status);
        deleteFile(job);
    }

    /** Shutdown: the job goes back to the queue with its committed lines, for the next start to resume at once. */
    private void handBack(ImportJob job) {
        LOG.infof("Import %s handed back at shutdown after line %d; the next start resumes it", job.id, job.committedLine);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update import_job set status = 'QUEUED', owner_token = null, heartbeat_at = null, updated_at = now()
                         where id = :id and owner_token = :owner""")
                .setParameter("id", job.id).setParameter("owner", owner).executeUpdate());
    }

    private static String committed(ImportJob job) {
        return "Lines up to line " + job.committedLine + " of the file were committed (" + job.created + " created, " + job.updated
                + " updated, " + job.unchanged + " unchanged, " + job.failed + " failed); nothing after it.";
    }

    private void deleteFile(ImportJob job) {
        try {
            Files.deleteIfExists(imports.fileOf(job));
        } catch (IOException e) {
            LOG.debugf("Import file of %s not removed: %s", job.id, e);
        }
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getMessage() != null) {
                String message = sql.getMessage();
                int detail = message.indexOf("\n");
                return detail > 0 ? message.substring(0, detail) : message;
            }
        }
        return e.getClass().getSimpleName();
    }

    /** The raw start as the column can hold it: no NUL, at most 200 characters. */
    private static String storable(String raw) {
        String clean = raw == null ? "" : raw.replace('\u0000', '\uFFFD');
        return clean.length() <= LineSource.RAW_START ? clean : clean.substring(0, LineSource.RAW_START);
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(config.poll().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
