package dev.microscout.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class StatementTimeoutTest {

    @Test
    void everyPooledConnectionCarriesTheConfiguredStatementTimeout() {
        given().when().get("/test-support/statements/timeout").then().statusCode(200).body(is("5s"));
    }

    @Test
    void aStatementPastTheTimeoutAnswers503WithRetryAfterInsteadOfHanging() {
        given().when().get("/test-support/statements/slow").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("status", is(503))
                .body("type", is("https://microscout.dev/problems/service-unavailable"));
    }
}
