package dev.microscout.security;

import dev.microscout.support.TestKeys;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
public class OrganisationsAndKeysTest {

    @Inject
    AgroalDataSource dataSource;

    /** Creates an organisation with the operator key and returns (id, admin key). */
    public static String[] newOrganisation() {
        String id = given().header("X-API-Key", TestKeys.OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("name", "Brand " + UUID.randomUUID()))
                .when().post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        String key = given().header("X-API-Key", TestKeys.OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("name", "admin", "role", "ADMIN"))
                .when().post("/api/v1/organisations/" + id + "/api-keys").then().statusCode(201).extract().path("key");
        return new String[]{id, key};
    }

    private static String organisationOf(String key) {
        return given().header("X-API-Key", key).contentType(ContentType.JSON).body(Map.of("name", "probe", "role", "VIEWER"))
                .when().post("/api/v1/organisations/" + UUID.randomUUID() + "/api-keys").then().extract().path("instance");
    }

    @Test
    void onlyOperatorsCreateOrganisations() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Sneaky"))
                .when().post("/api/v1/organisations").then().statusCode(403);
        String[] org = newOrganisation();
        given().header("X-API-Key", org[1]).when().get("/api/v1/organisations/" + org[0])
                .then().statusCode(200).body("id", is(org[0]));
    }

    @Test
    void aCreatedKeyIsShownOnceAndStoredOnlyAsAHash() throws Exception {
        String[] org = newOrganisation();
        var created = given().header("X-API-Key", org[1]).contentType(ContentType.JSON)
                .body(Map.of("name", "CRM sync", "role", "EDITOR"))
                .when().post("/api/v1/organisations/" + org[0] + "/api-keys").then().statusCode(201)
                .body("key", startsWith("msk_")).body("role", is("EDITOR")).extract();
        String key = created.path("key");
        String prefix = created.path("prefix");
        assertTrue(key.length() >= 4 + 8 + 1 + 43, "at least 256 random bits");

        given().header("X-API-Key", org[1]).when().get("/api/v1/organisations/" + org[0] + "/api-keys")
                .then().statusCode(200)
                .body("prefix", hasItem(prefix))
                .body("key", not(hasItem(notNullValue())));

        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select * from api_key where prefix = ?")) {
            s.setString(1, prefix);
            try (ResultSet row = s.executeQuery()) {
                assertTrue(row.next());
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    String value = row.getString(i);
                    assertFalse(value != null && value.contains(key.substring(13)), "column " + row.getMetaData().getColumnName(i) + " holds the secret");
                }
                String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes()));
                assertEquals(sha256, row.getString("key_hash"));
            }
        }
        given().header("X-API-Key", key).when().get("/api/v1/tiers").then().statusCode(200);
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        String[] org = newOrganisation();
        var created = given().header("X-API-Key", org[1]).contentType(ContentType.JSON)
                .body(Map.of("name", "temporary", "role", "VIEWER"))
                .when().post("/api/v1/organisations/" + org[0] + "/api-keys").then().statusCode(201).extract();
        String key = created.path("key");
        given().header("X-API-Key", key).when().get("/api/v1/influencers?size=1").then().statusCode(200);
        given().header("X-API-Key", org[1]).when().delete("/api/v1/organisations/" + org[0] + "/api-keys/" + created.path("id"))
                .then().statusCode(204);
        given().header("X-API-Key", key).when().get("/api/v1/influencers?size=1").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("X-API-Key", org[1]).when().get("/api/v1/organisations/" + org[0] + "/api-keys")
                .then().body("find { it.id == '" + created.path("id") + "' }.revokedAt", notNullValue());
    }

    @Test
    void anotherOrganisationsResourcesAreNotFoundNeverForbidden() {
        String[] a = newOrganisation();
        String[] b = newOrganisation();
        given().header("X-API-Key", b[1]).when().get("/api/v1/organisations/" + a[0]).then().statusCode(404);
        given().header("X-API-Key", b[1]).when().get("/api/v1/organisations/" + a[0] + "/api-keys").then().statusCode(404)
                .contentType("application/problem+json").body("type", is("https://microscout.dev/problems/not-found"));
        given().header("X-API-Key", b[1]).contentType(ContentType.JSON).body(Map.of("name", "x", "role", "ADMIN"))
                .when().post("/api/v1/organisations/" + a[0] + "/api-keys").then().statusCode(404);
        String aKeyId = given().header("X-API-Key", a[1]).when().get("/api/v1/organisations/" + a[0] + "/api-keys")
                .then().extract().path("[0].id");
        given().header("X-API-Key", b[1]).when().delete("/api/v1/organisations/" + a[0] + "/api-keys/" + aKeyId).then().statusCode(404);
        given().header("X-API-Key", b[1]).when().delete("/api/v1/organisations/" + b[0] + "/api-keys/" + aKeyId).then().statusCode(404);
        // A's key still works.
        given().header("X-API-Key", a[1]).when().get("/api/v1/organisations/" + a[0] + "/api-keys").then().statusCode(200);
    }

    @Test
    void writesAreAuditedAndEachOrganisationSeesOnlyItsOwn() {
        String[] a = newOrganisation();
        String[] b = newOrganisation();
        String prefixA = a[1].substring(4, 12);
        given().header("X-API-Key", a[1]).contentType(ContentType.JSON).body(Map.of("name", "audited", "role", "VIEWER"))
                .when().post("/api/v1/organisations/" + a[0] + "/api-keys").then().statusCode(201);
        given().header("X-API-Key", a[1]).when().get("/api/v1/audit-events").then().statusCode(200)
                .body("total", is(1))
                .body("items[0].keyPrefix", is(prefixA))
                .body("items[0].method", is("POST"))
                .body("items[0].path", is("/api/v1/organisations/" + a[0] + "/api-keys"))
                .body("items[0].status", is(201))
                .body("items[0].resourceId", notNullValue());
        given().header("X-API-Key", b[1]).when().get("/api/v1/audit-events").then().statusCode(200).body("total", is(0));
    }
}
