package dev.microscout.ingest;

import dev.microscout.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Post and follower-snapshot files: good and bad lines, exact counts and reasons, and the same file twice. */
@QuarkusTest
class MetricsImportApiTest {

    @jakarta.inject.Inject
    dev.microscout.support.ChainRecorder chain;

    private static final String POST_HEADER = "platform,handle,externalId,postedAt,format,likes,comments,saves,shares,tags\n";

    @Test
    void postLinesAreUpsertedByChannelAndExternalIdAndTheFiguresFollow() {
        Map<String, Object> channel = Fixtures.channel("INSTAGRAM", 20_000);
        String handle = ((String) channel.get("handle")).substring(1);
        Fixtures.create(Fixtures.influencer(channel));
        String day = OffsetDateTime.now(ZoneOffset.UTC).minusDays(3).withNano(0).toString();
        String csv = POST_HEADER
                + "INSTAGRAM," + handle + ",p1," + day + ",REEL,800,40,10,5,skincare|sunscreen\n"
                + "INSTAGRAM," + handle + ",p2," + day + ",PHOTO,1000,50,0,0,\n"
                + "INSTAGRAM," + handle + ",p3," + day + ",photo,600,30,,,\n"
                // line 5: the channel is unknown; line 6: a negative count; line 7: a date in the future; line 8: unknown format
                + "INSTAGRAM,nobody.at.all.zz,p4," + day + ",REEL,1,1,,,\n"
                + "INSTAGRAM," + handle + ",p5," + day + ",REEL,-1,1,,,\n"
                + "INSTAGRAM," + handle + ",p6,2099-01-01T00:00:00Z,REEL,1,1,,,\n"
                + "INSTAGRAM," + handle + ",p7," + day + ",HOLOGRAM,1,1,,,\n";
        String id = Imports.send("posts", Imports.CSV, csv);
        ExtractableResponse<Response> job = Imports.awaitEnd(id);
        assertEquals(List.of(3, 0, 0, 4), List.of(job.<Integer>path("created"), job.<Integer>path("updated"),
                job.<Integer>path("unchanged"), job.<Integer>path("failed")), () -> Imports.errors(id).asString());
        ExtractableResponse<Response> errors = Imports.errors(id);
        assertEquals(List.of(5, 6, 7, 8), errors.path("items.line"));
        assertEquals(List.of("handle", "likes", "postedAt", "format"), errors.path("items.field"));
        assertEquals("no channel INSTAGRAM/nobody.at.all.zz in the catalogue", errors.path("items[0].reason"));

        // The figures are those of three posts at 20,000 followers: engagement rates 855/20000, 1050/20000, 630/20000;
        // the median is 855 / 20000 = 0.04275.
        String channelId = given().queryParam("minFollowers", 20_000).queryParam("maxFollowers", 20_000).queryParam("size", 100)
                .get("/api/v1/influencers").then().extract()
                .path("items.collect { it.channels }.flatten().find { it.handle == '" + handle + "' }.id");
        given().get("/api/v1/channels/" + channelId + "/metrics").then().statusCode(200)
                .body("engagementRate.value", is(0.04275)).body("window.posts", is(3));

        // The same file again changes no post; one changed count is one update.
        ExtractableResponse<Response> again = Imports.run("posts", Imports.CSV, csv);
        assertEquals(List.of(0, 0, 3, 4), List.of(again.<Integer>path("created"), again.<Integer>path("updated"),
                again.<Integer>path("unchanged"), again.<Integer>path("failed")));
        String ndjson = "{\"channelId\":\"" + channelId + "\",\"externalId\":\"p2\",\"postedAt\":\"" + day + "\",\"format\":\"PHOTO\","
                + "\"likes\":1200,\"comments\":50}\n";
        ExtractableResponse<Response> changed = Imports.run("posts", Imports.NDJSON, ndjson);
        assertEquals(List.of(0, 1, 0, 0), List.of(changed.<Integer>path("created"), changed.<Integer>path("updated"),
                changed.<Integer>path("unchanged"), changed.<Integer>path("failed")));
    }

    @Test
    void aChunkOfSeveralChannelsPostsIsStoredTogetherAndARepeatedPostsLaterLineWins() {
        Map<String, Object> first = Fixtures.channel("INSTAGRAM", 20_000);
        Map<String, Object> second = Fixtures.channel("INSTAGRAM", 10_000);
        String a = ((String) first.get("handle")).substring(1);
        String b = ((String) second.get("handle")).substring(1);
        UUID creatorA = UUID.fromString(Fixtures.create(Fixtures.influencer(first)));
        UUID creatorB = UUID.fromString(Fixtures.create(Fixtures.influencer(second)));
        String day = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).withNano(0).toString();
        String csv = POST_HEADER
                + "INSTAGRAM," + a + ",a1," + day + ",REEL,800,40,,,\n"
                + "INSTAGRAM," + b + ",b1," + day + ",REEL,100,5,,,\n"
                + "INSTAGRAM," + a + ",a2," + day + ",REEL,700,10,,,\n"
                + "INSTAGRAM," + b + ",b2," + day + ",REEL,200,10,,,\n"
                + "INSTAGRAM," + a + ",a3," + day + ",REEL,600,30,,,\n"
                + "INSTAGRAM," + b + ",b3," + day + ",REEL,300,15,,,\n"
                // a2 again, later in the file: it is what stays, as a later request's would
                + "INSTAGRAM," + a + ",a2," + day + ",REEL,1000,50,,,\n";
        java.util.Set<UUID> both = java.util.Set.of(creatorA, creatorB);
        int before = chain.announcementsNaming(both).size();
        ExtractableResponse<Response> job = Imports.run("posts", Imports.CSV, csv);
        assertEquals(List.of(6, 1, 0, 0), List.of(job.<Integer>path("created"), job.<Integer>path("updated"),
                job.<Integer>path("unchanged"), job.<Integer>path("failed")));

        // A: 840, 1050, 630 engagements at 20,000 followers, median 840 / 20000 = 0.042;
        // B: 105, 210, 315 at 10,000, median 210 / 10000 = 0.021.
        given().get("/api/v1/channels/" + channelOf(creatorA) + "/metrics").then().statusCode(200)
                .body("engagementRate.value", is(0.042)).body("window.posts", is(3));
        given().get("/api/v1/channels/" + channelOf(creatorB) + "/metrics").then().statusCode(200)
                .body("engagementRate.value", is(0.021)).body("window.posts", is(3));
        // The chunk's two creators went on to reputation and the search rows together, once.
        List<Map.Entry<String, java.util.Set<UUID>>> announced = chain.announcementsNaming(both);
        assertEquals(List.of(Map.entry("metrics", both), Map.entry("reputation", both)),
                announced.subList(before, announced.size()));
    }

    private static String channelOf(UUID influencerId) {
        return given().get("/api/v1/influencers/" + influencerId).then().statusCode(200).extract().path("channels[0].id");
    }

    @Test
    void snapshotLinesMoveTheFollowerCountAndTheTier() {
        Map<String, Object> channel = Fixtures.channel("TIKTOK", 9_000);
        String handle = ((String) channel.get("handle")).substring(1);
        String influencerId = Fixtures.create(Fixtures.influencer(channel));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // Semicolons, as a spreadsheet in many locales writes them.
        String csv = "platform;handle;date;followers\n"
                + "TIKTOK;" + handle + ";" + today.minusDays(2) + ";9500\n"
                + "TIKTOK;" + handle + ";" + today.minusDays(1) + ";9900\n"
                + "TIKTOK;" + handle + ";" + today + ";10000\n"
                + "TIKTOK;" + handle + ";" + today.plusDays(3) + ";10001\n"
                + "TIKTOK;" + handle + ";not-a-date;1\n";
        String id = Imports.send("snapshots", Imports.CSV, csv);
        ExtractableResponse<Response> job = Imports.awaitEnd(id);
        assertEquals(List.of(3, 0, 0, 2), List.of(job.<Integer>path("created"), job.<Integer>path("updated"),
                job.<Integer>path("unchanged"), job.<Integer>path("failed")), () -> Imports.errors(id).asString());
        assertEquals(List.of(5, 6), Imports.errors(id).path("items.line"));
        given().get("/api/v1/influencers/" + influencerId).then()
                .body("channels[0].followers", is(10000)).body("channels[0].tier", is("MICRO"));
        given().get("/api/v1/influencers/" + influencerId + "/tier-history").then()
                .body("[0].toTier", is("MICRO")).body("[0].followers", is(10000));
        ExtractableResponse<Response> again = Imports.run("snapshots", Imports.CSV, csv);
        assertEquals(List.of(0, 0, 3, 2), List.of(again.<Integer>path("created"), again.<Integer>path("updated"),
                again.<Integer>path("unchanged"), again.<Integer>path("failed")));
    }
}
