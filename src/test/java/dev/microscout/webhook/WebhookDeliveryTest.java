package dev.microscout.webhook;

import com.standardwebhooks.Webhook;
import dev.microscout.support.Organisations;
import dev.microscout.support.WebhookReceiver;
import dev.microscout.support.WebhookReceiver.Received;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.microscout.support.Fixtures.channel;
import static dev.microscout.support.Fixtures.create;
import static dev.microscout.support.Fixtures.influencer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deliveries to a receiver on this machine, checked as a receiver would check them: signatures computed here with
 * javax.crypto and verified with the Standard Webhooks reference library, the headers, the body.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    WebhookOutbox outbox;

    @Test
    void aTierChangeReachesASubscribedReceiverSignedAndDescribed() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Webhooks.Registered hook = Webhooks.register(receiver.url(), "channel.tier_changed");
            try {
                String influencerId = create(influencer(channel("INSTAGRAM", 9_500)));
                String channelId = given().get("/api/v1/influencers/" + influencerId).then().extract().path("channels[0].id");
                String channelPath = "/api/v1/influencers/" + influencerId + "/channels/" + channelId;
                String etag = given().get(channelPath).then().extract().header("ETag");
                long before = Instant.now().getEpochSecond();
                given().header("If-Match", etag).contentType("application/merge-patch+json").body("{\"followers\": 10500}")
                        .when().patch(channelPath).then().statusCode(200).body("tier", is("MICRO"));

                Received delivery = receiver.await(1, r -> r.body().contains(channelId), WAIT).get(0);
                String id = delivery.header("webhook-id");
                String timestamp = delivery.header("webhook-timestamp");
                assertTrue(id.matches("msg_[0-9a-f]{32}"), id);
                long sentAt = Long.parseLong(timestamp);
                assertTrue(sentAt >= before - 1 && sentAt <= Instant.now().getEpochSecond() + 1, timestamp);
                assertEquals("application/json", delivery.header("content-type"));
                assertEquals(Webhooks.expectedSignature(hook.secret(), id, timestamp, delivery.body()), delivery.header("webhook-signature"));
                assertDoesNotThrow(() -> new Webhook(hook.secret()).verify(delivery.body(), Map.of("webhook-id", List.of(id),
                        "webhook-timestamp", List.of(timestamp), "webhook-signature", List.of(delivery.header("webhook-signature")))));

                JsonPath body = JsonPath.from(delivery.body());
                assertEquals("channel.tier_changed", body.getString("type"));
                OffsetDateTime.parse(body.getString("timestamp"));
                assertEquals(channelId, body.getString("data.channelId"));
                assertEquals(influencerId, body.getString("data.influencerId"));
                assertEquals("NANO", body.getString("data.fromTier"));
                assertEquals("MICRO", body.getString("data.toTier"));
                assertEquals(10500, body.getInt("data.followers"));
                OffsetDateTime.parse(body.getString("data.changedAt"));

                JsonPath listed = given().get("/api/v1/webhooks/" + hook.id() + "/deliveries").then().statusCode(200).extract().jsonPath();
                String deliveryId = listed.getString("items[0].id");
                JsonPath done = Webhooks.awaitDelivery(hook.id(), deliveryId, d -> d.getString("status").equals("SUCCEEDED"));
                assertEquals(id, done.getString("messageId"));
                assertEquals("channel.tier_changed", done.getString("eventType"));
                assertEquals(1, done.getList("attempts").size());
                assertEquals(204, done.getInt("attempts[0].statusCode"));
            } finally {
                Webhooks.delete(hook.id());
            }
        }
    }

    @Test
    void duringARotationEachDeliveryCarriesASignatureOfEachSecret() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Webhooks.Registered hook = Webhooks.register(receiver.url(), "incident.created");
            try {
                String rotated = given().post("/api/v1/webhooks/" + hook.id() + "/secret/rotate").then().statusCode(200)
                        .extract().path("secret");
                Webhooks.sendTest(hook.id());
                Received delivery = receiver.await(1, WebhookReceiver.ofType("webhook.test"), WAIT).get(0);
                String[] signatures = delivery.header("webhook-signature").split(" ");
                assertEquals(2, signatures.length, delivery.header("webhook-signature"));
                String id = delivery.header("webhook-id");
                String timestamp = delivery.header("webhook-timestamp");
                assertEquals(Webhooks.expectedSignature(rotated, id, timestamp, delivery.body()), signatures[0]);
                assertEquals(Webhooks.expectedSignature(hook.secret(), id, timestamp, delivery.body()), signatures[1]);
                JsonPath body = JsonPath.from(delivery.body());
                assertEquals(hook.id(), body.getString("data.webhookId"));
            } finally {
                Webhooks.delete(hook.id());
            }
        }
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheEventOnTheThirdAttempt() {
        try (WebhookReceiver receiver = WebhookReceiver.start().answer(500, 500)) {
            Webhooks.Registered hook = Webhooks.register(receiver.url(), "incident.created");
            try {
                String deliveryId = Webhooks.sendTest(hook.id());
                JsonPath done = Webhooks.awaitDelivery(hook.id(), deliveryId, d -> d.getString("status").equals("SUCCEEDED"));
                assertEquals(List.of(500, 500, 204), done.getList("attempts.statusCode", Integer.class));
                assertEquals(List.of(1, 2, 3), done.getList("attempts.attempt", Integer.class));
                List<Received> sent = receiver.received();
                assertEquals(3, sent.size());
                // One message: the same webhook-id in every attempt, a second or so apart (the %test schedule).
                assertEquals(1, sent.stream().map(r -> r.header("webhook-id")).distinct().count());
                assertTrue(Duration.between(sent.get(0).at(), sent.get(1).at()).toMillis() >= 700);
                given().get("/q/metrics").then().statusCode(200)
                        .body(containsString("microscout_webhooks_deliveries_total{outcome=\"succeeded\"}"))
                        .body(containsString("microscout_webhooks_deliveries_total{outcome=\"retrying\"}"))
                        .body(containsString("microscout_webhooks_pending "))
                        .body(containsString("microscout_webhooks_oldest_pending_age_seconds "));
            } finally {
                Webhooks.delete(hook.id());
            }
        }
    }

    @Test
    void anEndpointThatAnswers410IsDisabled() {
        try (WebhookReceiver receiver = WebhookReceiver.start().answer(410)) {
            Webhooks.Registered hook = Webhooks.register(receiver.url(), "incident.created");
            try {
                String deliveryId = Webhooks.sendTest(hook.id());
                JsonPath failed = Webhooks.awaitDelivery(hook.id(), deliveryId, d -> d.getString("status").equals("FAILED"));
                assertEquals(List.of(410), failed.getList("attempts.statusCode", Integer.class));
                assertTrue(failed.getString("failureReason").contains("410 Gone"), failed.getString("failureReason"));
                given().get("/api/v1/webhooks/" + hook.id()).then().statusCode(200)
                        .body("enabled", is(false)).body("disabledReason", is("The endpoint answered 410 Gone")).body("version", is(1));
                given().post("/api/v1/webhooks/" + hook.id() + "/test").then().statusCode(409);
            } finally {
                Webhooks.delete(hook.id());
            }
        }
    }

    @Test
    void aDeliveryCanBeSentAgainWithTheSameWebhookId() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Webhooks.Registered hook = Webhooks.register(receiver.url(), "incident.created");
            try {
                String first = Webhooks.sendTest(hook.id());
                Webhooks.awaitDelivery(hook.id(), first, d -> d.getString("status").equals("SUCCEEDED"));
                String again = given().post("/api/v1/webhooks/" + hook.id() + "/deliveries/" + first + "/redeliver")
                        .then().statusCode(202).body("redeliveryOf", is(first)).body("status", is("PENDING"))
                        .extract().path("id");
                Webhooks.awaitDelivery(hook.id(), again, d -> d.getString("status").equals("SUCCEEDED"));
                List<Received> sent = receiver.await(2, WebhookReceiver.ofType("webhook.test"), WAIT);
                assertEquals(sent.get(0).header("webhook-id"), sent.get(1).header("webhook-id"));
                assertEquals(sent.get(0).body(), sent.get(1).body());
                given().post("/api/v1/webhooks/" + hook.id() + "/deliveries/" + UUID.randomUUID() + "/redeliver").then().statusCode(404);
            } finally {
                Webhooks.delete(hook.id());
            }
        }
    }

    @Test
    void aNewIncidentIsDeliveredWithoutNamingItsReporter() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Webhooks.Registered hook = Webhooks.register(receiver.url(), "incident.created");
            try {
                String influencerId = create(influencer(channel("TIKTOK", 20_000)));
                String incidentId = given().contentType(ContentType.JSON)
                        .body(Map.of("kind", "undisclosed-ad", "severity", "HIGH", "occurredOn", "2026-09-14"))
                        .when().post("/api/v1/influencers/" + influencerId + "/incidents").then().statusCode(201).extract().path("id");
                Received delivery = receiver.await(1, r -> r.body().contains(incidentId), WAIT).get(0);
                JsonPath body = JsonPath.from(delivery.body());
                assertEquals("incident.created", body.getString("type"));
                assertEquals(Map.of("incidentId", incidentId, "influencerId", influencerId, "kind", "undisclosed-ad",
                        "severity", "HIGH", "occurredOn", "2026-09-14"), body.getMap("data"));
            } finally {
                Webhooks.delete(hook.id());
            }
        }
    }

    @Test
    void anOrganisationsOwnEventReachesItsEndpointsOnly() {
        Organisations.Organisation owner = Organisations.create();
        Organisations.Organisation other = Organisations.create();
        try (WebhookReceiver ours = WebhookReceiver.start(); WebhookReceiver theirs = WebhookReceiver.start()) {
            Webhooks.Registered mine = Webhooks.register(given().header("X-API-Key", owner.admin()), ours.url(), "import.completed");
            Webhooks.Registered foreign = Webhooks.register(given().header("X-API-Key", other.admin()), theirs.url(), "import.completed");
            UUID importId = UUID.randomUUID();
            QuarkusTransaction.requiringNew().run(() -> outbox.publish("import.completed", UUID.fromString(owner.id()),
                    Map.of("importId", importId, "status", "DONE")));
            Received delivery = ours.await(1, WebhookReceiver.ofType("import.completed"), WAIT).get(0);
            assertTrue(delivery.body().contains(importId.toString()), delivery.body());
            // The fan-out happens with the event, in one transaction: the other organisation has no delivery at all.
            given().header("X-API-Key", other.admin()).get("/api/v1/webhooks/" + foreign.id() + "/deliveries")
                    .then().statusCode(200).body("total", is(0));
            assertTrue(theirs.received().isEmpty());
            given().header("X-API-Key", owner.admin()).delete("/api/v1/webhooks/" + mine.id()).then().statusCode(204);
            given().header("X-API-Key", other.admin()).delete("/api/v1/webhooks/" + foreign.id()).then().statusCode(204);
        }
    }

    @Test
    void publishingNeedsTheCallersTransactionAndATypeThatFitsItsScope() {
        assertThrows(TransactionalException.class, () -> outbox.publish("incident.created", null, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> outbox.publish("channel.created", null, Map.of())));
        assertThrows(IllegalArgumentException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> outbox.publish("import.completed", null, Map.of())));
        assertThrows(IllegalArgumentException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> outbox.publish("channel.tier_changed", UUID.randomUUID(), Map.of())));
    }
}
