package dev.microscout.webhook;

import dev.microscout.support.Organisations;
import dev.microscout.support.TestKeys;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Registering and managing webhook endpoints: secrets shown once, validation, tenancy, roles, If-Match. */
@QuarkusTest
class WebhookApiTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theSecretIsShownAtRegistrationAndRotationOnlyAndKeptNowhereInClear() throws Exception {
        String idempotencyKey = "wh-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("url", "https://crm.kopisenja.example/hooks", "events", List.of("channel.tier_changed"),
                "description", "CRM");
        var created = given().header("Idempotency-Key", idempotencyKey).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/webhooks").then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{32}"))
                .body("webhook.url", is("https://crm.kopisenja.example/hooks"))
                .body("webhook.events", is(List.of("channel.tier_changed")))
                .body("webhook.enabled", is(true))
                .extract();
        String id = created.path("webhook.id");
        String secret = created.path("secret");
        String location = created.header("Location");
        try {
            org.hamcrest.MatcherAssert.assertThat(location, endsWith("/api/v1/webhooks/" + id));
            given().when().get("/api/v1/webhooks/" + id).then().statusCode(200).header("ETag", "\"0\"")
                    .body("id", is(id)).body("$", not(org.hamcrest.Matchers.hasKey("secret")))
                    .body(not(containsString(secret.substring(6))));
            given().when().get("/api/v1/webhooks?size=100").then().statusCode(200)
                    .body("items.id", hasItem(id)).body(not(containsString(secret.substring(6))));
            // A replay never shows the secret again.
            given().header("Idempotency-Key", idempotencyKey).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/webhooks").then().statusCode(409).contentType(PROBLEM)
                    .body("type", is("https://microscout.dev/problems/secret-already-issued"))
                    .body("issuedId", is(id)).body(not(containsString(secret.substring(6))));

            String rotationKey = "rot-" + UUID.randomUUID();
            String rotated = given().header("Idempotency-Key", rotationKey).when().post("/api/v1/webhooks/" + id + "/secret/rotate")
                    .then().statusCode(200).header("ETag", "\"1\"")
                    .body("webhookId", is(id)).body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{32}"))
                    .body("previousSecretExpiresAt", not(nullValue())).body("version", is(1))
                    .extract().path("secret");
            given().header("Idempotency-Key", rotationKey).when().post("/api/v1/webhooks/" + id + "/secret/rotate")
                    .then().statusCode(409).body("type", is("https://microscout.dev/problems/secret-already-issued"))
                    .body(not(containsString(rotated.substring(6))));

            for (String table : List.of("audit_event", "idempotency_record", "webhook_endpoint")) {
                for (String shown : List.of(secret, rotated)) {
                    assertFalse(anyRowContains(table, shown.substring(6)), table + " holds a secret in clear");
                }
            }
        } finally {
            Webhooks.delete(id);
        }
    }

    @Test
    void invalidRegistrationsAre400NamingTheFieldAndTheValue() {
        refused(Map.of("events", List.of("channel.tier_changed")), "url", "must not be blank");
        refused(Map.of("url", "ftp://crm.kopisenja.example/in", "events", List.of("import.completed")), "url",
                "must be an absolute http or https URL");
        refused(Map.of("url", "crm.kopisenja.example/in", "events", List.of("import.completed")), "url",
                "must be an absolute http or https URL");
        refused(Map.of("url", "https://bot:hunter2@crm.kopisenja.example/in", "events", List.of("import.completed")), "url",
                "must not carry a user name or password");
        refused(Map.of("url", "https://crm.kopisenja.example/in", "events", List.of()), "events", "must not be empty");
        refused(Map.of("url", "https://crm.kopisenja.example/in"), "events", "must not be empty");
        given().contentType(ContentType.JSON)
                .body(Map.of("url", "https://crm.kopisenja.example/in", "events", List.of("import.completed", "channel.created")))
                .when().post("/api/v1/webhooks").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("events[1]"))
                .body("errors[0].message", containsString("channel.created"))
                .body("errors[0].message", containsString("channel.tier_changed, import.completed, incident.created, campaign.status_changed"));
    }

    private static void refused(Map<String, Object> body, String field, String message) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/webhooks").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(field)).body("errors.message", hasItem(message));
    }

    @Test
    void anotherOrganisationsEndpointDoesNotExistForYou() {
        Webhooks.Registered mine = Webhooks.register("https://crm.kopisenja.example/hooks", "incident.created");
        String delivery = Webhooks.sendTest(mine.id());
        Organisations.Organisation other = Organisations.create();
        try {
            String path = "/api/v1/webhooks/" + mine.id();
            given().header("X-API-Key", other.admin()).when().get(path).then().statusCode(404).contentType(PROBLEM);
            given().header("X-API-Key", other.admin()).header("If-Match", "*").contentType(MERGE_PATCH).body("{\"enabled\": false}")
                    .when().patch(path).then().statusCode(404);
            given().header("X-API-Key", other.admin()).when().delete(path).then().statusCode(404);
            given().header("X-API-Key", other.admin()).when().get(path + "/deliveries").then().statusCode(404);
            given().header("X-API-Key", other.admin()).when().get(path + "/deliveries/" + delivery).then().statusCode(404);
            given().header("X-API-Key", other.admin()).when().post(path + "/deliveries/" + delivery + "/redeliver").then().statusCode(404);
            given().header("X-API-Key", other.admin()).when().post(path + "/test").then().statusCode(404);
            given().header("X-API-Key", other.admin()).when().post(path + "/secret/rotate").then().statusCode(404);
            given().header("X-API-Key", other.admin()).when().get("/api/v1/webhooks").then().statusCode(200)
                    .body("total", is(0)).body("items", is(List.of()));
            // Still there, unchanged, for its owner.
            given().when().get(path).then().statusCode(200).body("enabled", is(true)).body("version", is(0));
        } finally {
            Webhooks.delete(mine.id());
        }
    }

    @Test
    void viewersAndEditorsMayNotTouchWebhooks() {
        Webhooks.Registered mine = Webhooks.register("https://crm.kopisenja.example/hooks", "incident.created");
        try {
            for (String key : List.of(TestKeys.VIEWER, TestKeys.EDITOR)) {
                given().header("X-API-Key", key).when().get("/api/v1/webhooks").then().statusCode(403).contentType(PROBLEM);
                given().header("X-API-Key", key).when().get("/api/v1/webhooks/" + mine.id()).then().statusCode(403);
                given().header("X-API-Key", key).contentType(ContentType.JSON)
                        .body(Map.of("url", "https://crm.kopisenja.example/x", "events", List.of("incident.created")))
                        .when().post("/api/v1/webhooks").then().statusCode(403);
                given().header("X-API-Key", key).when().post("/api/v1/webhooks/" + mine.id() + "/secret/rotate").then().statusCode(403);
            }
        } finally {
            Webhooks.delete(mine.id());
        }
    }

    @Test
    void changesNeedACurrentIfMatchAndDisablingStopsTestsUntilEnabledAgain() {
        Webhooks.Registered mine = Webhooks.register("https://crm.kopisenja.example/hooks", "incident.created");
        String path = "/api/v1/webhooks/" + mine.id();
        try {
            given().contentType(MERGE_PATCH).body("{\"description\": \"x\"}").when().patch(path).then().statusCode(428);
            given().header("If-Match", "\"0\"").contentType(MERGE_PATCH)
                    .body("{\"events\": [\"incident.created\", \"channel.tier_changed\", \"incident.created\"], \"description\": \"Brand safety\"}")
                    .when().patch(path).then().statusCode(200).header("ETag", "\"1\"")
                    .body("events", is(List.of("incident.created", "channel.tier_changed"))).body("description", is("Brand safety"));
            given().header("If-Match", "\"0\"").contentType(MERGE_PATCH).body("{\"description\": \"lost update\"}")
                    .when().patch(path).then().statusCode(412).contentType(PROBLEM);
            // Nothing changes, so neither does the version.
            given().header("If-Match", "\"1\"").contentType(MERGE_PATCH).body("{\"description\": \"Brand safety\"}")
                    .when().patch(path).then().statusCode(200).header("ETag", "\"1\"");
            given().header("If-Match", "\"1\"").contentType(MERGE_PATCH).body("{\"url\": \"gopher://old.example\"}")
                    .when().patch(path).then().statusCode(400).body("errors[0].field", is("url"));

            given().header("If-Match", "\"1\"").contentType(MERGE_PATCH).body("{\"enabled\": false}")
                    .when().patch(path).then().statusCode(200).header("ETag", "\"2\"")
                    .body("enabled", is(false)).body("disabledReason", is("Disabled by an ADMIN of the organisation"))
                    .body("disabledAt", not(nullValue()));
            given().when().post(path + "/test").then().statusCode(409).contentType(PROBLEM)
                    .body("detail", containsString("is disabled"));
            given().header("If-Match", "\"2\"").contentType(MERGE_PATCH).body("{\"enabled\": true}")
                    .when().patch(path).then().statusCode(200)
                    .body("enabled", is(true)).body("disabledReason", nullValue()).body("disabledAt", nullValue());
            given().when().post(path + "/test").then().statusCode(202).body("eventType", is("webhook.test"))
                    .body("status", is("PENDING")).header("Location", containsString(path + "/deliveries/"));
            given().when().get(path + "/deliveries").then().statusCode(200).body("total", is(1))
                    .body("items.eventType", everyItem(is("webhook.test")));
        } finally {
            Webhooks.delete(mine.id());
        }
        given().when().get(path).then().statusCode(404);
    }

    private boolean anyRowContains(String table, String text) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from " + table + " t where t::text like ?")) {
            s.setString(1, "%" + text + "%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        }
    }
}
