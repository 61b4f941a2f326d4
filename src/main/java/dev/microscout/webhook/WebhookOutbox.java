package dev.microscout.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * How a feature announces a change to webhook receivers. An event is written to the outbox, with one delivery per
 * subscribed endpoint, in the transaction of the change: it is sent if and only if the change commits, and a stop
 * of the service loses nothing. The dispatcher of this instance is woken when the transaction commits.
 * <pre>{@code
 *   @Inject WebhookOutbox webhooks;
 *   ...
 *   // inside the @Transactional method that finishes the import job:
 *   webhooks.publish("import.completed", job.organisationId, Map.of("importId", job.id, "status", "DONE", ...));
 * }</pre>
 */
@ApplicationScoped
public class WebhookOutbox {

    private static final Object WAKE_AFTER_COMMIT = new Object();

    @Inject
    WebhookDeliveries deliveries;
    @Inject
    ObjectMapper json;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    WebhookDispatcher dispatcher;

    /**
     * Publishes an event in the caller's transaction (there must be one).
     *
     * @param type           one of {@link WebhookEventType}'s type names, e.g. {@code "import.completed"}
     * @param organisationId the organisation that owns what changed, for {@code import.completed} and
     *                       {@code campaign.status_changed}; null for the catalogue-wide {@code channel.tier_changed} and
     *                       {@code incident.created}, which every organisation's subscribed endpoints receive
     * @param data           the event's {@code data}: a record or map, written with the service's JSON mapper; it must
     *                       never name the organisation behind a catalogue-wide change
     * @return the event's id; receivers see it as webhook-id {@code msg_} + the id without dashes
     * @throws IllegalArgumentException for an unknown type, or an organisation that does not fit the type
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String type, UUID organisationId, Object data) {
        WebhookEventType known = WebhookEventType.of(type)
                .orElseThrow(() -> new IllegalArgumentException("Unknown webhook event type " + type));
        if (known.catalogueWide() != (organisationId == null)) {
            throw new IllegalArgumentException(type + (known.catalogueWide()
                    ? " concerns the shared catalogue: publish it for everyone (organisationId null)"
                    : " belongs to one organisation: publish it with that organisation's id"));
        }
        String organisation = organisationId == null ? null : organisationId.toString();
        UUID event = write(type, organisation, data);
        if (deliveries.fanOut(event, type, organisation) > 0) {
            wakeAfterCommit();
        }
        return event;
    }

    /** A webhook.test event to one endpoint only; returns its delivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    UUID publishTest(UUID endpointId, String organisationId, Object data) {
        UUID event = write(WebhookEventType.TEST, organisationId, data);
        UUID delivery = deliveries.insertDelivery(event, endpointId, null);
        wakeAfterCommit();
        return delivery;
    }

    /** The event of a delivery once more to its endpoint, as a new delivery with a fresh retry schedule. */
    @Transactional(Transactional.TxType.MANDATORY)
    UUID redeliver(UUID eventId, UUID endpointId, UUID deliveryId) {
        UUID delivery = deliveries.insertDelivery(eventId, endpointId, deliveryId);
        wakeAfterCommit();
        return delivery;
    }

    private UUID write(String type, String organisationId, Object data) {
        UUID id = UUID.randomUUID();
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The data of a " + type + " event cannot be written as JSON", e);
        }
        deliveries.insertEvent(id, type, organisationId, payload, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        return id;
    }

    private void wakeAfterCommit() {
        if (transactions.getResource(WAKE_AFTER_COMMIT) != null) {
            return;
        }
        transactions.putResource(WAKE_AFTER_COMMIT, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    dispatcher.wake();
                }
            }
        });
    }
}
