package dev.microscout.webhook;

import dev.microscout.support.ServiceProcess;
import dev.microscout.support.WebhookReceiver;
import dev.microscout.support.WebhookReceiver.Received;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service in the prod profile, stopped and started again: an event committed while its receiver is down
 * outlives the restart and reaches the receiver exactly once when it is back. The prod rules for URLs hold, with the
 * receiver's host on the allow-list.
 */
class WebhookRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void anEventWrittenWhileTheReceiverIsDownIsDeliveredOnceAfterARestart() throws Exception {
        WebhookReceiver receiver = WebhookReceiver.onPort(WebhookReceiver.freePort());
        try (ServiceProcess.Database db = ServiceProcess.Database.start("webhook-restart");
             ServiceProcess service = ServiceProcess.with(db).name("webhook-restart")
                     .property("microscout.webhooks.allowed-hosts", "127.0.0.1")
                     // Retries every 2 s, for a minute: the delivery is still pending when the service is back.
                     .property("microscout.webhooks.retry-schedule", String.join(",", java.util.Collections.nCopies(30, "2s")))
                     .start()) {
            String admin = adminKey(service);

            // The prod rules: https only, and never an address of the service's own machine or network.
            refused(service, admin, "https://localhost/hooks", "a loopback address");
            refused(service, admin, "https://10.1.2.3/hooks", "a private address");
            refused(service, admin, "http://crm.kopisenja.example/hooks", "must use https");

            String webhookId = api(service, admin).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "events", List.of("channel.tier_changed")))
                    .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("webhook.id");
            String channelId = raiseFollowersAcrossTheMicroThreshold(service, admin);

            // Tried while nothing listens: the connection is refused and a retry is scheduled.
            JsonPath pending = awaitDelivery(service, admin, webhookId, d -> d.getList("attempts").size() >= 1);
            assertEquals("PENDING", pending.getString("status"));
            assertEquals("connection refused", pending.getString("attempts[0].error"));

            service.stop();
            service.start();
            receiver.listen();

            Predicate<Received> ours = r -> r.body().contains(channelId);
            Received delivered = receiver.await(1, ours, WAIT).get(0);
            JsonPath done = awaitDelivery(service, admin, webhookId, d -> d.getString("status").equals("SUCCEEDED"));
            // SUCCEEDED is final: no attempt can follow, so what arrived now is all that ever arrives.
            assertEquals(1, receiver.received().stream().filter(ours).count(), "delivered more than once");
            assertEquals(pending.getString("messageId"), delivered.header("webhook-id"));
            List<Integer> statuses = done.getList("attempts.statusCode", Integer.class);
            assertEquals(204, statuses.get(statuses.size() - 1));
            assertEquals(1, statuses.stream().filter(s -> s != null && s / 100 == 2).count());
            assertTrue(service.logText().contains("Installed features"), "the log is kept across runs");
        } finally {
            receiver.close();
        }
    }

    private static String raiseFollowersAcrossTheMicroThreshold(ServiceProcess service, String key) {
        JsonPath created = api(service, key).contentType(ContentType.JSON).body(Map.of("displayName", "Restart Check", "country", "ID",
                        "channels", List.of(Map.of("platform", "INSTAGRAM", "handle", "restart." + UUID.randomUUID().toString().substring(0, 8),
                                "followers", 9_000))))
                .when().post("/api/v1/influencers").then().statusCode(201).extract().jsonPath();
        String path = "/api/v1/influencers/" + created.getString("id") + "/channels/" + created.getString("channels[0].id");
        String etag = api(service, key).when().get(path).then().statusCode(200).extract().header("ETag");
        api(service, key).header("If-Match", etag).contentType("application/merge-patch+json").body("{\"followers\": 12000}")
                .when().patch(path).then().statusCode(200);
        return created.getString("channels[0].id");
    }

    private static void refused(ServiceProcess service, String key, String url, String reason) {
        api(service, key).contentType(ContentType.JSON).body(Map.of("url", url, "events", List.of("incident.created")))
                .when().post("/api/v1/webhooks").then().statusCode(400)
                .body("errors.field", hasItem("url")).body("errors[0].message", containsString(reason));
    }

    private static JsonPath awaitDelivery(ServiceProcess service, String key, String webhookId, Predicate<JsonPath> done) {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            JsonPath page = api(service, key).when().get("/api/v1/webhooks/" + webhookId + "/deliveries").then().statusCode(200)
                    .extract().jsonPath();
            if (page.getInt("total") > 0) {
                JsonPath delivery = JsonPath.from(page.prettify()).setRootPath("items[0]");
                if (done.test(delivery)) {
                    return delivery;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The delivery never reached the expected state: " + page.prettify());
            }
            Webhooks.pause();
        }
    }

    /** An ADMIN key of a new organisation, made with the operators' key. */
    private static String adminKey(ServiceProcess service) {
        String organisation = api(service, ServiceProcess.BOOTSTRAP_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", "Restart " + UUID.randomUUID())).when().post("/api/v1/organisations")
                .then().statusCode(201).extract().path("id");
        return api(service, ServiceProcess.BOOTSTRAP_KEY).contentType(ContentType.JSON).body(Map.of("name", "admin", "role", "ADMIN"))
                .when().post("/api/v1/organisations/" + organisation + "/api-keys").then().statusCode(201).extract().path("key");
    }

    private static RequestSpecification api(ServiceProcess service, String key) {
        return given().baseUri(service.baseUri().toString()).header("X-API-Key", key);
    }
}
