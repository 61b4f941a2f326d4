package dev.microscout.tier;

import dev.microscout.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class TierApiTest {

    @ParameterizedTest
    @CsvSource({"0,NANO", "9999,NANO", "10000,MICRO", "100000,MICRO", "100001,MACRO"})
    void classifiesAtTheBoundaries(long followers, String tier) {
        given().queryParam("followers", followers)
                .when().get("/api/v1/tiers/classify")
                .then().statusCode(200)
                .body("followers", equalTo((int) followers))
                .body("tier", is(tier));
    }

    @ParameterizedTest
    @CsvSource({"0,NANO", "9999,NANO", "10000,MICRO", "100000,MICRO", "100001,MACRO"})
    void aNewChannelGetsTheTierOfItsFollowers(long followers, String tier) {
        Fixtures.post("/api/v1/influencers", Fixtures.influencer(Fixtures.channel("INSTAGRAM", followers)))
                .statusCode(201)
                .body("channels[0].tier", is(tier))
                .body("tier", is(tier));
    }

    @Test
    void servesTheConfiguredThresholds() {
        given().when().get("/api/v1/tiers")
                .then().statusCode(200)
                .body("tier", contains("NANO", "MICRO", "MACRO"))
                .body("minFollowers", contains(0, 10000, 100001))
                .body("[0].maxFollowers", is(9999))
                .body("[1].maxFollowers", is(100000))
                .body("[2].maxFollowers", nullValue());
    }

    @Test
    void refusesANegativeOrMissingOrNonNumericFollowerCount() {
        given().queryParam("followers", -1).when().get("/api/v1/tiers/classify")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("followers"));
        given().when().get("/api/v1/tiers/classify")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("followers"));
        given().queryParam("followers", "many").when().get("/api/v1/tiers/classify")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("followers"));
    }
}
