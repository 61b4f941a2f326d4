package dev.microscout.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A write and its audit event commit together, or neither does. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aWriteWhoseAuditEventCannotBeRecordedDoesNotHappen() throws SQLException {
        String[] org = OrganisationsAndKeysTest.newOrganisation();
        // The database refuses this organisation's audit events, as a full disk or a broken table would.
        execute("alter table audit_event add constraint refuse_one_organisation check (organisation_id <> '" + org[0] + "')");
        try {
            int status = given().header("X-API-Key", org[1]).contentType(ContentType.JSON)
                    .body(Map.of("name", "never audited", "role", "VIEWER"))
                    .when().post("/api/v1/organisations/" + org[0] + "/api-keys").then().extract().statusCode();
            assertTrue(status >= 400, "the write answered " + status);
        } finally {
            execute("alter table audit_event drop constraint refuse_one_organisation");
        }
        // Only the admin key made by newOrganisation() exists: the refused write left nothing behind.
        given().header("X-API-Key", org[1]).when().get("/api/v1/organisations/" + org[0] + "/api-keys")
                .then().statusCode(200).body("$", hasSize(1));
        given().header("X-API-Key", org[1]).when().get("/api/v1/audit-events").then().statusCode(200).body("total", is(0));
    }

    @Test
    void aCommittedWriteHasItsEvent() {
        String[] org = OrganisationsAndKeysTest.newOrganisation();
        given().header("X-API-Key", org[1]).contentType(ContentType.JSON).body(Map.of("name", "audited", "role", "VIEWER"))
                .when().post("/api/v1/organisations/" + org[0] + "/api-keys").then().statusCode(201);
        given().header("X-API-Key", org[1]).contentType(ContentType.JSON).body(Map.of("name", "audited too", "role", "EDITOR"))
                .when().post("/api/v1/organisations/" + org[0] + "/api-keys").then().statusCode(201);
        given().header("X-API-Key", org[1]).when().get("/api/v1/audit-events").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(2));
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute(sql);
        }
    }
}
