package dev.microscout.influencer;

import dev.microscout.support.Fixtures;
import dev.microscout.support.Organisations;
import dev.microscout.support.TestKeys;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.microscout.support.Fixtures.channel;
import static dev.microscout.support.Fixtures.create;
import static dev.microscout.support.Fixtures.influencer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deleting from the shared catalogue is soft: nothing another organisation relies on is lost, and ADMINs may undo it. */
@QuarkusTest
class SoftDeleteApiTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Map<String, Object> review(int rating) {
        return Map.of("contentQuality", rating, "professionalism", rating, "timeliness", rating, "communication", rating,
                "text", "Honest swatches.");
    }

    @Test
    void anotherOrganisationsDeleteKeepsMyReviewAndARestoreBringsItBack() throws SQLException {
        Organisations.Organisation other = Organisations.create();
        String id = create(influencer(channel("INSTAGRAM", 20_000)));
        String reviewId = given().header("X-API-Key", TestKeys.EDITOR).contentType(ContentType.JSON).body(review(5))
                .post("/api/v1/influencers/" + id + "/reviews").then().statusCode(201).extract().path("id");

        given().header("X-API-Key", other.editor()).when().delete("/api/v1/influencers/" + id).then().statusCode(204);

        given().when().get("/api/v1/influencers/" + id).then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/influencers/" + id + "/reviews").then().statusCode(404);
        assertEquals(1, count("select count(*) from review where id = '" + reviewId + "'"), "the review row is kept");

        given().header("X-API-Key", TestKeys.ADMIN).when().post("/api/v1/influencers/" + id + "/restore")
                .then().statusCode(200).header("ETag", notNullValue()).body("id", is(id)).body("deletion", nullValue());
        given().when().get("/api/v1/influencers/" + id + "/reviews").then().statusCode(200)
                .body("total", is(1)).body("items[0].id", is(reviewId)).body("items[0].contentQuality", is(5));
        // 5-star review: (5 × 3.5 + 5) / 6 = 3.75 → (3.75 − 1) / 4 = 0.6875, authenticity 100, no incident.
        given().when().get("/api/v1/influencers/" + id + "/reputation").then().statusCode(200)
                .body("reputation", is(0.6875));
    }

    @Test
    void aDeletedInfluencerIsAbsentEverywhereButTheAdminsListOfDeleted() {
        String city = "Deletecity " + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = influencer(channel("INSTAGRAM", 20_000));
        body.put("city", city);
        String id = create(body);
        String channelId = given().get("/api/v1/influencers/" + id).then().extract().path("channels[0].id");
        Map<String, Object> brief = Map.of("cities", List.of(city));
        Fixtures.post("/api/v1/discovery/searches", brief).statusCode(200).body("total", is(1))
                .body("results[0].influencer.id", is(id));

        given().header("X-API-Key", TestKeys.EDITOR).when().delete("/api/v1/influencers/" + id).then().statusCode(204);

        given().when().get("/api/v1/influencers/" + id).then().statusCode(404)
                .body("detail", is("Influencer " + id + " does not exist"));
        given().when().get("/api/v1/influencers?sort=-createdAt&size=100").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        Fixtures.post("/api/v1/discovery/searches", brief).statusCode(200).body("total", is(0)).body("results", hasSize(0));
        given().when().get("/api/v1/influencers/" + id + "/channels").then().statusCode(404);
        given().when().get("/api/v1/influencers/" + id + "/channels/" + channelId).then().statusCode(404);
        given().when().get("/api/v1/influencers/" + id + "/tier-history").then().statusCode(404);
        given().when().get("/api/v1/channels/" + channelId + "/metrics").then().statusCode(404);
        given().when().get("/api/v1/channels/" + channelId + "/posts").then().statusCode(404);
        given().when().get("/api/v1/channels/" + channelId + "/lookalikes").then().statusCode(404);
        given().when().get("/api/v1/influencers/" + id + "/reputation").then().statusCode(404);
        given().when().get("/api/v1/influencers/" + id + "/incidents").then().statusCode(404);
        Fixtures.post("/api/v1/influencers/" + id + "/reviews", review(4)).statusCode(404);
        Fixtures.post("/api/v1/influencers/" + id + "/incidents",
                Map.of("kind", "undisclosed-ad", "severity", "LOW", "occurredOn", "2026-01-05")).statusCode(404);
        given().contentType(ContentType.JSON).header("If-Match", "*").body(Map.of("displayName", "X", "country", "ID"))
                .when().put("/api/v1/influencers/" + id).then().statusCode(404);
        given().when().delete("/api/v1/influencers/" + id).then().statusCode(404);

        given().header("X-API-Key", TestKeys.ADMIN).when().get("/api/v1/influencers?deleted=true&sort=-updatedAt&size=100")
                .then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.deletion.deletedBy", is("Demo editor (testedit)"))
                .body("items.find { it.id == '" + id + "' }.deletion.restorableUntil", notNullValue())
                .body("items.find { it.id == '" + id + "' }.channels[0].id", is(channelId));
        given().header("X-API-Key", TestKeys.EDITOR).when().get("/api/v1/influencers?deleted=true").then().statusCode(403)
                .contentType(PROBLEM).body("type", is("https://microscout.dev/problems/forbidden"))
                .body("detail", containsString("Only ADMIN keys see deleted influencers"));
        given().header("X-API-Key", TestKeys.VIEWER).when().get("/api/v1/influencers?deleted=true").then().statusCode(403);
        given().header("X-API-Key", TestKeys.EDITOR).when().post("/api/v1/influencers/" + id + "/restore").then().statusCode(403);

        given().when().post("/api/v1/influencers/" + id + "/restore").then().statusCode(200);
        given().when().get("/api/v1/influencers/" + id).then().statusCode(200);
        Fixtures.post("/api/v1/discovery/searches", brief).statusCode(200).body("total", is(1))
                .body("results[0].channel.id", is(channelId));
        given().when().get("/api/v1/influencers?deleted=true&sort=-updatedAt&size=100").then().body("items.id", not(hasItem(id)));
        given().when().post("/api/v1/influencers/" + id + "/restore").then().statusCode(409)
                .body("detail", is("Influencer " + id + " is not deleted: there is nothing to restore"));
    }

    @Test
    void aDeletedChannelLeavesItsInfluencerAndComesBackWithItsPosts() {
        String city = "Channelcity " + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = influencer(channel("INSTAGRAM", 20_000), channel("TIKTOK", 150_000));
        body.put("city", city);
        String id = create(body);
        String tiktok = given().get("/api/v1/influencers/" + id).then().extract().path("channels.find { it.platform == 'TIKTOK' }.id");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Map<String, Object>> posts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            posts.add(Map.of("externalId", "t" + i, "postedAt", now.minusDays(i + 1).toString(), "format", "VIDEO",
                    "likes", 3000, "comments", 150));
        }
        Fixtures.post("/api/v1/channels/" + tiktok + "/posts", Map.of("posts", posts)).statusCode(200);
        Map<String, Object> brief = Map.of("cities", List.of(city), "tiers", List.of("MICRO", "MACRO"), "onePerInfluencer", false);
        Fixtures.post("/api/v1/discovery/searches", brief).statusCode(200).body("total", is(2));

        given().when().delete("/api/v1/influencers/" + id + "/channels/" + tiktok).then().statusCode(204);

        given().get("/api/v1/influencers/" + id).then().statusCode(200).body("channels", hasSize(1))
                .body("tier", is("MICRO")).body("followers", is(20_000));
        given().get("/api/v1/influencers/" + id + "/channels/" + tiktok).then().statusCode(404);
        given().get("/api/v1/channels/" + tiktok + "/metrics").then().statusCode(404);
        Fixtures.post("/api/v1/channels/" + tiktok + "/posts", Map.of("posts", posts)).statusCode(404);
        Fixtures.post("/api/v1/discovery/searches", brief).statusCode(200).body("total", is(1))
                .body("results[0].channel.platform", is("INSTAGRAM"));
        given().get("/api/v1/influencers/" + id + "/channels?deleted=true").then().statusCode(200)
                .body("id", is(List.of(tiktok))).body("[0].deletion.deletedBy", is("Demo admin (testadmn)"));
        given().header("X-API-Key", TestKeys.EDITOR).get("/api/v1/influencers/" + id + "/channels?deleted=true").then().statusCode(403);

        given().when().post("/api/v1/influencers/" + id + "/channels/" + tiktok + "/restore").then().statusCode(200)
                .body("id", is(tiktok)).body("deletion", nullValue()).body("metrics.postsInWindow", is(3));
        given().get("/api/v1/influencers/" + id).then().body("channels", hasSize(2)).body("tier", is("MACRO"));
        given().get("/api/v1/channels/" + tiktok + "/posts").then().statusCode(200).body("total", is(3));
        Fixtures.post("/api/v1/discovery/searches", brief).statusCode(200).body("total", is(2));
    }

    @Test
    void aHandleHeldByADeletedChannelStillConflictsAndSaysHowToRestoreIt() {
        Map<String, Object> instagram = channel("INSTAGRAM", 20_000);
        Map<String, Object> tiktok = channel("TIKTOK", 20_000);
        String id = create(influencer(instagram, tiktok));
        String tiktokId = given().get("/api/v1/influencers/" + id).then().extract().path("channels.find { it.platform == 'TIKTOK' }.id");
        given().when().delete("/api/v1/influencers/" + id + "/channels/" + tiktokId).then().statusCode(204);

        String other = create(influencer(channel("YOUTUBE", 1000)));
        Fixtures.post("/api/v1/influencers/" + other + "/channels", tiktok).statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("The channel is deleted; an ADMIN can restore it with POST /api/v1/influencers/"
                        + id + "/channels/" + tiktokId + "/restore"))
                .body("existingChannelId", is(tiktokId)).body("existingDeleted", is(true));

        given().when().delete("/api/v1/influencers/" + id).then().statusCode(204);
        Fixtures.post("/api/v1/influencers", influencer(instagram)).statusCode(409)
                .body("detail", containsString("The influencer is deleted; an ADMIN can restore it with POST /api/v1/influencers/"
                        + id + "/restore"))
                .body("existingInfluencerId", is(id)).body("existingDeleted", is(true));
        // The channel cannot come back to a deleted influencer.
        given().when().post("/api/v1/influencers/" + id + "/channels/" + tiktokId + "/restore").then().statusCode(409)
                .body("detail", containsString("restore it first"));
        given().when().post("/api/v1/influencers/" + id + "/restore").then().statusCode(200).body("channels", hasSize(1));
        given().when().post("/api/v1/influencers/" + id + "/channels/" + tiktokId + "/restore").then().statusCode(200);
        given().get("/api/v1/influencers/" + id).then().body("channels", hasSize(2));
    }

    @Test
    void deleteStillHonoursIfMatchAndMovesTheVersion() {
        String id = create(influencer(channel("INSTAGRAM", 1000)));
        given().header("If-Match", "\"7\"").when().delete("/api/v1/influencers/" + id).then().statusCode(412);
        given().header("If-Match", "\"0\"").when().delete("/api/v1/influencers/" + id).then().statusCode(204);
        given().header("If-Match", "\"0\"").when().post("/api/v1/influencers/" + id + "/restore").then().statusCode(412);
        String key = UUID.randomUUID().toString();
        given().header("If-Match", "\"1\"").header("Idempotency-Key", key).when().post("/api/v1/influencers/" + id + "/restore")
                .then().statusCode(200).header("ETag", "\"2\"").body("version", is(2));
        // A retried restore replays its answer instead of finding the influencer no longer deleted.
        given().header("If-Match", "\"1\"").header("Idempotency-Key", key).when().post("/api/v1/influencers/" + id + "/restore")
                .then().statusCode(200).header("Idempotent-Replayed", "true").header("ETag", "\"2\"").body("version", is(2));
    }

    @Test
    void afterThirtyDaysOnlyAnOperatorsPurgeRemainsAndItRemovesEverything() throws SQLException {
        String id = create(influencer(channel("INSTAGRAM", 20_000)));
        Fixtures.post("/api/v1/influencers/" + id + "/reviews", review(4)).statusCode(201);
        Fixtures.post("/api/v1/influencers/" + id + "/incidents",
                Map.of("kind", "missed-deadline", "severity", "LOW", "occurredOn", "2026-01-05")).statusCode(201);
        given().header("X-API-Key", TestKeys.OPERATOR).post("/api/v1/influencers/" + id + "/purge").then().statusCode(409)
                .body("detail", containsString("is not deleted"));
        given().when().delete("/api/v1/influencers/" + id).then().statusCode(204);
        given().header("X-API-Key", TestKeys.OPERATOR).post("/api/v1/influencers/" + id + "/purge").then().statusCode(409)
                .body("detail", containsString("an ADMIN may restore it until")).body("restorableUntil", notNullValue());

        update("update influencer set deleted_at = now() - interval '31 days' where id = '" + id + "'");
        given().when().post("/api/v1/influencers/" + id + "/restore").then().statusCode(409)
                .body("detail", containsString("now only an operator may purge it"));
        given().header("X-API-Key", TestKeys.ADMIN).post("/api/v1/influencers/" + id + "/purge").then().statusCode(403);
        assertEquals(1, count("select count(*) from influencer_reputation where influencer_id = '" + id + "'"));
        given().header("X-API-Key", TestKeys.OPERATOR).post("/api/v1/influencers/" + id + "/purge").then().statusCode(204);

        assertEquals(0, count("select count(*) from influencer where id = '" + id + "'"));
        assertEquals(0, count("select count(*) from review where influencer_id = '" + id + "'"));
        assertEquals(0, count("select count(*) from incident where influencer_id = '" + id + "'"));
        assertEquals(0, count("select count(*) from channel where influencer_id = '" + id + "'"));
        assertEquals(0, count("select count(*) from tier_change where influencer_id = '" + id + "'"));
        // The derived rows have no foreign key to cascade from (V20, V22): their owners removed them.
        assertEquals(0, count("select count(*) from search_entry where influencer_id = '" + id + "'"));
        assertEquals(0, count("select count(*) from influencer_text where influencer_id = '" + id + "'"));
        assertEquals(0, count("select count(*) from influencer_reputation where influencer_id = '" + id + "'"));
        given().when().post("/api/v1/influencers/" + id + "/restore").then().statusCode(404);
        given().header("X-API-Key", TestKeys.OPERATOR).post("/api/v1/influencers/" + id + "/purge").then().statusCode(404);
    }

    @Test
    void aDeletedChannelIsPurgedAloneAfterThirtyDays() throws SQLException {
        String id = create(influencer(channel("INSTAGRAM", 20_000), channel("TIKTOK", 20_000)));
        String tiktok = given().get("/api/v1/influencers/" + id).then().extract().path("channels.find { it.platform == 'TIKTOK' }.id");
        given().when().delete("/api/v1/influencers/" + id + "/channels/" + tiktok).then().statusCode(204);
        given().header("X-API-Key", TestKeys.OPERATOR).post("/api/v1/influencers/" + id + "/channels/" + tiktok + "/purge")
                .then().statusCode(409);
        update("update channel set deleted_at = now() - interval '31 days' where id = '" + tiktok + "'");
        given().when().post("/api/v1/influencers/" + id + "/channels/" + tiktok + "/restore").then().statusCode(409);
        given().header("X-API-Key", TestKeys.OPERATOR).post("/api/v1/influencers/" + id + "/channels/" + tiktok + "/purge")
                .then().statusCode(204);
        assertEquals(0, count("select count(*) from channel where id = '" + tiktok + "'"));
        assertEquals(0, count("select count(*) from search_entry where channel_id = '" + tiktok + "'"));
        assertTrue(count("select count(*) from search_entry where influencer_id = '" + id + "'") > 0);
        given().get("/api/v1/influencers/" + id).then().statusCode(200).body("channels", hasSize(1));
    }

    @Test
    void theDatabaseRefusesToCascadeADeleteIntoReviews() {
        String id = create(influencer(channel("INSTAGRAM", 20_000)));
        Fixtures.post("/api/v1/influencers/" + id + "/reviews", review(3)).statusCode(201);
        SQLException refused = assertThrows(SQLException.class, () -> update("delete from influencer where id = '" + id + "'"));
        assertTrue(refused.getMessage().contains("review_influencer_id_fkey"), refused.getMessage());
    }

    @Test
    void aProfileNamesItsLastWriterByKeyForItsOwnOrganisationOnly() {
        Organisations.Organisation other = Organisations.create();
        String id = given().header("X-API-Key", TestKeys.EDITOR).contentType(ContentType.JSON)
                .body(influencer(channel("INSTAGRAM", 20_000))).post("/api/v1/influencers").then().statusCode(201)
                .body("lastChangedBy", is("Demo editor (testedit)")).extract().path("id");
        given().header("X-API-Key", TestKeys.VIEWER).get("/api/v1/influencers/" + id).then().body("lastChangedBy", is("Demo editor (testedit)"));
        given().header("X-API-Key", other.admin()).get("/api/v1/influencers/" + id).then().body("lastChangedBy", is("another organisation"));

        Map<String, Object> update = new HashMap<>(Map.of("displayName", "Sari W.", "country", "ID"));
        String otherPrefix = given().header("X-API-Key", other.admin()).get("/api/v1/organisations/" + other.id() + "/api-keys")
                .then().extract().path("find { it.name == 'editor' }.prefix");
        given().header("X-API-Key", other.editor()).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(update)
                .put("/api/v1/influencers/" + id).then().statusCode(200).body("lastChangedBy", is("editor (" + otherPrefix + ")"));
        given().get("/api/v1/influencers/" + id).then().body("lastChangedBy", is("another organisation"));
        given().get("/api/v1/influencers?sort=-updatedAt&size=100").then()
                .body("items.find { it.id == '" + id + "' }.lastChangedBy", is("another organisation"));

        // A follower snapshot is a catalogue write too.
        String channelId = given().get("/api/v1/influencers/" + id).then().extract().path("channels[0].id");
        Fixtures.post("/api/v1/channels/" + channelId + "/follower-snapshots",
                Map.of("snapshots", List.of(Map.of("date", java.time.LocalDate.now(ZoneOffset.UTC).toString(), "followers", 21_000))))
                .statusCode(200);
        given().get("/api/v1/influencers/" + id).then().body("lastChangedBy", is("Demo admin (testadmn)"))
                .body("followers", is(21_000));
        assertEquals("another organisation", given().header("X-API-Key", other.admin()).get("/api/v1/influencers/" + id)
                .then().extract().path("lastChangedBy"));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private void update(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }
}
