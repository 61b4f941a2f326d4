package dev.microscout.influencer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.microscout.support.Fixtures.channel;
import static dev.microscout.support.Fixtures.create;
import static dev.microscout.support.Fixtures.influencer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each test creates its own influencers in a language nobody else uses (a fresh ISO 639-1 code per test),
 * and filters on it, so totals are exact whatever else the database holds.
 */
@QuarkusTest
class InfluencerListApiTest {

    private static final List<String> RARE_LANGUAGES = List.of("kl", "fo", "se", "gv", "kw", "br", "oc", "co", "sc", "rm");
    private static int next;
    private String language;

    @BeforeEach
    void pickALanguage() {
        language = RARE_LANGUAGES.get(next++ % RARE_LANGUAGES.size()) ;
    }

    private String creator(String name, String country, long followers, String platform, String niche) {
        Map<String, Object> body = influencer(channel(platform, followers));
        body.put("displayName", name);
        body.put("country", country);
        body.put("languages", List.of(language));
        body.put("niches", List.of(Map.of("niche", niche, "weight", 1.0)));
        return create(body);
    }

    @Test
    void pagesCarryTheTotalAndLinkHeaders() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(creator("Page creator " + i, "ID", 1000L * (i + 1), "INSTAGRAM", "baking"));
        }
        Response first = given().queryParam("language", language).queryParam("size", 2).queryParam("sort", "followers")
                .when().get("/api/v1/influencers");
        first.then().statusCode(200)
                .body("total", is(5)).body("page", is(0)).body("size", is(2))
                .body("items", hasSize(2))
                .body("items.id", contains(ids.get(0), ids.get(1)))
                .header("Link", allOf(containsString("rel=\"first\""), containsString("rel=\"next\""),
                        containsString("rel=\"last\""), not(containsString("rel=\"prev\""))))
                .header("Link", containsString("page=2"));

        given().queryParam("language", language).queryParam("size", 2).queryParam("page", 2).queryParam("sort", "followers")
                .when().get("/api/v1/influencers")
                .then().statusCode(200)
                .body("total", is(5)).body("items", hasSize(1)).body("items[0].id", is(ids.get(4)))
                .header("Link", allOf(containsString("rel=\"prev\""), not(containsString("rel=\"next\""))));

        given().queryParam("language", language).queryParam("size", 2).queryParam("page", 7)
                .when().get("/api/v1/influencers")
                .then().statusCode(200).body("total", is(5)).body("items", hasSize(0));
    }

    @Test
    void sortsDescendingWithAMinusSign() {
        String small = creator("Small", "ID", 100, "INSTAGRAM", "baking");
        String large = creator("Large", "ID", 90000, "INSTAGRAM", "baking");
        String middle = creator("Middle", "ID", 5000, "INSTAGRAM", "baking");
        given().queryParam("language", language).queryParam("sort", "-followers").when().get("/api/v1/influencers")
                .then().body("items.id", contains(large, middle, small));
        given().queryParam("language", language).queryParam("sort", "displayName").when().get("/api/v1/influencers")
                .then().body("items.displayName", contains("Large", "Middle", "Small"));
    }

    @Test
    void filtersByTierPlatformCountryNicheAndFollowers() {
        String nanoId = creator("Nano", "ID", 9999, "INSTAGRAM", "skincare");
        String microMy = creator("Micro MY", "MY", 10000, "TIKTOK", "makeup");
        String macro = creator("Macro", "ID", 100001, "YOUTUBE", "gaming");

        assertIds(Map.of("tier", "MICRO"), microMy);
        assertIds(Map.of("tier", "NANO"), nanoId);
        given().queryParam("language", language).queryParam("tier", "NANO").queryParam("tier", "MACRO")
                .when().get("/api/v1/influencers").then().body("total", is(2));
        assertIds(Map.of("platform", "YOUTUBE"), macro);
        assertIds(Map.of("country", "MY"), microMy);
        // A parent niche includes its sub-niches.
        given().queryParam("language", language).queryParam("niche", "beauty").queryParam("sort", "followers")
                .when().get("/api/v1/influencers").then().body("items.id", contains(nanoId, microMy));
        assertIds(Map.of("niche", "makeup"), microMy);
        given().queryParam("language", language).queryParam("minFollowers", 10000).queryParam("maxFollowers", 100000)
                .when().get("/api/v1/influencers").then().body("items.id", contains(microMy));
    }

    private void assertIds(Map<String, String> filter, String... expected) {
        List<String> ids = given().queryParam("language", language).queryParams(filter)
                .when().get("/api/v1/influencers").then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(expected), ids, "filter " + filter);
    }
}
