package dev.microscout.ingest;

import dev.microscout.support.ChainRecorder;
import dev.microscout.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A chunk of import lines is one unit of the write path: each later step (metrics, reputation, search rows) runs
 * once for all the chunk's creators, where the same creators sent one request each would set it off once per request.
 */
@QuarkusTest
class ImportChainTest {

    private static final String HEADER = "ref,displayName,country,city,languages,niches,platform,handle,followers\n";

    @Inject
    ChainRecorder chain;

    @Test
    void theChainRunsOncePerChunkForAllItsCreators() {
        String a = Fixtures.uniqueHandle("chunk_a");
        String b = Fixtures.uniqueHandle("chunk_b");
        String c = Fixtures.uniqueHandle("chunk_c");
        // A city of this test's own, so that its searches see only these creators.
        String city = "Chunk " + UUID.randomUUID().toString().substring(0, 8);
        String csv = HEADER
                + "a,Ayu,ID," + city + ",id,skincare:1,INSTAGRAM," + a + ",12000\n"
                + "a,Ayu,ID," + city + ",id,skincare:1,TIKTOK," + a + ",3000\n"
                + "b,Bayu,ID," + city + ",id,food:1,INSTAGRAM," + b + ",45000\n"
                + "c,Citra,ID," + city + ",en,travel:1,YOUTUBE," + c + ",60000\n";
        String id = Imports.send("influencers", Imports.CSV, csv);
        assertEquals("DONE", Imports.awaitEnd(id).path("status"));

        Map<String, UUID> byHandle = new java.util.HashMap<>();
        for (String handle : List.of(a, b, c)) {
            byHandle.put(handle, UUID.fromString(given().queryParam("size", 100).queryParam("country", "ID").queryParam("sort", "-createdAt")
                    .get("/api/v1/influencers").then().statusCode(200).extract()
                    .path("items.find { it.channels.any { ch -> ch.handle == '" + handle + "' } }.id")));
        }
        Set<UUID> created = new HashSet<>(byHandle.values());
        assertEquals(3, created.size());
        // One announcement per step, naming all three creators: not three (one per creator) nor four (one per line).
        List<Map.Entry<String, Set<UUID>>> announced = chain.announcementsNaming(created);
        assertEquals(List.of("catalogue", "metrics", "reputation"), announced.stream().map(Map.Entry::getKey).toList());
        announced.forEach(e -> assertEquals(created, e.getValue(), e.getKey()));
        // That one pass wrote every creator's search rows: each is found by its niche, with all its channels.
        Fixtures.post("/api/v1/discovery/searches", Map.of("cities", List.of(city),
                        "niches", List.of(Map.of("niche", "skincare", "weight", 1.0))))
                .statusCode(200).body("total", org.hamcrest.Matchers.is(1))
                .body("results[0].influencer.id", org.hamcrest.Matchers.is(byHandle.get(a).toString()));
        Fixtures.post("/api/v1/discovery/searches", Map.of("cities", List.of(city),
                        "niches", List.of(Map.of("niche", "travel", "weight", 1.0))))
                .statusCode(200).body("total", org.hamcrest.Matchers.is(1))
                .body("results[0].influencer.id", org.hamcrest.Matchers.is(byHandle.get(c).toString()));
    }
}
