package dev.microscout.security;

import dev.microscout.support.TestKeys;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SecretsAndKeysTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    SecuritySeeder seeder;

    @Test
    void aReplayedKeyCreationSaysTheKeyWasIssuedAndNeverShowsItsSecretAgain() throws SQLException {
        String[] org = OrganisationsAndKeysTest.newOrganisation();
        String idempotencyKey = "key-" + UUID.randomUUID();
        var first = given().header("X-API-Key", org[1]).header("Idempotency-Key", idempotencyKey).contentType(ContentType.JSON)
                .body(Map.of("name", "CRM", "role", "EDITOR"))
                .when().post("/api/v1/organisations/" + org[0] + "/api-keys").then().statusCode(201).extract();
        String secret = first.<String>path("key").substring(13);
        String id = first.path("id");

        given().header("X-API-Key", org[1]).header("Idempotency-Key", idempotencyKey).contentType(ContentType.JSON)
                .body(Map.of("name", "CRM", "role", "EDITOR"))
                .when().post("/api/v1/organisations/" + org[0] + "/api-keys").then().statusCode(409)
                .contentType("application/problem+json")
                .header("Idempotent-Replayed", "true")
                .body("type", is("https://microscout.dev/problems/secret-already-issued"))
                .body("issuedId", is(id))
                .body("detail", containsString(id))
                .body(not(containsString(secret)));

        // Nothing kept anywhere holds the secret: not the idempotency record, not the audit trail.
        for (String table : List.of("idempotency_record", "audit_event", "api_key")) {
            assertFalse(anyRowContains(table, secret), table + " holds the secret");
        }
    }

    @Test
    void aKeyInTwoHeadersOrTheHeaderTwiceIsA400NamingTheHeader() {
        given().header("X-API-Key", TestKeys.VIEWER).header("X-API-Key", TestKeys.ADMIN)
                .when().get("/api/v1/tiers").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("X-API-Key"));
        given().header("X-API-Key", TestKeys.VIEWER + "," + TestKeys.ADMIN)
                .when().get("/api/v1/tiers").then().statusCode(400).body("errors[0].field", is("X-API-Key"));
        given().header("X-API-Key", TestKeys.VIEWER).header("Authorization", "Bearer " + TestKeys.ADMIN)
                .when().get("/api/v1/tiers").then().statusCode(400).body("errors[0].field", is("X-API-Key"));
        given().header("Authorization", "Bearer " + TestKeys.VIEWER).header("Authorization", "Bearer " + TestKeys.ADMIN)
                .when().get("/api/v1/tiers").then().statusCode(400).body("errors[0].field", is("Authorization"));
    }

    @Test
    void keysOfTheOperatorsOrganisationHaveTheRoleTheyWereGiven() throws SQLException {
        UUID operators = operatorsOrganisation();
        String viewer = newKey(operators, "VIEWER");
        String admin = newKey(operators, "ADMIN");
        given().header("X-API-Key", viewer).when().get("/api/v1/tiers").then().statusCode(200);
        given().header("X-API-Key", viewer).contentType(ContentType.JSON).body(Map.of("name", "Made by a viewer " + UUID.randomUUID()))
                .when().post("/api/v1/organisations").then().statusCode(403);
        given().header("X-API-Key", admin).contentType(ContentType.JSON).body(Map.of("name", "Made by an admin " + UUID.randomUUID()))
                .when().post("/api/v1/organisations").then().statusCode(403);
        given().header("X-API-Key", TestKeys.OPERATOR).contentType(ContentType.JSON).body(Map.of("name", "Made by the operator " + UUID.randomUUID()))
                .when().post("/api/v1/organisations").then().statusCode(201);
    }

    @Test
    void aNewBootstrapKeyRevokesTheOldOneAndIsNeverLoggedInFull() throws SQLException {
        String replacement = ApiKeyFormat.generate();
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(SecuritySeeder.class.getName());
        log.addHandler(capture);
        try {
            QuarkusTransaction.requiringNew().run(() -> seeder.installBootstrapKey(replacement, false));
            given().header("X-API-Key", TestKeys.OPERATOR).when().get("/api/v1/tiers").then().statusCode(401);
            given().header("X-API-Key", replacement).contentType(ContentType.JSON).body(Map.of("name", "Rotated " + UUID.randomUUID()))
                    .when().post("/api/v1/organisations").then().statusCode(201);
        } finally {
            log.removeHandler(capture);
            // Back to the test suite's bootstrap key; installing it again revokes the replacement.
            execute("update api_key set revoked_at = null where prefix = '" + ApiKeyFormat.prefixOf(TestKeys.OPERATOR) + "'");
            QuarkusTransaction.requiringNew().run(() -> seeder.installBootstrapKey(TestKeys.OPERATOR, false));
        }
        given().header("X-API-Key", replacement).when().get("/api/v1/tiers").then().statusCode(401);
        given().header("X-API-Key", TestKeys.OPERATOR).when().get("/api/v1/tiers").then().statusCode(200);
        String secret = replacement.substring(13);
        assertTrue(logged.stream().anyMatch(line -> line.contains(ApiKeyFormat.prefixOf(replacement))), "the new key is logged by prefix: " + logged);
        assertTrue(logged.stream().noneMatch(line -> line.contains(secret)), "a configured key's secret reached the log: " + logged);
    }

    private String newKey(UUID organisation, String role) {
        return given().header("X-API-Key", TestKeys.OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("name", role.toLowerCase() + " of the operators", "role", role))
                .when().post("/api/v1/organisations/" + organisation + "/api-keys").then().statusCode(201).extract().path("key");
    }

    private UUID operatorsOrganisation() throws SQLException {
        try (Connection c = dataSource.getConnection();
             ResultSet r = c.createStatement().executeQuery("select id from organisation where operator")) {
            assertTrue(r.next());
            return r.getObject(1, UUID.class);
        }
    }

    private boolean anyRowContains(String table, String text) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from " + table + " t where t::text like ?")) {
            s.setString(1, "%" + text + "%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertEquals(1, c.createStatement().executeUpdate(sql));
        }
    }
}
