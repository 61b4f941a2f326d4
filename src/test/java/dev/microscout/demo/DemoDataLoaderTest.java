package dev.microscout.demo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class DemoDataLoaderTest {

    /** Not the dev seed, so the handles differ from anything else a test creates. */
    static final long SEED = 7_160_203_391L;

    @Inject
    DemoDataLoader loader;
    @Inject
    DemoDataConfig config;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void neverLoadsAtStartInTests() {
        assertFalse(config.enabled());
    }

    @Test
    void loadsCreatorsThroughTheServiceSoTheApiServesThem() {
        long before = total();
        List<UUID> ids = loader.load(20, SEED);
        try {
            assertEquals(20, ids.size());
            assertEquals(before + 20, total());
            given().when().get("/api/v1/influencers/" + ids.get(0)).then().statusCode(200)
                    .body("displayName", is(new DemoCatalogue(SEED).influencer(0).displayName()));
        } finally {
            ids.forEach(id -> given().when().delete("/api/v1/influencers/" + id).then().statusCode(204));
            // The loader refreshed the peer baselines with these creators in them: leave none behind for other tests.
            given().when().post("/api/v1/metrics/peer-baselines/refresh").then().statusCode(200);
        }
        assertEquals(before, total());
    }

    private static long total() {
        return given().when().get("/api/v1/influencers?size=1").then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }
}
