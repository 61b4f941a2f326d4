package dev.microscout.campaign;

import dev.microscout.support.Fixtures;
import dev.microscout.support.Organisations;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A campaign from brief to review, through the API, on creators of a city of its own. */
@QuarkusTest
class CampaignApiTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    AgroalDataSource dataSource;

    private String city;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void newCity() {
        city = "Campaigncity " + UUID.randomUUID().toString().substring(0, 8);
    }

    private String creator(String name, long followers) {
        Map<String, Object> body = Fixtures.influencer(Fixtures.channel("INSTAGRAM", followers));
        body.put("displayName", name);
        body.put("city", city);
        return Fixtures.create(body);
    }

    private Map<String, Object> campaignBody(long budget) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Glow launch " + city);
        body.put("brief", Map.of("niches", List.of(Map.of("niche", "skincare", "weight", 1)), "cities", List.of(city)));
        body.put("budget", Map.of("amount", budget, "currency", "IDR"));
        body.put("startsOn", "2027-02-01");
        body.put("endsOn", "2027-03-31");
        return body;
    }

    private String campaign(long budget) {
        return given().contentType(ContentType.JSON).body(campaignBody(budget)).post("/api/v1/campaigns").then().statusCode(201)
                .body("status", is("DRAFT")).extract().path("id");
    }

    private static String etag(String path) {
        return given().get(path).then().statusCode(200).extract().header("ETag");
    }

    private static void move(String campaign, String status) {
        String path = "/api/v1/campaigns/" + campaign;
        given().header("If-Match", etag(path)).contentType(MERGE_PATCH).body(Map.of("status", status)).patch(path)
                .then().statusCode(200).body("status", is(status));
    }

    private static ExtractableResponse<Response> put(String campaign, String influencer, String ifMatch, Map<String, Object> body, int status) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.put("/api/v1/campaigns/" + campaign + "/shortlist/" + influencer).then().statusCode(status).extract();
    }

    private static Map<String, Object> result(String influencer, String post, long views, long reach, long likes, long comments,
                                              long saves, long shares, long linkClicks, long dms, long conversions,
                                              Object cost, String currency) {
        Map<String, Object> r = new HashMap<>();
        r.put("influencerId", influencer);
        r.put("post", post);
        r.put("views", views);
        r.put("reach", reach);
        r.put("likes", likes);
        r.put("comments", comments);
        r.put("saves", saves);
        r.put("shares", shares);
        r.put("linkClicks", linkClicks);
        r.put("dms", dms);
        r.put("conversions", conversions);
        r.put("cost", Map.of("amount", cost, "currency", currency));
        return r;
    }

    private static Map<String, Object> review() {
        return new HashMap<>(Map.of("contentQuality", 5, "professionalism", 4, "timeliness", 4, "communication", 5));
    }

    @Test
    void aWholeCampaignFromBriefToReview() throws SQLException {
        String sari = creator("Sari", 40_000);
        String budi = creator("Budi", 30_000);
        String nur = creator("Nur", 20_000);
        String campaign = campaign(10_000_000);
        String base = "/api/v1/campaigns/" + campaign;

        // Recommendations: the brief through the ranked search.
        ExtractableResponse<Response> first = given().get(base + "/recommendations").then().statusCode(200).body("total", is(3)).extract();
        List<String> recommended = first.path("results.influencer.id");
        assertEquals(3, recommended.size());
        double sariScore = first.path("results.find { it.influencer.id == '" + sari + "' }.score");

        // Shortlisted with the score the brief gave then; gone from the recommendations.
        ExtractableResponse<Response> shortlisted = put(campaign, sari, null, Map.of(), 201);
        assertEquals("SHORTLISTED", shortlisted.path("entry.status"));
        assertEquals(sariScore, (double) shortlisted.path("entry.score"), 1e-9);
        assertTrue(shortlisted.<List<String>>path("entry.reasons").size() > 0);
        put(campaign, budi, null, Map.of("status", "REJECTED", "note", "Rates too high"), 201);
        given().get(base + "/recommendations").then().statusCode(200).body("total", is(1))
                .body("results.influencer.id", is(List.of(nur)));

        // Contracted at a price in another currency: converted with the organisation's rate, over budget → a warning.
        given().contentType(ContentType.JSON).body(Map.of("rate", 18_000)).put("/api/v1/exchange-rates/NZD/IDR").then().statusCode(200);
        String entryTag = shortlisted.header("ETag");
        put(campaign, sari, null, Map.of("note", "no If-Match"), 428);
        ExtractableResponse<Response> contracted = put(campaign, sari, entryTag,
                Map.of("status", "CONTRACTED", "agreedPrice", Map.of("amount", 600, "currency", "NZD")), 200);
        assertEquals(10_800_000.0, (double) contracted.path("entry.agreedInBudget.amount"));
        assertEquals("IDR", contracted.path("entry.agreedInBudget.currency"));
        assertEquals(10_800_000.0, (double) contracted.path("committed.amount"));
        assertEquals(-800_000.0, (double) contracted.path("remaining.amount"));
        assertEquals(List.of("The agreed prices (10800000.00 IDR) exceed the budget (10000000.00 IDR) by 800000.00 IDR"),
                contracted.path("warnings"));
        assertEquals(sariScore, (double) contracted.path("entry.score"), 1e-9);   // kept as it was
        put(campaign, sari, contracted.header("ETag"), Map.of("status", "SHORTLISTED"), 409);

        // Results: only once ACTIVE, only for contracted creators.
        Map<String, Object> post1 = result(sari, "https://www.instagram.com/p/one/", 40_000, 25_000, 1_800, 120, 300, 80, 150, 20, 30,
                2_500_000, "IDR");
        Map<String, Object> post2 = result(sari, "https://www.instagram.com/p/two/", 10_000, 8_000, 400, 30, 70, 20, 50, 10, 5, 100, "NZD");
        given().contentType(ContentType.JSON).body(Map.of("results", List.of(post1))).post(base + "/results").then().statusCode(409);
        move(campaign, "ACTIVE");
        given().contentType(ContentType.JSON).body(Map.of("results", List.of(result(budi, "p", 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, "IDR"))))
                .post(base + "/results").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("results[0].influencerId"))
                .body("errors[0].message", is("is REJECTED on the campaign's shortlist: results are recorded for CONTRACTED creators"));
        given().contentType(ContentType.JSON).body(Map.of("results", List.of(post1, post2))).post(base + "/results").then().statusCode(200);

        // Sums: cost 2,500,000 + 100 × 18,000 = 4,300,000 IDR; views 50,000; reach 33,000; engagements 1,800 + 400 + 120
        // + 30 + 300 + 70 + 80 + 20 = 2,820; micro-conversions 370 + 100 + 200 + 30 = 700; 35 conversions of 200 clicks.
        ExtractableResponse<Response> report = given().get(base + "/report").then().statusCode(200).extract();
        assertEquals(4_300_000.0, (double) report.path("total.cost"));
        assertEquals(86_000.0, (double) report.path("total.cpm"));                       // 4,300,000 / 50,000 × 1,000
        assertEquals(1524.8227, (double) report.path("total.costPerEngagement"));        // 4,300,000 / 2,820
        assertEquals(6142.8571, (double) report.path("total.costPerMicroConversion"));   // 4,300,000 / 700
        assertEquals(0.085455, (double) report.path("total.engagementRate"));            // 2,820 / 33,000
        assertEquals(0.175, (double) report.path("total.conversionRate"));               // 35 / 200
        assertEquals(List.of(sari), report.path("creators.influencerId"));
        assertEquals(2, (int) report.path("creators[0].figures.posts"));
        String csv = given().accept("text/csv").get(base + "/report").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(String.join(",", ResultService.CSV_COLUMNS), lines[0]);
        assertTrue(lines[2].startsWith("total,"), lines[2]);
        assertTrue(lines[2].contains(",2,50000,33000,2200,150,370,100,200,30,35,2820,700,4300000.00,86000.0000,1524.8227,6142.8571,0.085455,0.175000,"),
                lines[2]);

        // Reviews tied to the campaign: once it is DONE, of contracted creators, once each; the reputation moves.
        Map<String, Object> tied = review();
        tied.put("campaignId", campaign);
        Fixtures.post("/api/v1/influencers/" + sari + "/reviews", tied).statusCode(409).body("errors[0].field", is("campaignId"));
        move(campaign, "DONE");
        double before = given().get("/api/v1/influencers/" + sari + "/reputation").then().extract().path("reputation");
        assertEquals(0.625, before, 1e-6);   // no review: (3.5 − 1) / 4
        String reviewId = Fixtures.post("/api/v1/influencers/" + sari + "/reviews", tied).statusCode(201).extract().path("id");
        // bayes = (5 × 3.5 + 4.5) / 6 = 3.6667 → (3.6667 − 1) / 4 = 0.666667, authenticity 100, no incident
        given().get("/api/v1/influencers/" + sari + "/reputation").then()
                .body("reputation", closeTo(0.6666667, 1e-6));
        Fixtures.post("/api/v1/influencers/" + sari + "/reviews", tied).statusCode(409);
        Fixtures.post("/api/v1/influencers/" + budi + "/reviews", tied).statusCode(409)
                .body("detail", containsString("was not contracted"));
        given().get(base + "/report").then().body("creators[0].reviewId", is(reviewId));

        // A DONE campaign's shortlist no longer changes, and the campaign stays.
        put(campaign, nur, null, Map.of(), 409);
        given().delete(base).then().statusCode(409);
        // Every move was announced, in order, to the organisation's webhooks.
        assertEquals(List.of("DRAFT>ACTIVE", "ACTIVE>DONE"), announcedMoves(campaign));
    }

    private List<String> announcedMoves(String campaign) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                select payload ->> 'from', payload ->> 'to' from webhook_event
                 where type = 'campaign.status_changed' and payload ->> 'campaignId' = ? order by created_at""")) {
            s.setString(1, campaign);
            List<String> moves = new java.util.ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    moves.add(r.getString(1) + ">" + r.getString(2));
                }
            }
            return moves;
        }
    }

    @Test
    void learnedWeightsFallBackToTheDefaultsWhileThereAreTooFewCollaborations() {
        Organisations.Organisation agency = Organisations.create();
        given().header("X-API-Key", agency.editor()).contentType(ContentType.JSON)
                .body(Map.of("cities", List.of(city), "weights", "learned")).post("/api/v1/discovery/searches").then().statusCode(200)
                .body("weightsNote", is("Too few finished collaborations to learn weights from (0 of 20): the default weights apply"))
                .body("weights.nicheFit", is(0.4)).body("weights.engagement", is(0.35)).body("weights.reputation", is(0.25));
        given().contentType(ContentType.JSON).body(Map.of("cities", List.of(city))).post("/api/v1/discovery/searches").then()
                .statusCode(200).body("weightsNote", nullValue());
        given().contentType(ContentType.JSON).body(Map.of("weights", "heavy")).post("/api/v1/discovery/searches").then()
                .statusCode(400).contentType(PROBLEM);
        // A campaign keeps "learned" in its brief, and its recommendations say which weights they used.
        Map<String, Object> body = campaignBody(1_000_000);
        body.put("brief", Map.of("cities", List.of(city), "weights", "learned"));
        String campaign = given().header("X-API-Key", agency.editor()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/campaigns").then().statusCode(201).body("brief.weights", is("learned")).extract().path("id");
        given().header("X-API-Key", agency.editor()).get("/api/v1/campaigns/" + campaign + "/recommendations").then().statusCode(200)
                .body("weightsNote", containsString("Too few finished collaborations"));
        given().header("X-API-Key", agency.editor()).get("/api/v1/campaigns/insights").then().statusCode(200)
                .body("enough", is(false)).body("needed", is(20)).body("summary", containsString("20"));
    }

    @Test
    void aPriceTooLargeOnceConvertedIsRefusedNamingIt() {
        String sari = creator("Sari", 40_000);
        String campaign = campaign(10_000_000);
        given().contentType(ContentType.JSON).body(Map.of("rate", 18_000)).put("/api/v1/exchange-rates/NZD/IDR").then().statusCode(200);
        // 999,999,999,999.99 NZD × 18,000 ≈ 1.8 × 10^16 IDR: past the 99,999,999,999,999.99 a campaign's figures hold.
        given().contentType(ContentType.JSON)
                .body(Map.of("agreedPrice", Map.of("amount", new java.math.BigDecimal("999999999999.99"), "currency", "NZD")))
                .put("/api/v1/campaigns/" + campaign + "/shortlist/" + sari).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("agreedPrice.amount"))
                .body("errors[0].message", containsString("17999999999999820.00 IDR once converted"));
        given().contentType(ContentType.JSON).body(Map.of("agreedPrice", Map.of("amount", 1, "currency", "XAF")))
                .put("/api/v1/campaigns/" + campaign + "/shortlist/" + sari).then().statusCode(400)
                .body("errors[0].field", is("agreedPrice.currency"));
        given().get("/api/v1/campaigns/" + campaign + "/shortlist").then().body("total", is(0));   // nothing half-written
    }

    @Test
    void everyMoveTheCourseDoesNotAllowIsA409() {
        Map<String, List<String>> pathTo = Map.of("DRAFT", List.of(), "ACTIVE", List.of("ACTIVE"), "DONE", List.of("ACTIVE", "DONE"),
                "CANCELLED", List.of("CANCELLED"));
        Map<String, List<String>> invalid = Map.of("DRAFT", List.of("DONE"), "ACTIVE", List.of("DRAFT"),
                "DONE", List.of("DRAFT", "ACTIVE", "CANCELLED"), "CANCELLED", List.of("DRAFT", "ACTIVE", "DONE"));
        invalid.forEach((from, targets) -> {
            for (String to : targets) {
                String campaign = campaign(1_000_000);
                pathTo.get(from).forEach(s -> move(campaign, s));
                String path = "/api/v1/campaigns/" + campaign;
                given().header("If-Match", etag(path)).contentType(MERGE_PATCH).body(Map.of("status", to)).patch(path)
                        .then().statusCode(409).contentType(PROBLEM).body("errors[0].field", is("status"))
                        .body("currentStatus", is(from))
                        .body("detail", containsString("cannot go from " + from + " to " + to));
                given().get(path).then().body("status", is(from));
            }
        });
    }

    @Test
    void aCampaignsBriefIsRefusedExactlyAsASearchWouldBe() {
        Map<String, Object> brief = Map.of("niches", List.of(Map.of("niche", "no-such-niche", "weight", 1)),
                "followers", Map.of("min", 50_000, "max", 10_000));
        List<Map<String, String>> searchErrors = given().contentType(ContentType.JSON).body(brief).post("/api/v1/discovery/searches")
                .then().statusCode(400).extract().path("errors");
        Map<String, Object> body = campaignBody(1_000);
        body.put("brief", brief);
        List<Map<String, String>> campaignErrors = given().contentType(ContentType.JSON).body(body).post("/api/v1/campaigns")
                .then().statusCode(400).contentType(PROBLEM).extract().path("errors");
        assertEquals(searchErrors.stream().map(e -> "brief." + e.get("field") + ": " + e.get("message")).sorted().toList(),
                campaignErrors.stream().map(e -> e.get("field") + ": " + e.get("message")).sorted().toList());
        body.put("endsOn", "2027-01-01");
        body.put("brief", Map.of("cities", List.of(city)));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/campaigns").then().statusCode(400)
                .body("errors.field", is(List.of("endsOn"))).body("errors[0].message", is("must not be before startsOn (2027-02-01)"));
        // Page and size belong to each request for recommendations: a brief that has them keeps neither.
        body.put("endsOn", "2027-03-01");
        body.put("brief", Map.of("cities", List.of(city), "page", 2, "size", 5));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/campaigns").then().statusCode(201)
                .body("brief.page", nullValue()).body("brief.size", nullValue()).body("brief.cities", is(List.of(city)));
    }

    @Test
    void anotherOrganisationsCampaignDoesNotExistForIt() {
        String sari = creator("Sari", 40_000);
        String campaign = campaign(5_000_000);
        put(campaign, sari, null, Map.of("status", "CONTRACTED"), 201);
        move(campaign, "ACTIVE");
        Organisations.Organisation other = Organisations.create();
        String base = "/api/v1/campaigns/" + campaign;
        String key = other.editor();
        given().header("X-API-Key", key).get(base).then().statusCode(404).contentType(PROBLEM);
        given().header("X-API-Key", key).header("If-Match", "*").contentType(MERGE_PATCH).body(Map.of("status", "DONE")).patch(base)
                .then().statusCode(404);
        given().header("X-API-Key", key).delete(base).then().statusCode(404);
        given().header("X-API-Key", key).get(base + "/recommendations").then().statusCode(404);
        given().header("X-API-Key", key).get(base + "/shortlist").then().statusCode(404);
        given().header("X-API-Key", key).get(base + "/shortlist/" + sari).then().statusCode(404);
        given().header("X-API-Key", key).contentType(ContentType.JSON).body(Map.of()).put(base + "/shortlist/" + sari).then().statusCode(404);
        given().header("X-API-Key", key).delete(base + "/shortlist/" + sari).then().statusCode(404);
        given().header("X-API-Key", key).contentType(ContentType.JSON)
                .body(Map.of("results", List.of(result(sari, "p", 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, "IDR"))))
                .post(base + "/results").then().statusCode(404);
        given().header("X-API-Key", key).get(base + "/report").then().statusCode(404);
        given().header("X-API-Key", key).get("/api/v1/campaigns").then().statusCode(200).body("total", is(0));
        // Its review naming my campaign is its own reference, not a review of my campaign.
        Map<String, Object> tied = review();
        tied.put("campaignId", campaign);
        given().header("X-API-Key", key).contentType(ContentType.JSON).body(tied).post("/api/v1/influencers/" + sari + "/reviews")
                .then().statusCode(201);
        // Still there, unchanged, for its owner; and my report does not count the other organisation's review.
        given().get(base).then().statusCode(200).body("status", is("ACTIVE"));
        given().get(base + "/report").then().statusCode(200).body("creators[0].reviewId", nullValue());
        given().get("/api/v1/campaigns?status=ACTIVE&size=100").then().statusCode(200).body("items.id", hasItem(campaign))
                .body("items.status", not(hasItem("DRAFT")));
    }
}
