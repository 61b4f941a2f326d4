package dev.microscout.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Swagger UI's groups follow an agency's day, and the API's description opens with a quick start. */
@QuarkusTest
class AgencyOrderTest {

    @Test
    void groupsComeInAnAgencysOrderAfterAQuickStart() {
        var document = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract();
        List<String> tags = document.path("tags.name");
        assertEquals(List.of("Discovery", "Campaigns", "Influencers", "Channels", "Content metrics", "Reputation"), tags.subList(0, 6));
        assertEquals("Audit", tags.get(tags.size() - 1));
        String description = document.path("info.description");
        assertTrue(description.startsWith("**Quick start**"), description);
        assertTrue(description.contains("POST /api/v1/discovery/searches") && description.contains("/shortlist/{influencerId}"), description);
    }
}
