package dev.microscout.reputation;

import dev.microscout.security.OrganisationsAndKeysTest;
import dev.microscout.support.TestKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.microscout.reputation.ReputationApiTest.review;
import static dev.microscout.support.Fixtures.channel;
import static dev.microscout.support.Fixtures.create;
import static dev.microscout.support.Fixtures.influencer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ReviewApiTest {

    @TestHTTPResource("/")
    URL server;

    private static final String PROBLEM = "application/problem+json";

    private static ValidatableResponse post(String influencerId, Object body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/influencers/" + influencerId + "/reviews").then();
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    @Test
    void aReviewIsCreatedReadAndListedNewestFirst() {
        String id = create(influencer(channel("INSTAGRAM", 20000)));
        Map<String, Object> older = review(5, 4, 3, 2);
        older.remove("campaignId");
        older.put("reviewedOn", "2026-01-10");
        older.put("text", "Late but honest.");
        post(id, older).statusCode(201);

        // Without reviewedOn the review is dated today.
        Map<String, Object> newer = review(5, 5, 4, 4);
        Response created = given().contentType(ContentType.JSON).body(newer)
                .when().post("/api/v1/influencers/" + id + "/reviews");
        created.then().statusCode(201)
                .header("Location", containsString("/api/v1/influencers/" + id + "/reviews/"))
                .body("influencerId", is(id))
                .body("campaignId", is(newer.get("campaignId")))
                .body("reviewedOn", is(today()))
                // (5 + 5 + 4 + 4) / 4 = 4.5
                .body("meanRating", is(4.5))
                .body("text", nullValue());
        String reviewId = created.path("id");
        String organisationId = created.path("organisationId");
        created.then().header("Location", endsWith("/reviews/" + reviewId));

        given().when().get(created.header("Location")).then().statusCode(200)
                .body("id", is(reviewId)).body("organisationId", is(organisationId)).body("contentQuality", is(5));

        given().when().get("/api/v1/influencers/" + id + "/reviews")
                .then().statusCode(200)
                .body("total", is(2)).body("page", is(0)).body("size", is(20))
                .body("items", hasSize(2))
                .body("items[0].id", is(reviewId))
                .body("items[1].reviewedOn", is("2026-01-10"))
                .body("items[1].campaignId", nullValue())
                .body("items[1].organisationId", is(organisationId))
                // (5 + 4 + 3 + 2) / 4 = 3.5
                .body("items[1].meanRating", is(3.5))
                .body("items[1].text", is("Late but honest."));

        given().when().get("/api/v1/influencers/" + id + "/reviews?page=0&size=1")
                .then().statusCode(200)
                .header("Link", containsString("rel=\"next\""))
                .header("Link", containsString("rel=\"last\""))
                .body("items", hasSize(1)).body("total", is(2)).body("items[0].id", is(reviewId));
    }

    @Test
    void ratingsMustBeWholeNumbersFrom1To5() {
        String id = create(influencer(channel("INSTAGRAM", 20000)));
        Map<String, Object> zero = review(0, 4, 4, 4);
        post(id, zero).statusCode(400).contentType(PROBLEM)
                .body("type", is("https://microscout.dev/problems/validation"))
                .body("errors", hasSize(1))
                .body("errors[0].field", is("contentQuality"))
                .body("errors[0].message", is("must be greater than or equal to 1"));

        Map<String, Object> six = review(4, 4, 4, 6);
        post(id, six).statusCode(400).contentType(PROBLEM)
                .body("errors", hasSize(1))
                .body("errors[0].field", is("communication"))
                .body("errors[0].message", is("must be less than or equal to 5"));

        Map<String, Object> missing = review(4, 4, 4, 4);
        missing.remove("professionalism");
        post(id, missing).statusCode(400).body("errors[0].field", is("professionalism"))
                .body("errors[0].message", is("must not be null"));

        // 4.5 is refused, not cut to 4.
        Map<String, Object> half = review(4, 4, 4, 4);
        half.put("timeliness", 4.5);
        post(id, half).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("timeliness"))
                .body("errors[0].message", containsString("expected a whole number"));

        given().when().get("/api/v1/influencers/" + id + "/reviews").then().body("total", is(0));
    }

    @Test
    void aReviewDateInTheFutureAndAnOverlongTextAreRefused() {
        String id = create(influencer(channel("INSTAGRAM", 20000)));
        // Two days ahead of UTC is ahead of every time zone's today.
        Map<String, Object> future = review(4, 4, 4, 4);
        future.put("reviewedOn", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString());
        post(id, future).statusCode(400).contentType(PROBLEM)
                .body("errors", hasSize(1))
                .body("errors[0].field", is("reviewedOn"))
                .body("errors[0].message", is("must not be in the future"));

        Map<String, Object> longText = review(4, 4, 4, 4);
        longText.put("text", "x".repeat(4001));
        post(id, longText).statusCode(400).body("errors[0].field", is("text"));

        Map<String, Object> badCampaign = review(4, 4, 4, 4);
        badCampaign.put("campaignId", "spring-launch");
        post(id, badCampaign).statusCode(400).body("errors[0].field", is("campaignId"));
    }

    @Test
    void anOrganisationReviewsACollaborationOnceAndTheConflictNamesTheReview() {
        String id = create(influencer(channel("TIKTOK", 20000)));
        Map<String, Object> campaign = review(5, 5, 5, 5);
        String first = post(id, campaign).statusCode(201).extract().path("id");

        Map<String, Object> again = review(3, 3, 3, 3);
        again.put("campaignId", campaign.get("campaignId"));
        post(id, again).statusCode(409).contentType(PROBLEM)
                .body("type", is("https://microscout.dev/problems/conflict"))
                .body("existingReviewId", is(first))
                .body("detail", containsString(first))
                .body("errors[0].field", is("campaignId"));

        // One review without a campaign, too.
        Map<String, Object> noCampaign = review(4, 4, 4, 4);
        noCampaign.remove("campaignId");
        String general = post(id, noCampaign).statusCode(201).extract().path("id");
        post(id, noCampaign).statusCode(409).body("existingReviewId", is(general));

        // Another campaign is another collaboration; another organisation writes its own review.
        post(id, review(4, 4, 4, 4)).statusCode(201);
        String[] other = OrganisationsAndKeysTest.newOrganisation();
        given().header("X-API-Key", other[1]).contentType(ContentType.JSON).body(again)
                .when().post("/api/v1/influencers/" + id + "/reviews")
                .then().statusCode(201).body("organisationId", is(other[0]));

        given().when().get("/api/v1/influencers/" + id + "/reviews").then().body("total", is(4));
        given().when().get("/api/v1/influencers/" + id + "/reputation").then().body("reviewCount", is(4));
    }

    @Test
    void whoWroteAReviewAndForWhichCampaignOnlyTheWritingOrganisationSees() {
        String id = create(influencer(channel("INSTAGRAM", 20000)));
        Map<String, Object> mine = review(5, 4, 4, 5);
        mine.put("text", "Delivered early.");
        String reviewId = post(id, mine).statusCode(201).body("writtenByYourOrganisation", is(true))
                .body("campaignId", is(mine.get("campaignId"))).extract().path("id");
        String myOrganisation = given().get("/api/v1/influencers/" + id + "/reviews/" + reviewId).then().extract().path("organisationId");
        org.junit.jupiter.api.Assertions.assertNotNull(myOrganisation);

        String[] other = OrganisationsAndKeysTest.newOrganisation();
        // Everyone sees ratings, text and date; the writer and its campaign are hidden from another organisation.
        given().header("X-API-Key", other[1]).get("/api/v1/influencers/" + id + "/reviews/" + reviewId).then().statusCode(200)
                .body("writtenByYourOrganisation", is(false))
                .body("organisationId", nullValue())
                .body("campaignId", nullValue())
                .body("contentQuality", is(5)).body("communication", is(5))
                .body("meanRating", is(4.5)) // (5 + 4 + 4 + 5) / 4
                .body("text", is("Delivered early."))
                .body("reviewedOn", is(today()));
        given().header("X-API-Key", other[1]).get("/api/v1/influencers/" + id + "/reviews").then().statusCode(200)
                .body("items[0].organisationId", nullValue()).body("items[0].campaignId", nullValue())
                .body("items[0].text", is("Delivered early."));
        // The writing organisation's viewers see both.
        given().header("X-API-Key", TestKeys.VIEWER).get("/api/v1/influencers/" + id + "/reviews").then()
                .body("items[0].organisationId", is(myOrganisation))
                .body("items[0].campaignId", is(mine.get("campaignId")))
                .body("items[0].writtenByYourOrganisation", is(true));
    }

    @Test
    void viewersReadReviewsAndEditorsWriteThem() {
        String id = create(influencer(channel("INSTAGRAM", 20000)));
        given().header("X-API-Key", TestKeys.VIEWER).contentType(ContentType.JSON).body(review(4, 4, 4, 4))
                .when().post("/api/v1/influencers/" + id + "/reviews")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", is("https://microscout.dev/problems/forbidden"));
        given().header("X-API-Key", TestKeys.EDITOR).contentType(ContentType.JSON).body(review(4, 4, 4, 4))
                .when().post("/api/v1/influencers/" + id + "/reviews")
                .then().statusCode(201);
        given().header("X-API-Key", TestKeys.VIEWER).when().get("/api/v1/influencers/" + id + "/reviews")
                .then().statusCode(200).body("total", is(1));
    }

    @Test
    void aRetriedReviewWithTheSameIdempotencyKeyIsRecordedOnce() {
        String id = create(influencer(channel("INSTAGRAM", 20000)));
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = review(5, 4, 5, 4);
        String first = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/influencers/" + id + "/reviews").then().statusCode(201).extract().path("id");
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/influencers/" + id + "/reviews")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", is(first));
        given().when().get("/api/v1/influencers/" + id + "/reviews").then().body("total", is(1));
    }

    @Test
    void concurrentReviewsOfOneInfluencerAreAllCounted() throws Exception {
        String id = create(influencer(channel("INSTAGRAM", 20000)));
        URI reviews = URI.create(server.toString().replaceFirst("/$", "") + "/api/v1/influencers/" + id + "/reviews");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ObjectMapper json = new ObjectMapper();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> results = new ArrayList<>();
        // RestAssured is not made for parallel calls; a plain HTTP client sends the six at once.
        for (int i = 0; i < 6; i++) {
            HttpRequest request = HttpRequest.newBuilder(reviews)
                    .header("Content-Type", "application/json")
                    .header("X-API-Key", TestKeys.EDITOR)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(review(5, 5, 5, 5)))).build();
            results.add(pool.submit(() -> client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()));
        }
        for (Future<Integer> result : results) {
            assertEquals(201, result.get());
        }
        pool.shutdown();

        // Each recomputation waits for the previous writer, so the last one stored has seen all six:
        // (5·3.5 + 6·5) / (5 + 6) = 47.5 / 11 → (47.5 / 11 − 1) / 4 = 36.5 / 44
        given().when().get("/api/v1/influencers/" + id + "/reputation").then().statusCode(200)
                .body("reviewCount", is(6))
                .body("reputation", closeTo(36.5 / 44, 1e-12));
    }

    @Test
    void unknownAndMalformedIdsAreProblems() {
        String unknown = UUID.randomUUID().toString();
        post(unknown, review(4, 4, 4, 4)).statusCode(404).contentType(PROBLEM)
                .body("detail", is("Influencer " + unknown + " does not exist"));
        given().when().get("/api/v1/influencers/" + unknown + "/reviews").then().statusCode(404);
        post("nope", review(4, 4, 4, 4)).statusCode(400).body("errors[0].field", is("id"));

        String id = create(influencer(channel("INSTAGRAM", 20000)));
        given().when().get("/api/v1/influencers/" + id + "/reviews/" + unknown).then().statusCode(404)
                .body("detail", is("Review " + unknown + " does not exist"));
        given().when().get("/api/v1/influencers/" + id + "/reviews/12").then().statusCode(400)
                .body("errors[0].field", is("reviewId"));
        given().when().get("/api/v1/influencers/" + id + "/reviews?size=0").then().statusCode(400)
                .body("errors[0].field", is("size"));

        // A review is found only under its own influencer.
        String other = create(influencer(channel("INSTAGRAM", 20000)));
        String reviewId = post(other, review(4, 4, 4, 4)).statusCode(201).extract().path("id");
        given().when().get("/api/v1/influencers/" + id + "/reviews/" + reviewId).then().statusCode(404);
        given().when().get("/api/v1/influencers/" + other + "/reviews/" + reviewId).then().statusCode(200)
                .body("id", not(nullValue()));
    }
}
