package dev.microscout.security;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Idempotency records in their own short transactions (auto-commit JDBC), independent of the work they
 * guard: a claim must be visible to a concurrent request before the work commits.
 */
@ApplicationScoped
public class IdempotencyStore {

    static final Duration RETENTION = Duration.ofHours(24);
    /** A claim older than this without a response is taken to belong to a request that died. */
    static final Duration ABANDONED = Duration.ofMinutes(2);

    public record Stored(String requestHash, Integer status, String headers, String body, Instant createdAt) {
        boolean completed() {
            return status != null;
        }
    }

    @Inject
    AgroalDataSource dataSource;

    /** @return true when this request now owns the key; false when a record exists (see {@link #find}). */
    public boolean claim(UUID organisation, String key, String requestHash) {
        String sql = """
                insert into idempotency_record (organisation_id, idempotency_key, request_hash, created_at)
                values (?, ?, ?, ?)
                on conflict (organisation_id, idempotency_key) do update
                   set request_hash = excluded.request_hash, created_at = excluded.created_at,
                       status = null, headers = null, body = null, completed_at = null
                 where idempotency_record.created_at < ?
                    or (idempotency_record.completed_at is null and idempotency_record.created_at < ?)""";
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, organisation);
            s.setString(2, key);
            s.setString(3, requestHash);
            s.setTimestamp(4, Timestamp.from(now));
            s.setTimestamp(5, Timestamp.from(now.minus(RETENTION)));
            s.setTimestamp(6, Timestamp.from(now.minus(ABANDONED)));
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency claim failed", e);
        }
    }

    public Stored find(UUID organisation, String key) {
        String sql = "select request_hash, status, headers, body, created_at from idempotency_record "
                + "where organisation_id = ? and idempotency_key = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, organisation);
            s.setString(2, key);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                int status = r.getInt("status");
                Integer completedStatus = r.wasNull() ? null : status;
                return new Stored(r.getString("request_hash"), completedStatus, r.getString("headers"),
                        r.getString("body"), r.getTimestamp("created_at").toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency look-up failed", e);
        }
    }

    public void complete(UUID organisation, String key, int status, String headersJson, String body) {
        String sql = "update idempotency_record set status = ?, headers = cast(? as jsonb), body = ?, completed_at = ? "
                + "where organisation_id = ? and idempotency_key = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, status);
            s.setString(2, headersJson);
            s.setString(3, body);
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.setObject(5, organisation);
            s.setString(6, key);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency record failed", e);
        }
    }

    public void release(UUID organisation, String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from idempotency_record where organisation_id = ? and idempotency_key = ? and status is null")) {
            s.setObject(1, organisation);
            s.setString(2, key);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency release failed", e);
        }
    }

    /** Drops records past their retention. */
    @io.quarkus.scheduler.Scheduled(every = "1h", delayed = "5m")
    void purge() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from idempotency_record where created_at < ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minus(RETENTION).minus(ABANDONED)));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency purge failed", e);
        }
    }
}
