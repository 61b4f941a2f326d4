package dev.microscout.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Idempotency records in their own short transactions (auto-commit JDBC), independent of the work they
 * guard: a claim must be visible to a concurrent request before the work commits.
 * <p>
 * A claim is owned: it carries a random owner token, and only the holder of that token completes or releases
 * it. While the request runs, this instance renews the claim's heartbeat every {@link #HEARTBEAT}; a claim
 * whose heartbeat is older than {@link #ABANDONED} belongs to an instance that stopped, and only then may
 * another request take it over.
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);

    static final Duration RETENTION = Duration.ofHours(24);
    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    /** A claim not renewed for this long belongs to a request whose instance died. */
    static final Duration ABANDONED = Duration.ofMinutes(2);

    /** The claim a running request holds. */
    public record Claim(UUID organisation, String key, UUID owner) {
    }

    public record Stored(String requestHash, Integer status, String headers, String body, Instant createdAt) {
        boolean completed() {
            return status != null;
        }
    }

    private final Set<Claim> running = ConcurrentHashMap.newKeySet();

    @Inject
    dev.microscout.platform.ScheduledOnce once;
    @Inject
    AgroalDataSource dataSource;

    /** @return the claim when this request now owns the key; empty when a record exists (see {@link #find}). */
    public Optional<Claim> claim(UUID organisation, String key, String requestHash) {
        String sql = """
                insert into idempotency_record (organisation_id, idempotency_key, request_hash, created_at, owner_token, heartbeat_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (organisation_id, idempotency_key) do update
                   set request_hash = excluded.request_hash, created_at = excluded.created_at,
                       owner_token = excluded.owner_token, heartbeat_at = excluded.heartbeat_at,
                       status = null, headers = null, body = null, completed_at = null
                 where idempotency_record.created_at < ?
                    or (idempotency_record.completed_at is null and idempotency_record.heartbeat_at < ?)""";
        Instant now = Instant.now();
        UUID owner = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, organisation);
            s.setString(2, key);
            s.setString(3, requestHash);
            s.setTimestamp(4, Timestamp.from(now));
            s.setObject(5, owner);
            s.setTimestamp(6, Timestamp.from(now));
            s.setTimestamp(7, Timestamp.from(now.minus(RETENTION)));
            s.setTimestamp(8, Timestamp.from(now.minus(ABANDONED)));
            if (s.executeUpdate() != 1) {
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency claim failed", e);
        }
        Claim claim = new Claim(organisation, key, owner);
        running.add(claim);
        return Optional.of(claim);
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

    /** Stores the response of the claim's request; a no-op (and a warning) when the claim is no longer its own. */
    public boolean complete(Claim claim, int status, String headersJson, String body) {
        running.remove(claim);
        String sql = "update idempotency_record set status = ?, headers = cast(? as jsonb), body = ?, completed_at = ? "
                + "where organisation_id = ? and idempotency_key = ? and owner_token = ? and status is null";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, status);
            s.setString(2, headersJson);
            s.setString(3, body);
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.setObject(5, claim.organisation());
            s.setString(6, claim.key());
            s.setObject(7, claim.owner());
            boolean owned = s.executeUpdate() == 1;
            if (!owned) {
                LOG.warnf("An idempotency claim was no longer held by the request that completed it (organisation %s)",
                        claim.organisation());
            }
            return owned;
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency record failed", e);
        }
    }

    /** Gives the key back after a failure, so that a retry runs the work; only the claim's owner can. */
    public boolean release(Claim claim) {
        running.remove(claim);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from idempotency_record where organisation_id = ? "
                     + "and idempotency_key = ? and owner_token = ? and status is null")) {
            s.setObject(1, claim.organisation());
            s.setString(2, claim.key());
            s.setObject(3, claim.owner());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency release failed", e);
        }
    }

    /** Renews the claims of the requests this instance is running, so that none is taken over while it runs. */
    @Scheduled(every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        if (running.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update idempotency_record set heartbeat_at = ? "
                     + "where organisation_id = ? and idempotency_key = ? and owner_token = ? and status is null")) {
            for (Claim claim : running) {
                s.setTimestamp(1, Timestamp.from(Instant.now()));
                s.setObject(2, claim.organisation());
                s.setString(3, claim.key());
                s.setObject(4, claim.owner());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            LOG.warn("Idempotency claims could not be renewed", e);
        }
    }

    /** Stops renewing a claim without releasing it: what an instance that died leaves behind (tests). */
    void forgetRunning(Claim claim) {
        running.remove(claim);
    }

    /** Drops records past their retention. */
    @Scheduled(every = "1h", delayed = "5m")
    void purge() {
        if (!once.claim("idempotency.purge", java.time.Duration.ofHours(1))) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from idempotency_record where created_at < ? "
                     + "and (completed_at is not null or heartbeat_at < ?)")) {
            Instant now = Instant.now();
            s.setTimestamp(1, Timestamp.from(now.minus(RETENTION)));
            s.setTimestamp(2, Timestamp.from(now.minus(ABANDONED)));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency purge failed", e);
        }
    }
}
