package dev.microscout.reputation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.microscout.support.Fixtures.channel;
import static dev.microscout.support.Fixtures.create;
import static dev.microscout.support.Fixtures.influencer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stored reputation through the API: reviews, incidents and channel authenticity feed it at once. */
@QuarkusTest
class ReputationApiTest {

    private static final double EPS = 1e-9;

    @Inject
    ReputationService reputationService;
    @Inject
    AgroalDataSource dataSource;

    static Map<String, Object> review(int contentQuality, int professionalism, int timeliness, int communication) {
        Map<String, Object> body = new HashMap<>();
        body.put("contentQuality", contentQuality);
        body.put("professionalism", professionalism);
        body.put("timeliness", timeliness);
        body.put("communication", communication);
        body.put("campaignId", UUID.randomUUID().toString());
        return body;
    }

    static void postReview(String influencerId, Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/influencers/" + influencerId + "/reviews").then().statusCode(201);
    }

    /** Posts an incident as the (default) ADMIN key; returns its id. */
    static String postIncident(String influencerId, String severity, LocalDate occurredOn) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("kind", "undisclosed-ad", "severity", severity, "occurredOn", occurredOn.toString()))
                .when().post("/api/v1/influencers/" + influencerId + "/incidents").then().statusCode(201).extract().path("id");
    }

    /** The reputation document, with decimals read as doubles (rest-assured reads floats by default). */
    static JsonPath reputation(String influencerId) {
        return given().when().get("/api/v1/influencers/" + influencerId + "/reputation").then().statusCode(200)
                .extract().body().jsonPath(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void aLongGoodRecordOutranksASingleFiveStarReview() {
        String oneReview = create(influencer(channel("INSTAGRAM", 15000)));
        postReview(oneReview, review(5, 5, 5, 5));

        // Twelve reviews with mean 5 and eight with mean (5 + 4 + 4 + 3) / 4 = 4: (60 + 32) / 20 = 4.6.
        // Twenty reviews from one organisation need twenty collaborations: each has its own campaignId.
        String twentyReviews = create(influencer(channel("INSTAGRAM", 15000)));
        for (int i = 0; i < 12; i++) {
            postReview(twentyReviews, review(5, 5, 5, 5));
        }
        for (int i = 0; i < 8; i++) {
            postReview(twentyReviews, review(5, 4, 4, 3));
        }

        // One five-star review: bayes = (5·3.5 + 5) / (5 + 1) = 22.5 / 6 = 3.75 → (3.75 − 1) / 4 = 0.6875;
        // no channel has metrics, so authenticity 100 and the factor is 0.5 + 0.5·100/100 = 1: reputation 0.6875.
        JsonPath one = reputation(oneReview);
        assertEquals(1, one.getInt("reviewCount"));
        assertThat(one.getDouble("averageRating"), closeTo(5.0, EPS));
        assertThat(one.getDouble("bayesianMean"), closeTo(3.75, EPS));
        assertThat(one.getDouble("bayesianScore"), closeTo(0.6875, EPS));
        assertThat(one.getDouble("authenticity"), closeTo(100, EPS));
        assertThat(one.getDouble("authenticityFactor"), closeTo(1.0, EPS));
        assertThat(one.getDouble("reputation"), closeTo(0.6875, EPS));
        assertEquals("5.00 average over 1 review, shrunk to 3.75 toward the prior 3.5", one.getString("reasons[0]"));

        // Twenty reviews averaging 4.6: bayes = (5·3.5 + 92) / (5 + 20) = 109.5 / 25 = 4.38 → (4.38 − 1) / 4 = 0.845;
        // × 1 (authenticity 100): reputation 0.845 > 0.6875.
        JsonPath twenty = reputation(twentyReviews);
        assertEquals(20, twenty.getInt("reviewCount"));
        assertThat(twenty.getDouble("averageRating"), closeTo(4.6, EPS));
        assertThat(twenty.getDouble("bayesianMean"), closeTo(4.38, EPS));
        assertThat(twenty.getDouble("bayesianScore"), closeTo(0.845, EPS));
        assertThat(twenty.getDouble("reputation"), closeTo(0.845, EPS));
        assertThat(twenty.getDouble("reputation"), greaterThan(one.getDouble("reputation")));
        assertEquals(5, twenty.getInt("priorWeight"));
        assertThat(twenty.getDouble("priorMean"), closeTo(3.5, EPS));
    }

    @Test
    void anInfluencerWithNothingRecordedGetsThePriorComputedOnReading() {
        Map<String, Object> instagram = channel("INSTAGRAM", 15000);
        String handle = ((String) instagram.get("handle")).substring(1);
        String id = create(influencer(instagram));

        // No review: bayes = (5·3.5) / 5 = 3.5 → (3.5 − 1) / 4 = 0.625; no metrics: factor 1; no incident: 0.625.
        JsonPath figure = reputation(id);
        assertEquals(id, figure.getString("influencerId"));
        assertThat(figure.getDouble("reputation"), closeTo(0.625, EPS));
        assertEquals(0, figure.getInt("reviewCount"));
        assertNull(figure.get("averageRating"));
        assertThat(figure.getDouble("bayesianMean"), closeTo(3.5, EPS));
        assertThat(figure.getDouble("authenticity"), closeTo(100, EPS));
        assertNull(figure.get("authenticityChannel"));
        assertEquals(handle, figure.getString("channels[0].handle"));
        assertNull(figure.get("channels[0].authenticity"));
        assertEquals(today().minusMonths(24).toString(), figure.getString("incidentsCountedFrom"));
        assertEquals(List.of(
                "No reviews yet: rated at the prior 3.5",
                "Instagram @" + handle + ": no data yet, authenticity counted as 100",
                "No authenticity data yet: counted as 100, factor 1.00",
                "Reputation 0.63 = 0.63 × 1.00 - 0.00"), figure.getList("reasons"));
    }

    @Test
    void anUnresolvedHighIncidentTakesOffHalfAndResolvingItRestoresTheFigure() {
        String id = create(influencer(channel("TIKTOK", 30000)));
        postReview(id, review(5, 5, 5, 5));
        assertThat(reputation(id).getDouble("reputation"), closeTo(0.6875, EPS));

        LocalDate occurredOn = today().minusMonths(3);
        String incident = postIncident(id, "HIGH", occurredOn);

        // 0.6875 × 1 − 0.5 = 0.1875
        JsonPath penalised = reputation(id);
        assertThat(penalised.getDouble("reputation"), closeTo(0.1875, EPS));
        assertThat(penalised.getDouble("penalty"), closeTo(0.5, EPS));
        assertEquals(incident, penalised.getString("penalties[0].incidentId"));
        assertEquals("HIGH", penalised.getString("penalties[0].severity"));
        assertEquals(occurredOn.toString(), penalised.getString("penalties[0].occurredOn"));
        assertThat(penalised.getDouble("penalties[0].penalty"), closeTo(0.5, EPS));
        assertThat(penalised.getList("reasons"), hasItem("Unresolved HIGH incident (undisclosed-ad, " + occurredOn + "): -0.50"));

        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"resolved\": true}")
                .when().patch("/api/v1/influencers/" + id + "/incidents/" + incident)
                .then().statusCode(200).header("ETag", "\"1\"").body("resolved", is(true));

        // Resolved: no penalty, 0.6875 again.
        JsonPath restored = reputation(id);
        assertThat(restored.getDouble("reputation"), closeTo(0.6875, EPS));
        assertThat(restored.getDouble("penalty"), closeTo(0, EPS));
        assertTrue(restored.getList("penalties").isEmpty());
        assertThat(restored.getList("reasons"), hasItem("1 resolved incident not counted"));
    }

    @Test
    void penaltiesBeyondTheScoreClampAtZero() {
        String id = create(influencer(channel("YOUTUBE", 30000)));
        postIncident(id, "HIGH", today().minusMonths(1));
        // 0.625 − 0.5 = 0.125
        assertThat(reputation(id).getDouble("reputation"), closeTo(0.125, EPS));

        postIncident(id, "LOW", today().minusMonths(2));
        // 0.625 − (0.5 + 0.1) = 0.025
        assertThat(reputation(id).getDouble("reputation"), closeTo(0.025, EPS));

        postIncident(id, "MEDIUM", today().minusDays(3));
        // 0.625 − (0.5 + 0.1 + 0.25) = −0.225 → clamped to 0
        JsonPath clamped = reputation(id);
        assertThat(clamped.getDouble("reputation"), closeTo(0, EPS));
        assertThat(clamped.getDouble("penalty"), closeTo(0.85, EPS));
        assertEquals(3, clamped.getList("penalties").size());
        assertEquals("Reputation 0.00 = 0.63 × 1.00 - 0.85, clamped to 0", clamped.getString("reasons[" + (clamped.getList("reasons").size() - 1) + "]"));
    }

    @Test
    void anIncidentOlderThan24MonthsDoesNotCount() {
        String id = create(influencer(channel("INSTAGRAM", 30000)));
        postIncident(id, "HIGH", today().minusMonths(25));

        // Out of the window: 0.625 stands.
        JsonPath figure = reputation(id);
        assertThat(figure.getDouble("reputation"), closeTo(0.625, EPS));
        assertThat(figure.getDouble("penalty"), closeTo(0, EPS));
        assertThat(figure.getList("reasons"), hasItem("1 incident older than 24 months not counted"));
    }

    @Test
    void theLowestChannelAuthenticityScalesTheReputation() throws Exception {
        Map<String, Object> instagram = channel("INSTAGRAM", 15000);
        Map<String, Object> tiktok = channel("TIKTOK", 40000);
        Map<String, Object> youtube = channel("YOUTUBE", 2000);
        String id = create(influencer(instagram, tiktok, youtube));
        String instagramId = channelId(id, "INSTAGRAM");
        String tiktokId = channelId(id, "TIKTOK");
        String youtubeId = channelId(id, "YOUTUBE");
        String tiktokHandle = ((String) tiktok.get("handle")).substring(1);

        // The metrics feature writes channel_metrics and then asks for a recomputation, as here.
        storeAuthenticity(instagramId, 90);
        storeAuthenticity(tiktokId, 62);
        reputationService.recompute(UUID.fromString(id));

        // Lowest of 90, 62 and (no data) 100 is 62: factor 0.5 + 0.5 × 0.62 = 0.81; 0.625 × 0.81 = 0.50625.
        JsonPath figure = reputation(id);
        assertThat(figure.getDouble("authenticity"), closeTo(62, EPS));
        assertEquals(tiktokId, figure.getString("authenticityChannel.channelId"));
        assertEquals("TIKTOK", figure.getString("authenticityChannel.platform"));
        assertEquals(tiktokHandle, figure.getString("authenticityChannel.handle"));
        assertThat(figure.getDouble("authenticityFactor"), closeTo(0.81, EPS));
        assertThat(figure.getDouble("reputation"), closeTo(0.50625, EPS));
        assertThat(figure.getDouble("channels.find { it.channelId == '" + instagramId + "' }.authenticity"), closeTo(90, EPS));
        assertNull(figure.get("channels.find { it.channelId == '" + youtubeId + "' }.authenticity"));
        assertThat(figure.getList("reasons"), hasItem("Authenticity 62 (lowest channel, TikTok @" + tiktokHandle + "): factor 0.81"));
    }

    @Test
    void removingTheTaintedChannelLiftsTheReputationAtOnce() throws Exception {
        String id = create(influencer(channel("INSTAGRAM", 15000), channel("TIKTOK", 40000)));
        String tiktokId = channelId(id, "TIKTOK");
        storeAuthenticity(tiktokId, 40);
        reputationService.recompute(UUID.fromString(id));
        // factor 0.5 + 0.5 × 0.40 = 0.7; 0.625 × 0.7 = 0.4375
        assertThat(reputation(id).getDouble("reputation"), closeTo(0.4375, EPS));

        given().when().delete("/api/v1/influencers/" + id + "/channels/" + tiktokId).then().statusCode(204);

        // Only the Instagram channel is left, without data: factor 1, 0.625.
        JsonPath figure = reputation(id);
        assertThat(figure.getDouble("reputation"), closeTo(0.625, EPS));
        assertNull(figure.get("authenticityChannel"));
        assertEquals(1, figure.getList("channels").size());
    }

    @Test
    void aFigureIsRefreshedWhenItsIncidentLeavesThe24MonthWindow() {
        String id = create(influencer(channel("FACEBOOK", 30000)));
        // On the first day of the window: it counts today. 0.625 − 0.5 = 0.125
        postIncident(id, "HIGH", today().minusMonths(24));
        assertThat(reputation(id).getDouble("reputation"), closeTo(0.125, EPS));

        // Tomorrow it is out of the window; the hourly refresh finds it without any write.
        assertThat(reputationService.refreshAgedOut(today().plusDays(1)), greaterThan(0));

        JsonPath refreshed = reputation(id);
        assertThat(refreshed.getDouble("reputation"), closeTo(0.625, EPS));
        assertThat(refreshed.getList("reasons"), hasItem("1 incident older than 24 months not counted"));
    }

    @Test
    void unknownAndMalformedInfluencerIdsAreProblems() {
        given().when().get("/api/v1/influencers/" + UUID.randomUUID() + "/reputation")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", is("https://microscout.dev/problems/not-found"));
        given().when().get("/api/v1/influencers/not-a-uuid/reputation")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("id"));
        given().header("X-API-Key", dev.microscout.support.TestKeys.VIEWER)
                .when().get("/api/v1/influencers/" + create(influencer(channel("X", 10))) + "/reputation")
                .then().statusCode(200).body("authenticityChannel", nullValue());
    }

    private static String channelId(String influencerId, String platform) {
        return given().get("/api/v1/influencers/" + influencerId).then().extract()
                .path("channels.find { it.platform == '" + platform + "' }.id");
    }

    private void storeAuthenticity(String channelId, int authenticity) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     insert into channel_metrics (channel_id, computed_at, window_start, window_end, posts_in_window,
                                                  sample_too_small, engagement_rate, authenticity, detail)
                     values (?, now(), now() - interval '90 days', now(), 12, false, 0.05, ?, '{}'::jsonb)""")) {
            s.setObject(1, UUID.fromString(channelId));
            s.setInt(2, authenticity);
            s.executeUpdate();
        }
    }
}
