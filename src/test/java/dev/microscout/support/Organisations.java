package dev.microscout.support;

import io.restassured.http.ContentType;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Organisations besides the test agency, created through the API with the operator key. */
public final class Organisations {

    /** An organisation with an ADMIN and an EDITOR key (names "admin" and "editor"). */
    public record Organisation(String id, String admin, String editor) {
    }

    private Organisations() {
    }

    public static Organisation create() {
        String id = given().header("X-API-Key", TestKeys.OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("name", "Brand " + UUID.randomUUID()))
                .when().post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        return new Organisation(id, key(id, "admin", "ADMIN"), key(id, "editor", "EDITOR"));
    }

    private static String key(String organisationId, String name, String role) {
        return given().header("X-API-Key", TestKeys.OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("name", name, "role", role))
                .when().post("/api/v1/organisations/" + organisationId + "/api-keys").then().statusCode(201).extract().path("key");
    }
}
