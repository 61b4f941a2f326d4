package dev.microscout.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscout.common.Conflict;
import dev.microscout.common.FieldError;
import dev.microscout.common.InvalidInput;
import dev.microscout.common.NotFound;
import dev.microscout.security.AuditTrail;
import dev.microscout.security.Caller;
import dev.microscout.security.IdempotencyInterceptor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Receives import files and answers for their jobs. A file is streamed to disk as it arrives (never held in
 * memory), checked (a CSV's header must name the required columns), and its job queued for a worker; the job
 * belongs to the caller's organisation, and any other organisation is answered 404.
 */
@ApplicationScoped
public class ImportService {

    @Inject
    ImportConfig config;
    @Inject
    Caller caller;
    @Inject
    AuditTrail audit;
    @Inject
    ObjectMapper json;
    @Inject
    ImportWorker worker;
    @Inject
    ImportMeters meters;
    @Inject
    dev.microscout.webhook.WebhookOutbox webhooks;

    /** An upload refused for its size: the body stops being read. */
    public static final class FileTooLarge extends dev.microscout.common.ApiException {
        FileTooLarge(String detail) {
            super(413, dev.microscout.common.ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large", detail, null, null);
        }
    }

    /**
     * Streams the body to disk, checks it and queues its job. The job's row is written once, with the audit event,
     * when the file is complete and its header checked: an upload that breaks off, or a file refused, leaves no job.
     *
     * @param path the request's path, for the audit trail
     */
    public Received receive(ImportKind kind, ImportFormat format, Character delimiter, Map<String, String> columns,
                            String idempotencyKey, InputStream body, String path) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
        if (key != null && key.length() > 255) {
            throw new IdempotencyInterceptor.InvalidKey("must be at most 255 characters");
        }
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.organisationId = caller.organisationId();
        job.keyId = caller.keyId();
        job.kind = kind;
        job.format = format;
        job.columns = columns;
        job.idempotencyKey = key;
        Path file = fileOf(job);
        try {
            spoolAndCheck(job, body, file, delimiter);
            if (key != null) {
                ImportJob first = ImportJob.<ImportJob>find("organisationId = ?1 and idempotencyKey = ?2", job.organisationId, key)
                        .firstResult();
                if (first != null) {
                    delete(file);
                    boolean same = job.sha256.equals(first.sha256) && first.kind == kind && first.format == format
                            && java.util.Objects.equals(first.columns, columns);
                    if (!same) {
                        throw new IdempotencyInterceptor.KeyReused();
                    }
                    return new Received(view(first), true);
                }
            }
            job.status = ImportStatus.QUEUED;
            job.createdAt = now();
            job.updatedAt = job.createdAt;
            // Two uploads racing with one Idempotency-Key: the unique index lets one in; the other is a 409.
            QuarkusTransaction.requiringNew().run(() -> {
                job.persist();
                audit.record(caller, "POST", path, 202, URI.create("/api/v1/imports/" + job.id));
            });
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
        meters.received(kind);
        worker.wake();
        return new Received(view(job), false);
    }

    /** Streams the body to the job's file (never to memory) and reads a CSV's header; fills in size, hash and delimiter. */
    private void spoolAndCheck(ImportJob job, InputStream body, Path file, Character delimiter) {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.createDirectories(file.getParent());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            job.bytesReceived = spool(body, part, digest);
            job.sha256 = HexFormat.of().formatHex(digest.digest());
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileTooLarge e) {
            delete(part);
            throw e;
        } catch (IOException | RuntimeException e) {
            delete(part);
            throw new InvalidInput("body", "the upload ended before the file was complete: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        job.ignoredColumns = List.of();
        job.delimiter = delimiter == null ? null : delimiter.toString();
        if (job.format != ImportFormat.CSV) {
            if (job.bytesReceived == 0) {
                throw new InvalidInput("body", "the file is empty");
            }
            return;
        }
        try (LineSource source = LineSource.open(file, job.format, delimiter, job.columns, job.kind, json)) {
            List<String> missing = job.kind.missingFrom(source.mappedHeader());
            if (!missing.isEmpty()) {
                throw new InvalidInput("header", "the header row has no column for " + String.join(", ", missing)
                        + " (it has " + String.join(", ", source.header()) + "); name them so, or map yours with columns");
            }
            job.ignoredColumns = List.copyOf(source.ignoredColumns());
            job.delimiter = String.valueOf(source.delimiter());
        } catch (LineSource.Unreadable e) {
            throw new InvalidInput("body", e.getMessage());
        } catch (IOException e) {
            throw new InvalidInput("body", "the file cannot be read: " + e.getMessage());
        }
    }

    /** A job received, or the first job of the same Idempotency-Key and file (replayed). */
    public record Received(ImportViews.ImportJobView job, boolean replayed) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ImportViews.ImportJobView get(UUID id) {
        return view(own(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ImportViews.ImportJobPage list(int page, int size) {
        var query = ImportJob.<ImportJob>find("organisationId", Sort.descending("createdAt").and("id", Sort.Direction.Descending),
                caller.organisationId());
        long total = query.count();
        List<ImportViews.ImportJobView> items = query.page(Page.of(page, size)).list().stream().map(this::view).toList();
        return new ImportViews.ImportJobPage(items, page, size, total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ImportViews.ImportErrorPage errors(UUID id, int page, int size) {
        ImportJob job = own(id);
        Map<String, String> theirs = new HashMap<>();
        if (job.columns != null) {
            job.columns.forEach((their, our) -> theirs.put(our, their));
        }
        var em = ImportJob.getEntityManager();
        long total = ((Number) em.createNativeQuery("select count(*) from import_error where job_id = :id")
                .setParameter("id", id).getSingleResult()).longValue();
        List<ImportViews.ImportErrorView> items = new ArrayList<>();
        // The primary key (job_id, line_no, seq) serves the order and the page.
        for (Object row : em.createNativeQuery("select line_no, field, reason, raw_start from import_error where job_id = :id "
                        + "order by line_no, seq limit :size offset :offset")
                .setParameter("id", id).setParameter("size", size).setParameter("offset", (long) page * size).getResultList()) {
            Object[] r = (Object[]) row;
            String field = (String) r[1];
            items.add(new ImportViews.ImportErrorView(((Number) r[0]).longValue(), field == null ? null : theirs.getOrDefault(field, field),
                    (String) r[2], (String) r[3]));
        }
        return new ImportViews.ImportErrorPage(items, page, size, total);
    }

    /** Cancels a job: a queued one at once, a running one after its current chunk (what it committed stays). */
    @Transactional
    public ImportViews.ImportJobView cancel(UUID id) {
        ImportJob job = ImportJob.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !job.organisationId.equals(caller.organisationId())) {
            throw new NotFound("Import", id);
        }
        if (job.status.finished()) {
            throw new Conflict("Import " + id + " has ended (" + job.status + "): there is nothing to cancel", null,
                    Map.of("status", job.status.name()));
        }
        job.cancelRequested = true;
        job.updatedAt = now();
        if (job.status == ImportStatus.QUEUED) {
            job.status = ImportStatus.CANCELLED;
            job.finishedAt = job.updatedAt;
            job.failure = "cancelled before it started: nothing was imported";
            webhooks.publish("import.completed", job.organisationId, endedEvent(job));
            worker.forget(job);
        }
        return view(job);
    }

    /** The data of import.completed: how the job ended, with its counts (and why, when it did not finish). */
    static Map<String, Object> endedEvent(ImportJob job) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("importId", job.id);
        data.put("kind", job.kind.value());
        data.put("status", job.status.name());
        data.put("lines", job.processedLines);
        data.put("created", job.created);
        data.put("updated", job.updated);
        data.put("unchanged", job.unchanged);
        data.put("failed", job.failed);
        data.put("finishedAt", job.finishedAt);
        if (job.failure != null) {
            data.put("failure", job.failure);
        }
        return data;
    }

    private ImportJob own(UUID id) {
        ImportJob job = ImportJob.findById(id);
        if (job == null || !job.organisationId.equals(caller.organisationId())) {
            throw new NotFound("Import", id);
        }
        return job;
    }

    ImportViews.ImportJobView view(ImportJob job) {
        Double rate = job.busySeconds > 0 && job.processedLines > 0 ? round(job.processedLines / job.busySeconds) : null;
        OffsetDateTime finish = null;
        if (rate != null && job.totalLines != null && !job.status.finished()) {
            long left = Math.max(0, job.totalLines - job.processedLines);
            finish = now().plus(Duration.ofMillis((long) (left / rate * 1000))).truncatedTo(ChronoUnit.SECONDS);
        }
        return new ImportViews.ImportJobView(job.id, job.kind.value(), job.format, job.status,
                job.columns == null ? Map.of() : job.columns, job.ignoredColumns == null ? List.of() : job.ignoredColumns,
                job.delimiter, job.bytesReceived, job.sha256,
                new ImportViews.Lines(job.totalLines, job.processedLines, job.committedLine),
                job.created, job.updated, job.unchanged, job.failed, rate, finish, job.failure, job.cancelRequested,
                job.createdAt, job.startedAt, job.finishedAt);
    }

    Path fileOf(ImportJob job) {
        return Path.of(config.directory()).resolve(job.id + (job.format == ImportFormat.CSV ? ".csv" : ".ndjson"));
    }

    private long spool(InputStream body, Path part, MessageDigest digest) throws IOException {
        long limit = config.maxFileSize().asLongValue();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(part)) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    throw new FileTooLarge("The file is larger than the " + limit + " bytes an import accepts "
                            + "(microscout.imports.max-file-size); split it into several imports");
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover file is harmless: no job refers to it, and the worker clears old ones at start.
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
