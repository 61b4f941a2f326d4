package dev.microscout.webhook;

import dev.microscout.support.Organisations;
import dev.microscout.support.WebhookReceiver;
import dev.microscout.support.WebhookReceiver.Received;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** From a committed change to the receiver's 2xx: 100 events a second for 3 seconds, p95 under a second. */
@QuarkusTest
class WebhookLatencyTest {

    private static final int EVENTS = 300;
    private static final Duration EVERY = Duration.ofMillis(10);

    @Inject
    WebhookOutbox outbox;

    @Test
    void aHundredEventsASecondReachTheReceiverWithinASecondAtP95() {
        Organisations.Organisation organisation = Organisations.create();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Webhooks.Registered hook = Webhooks.register(given().header("X-API-Key", organisation.admin()), receiver.url(),
                    "import.completed");
            Map<String, Instant> committed = new ConcurrentHashMap<>();
            Instant start = Instant.now();
            for (int i = 0; i < EVENTS; i++) {
                Instant due = start.plus(EVERY.multipliedBy(i));
                while (Instant.now().isBefore(due)) {
                    Thread.onSpinWait();
                }
                UUID event = QuarkusTransaction.requiringNew().call(() -> outbox.publish("import.completed",
                        UUID.fromString(organisation.id()), Map.of("importId", UUID.randomUUID(), "status", "DONE")));
                committed.put(WebhookMessage.messageId(event), Instant.now());
            }
            List<Received> received = receiver.await(EVENTS, WebhookReceiver.ofType("import.completed"), Duration.ofSeconds(30));
            List<Long> latencies = new ArrayList<>();
            for (Received r : received) {
                latencies.add(Duration.between(committed.get(r.header("webhook-id")), r.at()).toMillis());
            }
            latencies.sort(Long::compare);
            long p95 = latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1);
            System.out.printf("WebhookLatencyTest: %d events in %d ms, commit to receipt p50 %d ms, p95 %d ms, max %d ms%n",
                    EVENTS, Duration.between(start, Instant.now()).toMillis(), latencies.get(latencies.size() / 2), p95,
                    latencies.get(latencies.size() - 1));
            assertEquals(EVENTS, received.size());
            assertTrue(p95 < 1000, "p95 " + p95 + " ms");
            given().header("X-API-Key", organisation.admin()).delete("/api/v1/webhooks/" + hook.id()).then().statusCode(204);
        }
    }
}
