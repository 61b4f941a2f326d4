package dev.microscout.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscout.webhook.DeliveryPolicy.Attempt;
import dev.microscout.webhook.WebhookDeliveries.Claimed;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends one attempt of a delivery: checks the destination again, signs, posts, and says how it went. Redirects are
 * not followed (a 3xx is a failure: the endpoint's URL should be updated instead), and an attempt ends after the
 * configured timeout. The response body is never read.
 */
@ApplicationScoped
public class WebhookSender {

    static final String USER_AGENT = "Microscout-Webhooks/1.0";

    @Inject
    WebhookConfig config;
    @Inject
    WebhookRules rules;
    @Inject
    ObjectMapper json;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public Attempt send(Claimed delivery) {
        Instant at = Instant.now();
        long started = System.nanoTime();
        Optional<String> refused = rules.destinations().refusal(delivery.url());
        if (refused.isPresent()) {
            return new Attempt(at, null, limited("url " + refused.get()), 0);
        }
        try {
            List<byte[]> keys = new ArrayList<>();
            keys.add(WebhookSignature.key(rules.secrets().open(delivery.secret(), delivery.endpointId())));
            if (delivery.previousSecret() != null && delivery.previousSecretExpiresAt() != null
                    && delivery.previousSecretExpiresAt().toInstant().isAfter(at)) {
                keys.add(WebhookSignature.key(rules.secrets().open(delivery.previousSecret(), delivery.endpointId())));
            }
            String body = WebhookMessage.body(json, delivery.eventType(), delivery.eventCreatedAt(), delivery.payload());
            WebhookMessage message = WebhookMessage.of(delivery.eventId(), at.getEpochSecond(), body, keys);
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(config.timeout())
                    .header("content-type", "application/json")
                    .header("user-agent", USER_AGENT)
                    .header("webhook-id", message.id())
                    .header("webhook-timestamp", String.valueOf(message.timestamp()))
                    .header("webhook-signature", message.signature())
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // Closing the unread body drops the connection: a receiver cannot hold a sender by streaming an answer.
            response.body().close();
            return new Attempt(at, response.statusCode(), null, millisSince(started), DeliveryPolicy.retryAfter(
                    response.statusCode(), response.headers().firstValue("retry-after").orElse(null), Instant.now()));
        } catch (HttpConnectTimeoutException e) {
            return failed(at, started, "connection timed out after " + config.timeout().toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            return failed(at, started, "no answer within " + config.timeout().toSeconds() + " s");
        } catch (ConnectException e) {
            return failed(at, started, "connection refused");
        } catch (IOException e) {
            return failed(at, started, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(at, started, "interrupted: the service was stopping");
        } catch (RuntimeException e) {
            return failed(at, started, "not sent: " + e.getMessage());
        }
    }

    private static Attempt failed(Instant at, long started, String error) {
        return new Attempt(at, null, limited(error), millisSince(started));
    }

    /** Errors are stored in 500 characters at most. */
    private static String limited(String error) {
        return error.length() <= 500 ? error : error.substring(0, 499) + "…";
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
