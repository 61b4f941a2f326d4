package dev.microscout.platform;

import dev.microscout.support.ChainRecorder;
import dev.microscout.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.microscout.support.Fixtures.channel;
import static dev.microscout.support.Fixtures.influencer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every write runs each step after it once, in the order catalogue → metrics → reputation (→ search rows). */
@QuarkusTest
class OneWritePathTest {

    private static final List<String> FROM_CATALOGUE = List.of("catalogue", "metrics", "reputation");

    @Inject
    ChainRecorder chain;

    @Test
    void eachWriteRunsEachLaterStepOnce() {
        String id = Fixtures.create(influencer(channel("INSTAGRAM", 20_000)));
        UUID influencer = UUID.fromString(id);
        assertEquals(FROM_CATALOGUE, chain.take(influencer), "create");

        var current = given().get("/api/v1/influencers/" + id).then().extract();
        String channelId = current.path("channels[0].id");
        String postedAt = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).withNano(0).toString();
        Fixtures.post("/api/v1/channels/" + channelId + "/posts", Map.of("posts", List.of(
                Map.of("externalId", "a", "postedAt", postedAt,
                        "format", "PHOTO", "likes", 800, "comments", 40)))).statusCode(200);
        assertEquals(List.of("metrics", "reputation"), chain.take(influencer), "post batch");
        Fixtures.post("/api/v1/channels/" + channelId + "/posts", Map.of("posts", List.of(
                Map.of("externalId", "a", "postedAt", postedAt, "format", "PHOTO", "likes", 800, "comments", 40))))
                .statusCode(200).body("created", org.hamcrest.Matchers.is(0)).body("unchanged", org.hamcrest.Matchers.is(1));
        assertEquals(List.of(), chain.take(influencer), "the same post batch again changes nothing");

        // Snapshots are catalogue data (the newest is the follower count): the whole chain follows, once.
        Map<String, Object> snapshots = Map.of("snapshots", List.of(Map.of("date", java.time.LocalDate.now(ZoneOffset.UTC).toString(),
                "followers", 120_000)));
        Fixtures.post("/api/v1/channels/" + channelId + "/follower-snapshots", snapshots).statusCode(200)
                .body("tier", org.hamcrest.Matchers.is("MACRO"));
        assertEquals(FROM_CATALOGUE, chain.take(influencer), "snapshot batch");
        Fixtures.post("/api/v1/channels/" + channelId + "/follower-snapshots", snapshots).statusCode(200);
        assertEquals(List.of(), chain.take(influencer), "the same snapshots again change nothing");

        // A channel replacement used to recompute the reputation twice and write the search rows twice.
        String etag = given().get("/api/v1/influencers/" + id + "/channels/" + channelId).then().extract().header("ETag");
        Map<String, Object> replaced = channel("INSTAGRAM", 25_000);
        given().contentType("application/json").header("If-Match", etag).body(replaced)
                .when().put("/api/v1/influencers/" + id + "/channels/" + channelId).then().statusCode(200);
        assertEquals(FROM_CATALOGUE, chain.take(influencer), "channel replacement");

        Fixtures.post("/api/v1/influencers/" + id + "/reviews",
                Map.of("contentQuality", 5, "professionalism", 4, "timeliness", 4, "communication", 5,
                        "campaignId", UUID.randomUUID().toString())).statusCode(201);
        assertEquals(List.of("reputation"), chain.take(influencer), "review");
    }
}
