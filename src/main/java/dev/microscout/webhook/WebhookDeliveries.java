package dev.microscout.webhook;

import dev.microscout.webhook.WebhookViews.AttemptView;
import dev.microscout.webhook.WebhookViews.DeliveryStatus;
import dev.microscout.webhook.WebhookViews.DeliveryView;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox, the deliveries and their attempts, in plain JDBC: the publishing transaction may belong to any
 * organisation (or none) and the dispatcher runs outside requests, so none of this goes through the tenant-filtered
 * entity. Inside a transaction every statement uses the connection enlisted in it.
 */
@ApplicationScoped
public class WebhookDeliveries {

    /** A delivery this instance holds the lease of, with what sending it needs. */
    public record Claimed(UUID deliveryId, int attempts, UUID eventId, String eventType, String payload,
                          OffsetDateTime eventCreatedAt, UUID endpointId, String url, byte[] secret, byte[] previousSecret,
                          OffsetDateTime previousSecretExpiresAt, OffsetDateTime failingSince) {
    }

    @Inject
    AgroalDataSource dataSource;

    // ---- Publishing (inside the caller's transaction) ------------------------------------------------------------

    void insertEvent(UUID id, String type, String organisationId, String payload, OffsetDateTime createdAt) {
        execute("insert into webhook_event (id, type, organisation_id, payload, created_at) values (?, ?, ?, ?::jsonb, ?)",
                id, type, organisationId, payload, createdAt);
    }

    /** One PENDING delivery per enabled endpoint subscribed to the type (of the organisation, or of all for null). */
    int fanOut(UUID eventId, String type, String organisationId) {
        // webhook_endpoint_subscribed_idx serves the subscription test.
        return execute("""
                insert into webhook_delivery (id, event_id, endpoint_id, status, next_attempt_at, created_at)
                select gen_random_uuid(), ?, w.id, 'PENDING', now(), now()
                  from webhook_endpoint w
                 where w.enabled and w.events @> array[?]::varchar(40)[]
                   and (?::varchar is null or w.organisation_id = ?)""", eventId, type, organisationId, organisationId);
    }

    UUID insertDelivery(UUID eventId, UUID endpointId, UUID redeliveryOf) {
        UUID id = UUID.randomUUID();
        execute("""
                insert into webhook_delivery (id, event_id, endpoint_id, redelivery_of, status, next_attempt_at, created_at)
                values (?, ?, ?, ?, 'PENDING', now(), now())""", id, eventId, endpointId, redeliveryOf);
        return id;
    }

    /** Ends every pending delivery of an endpoint that stopped receiving. */
    int failPending(UUID endpointId, String reason) {
        return execute("""
                update webhook_delivery set status = 'FAILED', next_attempt_at = null, completed_at = now(), failure_reason = ?,
                       lease_owner = null, lease_until = null
                 where endpoint_id = ? and status = 'PENDING'""", reason, endpointId);
    }

    // ---- Reading -------------------------------------------------------------------------------------------------

    long count(UUID endpointId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from webhook_delivery where endpoint_id = ?")) {
            s.setObject(1, endpointId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Deliveries could not be counted", e);
        }
    }

    /** A page of an endpoint's deliveries, newest first (webhook_delivery_endpoint_idx), with their attempts. */
    List<DeliveryView> page(UUID endpointId, int page, int size) {
        return select("d.endpoint_id = ? order by d.created_at desc, d.id desc limit ? offset ?",
                endpointId, size, (long) page * size);
    }

    Optional<DeliveryView> find(UUID endpointId, UUID deliveryId) {
        return select("d.endpoint_id = ? and d.id = ?", endpointId, deliveryId).stream().findFirst();
    }

    /** The event a delivery carries, if the delivery belongs to the endpoint. */
    Optional<UUID> eventOf(UUID endpointId, UUID deliveryId) {
        return find(endpointId, deliveryId).map(DeliveryView::eventId);
    }

    private List<DeliveryView> select(String condition, Object... values) {
        String sql = """
                select d.id, d.event_id, e.type, d.status, d.created_at, d.next_attempt_at, d.completed_at, d.failure_reason,
                       d.redelivery_of
                  from webhook_delivery d join webhook_event e on e.id = d.event_id
                """ + " where " + condition;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, values);
             ResultSet r = s.executeQuery()) {
            Map<UUID, DeliveryRow> rows = new LinkedHashMap<>();
            while (r.next()) {
                UUID id = r.getObject(1, UUID.class);
                rows.put(id, new DeliveryRow(id, r.getObject(2, UUID.class), r.getString(3), DeliveryStatus.valueOf(r.getString(4)),
                        r.getObject(5, OffsetDateTime.class), r.getObject(6, OffsetDateTime.class),
                        r.getObject(7, OffsetDateTime.class), r.getString(8), r.getObject(9, UUID.class)));
            }
            Map<UUID, List<AttemptView>> attempts = attempts(c, rows.keySet().toArray(UUID[]::new));
            return rows.values().stream().map(row -> row.view(attempts.getOrDefault(row.id(), List.of()))).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("Deliveries could not be read", e);
        }
    }

    private record DeliveryRow(UUID id, UUID eventId, String type, DeliveryStatus status, OffsetDateTime createdAt,
                               OffsetDateTime nextAttemptAt, OffsetDateTime completedAt, String failureReason, UUID redeliveryOf) {
        DeliveryView view(List<AttemptView> attempts) {
            return new DeliveryView(id, eventId, WebhookMessage.messageId(eventId), type, status, createdAt, nextAttemptAt,
                    completedAt, failureReason, redeliveryOf, attempts);
        }
    }

    private static Map<UUID, List<AttemptView>> attempts(Connection c, UUID[] deliveries) throws SQLException {
        Map<UUID, List<AttemptView>> attempts = new LinkedHashMap<>();
        if (deliveries.length == 0) {
            return attempts;
        }
        try (PreparedStatement s = c.prepareStatement("""
                select delivery_id, attempt, attempted_at, status_code, error, duration_ms
                  from webhook_attempt where delivery_id = any(?) order by delivery_id, attempt""")) {
            s.setArray(1, c.createArrayOf("uuid", deliveries));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    attempts.computeIfAbsent(r.getObject(1, UUID.class), id -> new ArrayList<>()).add(new AttemptView(
                            r.getInt(2), r.getObject(3, OffsetDateTime.class), (Integer) r.getObject(4), r.getString(5), r.getLong(6)));
                }
            }
        }
        return attempts;
    }

    // ---- Dispatching (own transactions) ----------------------------------------------------------------------------

    /**
     * Leases up to {@code limit} due deliveries of enabled endpoints to {@code owner}, in order of their due time.
     * SKIP LOCKED lets instances claim side by side without waiting for one another or claiming one delivery twice;
     * the lease keeps a claimed delivery from being claimed again until it expires (its instance stopped).
     */
    List<Claimed> claim(UUID owner, int limit, Duration lease) {
        String sql = """
                with due as (
                    select d.id
                      from webhook_delivery d join webhook_endpoint w on w.id = d.endpoint_id and w.enabled
                     where d.status = 'PENDING' and d.next_attempt_at <= now()
                       and (d.lease_until is null or d.lease_until < now())
                     order by d.next_attempt_at
                     limit ?
                       for update of d skip locked)
                update webhook_delivery d
                   set lease_owner = ?, lease_until = now() + make_interval(secs => ?)
                  from due, webhook_event e, webhook_endpoint w
                 where d.id = due.id and e.id = d.event_id and w.id = d.endpoint_id
                returning d.id, d.attempts, e.id, e.type, e.payload::text, e.created_at, w.id, w.url, w.secret,
                          w.previous_secret, w.previous_secret_expires_at, w.failing_since""";
        List<Claimed> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = prepare(c, sql, limit, owner, lease.toMillis() / 1000.0);
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                claimed.add(new Claimed(r.getObject(1, UUID.class), r.getInt(2), r.getObject(3, UUID.class), r.getString(4),
                        r.getString(5), r.getObject(6, OffsetDateTime.class), r.getObject(7, UUID.class), r.getString(8),
                        r.getBytes(9), r.getBytes(10), r.getObject(11, OffsetDateTime.class), r.getObject(12, OffsetDateTime.class)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Due deliveries could not be claimed", e);
        }
        return claimed;
    }

    /** Gives unsent claims back (at shutdown), so that another instance may send them at once. */
    void release(UUID owner, List<UUID> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update webhook_delivery set lease_owner = null, lease_until = null "
                     + "where id = any(?) and lease_owner = ?")) {
            s.setArray(1, c.createArrayOf("uuid", deliveries.toArray()));
            s.setObject(2, owner);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Claims could not be released", e);
        }
    }

    /**
     * Logs the attempt and moves the delivery on, in the caller's transaction; nothing happens when this instance no
     * longer holds the lease (the delivery was deleted, or its endpoint disabled meanwhile).
     *
     * @return whether the attempt was recorded
     */
    boolean record(Claimed claimed, UUID owner, DeliveryPolicy.Attempt attempt, DeliveryPolicy.Decision outcome) {
        int logged = execute("""
                insert into webhook_attempt (delivery_id, attempt, attempted_at, status_code, error, duration_ms)
                select id, attempts + 1, ?, ?, ?, ? from webhook_delivery where id = ? and lease_owner = ?""",
                Timestamp.from(attempt.at()), attempt.statusCode(), attempt.error(), attempt.durationMs(),
                claimed.deliveryId(), owner);
        if (logged == 0) {
            return false;
        }
        boolean done = outcome.status() != DeliveryStatus.PENDING;
        execute("""
                update webhook_delivery set attempts = attempts + 1, status = ?, next_attempt_at = ?, completed_at = ?,
                       lease_owner = null, lease_until = null
                 where id = ?""", outcome.status().name(), done ? null : Timestamp.from(outcome.nextAttemptAt()),
                done ? Timestamp.from(attempt.at()) : null, claimed.deliveryId());
        if (outcome.status() == DeliveryStatus.SUCCEEDED) {
            execute("update webhook_endpoint set failing_since = null where id = ? and failing_since is not null", claimed.endpointId());
        } else {
            execute("update webhook_endpoint set failing_since = coalesce(failing_since, ?) where id = ?",
                    Timestamp.from(attempt.at()), claimed.endpointId());
        }
        if (outcome.disableEndpoint() != null && execute("""
                update webhook_endpoint set enabled = false, disabled_reason = ?, disabled_at = now(), updated_at = now(),
                       version = version + 1
                 where id = ? and enabled""", outcome.disableEndpoint(), claimed.endpointId()) == 1) {
            failPending(claimed.endpointId(), "The endpoint was disabled: " + outcome.disableEndpoint());
        }
        return true;
    }

    /** Deliveries waiting, and when the oldest of them was queued (null when none waits). */
    record Backlog(long pending, OffsetDateTime oldestQueuedAt) {
    }

    Backlog backlog() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*), min(created_at) from webhook_delivery where status = 'PENDING'");
             ResultSet r = s.executeQuery()) {
            r.next();
            return new Backlog(r.getLong(1), r.getObject(2, OffsetDateTime.class));
        } catch (SQLException e) {
            throw new IllegalStateException("The webhook backlog could not be read", e);
        }
    }

    /** Drops events older than {@code before} none of whose deliveries is still pending (with their deliveries). */
    int purge(Instant before) {
        return execute("""
                delete from webhook_event e where e.created_at < ?
                   and not exists (select 1 from webhook_delivery d where d.event_id = e.id and d.status = 'PENDING')""",
                Timestamp.from(before));
    }

    // ---- JDBC ------------------------------------------------------------------------------------------------------

    private int execute(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, values)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("A webhook statement failed: " + sql.lines().findFirst().orElse(sql).trim(), e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... values) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                s.setNull(i + 1, Types.OTHER);
            } else if (v instanceof String text) {
                s.setString(i + 1, text);
            } else {
                s.setObject(i + 1, v);
            }
        }
        return s;
    }
}
