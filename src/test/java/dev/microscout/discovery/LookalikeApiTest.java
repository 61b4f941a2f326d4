package dev.microscout.discovery;

import dev.microscout.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.microscout.support.Fixtures.influencer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/** Creators live in a country no other test uses (Iceland), and the lookalikes are asked within it. */
@QuarkusTest
class LookalikeApiTest {

    private static String[] creator(String platform, long followers, String niche, double idShare) {
        Map<String, Object> channel = Map.of("platform", platform, "handle", Fixtures.uniqueHandle("look"), "followers", followers,
                "audience", Map.of("countryShares", Map.of("ID", idShare)));
        Map<String, Object> body = influencer(channel);
        body.put("country", "IS");
        body.put("niches", List.of(Map.of("niche", niche, "weight", 1.0)));
        String id = Fixtures.create(body);
        String channelId = given().get("/api/v1/influencers/" + id).then().extract().path("channels[0].id");
        return new String[]{id, channelId};
    }

    @Test
    void theMostSimilarChannelsComeFirstOnTheSamePlatform() {
        String[] source = creator("INSTAGRAM", 20_000, "skincare", 0.9);
        String[] twin = creator("INSTAGRAM", 22_000, "skincare", 0.8);
        String[] bigCousin = creator("INSTAGRAM", 200_000, "makeup", 0.9);
        creator("TIKTOK", 20_000, "skincare", 0.9);
        // twin:   0.5 × 1   + 0.25 × (1 − ln 1.1 / ln 10 = 0.9586073) + 0.25 × min(0.8, 0.9) = 0.9396518
        // cousin: 0.5 × 0.2 + 0.25 × (1 − ln 10 / ln 10 = 0)         + 0.25 × 0.9           = 0.325
        given().queryParam("country", "IS").when().get("/api/v1/channels/" + source[1] + "/lookalikes")
                .then().statusCode(200)
                .body("total", is(2))
                .body("results.influencer.id", contains(twin[0], bigCousin[0]))
                .body("results[0].score", closeTo(0.9396518, 1e-6))
                .body("results[0].components.followerNearness", closeTo(0.9586073, 1e-6))
                .body("results[0].components.audienceOverlap", closeTo(0.8, 1e-9))
                .body("results[1].score", closeTo(0.325, 1e-6))
                .body("results[0].reasons", hasItem(containsString("nearness 0.96")));
        given().queryParam("country", "IS").queryParam("tier", "MACRO").when().get("/api/v1/channels/" + source[1] + "/lookalikes")
                .then().statusCode(200).body("results.influencer.id", contains(bigCousin[0]));
    }

    @Test
    void anUnknownChannelIs404AndBadParametersAre400() {
        given().get("/api/v1/channels/3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b/lookalikes").then().statusCode(404);
        String[] source = creator("INSTAGRAM", 20_000, "skincare", 0.9);
        given().queryParam("size", 0).get("/api/v1/channels/" + source[1] + "/lookalikes").then().statusCode(400)
                .body("errors[0].field", is("size"));
        given().queryParam("tier", "GIGA").get("/api/v1/channels/" + source[1] + "/lookalikes").then().statusCode(400)
                .body("errors[0].field", is("tier"));
    }
}
