package dev.microscout.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscout.common.Conflict;
import dev.microscout.common.Etags;
import dev.microscout.common.InvalidInput;
import dev.microscout.common.MergePatch;
import dev.microscout.common.NotFound;
import dev.microscout.webhook.WebhookViews.DeliveryPage;
import dev.microscout.webhook.WebhookViews.DeliveryView;
import dev.microscout.webhook.WebhookViews.WebhookChange;
import dev.microscout.webhook.WebhookViews.WebhookCreate;
import dev.microscout.webhook.WebhookViews.WebhookCreated;
import dev.microscout.webhook.WebhookViews.WebhookPage;
import dev.microscout.webhook.WebhookViews.WebhookSecretRotated;
import dev.microscout.webhook.WebhookViews.WebhookView;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An organisation's webhook endpoints. They are tenant-owned: every query sees the caller's organisation only, so
 * another organisation's endpoint answers 404 like one that does not exist.
 */
@ApplicationScoped
public class WebhookService {

    static final String DISABLED_BY_ADMIN = "Disabled by an ADMIN of the organisation";

    @Inject
    WebhookRules rules;
    @Inject
    WebhookConfig config;
    @Inject
    WebhookDeliveries deliveries;
    @Inject
    WebhookOutbox outbox;
    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;

    @Transactional
    public WebhookCreated create(WebhookCreate body) {
        String url = checkedUrl(body.url());
        OffsetDateTime now = now();
        String secret = WebhookSignature.newSecret();
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.url = url;
        endpoint.events = distinct(body.events());
        endpoint.description = blankToNull(body.description());
        endpoint.enabled = true;
        endpoint.secret = rules.secrets().seal(secret, endpoint.id);
        endpoint.createdAt = now;
        endpoint.updatedAt = now;
        endpoint.persist();
        return new WebhookCreated(view(endpoint), secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookPage list(int page, int size) {
        var query = WebhookEndpoint.<WebhookEndpoint>findAll(Sort.by("createdAt").and("id"));
        long total = query.count();
        return new WebhookPage(query.page(Page.of(page, size)).list().stream().map(WebhookService::view).toList(), page, size, total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookView get(UUID id) {
        return view(load(id));
    }

    /** JSON Merge Patch of url, events, description and enabled, guarded by If-Match. */
    @Transactional
    public WebhookView patch(UUID id, String ifMatch, JsonNode patch) {
        WebhookEndpoint endpoint = load(id);
        Etags.requireMatch(ifMatch, endpoint.version);
        WebhookChange current = change(endpoint);
        WebhookChange changed = MergePatch.applyTo(current, patch, WebhookChange.class, json, validator);
        changed = new WebhookChange(changed.url().trim(), changed.events().stream().distinct().toList(), blankToNull(changed.description()),
                changed.enabled());
        if (changed.equals(current)) {
            // Nothing changes, so neither does the version: an ETag held by another client stays good.
            return view(endpoint);
        }
        if (!changed.url().equals(endpoint.url)) {
            endpoint.url = checkedUrl(changed.url());
        }
        endpoint.events = changed.events().stream().map(WebhookEventType::type).toArray(String[]::new);
        endpoint.description = changed.description();
        OffsetDateTime now = now();
        if (endpoint.enabled != changed.enabled()) {
            endpoint.enabled = changed.enabled();
            endpoint.disabledAt = endpoint.enabled ? null : now;
            endpoint.disabledReason = endpoint.enabled ? null : DISABLED_BY_ADMIN;
            endpoint.failingSince = null;
            if (!endpoint.enabled) {
                deliveries.failPending(endpoint.id, "The endpoint was disabled: " + DISABLED_BY_ADMIN);
            }
        }
        endpoint.updatedAt = now;
        WebhookEndpoint.flush();
        return view(endpoint);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        WebhookEndpoint endpoint = load(id);
        if (ifMatch != null && !ifMatch.isBlank()) {
            Etags.requireMatch(ifMatch, endpoint.version);
        }
        endpoint.delete();
        WebhookEndpoint.flush();
    }

    /** A new secret; the one it replaces still signs for the configured overlap (24 hours). */
    @Transactional
    public WebhookSecretRotated rotate(UUID id) {
        WebhookEndpoint endpoint = load(id);
        String secret = WebhookSignature.newSecret();
        OffsetDateTime now = now();
        endpoint.previousSecret = endpoint.secret;
        endpoint.previousSecretExpiresAt = now.plus(config.secretOverlap());
        endpoint.secret = rules.secrets().seal(secret, endpoint.id);
        endpoint.updatedAt = now;
        WebhookEndpoint.flush();
        return new WebhookSecretRotated(endpoint.id, secret, endpoint.previousSecretExpiresAt, endpoint.version);
    }

    /** Queues a webhook.test event to this endpoint only. */
    @Transactional
    public DeliveryView sendTest(UUID id) {
        WebhookEndpoint endpoint = requireEnabled(load(id));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("webhookId", endpoint.id);
        data.put("message", "A test event from Microscout: this endpoint receives and verifies webhooks.");
        UUID delivery = outbox.publishTest(endpoint.id, endpoint.organisationId, data);
        return deliveries.find(endpoint.id, delivery).orElseThrow();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DeliveryPage deliveries(UUID id, int page, int size) {
        WebhookEndpoint endpoint = load(id);
        return new DeliveryPage(deliveries.page(endpoint.id, page, size), page, size, deliveries.count(endpoint.id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DeliveryView delivery(UUID id, UUID deliveryId) {
        WebhookEndpoint endpoint = load(id);
        return deliveries.find(endpoint.id, deliveryId).orElseThrow(() -> new NotFound("Delivery", deliveryId));
    }

    /** The delivery's event once more, as a new delivery with the same webhook-id. */
    @Transactional
    public DeliveryView redeliver(UUID id, UUID deliveryId) {
        WebhookEndpoint endpoint = load(id);
        UUID event = deliveries.eventOf(endpoint.id, deliveryId).orElseThrow(() -> new NotFound("Delivery", deliveryId));
        requireEnabled(endpoint);
        UUID delivery = outbox.redeliver(event, endpoint.id, deliveryId);
        return deliveries.find(endpoint.id, delivery).orElseThrow();
    }

    private WebhookEndpoint requireEnabled(WebhookEndpoint endpoint) {
        if (!endpoint.enabled) {
            throw new Conflict("Webhook " + endpoint.id + " is disabled (" + endpoint.disabledReason
                    + "); enable it with PATCH {\"enabled\": true} first", null, Map.of());
        }
        return endpoint;
    }

    private static WebhookEndpoint load(UUID id) {
        // A query, not a load by id: the tenant filter applies to it.
        return WebhookEndpoint.<WebhookEndpoint>find("id", id).firstResultOptional()
                .orElseThrow(() -> new NotFound("Webhook", id));
    }

    private String checkedUrl(String url) {
        String trimmed = url.trim();
        rules.destinations().refusal(trimmed).ifPresent(refusal -> {
            throw new InvalidInput("url", refusal);
        });
        return trimmed;
    }

    private static String[] distinct(List<WebhookEventType> events) {
        return events.stream().filter(Objects::nonNull).distinct().map(WebhookEventType::type).toArray(String[]::new);
    }

    private static List<WebhookEventType> types(String[] events) {
        return Arrays.stream(events).map(e -> WebhookEventType.of(e).orElseThrow()).toList();
    }

    private static WebhookChange change(WebhookEndpoint e) {
        return new WebhookChange(e.url, types(e.events), e.description, e.enabled);
    }

    static WebhookView view(WebhookEndpoint e) {
        return new WebhookView(e.id, e.url, types(e.events), e.description, e.enabled, e.disabledReason, e.disabledAt,
                e.previousSecretExpiresAt, e.createdAt, e.updatedAt, e.version);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
