package dev.microscout.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.microscout.common.ShownOnce;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** API records of webhooks. */
public final class WebhookViews {
    private WebhookViews() {
    }

    static final String URL_DESCRIPTION = "Where the events are posted: an absolute http or https URL without credentials or "
            + "fragment. In production it must be https and its host must resolve to public addresses only.";

    @Schema(name = "WebhookCreate", description = "A new webhook endpoint.")
    public record WebhookCreate(
            @NotBlank @Size(max = 2000) @Schema(description = URL_DESCRIPTION, required = true, maxLength = 2000,
                    examples = "https://crm.kopisenja.example/hooks/microscout") String url,
            @NotEmpty @Size(max = 4) @Schema(description = "The event types to receive (at least one).", required = true)
            List<@NotNull WebhookEventType> events,
            @Size(max = 500) @Schema(description = "What the endpoint is for.", maxLength = 500, examples = "CRM: tier changes")
            String description) {
    }

    @Schema(name = "WebhookChange", description = "A webhook endpoint as it can be changed (the body a merge patch applies to).")
    public record WebhookChange(
            @NotBlank @Size(max = 2000) @Schema(description = URL_DESCRIPTION, maxLength = 2000) String url,
            @NotEmpty @Size(max = 4) List<@NotNull WebhookEventType> events,
            @Size(max = 500) @Schema(maxLength = 500) String description,
            @NotNull @Schema(description = "false stops deliveries (pending ones fail); true resumes them and clears the "
                    + "reason it was disabled for.") Boolean enabled) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Webhook", description = "A webhook endpoint. Its secret is never shown after the response that issued it.")
    public record WebhookView(
            UUID id,
            @Schema(examples = "https://crm.kopisenja.example/hooks/microscout") String url,
            List<WebhookEventType> events,
            @Schema(examples = "CRM: tier changes") String description,
            boolean enabled,
            @Schema(description = "Why deliveries stopped: the endpoint answered 410 Gone, failed for too long, or an ADMIN "
                    + "disabled it.") String disabledReason,
            OffsetDateTime disabledAt,
            @Schema(description = "Until when the secret replaced by the last rotation still signs (a second v1 signature).")
            OffsetDateTime previousSecretExpiresAt,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            @Schema(examples = "0") long version) {
    }

    @Schema(name = "WebhookCreated", description = "A new webhook endpoint and its signing secret, shown in this response only.")
    public record WebhookCreated(
            WebhookView webhook,
            @Schema(description = "The signing secret (whsec_ + base64 of 24 random bytes); verify each delivery with it.",
                    examples = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD") String secret) implements ShownOnce {
        @Override
        public UUID issuedId() {
            return webhook.id();
        }

        @Override
        public String issuedWhat() {
            return "webhook secret of endpoint";
        }
    }

    @Schema(name = "WebhookSecretRotated", description = "The new signing secret, shown in this response only. Until "
            + "previousSecretExpiresAt every delivery carries a signature with each secret.")
    public record WebhookSecretRotated(
            UUID webhookId,
            @Schema(examples = "whsec_dGhpcyBpcyBub3QgYSByZWFsIHNlY3JldCEh") String secret,
            OffsetDateTime previousSecretExpiresAt,
            @Schema(description = "The endpoint's new version (ETag).", examples = "1") long version) implements ShownOnce {
        @Override
        public UUID issuedId() {
            return webhookId;
        }

        @Override
        public String issuedWhat() {
            return "webhook secret of endpoint";
        }
    }

    @Schema(name = "WebhookPage", description = "One page of webhook endpoints, oldest first.")
    public record WebhookPage(List<WebhookView> items, @Schema(examples = "0") int page, @Schema(examples = "20") int size,
                              @Schema(examples = "2") long total) {
    }

    @Schema(name = "WebhookDeliveryStatus", description = "PENDING: not yet delivered, another attempt is due at nextAttemptAt. "
            + "SUCCEEDED: an attempt was answered 2xx. FAILED: every attempt of the retry schedule failed, or the endpoint was disabled.")
    public enum DeliveryStatus { PENDING, SUCCEEDED, FAILED }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "WebhookAttempt", description = "One attempt of a delivery.")
    public record AttemptView(
            @Schema(examples = "1") int attempt,
            OffsetDateTime attemptedAt,
            @Schema(description = "The HTTP status the endpoint answered; absent when no answer came.", examples = "500")
            Integer statusCode,
            @Schema(description = "Why the attempt failed without an answer (timeout, refused connection, refused address).",
                    examples = "connection refused") String error,
            @Schema(description = "From sending to the answer, in milliseconds.", examples = "84") long durationMs) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "WebhookDelivery", description = "One event to one endpoint, with every attempt.")
    public record DeliveryView(
            UUID id,
            UUID eventId,
            @Schema(description = "The webhook-id header of every attempt (the same for a redelivery of the event).",
                    examples = "msg_5b1f2c3d4e5f40718293a4b5c6d7e8f9") String messageId,
            @Schema(examples = "channel.tier_changed") String eventType,
            DeliveryStatus status,
            OffsetDateTime createdAt,
            @Schema(description = "When the next attempt is due (PENDING only).") OffsetDateTime nextAttemptAt,
            @Schema(description = "When it succeeded or finally failed.") OffsetDateTime completedAt,
            @Schema(description = "Why it failed without another attempt, when that is not the last attempt's answer.")
            String failureReason,
            @Schema(description = "The delivery this one sends again, if any.") UUID redeliveryOf,
            List<AttemptView> attempts) {
    }

    @Schema(name = "WebhookDeliveryPage", description = "One page of an endpoint's deliveries, newest first.")
    public record DeliveryPage(List<DeliveryView> items, @Schema(examples = "0") int page, @Schema(examples = "20") int size,
                               @Schema(examples = "12") long total) {
    }
}
