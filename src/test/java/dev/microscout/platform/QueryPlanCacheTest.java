package dev.microscout.platform;

import dev.microscout.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.microscout.support.Fixtures.channel;
import static dev.microscout.support.Fixtures.influencer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Repeating a request adds nothing to Hibernate's query plan cache. A native query given a result class used to add a
 * plan at every call (each with the same hash), so that every look-up in the cache grew slower: a post batch's channel
 * lock took a quarter of an import's time that way.
 */
@QuarkusTest
class QueryPlanCacheTest {

    @Inject
    EntityManagerFactory factory;

    @Test
    void repeatedWritesAndReadsReuseTheirQueryPlans() {
        String id = Fixtures.create(influencer(channel("INSTAGRAM", 30_000)));
        String channelId = given().get("/api/v1/influencers/" + id).then().statusCode(200).extract().path("channels[0].id");
        OffsetDateTime postedAt = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).withNano(0);
        // Once to plan every statement, then many times.
        postAndRead(id, channelId, postedAt, 0);
        int before = cachedPlans();
        for (int i = 1; i <= 60; i++) {
            postAndRead(id, channelId, postedAt, i);
        }
        // A plan for each repeat would be 60; the few allowed are for what the background (the import worker's and the
        // webhook dispatcher's polls) may plan for the first time meanwhile.
        int grown = cachedPlans() - before;
        assertTrue(grown < 10, "60 repeats of the same requests added " + grown + " query plans");
    }

    private static void postAndRead(String influencerId, String channelId, OffsetDateTime postedAt, int likes) {
        Fixtures.post("/api/v1/channels/" + channelId + "/posts", Map.of("posts", List.of(
                Map.of("externalId", "p1", "postedAt", postedAt.toString(), "format", "PHOTO", "likes", 500 + likes, "comments", 10))))
                .statusCode(200);
        given().get("/api/v1/influencers/" + influencerId + "/reputation").then().statusCode(200);
    }

    private int cachedPlans() {
        return factory.unwrap(SessionFactoryImplementor.class).getQueryEngine().getInterpretationCache().getNumberOfCachedQueryPlans();
    }
}
