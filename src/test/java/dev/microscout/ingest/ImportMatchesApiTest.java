package dev.microscout.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microscout.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A creator, its posts and its follower history sent through the API, and the same data imported for a twin
 * creator: every stored result (profile, channel, tier, metrics, authenticity, reputation) is the same.
 */
@QuarkusTest
class ImportMatchesApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What necessarily differs between the twins: ids, handles and the moments of writing. */
    private static final Set<String> OWN = Set.of("id", "influencerId", "channelId", "handle", "url", "createdAt", "updatedAt",
            "computedAt", "start", "end", "changedAt");

    @Test
    void aLineImportedAndTheSameDataSentThroughTheApiStoreTheSame() throws Exception {
        String apiHandle = Fixtures.uniqueHandle("api");
        String importHandle = Fixtures.uniqueHandle("imp");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        LocalDate today = now.toLocalDate();

        // Through the API.
        Map<String, Object> channel = Map.of("platform", "INSTAGRAM", "handle", apiHandle, "followers", 24_000, "following", 1_500,
                "audience", Map.of("genderShares", Map.of("female", 0.7), "ageShares", Map.of("18-24", 0.5)));
        Map<String, Object> profile = Map.of("displayName", "Twin", "bio", "Street food, every night", "country", "ID",
                "city", "Medan", "languages", List.of("id"), "niches", List.of(Map.of("niche", "street-food", "weight", 1.0)),
                "rateCard", Map.of("currency", "IDR", "pricePerPost", 750000));
        Map<String, Object> create = new java.util.HashMap<>(profile);
        create.put("channels", List.of(channel));
        String apiId = Fixtures.create(create);
        String apiChannel = given().get("/api/v1/influencers/" + apiId).then().extract().path("channels[0].id");
        List<Map<String, Object>> posts = List.of(
                post("a", now.minusDays(2), "REEL", 1200, 30, 50, 20),
                post("b", now.minusDays(5), "PHOTO", 900, 12, 5, 1),
                post("c", now.minusDays(9), "REEL", 1500, 4, 0, 0),
                post("d", now.minusDays(12), "CAROUSEL", 700, 25, 40, 9));
        Fixtures.post("/api/v1/channels/" + apiChannel + "/posts", Map.of("posts", posts)).statusCode(200);
        List<Map<String, Object>> snapshots = List.of(Map.of("date", today.minusDays(40).toString(), "followers", 20_000),
                Map.of("date", today.minusDays(1).toString(), "followers", 23_000),
                Map.of("date", today.toString(), "followers", 25_000));
        Fixtures.post("/api/v1/channels/" + apiChannel + "/follower-snapshots", Map.of("snapshots", snapshots)).statusCode(200);

        // The same data, imported.
        String influencers = "ref,displayName,bio,country,city,languages,niches,rateCurrency,ratePerPost,platform,handle,followers,"
                + "following,genderShares,ageShares\n"
                + "twin,Twin,\"Street food, every night\",ID,Medan,id,street-food:1,IDR,750000,INSTAGRAM," + importHandle
                + ",24000,1500,female:0.7,18-24:0.5\n";
        assertEquals(1, (int) Imports.run("influencers", Imports.CSV, influencers).path("created"));
        StringBuilder postLines = new StringBuilder("platform,handle,externalId,postedAt,format,likes,comments,saves,shares\n");
        for (Map<String, Object> p : posts) {
            postLines.append("INSTAGRAM,").append(importHandle).append(',').append(p.get("externalId")).append(',')
                    .append(p.get("postedAt")).append(',').append(p.get("format")).append(',').append(p.get("likes")).append(',')
                    .append(p.get("comments")).append(',').append(p.get("saves")).append(',').append(p.get("shares")).append('\n');
        }
        assertEquals(4, (int) Imports.run("posts", Imports.CSV, postLines.toString()).path("created"));
        StringBuilder snapshotLines = new StringBuilder("platform,handle,date,followers\n");
        for (Map<String, Object> s : snapshots) {
            snapshotLines.append("INSTAGRAM,").append(importHandle).append(',').append(s.get("date")).append(',')
                    .append(s.get("followers")).append('\n');
        }
        assertEquals(3, (int) Imports.run("snapshots", Imports.CSV, snapshotLines.toString()).path("created"));

        String importId = given().queryParam("minFollowers", 25_000).queryParam("maxFollowers", 25_000).queryParam("size", 100)
                .get("/api/v1/influencers").then().extract()
                .path("items.find { it.channels.any { c -> c.handle == '" + importHandle + "' } }.id");
        String importChannel = given().get("/api/v1/influencers/" + importId).then().extract().path("channels[0].id");

        assertEquals(comparable("/api/v1/influencers/" + apiId, apiHandle), comparable("/api/v1/influencers/" + importId, importHandle));
        assertEquals(comparable("/api/v1/channels/" + apiChannel + "/metrics", apiHandle),
                comparable("/api/v1/channels/" + importChannel + "/metrics", importHandle));
        assertEquals(comparable("/api/v1/influencers/" + apiId + "/reputation", apiHandle),
                comparable("/api/v1/influencers/" + importId + "/reputation", importHandle));
        assertEquals(comparable("/api/v1/influencers/" + apiId + "/tier-history", apiHandle),
                comparable("/api/v1/influencers/" + importId + "/tier-history", importHandle));
    }

    private static Map<String, Object> post(String id, OffsetDateTime at, String format, int likes, int comments, int saves, int shares) {
        return Map.of("externalId", id, "postedAt", at.toString(), "format", format, "likes", likes, "comments", comments,
                "saves", saves, "shares", shares);
    }

    /** The answer without what necessarily differs between the twins. */
    private static JsonNode comparable(String path, String handle) throws Exception {
        JsonNode node = JSON.readTree(given().get(path).then().statusCode(200).extract().asString().replace(handle, "HANDLE"));
        strip(node);
        return node;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(OWN);
        }
        node.forEach(ImportMatchesApiTest::strip);
    }
}
