package dev.microscout.webhook;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;

/** Webhook calls and checks for tests, written the way a client and a receiver would (no service code). */
final class Webhooks {

    /** An endpoint as registered: its id and its secret. */
    record Registered(String id, String secret) {
    }

    private Webhooks() {
    }

    static Registered register(String url, String... events) {
        return register(given(), url, events);
    }

    static Registered register(RequestSpecification as, String url, String... events) {
        JsonPath created = as.contentType(ContentType.JSON).body(Map.of("url", url, "events", List.of(events)))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
        return new Registered(created.getString("webhook.id"), created.getString("secret"));
    }

    static void delete(String id) {
        given().when().delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    static String sendTest(String webhookId) {
        return given().when().post("/api/v1/webhooks/" + webhookId + "/test").then().statusCode(202).extract().path("id");
    }

    /** Polls a delivery until {@code done} holds for it, or fails at the deadline. */
    static JsonPath awaitDelivery(String webhookId, String deliveryId, Predicate<JsonPath> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            JsonPath delivery = given().when().get("/api/v1/webhooks/" + webhookId + "/deliveries/" + deliveryId)
                    .then().statusCode(200).extract().jsonPath();
            if (done.test(delivery)) {
                return delivery;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Delivery " + deliveryId + " never reached the expected state: " + delivery.prettify());
            }
            pause();
        }
    }

    /** HMAC-SHA256 over id.timestamp.body with the base64-decoded part of the secret after whsec_, as v1,base64. */
    static String expectedSignature(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
