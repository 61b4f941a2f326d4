package dev.microscout.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@TestProfile(RateLimitTest.TightLimits.class)
class RateLimitTest {

    /** A real configuration variant: 5 requests at once, 0.5 per second after that. */
    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("microscout.security.rate-limit.burst", "5",
                    "microscout.security.rate-limit.requests-per-second", "0.5");
        }
    }

    @Test
    void theRequestAfterTheBurstIs429WithRetryAfter() {
        // The bucket starts with 5 tokens; each request takes one, so 4, 3, 2, 1, 0 remain (the refill of 0.5 per
        // second adds well under one token while the loop runs). The sixth finds under one token: it needs
        // (1 − tokens) / 0.5 s, just under 2 s, rounded up to Retry-After: 2.
        for (int i = 5; i >= 1; i--) {
            given().when().get("/api/v1/tiers").then().statusCode(200)
                    .header("RateLimit-Limit", "5")
                    .header("RateLimit-Remaining", String.valueOf(i - 1));
        }
        given().when().get("/api/v1/tiers").then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", is(429))
                .header("Retry-After", "2")
                .header("RateLimit-Remaining", "0")
                .header("RateLimit-Reset", notNullValue());
    }
}
