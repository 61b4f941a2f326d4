package dev.microscout.ingest;

import dev.microscout.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The list exported as CSV or NDJSON, with its filters, and imported back: nothing changes. */
@QuarkusTest
class ExportImportRoundTripTest {

    /** Two creators whose largest channel has a follower count no other test uses, so a filter selects just them. */
    private long followers;
    private String first;
    private String second;

    private void createCreators() {
        followers = 500_000 + ThreadLocalRandom.current().nextInt(400_000_000);
        Map<String, Object> richChannel = Fixtures.channel("INSTAGRAM", followers);
        richChannel.put("url", "https://instagram.com/x");
        richChannel.put("verified", true);
        richChannel.put("audience", Map.of("genderShares", Map.of("female", 0.72, "male", 0.27),
                "ageShares", Map.of("18-24", 0.41, "25-34", 0.38), "countryShares", Map.of("ID", 0.86, "MY", 0.07)));
        Map<String, Object> a = Fixtures.influencer(richChannel, Fixtures.channel("TIKTOK", 12_345));
        a.put("bio", "Skincare, \"honest\" reviews;\nlocal brands");
        a.put("niches", List.of(Map.of("niche", "skincare", "weight", 0.8), Map.of("niche", "makeup", "weight", 0.15)));
        a.put("rateCard", Map.of("currency", "IDR", "pricePerPost", 2500000.5));
        first = Fixtures.create(a);
        Map<String, Object> b = Fixtures.influencer(Fixtures.channel("YOUTUBE", followers));
        b.remove("bio");
        b.remove("city");
        b.remove("contactEmail");
        b.remove("rateCard");
        b.put("languages", List.of());
        b.put("niches", List.of());
        second = Fixtures.create(b);
    }

    private ExtractableResponse<Response> export(String accept) {
        return given().accept(accept).queryParam("minFollowers", followers).queryParam("maxFollowers", followers)
                .get("/api/v1/influencers").then().statusCode(200).extract();
    }

    @Test
    void aCsvExportImportedBackChangesNothing() {
        createCreators();
        ExtractableResponse<Response> export = export("text/csv");
        assertTrue(export.contentType().startsWith("text/csv"), export.contentType());
        String csv = export.asString();
        String[] lines = csv.split("\r\n");
        assertEquals("influencerId,ref,displayName,bio,country,city,languages,contactEmail,niches,rateCurrency,ratePerPost,platform,"
                + "handle,url,followers,following,verified,genderShares,ageShares,countryShares", lines[0]);
        assertTrue(csv.contains("skincare:0.8|makeup:0.15"), csv);
        assertTrue(csv.contains("female:0.72|male:0.27"), csv);
        int versionBefore = given().get("/api/v1/influencers/" + first).then().extract().path("version");

        ExtractableResponse<Response> job = Imports.run("influencers", Imports.CSV, csv);
        // Three channels, three lines, none of which says anything new.
        assertEquals(List.of(0, 0, 3, 0), List.of(job.<Integer>path("created"), job.<Integer>path("updated"),
                job.<Integer>path("unchanged"), job.<Integer>path("failed")), () -> Imports.errors(job.path("id")).asString());
        given().get("/api/v1/influencers/" + first).then().body("version", is(versionBefore))
                .body("bio", is("Skincare, \"honest\" reviews;\nlocal brands"));
    }

    @Test
    void anNdjsonExportImportedBackChangesNothing() {
        createCreators();
        String ndjson = export("application/x-ndjson").asString();
        assertEquals(3, ndjson.lines().count(), ndjson);
        assertTrue(ndjson.contains("\"niches\":[{\"niche\":\"skincare\",\"weight\":0.8}"), ndjson);
        ExtractableResponse<Response> job = Imports.run("influencers", Imports.NDJSON, ndjson);
        assertEquals(List.of(0, 0, 3, 0), List.of(job.<Integer>path("created"), job.<Integer>path("updated"),
                job.<Integer>path("unchanged"), job.<Integer>path("failed")), () -> Imports.errors(job.path("id")).asString());
    }

    @Test
    void anExportFollowsTheFiltersAndLeavesDeletedCreatorsOut() {
        createCreators();
        given().delete("/api/v1/influencers/" + second).then().statusCode(204);
        String csv = export("text/csv").asString();
        assertEquals(1 + 2, csv.split("\r\n").length, csv);
        assertTrue(csv.contains(first));
        given().accept("text/csv").queryParam("platform", "YOUTUBE").queryParam("minFollowers", followers)
                .queryParam("maxFollowers", followers).get("/api/v1/influencers").then().statusCode(200)
                .body(not(containsString(first)));
        // A filter the list refuses is refused before anything is streamed.
        given().accept("text/csv").queryParam("niche", "no-such-niche").get("/api/v1/influencers").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("niche"));
    }
}
