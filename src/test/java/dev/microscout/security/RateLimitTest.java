package dev.microscout.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import dev.microscout.support.TestKeys;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@TestProfile(RateLimitTest.TightLimits.class)
class RateLimitTest {

    /** A real configuration variant: 5 requests at once, 0.5 per second after that. */
    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("microscout.security.rate-limit.burst", "5",
                    "microscout.security.rate-limit.requests-per-second", "0.5",
                    "microscout.security.rate-limit.failed-authentication.burst", "3",
                    "microscout.security.rate-limit.failed-authentication.per-second", "0.01",
                    "microscout.security.rate-limit.failed-authentication.max-tracked-addresses", "1000");
        }
    }

    @Inject
    RateLimiter limiter;

    @BeforeEach
    void freshBuckets() {
        limiter.reset();
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

    @Test
    void badSecretsWithAKeysPrefixDoNotDrainThatKey() {
        // The editor key's public prefix with a wrong secret: 401, and the editor's own bucket is untouched.
        String forged = TestKeys.EDITOR.substring(0, 13) + "x".repeat(43);
        for (int i = 0; i < 3; i++) {
            given().header("X-API-Key", forged).when().get("/api/v1/tiers").then().statusCode(401);
        }
        // The failures belong to the address: the fourth bad attempt is refused without a look-up.
        given().header("X-API-Key", forged).when().get("/api/v1/tiers").then().statusCode(429)
                .contentType("application/problem+json")
                .body("detail", containsString("failed authentications"))
                .header("Retry-After", notNullValue());
        limiter.reset();
        given().header("X-API-Key", TestKeys.EDITOR).when().get("/api/v1/tiers").then().statusCode(200)
                .header("RateLimit-Remaining", "4");
    }

    @Test
    void thousandsOfInventedKeysHoldNoStateAndCostNoLookUpsOnceTheAddressIsOverItsFailures() {
        // 5,000 distinct well-formed keys that do not exist: the first 3 are looked up and fail (401), the rest
        // are refused at once (429); no bucket is kept for any of them, and one entry for the address.
        int unauthorized = 0;
        int limited = 0;
        for (int i = 0; i < 5000; i++) {
            String invented = "msk_" + String.format("%08d", i).replace('0', 'a').replace('1', 'b') + "_" + "k".repeat(43);
            int status = given().header("X-API-Key", invented).when().get("/api/v1/tiers").then().extract().statusCode();
            if (status == 401) {
                unauthorized++;
            } else if (status == 429) {
                limited++;
            }
        }
        assertEquals(3, unauthorized);
        assertEquals(4997, limited);
        assertEquals(0, limiter.trackedKeys());
        assertEquals(1, limiter.trackedAddresses());
    }

    @Test
    void failedAuthenticationStateIsCappedWhateverTheNumberOfAddresses() {
        // The address map holds at most max-tracked-addresses (1,000 here), however many addresses fail.
        for (int i = 0; i < 20_000; i++) {
            limiter.failed("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertTrue(limiter.trackedAddresses() <= 1000, "tracked " + limiter.trackedAddresses());
    }
}
