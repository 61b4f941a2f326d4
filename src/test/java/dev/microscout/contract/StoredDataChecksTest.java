package dev.microscout.contract;

import dev.microscout.support.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The CHECK constraints of V8 and V23, met by writes that go past the API, and the API's side of the audience shape. */
@QuarkusTest
class StoredDataChecksTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAudienceSetSentAsNullIsLeftOutAndSearchesWithAnAgeRangeStillWork() {
        Map<String, Object> channel = Fixtures.channel("INSTAGRAM", 40_000);
        Map<String, Object> audience = new HashMap<>();
        audience.put("ageShares", null);
        audience.put("countryShares", Map.of("ID", 0.8));
        channel.put("audience", audience);
        String id = Fixtures.create(Fixtures.influencer(channel));

        given().get("/api/v1/influencers/" + id).then().statusCode(200)
                .body("channels[0].audience.countryShares.ID", org.hamcrest.Matchers.equalTo(0.8))
                .body("channels[0].audience.ageShares", nullValue());
        given().contentType("application/json")
                .body(Map.of("tiers", List.of("MICRO"), "audience", Map.of("ageRanges", List.of("18-24"))))
                .when().post("/api/v1/discovery/searches").then().statusCode(200);
    }

    @Test
    void anImportJobIsStoredOnlyWithAStatusTheApiAnswers() throws SQLException {
        String definition;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select pg_get_constraintdef(oid) from pg_constraint where conname = 'import_job_status_check'");
             java.sql.ResultSet r = s.executeQuery()) {
            r.next();
            definition = r.getString(1);
        }
        java.util.Set<String> stored = new java.util.TreeSet<>();
        java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("'([A-Z]+)'").matcher(definition);
        while (quoted.find()) {
            stored.add(quoted.group(1));
        }
        java.util.Set<String> answered = new java.util.TreeSet<>();
        for (dev.microscout.ingest.ImportStatus status : dev.microscout.ingest.ImportStatus.values()) {
            answered.add(status.name());
        }
        assertEquals(answered, stored, definition);
    }

    @Test
    void theDatabaseRefusesAudiencesTheSearchCouldNotRead() throws SQLException {
        String influencer = Fixtures.create(Fixtures.influencer(Fixtures.channel("TIKTOK", 12_000)));
        String channel = given().get("/api/v1/influencers/" + influencer).then().extract().path("channels[0].id");
        for (String audience : List.of("{\"ageShares\": null}", "{\"ageShares\": [0.5]}", "{\"genderShares\": {\"female\": \"0.5\"}}",
                "{\"countryShares\": {\"ID\": 1.5}}", "{\"countryShares\": {\"ID\": 4.9e-324}}", "{\"other\": {}}", "[]", "null")) {
            SQLException refused = assertThrows(SQLException.class, () -> update(
                    "update channel set audience = ?::jsonb where id = ?", audience, channel), audience);
            assertEquals("23514", refused.getSQLState(), audience + ": " + refused.getMessage());
        }
        assertEquals(1, update("update channel set audience = ?::jsonb where id = ?",
                "{\"ageShares\": {\"18-24\": 0.5}, \"genderShares\": {}}", channel));
    }

    @Test
    void theDatabaseRefusesDatesAndCountsOutsideTheDocumentedRanges() throws SQLException {
        String influencer = Fixtures.create(Fixtures.influencer(Fixtures.channel("YOUTUBE", 12_000)));
        UUID channel = UUID.fromString(given().get("/api/v1/influencers/" + influencer).then().extract().path("channels[0].id"));
        for (String statement : List.of(
                "update channel set followers = 10000000001 where id = '" + channel + "'",
                "insert into follower_snapshot (channel_id, snapshot_date, followers) values ('" + channel + "', date '1999-12-31', 1)",
                "insert into post (channel_id, external_id, posted_at, format, likes, comments, created_at, updated_at) values ('"
                        + channel + "', 'old', timestamptz '1999-12-31 23:59:59+00', 'PHOTO', 1, 1, now(), now())",
                "insert into post (channel_id, external_id, posted_at, format, likes, comments, created_at, updated_at) values ('"
                        + channel + "', 'many', now(), 'PHOTO', 100000000001, 1, now(), now())")) {
            SQLException refused = assertThrows(SQLException.class, () -> update(statement), statement);
            assertEquals("23514", refused.getSQLState(), statement + ": " + refused.getMessage());
        }
        given().get("/api/v1/influencers/" + influencer).then().body("channels.followers", hasItem(12_000));
    }

    private int update(String sql, String... values) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, i == values.length - 1 && sql.contains("where id = ?") ? UUID.fromString(values[i]) : values[i]);
            }
            return s.executeUpdate();
        }
    }
}
