package dev.microscout.ingest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One bulk import: the file's kind and format, where the work stands, and its counts (see V11__imports.sql). */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;
    @Column(name = "key_id")
    public UUID keyId;
    @Enumerated(EnumType.STRING)
    public ImportKind kind;
    @Enumerated(EnumType.STRING)
    public ImportFormat format;
    /** The CSV delimiter as given; null to take the header row's. */
    @Column(length = 1)
    public String delimiter;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, String> columns;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "ignored_columns", columnDefinition = "jsonb")
    public java.util.List<String> ignoredColumns;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Enumerated(EnumType.STRING)
    public ImportStatus status;
    @Column(name = "bytes_received")
    public long bytesReceived;
    public String sha256;
    @Column(name = "total_lines")
    public Long totalLines;
    /** Lines 1 to this one (numbers in the file) are committed: a resumed job starts after it. */
    @Column(name = "committed_line")
    public long committedLine;
    @Column(name = "processed_lines")
    public long processedLines;
    @Column(name = "created_count")
    public long created;
    @Column(name = "updated_count")
    public long updated;
    @Column(name = "unchanged_count")
    public long unchanged;
    @Column(name = "failed_count")
    public long failed;
    @Column(columnDefinition = "text")
    public String failure;
    @Column(name = "cancel_requested")
    public boolean cancelRequested;
    @Column(name = "owner_token")
    public UUID ownerToken;
    @Column(name = "heartbeat_at")
    public OffsetDateTime heartbeatAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "busy_seconds")
    public double busySeconds;

    Character delimiterChar() {
        return delimiter == null || delimiter.isEmpty() ? null : delimiter.charAt(0);
    }
}
