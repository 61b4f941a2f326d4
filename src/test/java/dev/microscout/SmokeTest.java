package dev.microscout;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class SmokeTest {
    @Test
    void tiers() {
        given().when().get("/api/v1/tiers/classify?followers=10000").then().statusCode(200).body("tier", is("MICRO"));
    }
}
