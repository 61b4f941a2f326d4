package dev.microscout.discovery;

import dev.microscout.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.microscout.support.Fixtures.channel;
import static dev.microscout.support.Fixtures.influencer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/** Searches and lookalikes page through the top 1,000 results and no further. */
@QuarkusTest
class ResultLimitApiTest {

    @Test
    void aSearchPagePastTheTop1000IsA400NamingTheLimit() {
        Fixtures.post("/api/v1/discovery/searches", Map.of("niches", List.of(Map.of("niche", "skincare", "weight", 1)),
                        "page", 10, "size", 100))
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("page"))
                .body("errors[0].message", containsString("top 1000 results"));
        Fixtures.post("/api/v1/discovery/searches", Map.of("page", 9, "size", 100)).statusCode(200)
                .body("page", is(9)).body("size", is(100));
    }

    @Test
    void aLookalikePagePastTheTop1000IsA400NamingTheLimit() {
        String id = Fixtures.create(influencer(channel("INSTAGRAM", 20_000)));
        String channelId = given().get("/api/v1/influencers/" + id).then().extract().path("channels[0].id");
        given().queryParam("page", 20).queryParam("size", 50).when().get("/api/v1/channels/" + channelId + "/lookalikes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("page"));
        given().queryParam("page", 19).queryParam("size", 50).when().get("/api/v1/channels/" + channelId + "/lookalikes")
                .then().statusCode(200);
        given().when().get("/api/v1/channels/" + UUID.randomUUID() + "/lookalikes").then().statusCode(404);
    }
}
