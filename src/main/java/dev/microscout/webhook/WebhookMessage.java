package dev.microscout.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * What one attempt sends: the body {@code {"type", "timestamp", "data"}} (the timestamp is when the event happened,
 * the same in every attempt) and the Standard Webhooks headers, of which only webhook-timestamp (the attempt's time)
 * and so the signatures change between attempts.
 */
public record WebhookMessage(String id, long timestamp, String body, String signature) {

    /** The webhook-id of an event: stable across retries and redeliveries, and free of dots. */
    public static String messageId(UUID eventId) {
        return "msg_" + eventId.toString().replace("-", "");
    }

    public static String body(ObjectMapper json, String type, OffsetDateTime occurredAt, String payload) {
        try {
            ObjectNode body = json.createObjectNode();
            body.put("type", type);
            body.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(occurredAt.toInstant()));
            body.set("data", json.readTree(payload));
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The payload of a webhook event is not JSON", e);
        }
    }

    /** The message signed with each key (the current secret first). */
    public static WebhookMessage of(UUID eventId, long timestamp, String body, List<byte[]> keys) {
        String id = messageId(eventId);
        return new WebhookMessage(id, timestamp, body, WebhookSignature.header(keys, id, timestamp, body));
    }
}
