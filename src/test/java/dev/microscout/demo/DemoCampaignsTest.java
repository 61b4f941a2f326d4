package dev.microscout.demo;

import dev.microscout.support.Organisations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's campaigns, made for an organisation over the demo catalogue: every campaign endpoint has real answers,
 * and the insights have enough collaborations to answer. An organisation without finished campaigns is told it
 * has too few.
 */
@QuarkusTest
class DemoCampaignsTest {

    /** Not the dev seed, nor DemoDataLoaderTest's: handles of their own. */
    static final long SEED = 4_402_117_905L;

    @Inject
    DemoDataLoader loader;
    @Inject
    DemoCampaigns campaigns;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theDemoOrganisationGetsTwoFinishedCampaignsAndAnActiveOne() {
        List<UUID> creators = loader.load(300, SEED);
        Organisations.Organisation agency = Organisations.create();
        try {
            given().header("X-API-Key", agency.editor()).get("/api/v1/campaigns/insights").then().statusCode(200)
                    .body("enough", is(false)).body("collaborations", is(0)).body("learned", is(false))
                    .body("suggestedWeights.nicheFit", is(0.4));
            assertEquals(3, (int) activated(() -> campaigns.load(UUID.fromString(agency.id()), SEED)));
            assertEquals(0, (int) activated(() -> campaigns.load(UUID.fromString(agency.id()), SEED)), "made once");

            ExtractableResponse<Response> done = given().header("X-API-Key", agency.editor()).get("/api/v1/campaigns?status=DONE")
                    .then().statusCode(200).body("total", is(2)).extract();
            given().header("X-API-Key", agency.editor()).get("/api/v1/campaigns?status=ACTIVE").then().body("total", is(1));
            String finished = done.path("items[0].id");
            ExtractableResponse<Response> report = given().header("X-API-Key", agency.editor()).get("/api/v1/campaigns/" + finished + "/report")
                    .then().statusCode(200).body("creators.size()", is(DemoCampaigns.CONTRACTED)).extract();
            List<String> reviewed = report.path("creators.reviewId");
            assertTrue(reviewed.stream().allMatch(java.util.Objects::nonNull), "every contracted creator reviewed: " + reviewed);
            assertTrue((double) report.path("total.costPerMicroConversion") > 0);
            given().header("X-API-Key", agency.editor()).get("/api/v1/campaigns/" + finished + "/shortlist?size=100").then().statusCode(200)
                    .body("total", greaterThanOrEqualTo(DemoCampaigns.CONTRACTED));

            given().header("X-API-Key", agency.editor()).get("/api/v1/campaigns/insights").then().statusCode(200)
                    .body("enough", is(true)).body("collaborations", is(2 * DemoCampaigns.CONTRACTED)).body("campaigns", is(2))
                    .body("learned", is(true)).body("components.size()", is(4));
            given().header("X-API-Key", agency.editor()).contentType("application/json").body(java.util.Map.of("weights", "learned"))
                    .post("/api/v1/discovery/searches").then().statusCode(200)
                    .body("weightsNote", is("Learned from 24 collaborations of your 2 finished campaigns (GET /api/v1/campaigns/insights)"));
        } finally {
            creators.forEach(id -> given().when().delete("/api/v1/influencers/" + id).then().statusCode(204));
            // The loader refreshed the peer baselines with these creators in them: leave none behind for other tests.
            given().when().post("/api/v1/metrics/peer-baselines/refresh").then().statusCode(200);
        }
    }

    private static <T> T activated(java.util.function.Supplier<T> work) {
        io.quarkus.arc.ManagedContext context = io.quarkus.arc.Arc.container().requestContext();
        boolean activate = !context.isActive();
        if (activate) {
            context.activate();
        }
        try {
            return work.get();
        } finally {
            if (activate) {
                context.terminate();
            }
        }
    }
}
