package dev.microscout.ingest;

import dev.microscout.support.Fixtures;
import dev.microscout.support.Organisations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Campaign results through the bulk import: the rules of POST …/results, line by line, for the sender's campaigns only. */
@QuarkusTest
class ResultImportApiTest {

    private static final String HEADER = "campaignId,influencerId,post,postedOn,views,reach,likes,comments,saves,shares,linkClicks,dms,"
            + "conversions,costAmount,costCurrency\n";

    @Test
    void resultLinesAreRecordedUnderTheRulesOfTheApiAndASecondUploadChangesNothing() {
        String hired = Fixtures.create(Fixtures.influencer(Fixtures.channel("INSTAGRAM", 40_000)));
        String other = Fixtures.create(Fixtures.influencer(Fixtures.channel("TIKTOK", 30_000)));
        String campaign = given().contentType(ContentType.JSON).body(Map.of("name", "Imported results",
                        "brief", Map.of("niches", List.of(Map.of("niche", "skincare", "weight", 1))),
                        "budget", Map.of("amount", 10_000_000, "currency", "IDR")))
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("status", "CONTRACTED"))
                .put("/api/v1/campaigns/" + campaign + "/shortlist/" + hired).then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of())
                .put("/api/v1/campaigns/" + campaign + "/shortlist/" + other).then().statusCode(201);
        given().header("If-Match", "*").contentType("application/merge-patch+json").body(Map.of("status", "ACTIVE"))
                .patch("/api/v1/campaigns/" + campaign).then().statusCode(200);

        String csv = HEADER
                // line 2: recorded
                + campaign + "," + hired + ",https://www.instagram.com/p/imp1/,2026-11-20,40000,25000,1800,120,300,80,150,20,30,2500000,IDR\n"
                // line 3: a creator only shortlisted, not contracted
                + campaign + "," + other + ",https://www.tiktok.com/@x/video/1,,1000,800,10,1,1,1,1,1,0,100000,IDR\n"
                // line 4: more people reached than saw the post
                + campaign + "," + hired + ",https://www.instagram.com/p/imp2/,,100,200,1,1,1,1,1,1,0,100000,IDR\n";
        ExtractableResponse<Response> job = Imports.run("results", Imports.CSV, csv);
        assertEquals("DONE", job.path("status"));
        assertEquals(List.of(1, 0, 0, 2), List.of(job.<Integer>path("created"), job.<Integer>path("updated"),
                job.<Integer>path("unchanged"), job.<Integer>path("failed")));
        List<Map<String, Object>> errors = Imports.errors(job.path("id")).path("items");
        assertEquals(List.of("3 influencerId is SHORTLISTED on the campaign's shortlist: results are recorded for CONTRACTED creators",
                        "4 reach must not exceed views (100): each person reached saw the post",
                        "4 views must not be less than reach (200)"),
                errors.stream().map(e -> ((Number) e.get("line")).intValue() + " " + e.get("field") + " " + e.get("reason")).toList());
        given().get("/api/v1/campaigns/" + campaign + "/report").then().statusCode(200)
                .body("total.posts", org.hamcrest.Matchers.is(1)).body("total.cpm", org.hamcrest.Matchers.is(62_500.0));

        ExtractableResponse<Response> again = Imports.run("results", Imports.CSV, csv);
        assertEquals(List.of(0, 0, 1, 2), List.of(again.<Integer>path("created"), again.<Integer>path("updated"),
                again.<Integer>path("unchanged"), again.<Integer>path("failed")));

        // Another organisation's file cannot name this campaign.
        Organisations.Organisation stranger = Organisations.create();
        String id = given().header("X-API-Key", stranger.editor()).contentType(Imports.CSV).body(csv).queryParam("kind", "results")
                .post("/api/v1/imports").then().statusCode(202).extract().path("id");
        ExtractableResponse<Response> theirs = awaitAs(stranger.editor(), id);
        assertEquals(3, (int) theirs.path("failed"));
        List<Map<String, Object>> refused = given().header("X-API-Key", stranger.editor()).queryParam("size", 100)
                .get("/api/v1/imports/" + id + "/errors").then().statusCode(200).extract().path("items");
        assertEquals("no campaign " + campaign + " of your organisation", refused.get(0).get("reason"));
        given().get("/api/v1/campaigns/" + campaign + "/report").then().body("total.posts", org.hamcrest.Matchers.is(1));
    }

    private static ExtractableResponse<Response> awaitAs(String key, String id) {
        for (int i = 0; i < 300; i++) {
            ExtractableResponse<Response> job = given().header("X-API-Key", key).get("/api/v1/imports/" + id).then().statusCode(200).extract();
            if (List.of("DONE", "FAILED", "CANCELLED").contains(job.<String>path("status"))) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("import " + id + " did not end");
    }
}
