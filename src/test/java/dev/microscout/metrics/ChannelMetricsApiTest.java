package dev.microscout.metrics;

import dev.microscout.support.Fixtures;
import dev.microscout.support.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.microscout.support.Fixtures.channel;
import static dev.microscout.support.Fixtures.influencer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ChannelMetricsApiTest {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    /** Creates an influencer with one channel and returns [influencerId, channelId]. */
    private static String[] newChannel(String platform, long followers) {
        String id = Fixtures.create(influencer(channel(platform, followers)));
        String channelId = given().get("/api/v1/influencers/" + id).then().extract().path("channels[0].id");
        return new String[]{id, channelId};
    }

    private static Map<String, Object> post(String externalId, int daysAgo, long likes, long comments) {
        Map<String, Object> post = new HashMap<>();
        post.put("externalId", externalId);
        post.put("postedAt", NOW.minusDays(daysAgo).toString());
        post.put("format", "PHOTO");
        post.put("likes", likes);
        post.put("comments", comments);
        return post;
    }

    private static io.restassured.response.ValidatableResponse send(String channelId, List<Map<String, Object>> posts) {
        return Fixtures.post("/api/v1/channels/" + channelId + "/posts", Map.of("posts", posts));
    }

    @Test
    void engagementRateIsTheMedianSoOneViralPostDoesNotInflateIt() {
        String[] ch = newChannel("INSTAGRAM", 10_000);
        // Engagements (likes + comments) 300, 500 and 5,000 on 10,000 followers: rates 0.03, 0.05 and 0.5.
        // The median is 0.05; a mean would have said 0.193.
        send(ch[1], List.of(post("a", 1, 290, 10), post("b", 3, 480, 20), post("viral", 5, 4900, 100)))
                .statusCode(200)
                .body("created", is(3)).body("updated", is(0))
                .body("metrics.engagementRate.value", closeTo(0.05, 1e-12))
                .body("metrics.engagementRate.basedOnPosts", is(3))
                // Conversation: comments / followers = 0.001, 0.002, 0.01 → median 0.002.
                .body("metrics.conversationRate.value", closeTo(0.002, 1e-12))
                .body("metrics.sampleTooSmall", is(false))
                .body("metrics.window.days", is(90))
                .body("metrics.window.posts", is(3));
        given().get("/api/v1/channels/" + ch[1] + "/metrics").then().statusCode(200)
                .body("engagementRate.value", closeTo(0.05, 1e-12))
                .body("computedAt", notNullValue())
                .body("authenticity.score", is(100));
        // Channel reads carry the summary.
        given().get("/api/v1/influencers/" + ch[0]).then()
                .body("channels[0].metrics.engagementRate", closeTo(0.05, 1e-12))
                .body("channels[0].metrics.postsInWindow", is(3));
    }

    @Test
    void resendingAPostUpdatesItInsteadOfAddingOne() {
        String[] ch = newChannel("INSTAGRAM", 10_000);
        send(ch[1], List.of(post("a", 1, 100, 0), post("b", 2, 200, 0), post("c", 3, 300, 0))).statusCode(200);
        // b now has 600 engagements: rates 0.01, 0.06, 0.03 → median 0.03.
        send(ch[1], List.of(post("b", 2, 600, 0))).statusCode(200)
                .body("created", is(0)).body("updated", is(1))
                .body("metrics.engagementRate.value", closeTo(0.03, 1e-12));
        given().get("/api/v1/channels/" + ch[1] + "/posts").then().statusCode(200)
                .body("total", is(3))
                .body("items.externalId", org.hamcrest.Matchers.contains("a", "b", "c"))
                .body("items[1].likes", is(600));
    }

    @Test
    void anInvalidBatchIsRefusedWholeWithEveryErrorAndWritesNothing() {
        String[] ch = newChannel("INSTAGRAM", 10_000);
        Map<String, Object> negative = post("bad-likes", 1, -5, 0);
        Map<String, Object> future = post("future", 0, 10, 0);
        future.put("postedAt", NOW.plusDays(2).toString());
        Map<String, Object> format = post("bad-format", 1, 10, 0);
        format.put("format", "HOLOGRAM");
        send(ch[1], List.of(post("fine", 1, 10, 0), negative, future)).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("posts[1].likes", "posts[2].postedAt"));
        send(ch[1], List.of(post("fine", 1, 10, 0), format)).statusCode(400)
                .body("errors[0].field", is("posts[1].format"));
        send(ch[1], List.of(post("twice", 1, 10, 0), post("twice", 2, 10, 0))).statusCode(400)
                .body("errors[0].field", is("posts[1].externalId"));
        given().get("/api/v1/channels/" + ch[1] + "/posts").then().body("total", is(0));
        given().get("/api/v1/channels/" + ch[1] + "/metrics").then().statusCode(200)
                .body("computedAt", nullValue()).body("window.posts", is(0));
    }

    @Test
    void aSampleUnderThreePostsHasNoEngagementFiguresNotZeroOnes() {
        String[] ch = newChannel("TIKTOK", 10_000);
        send(ch[1], List.of(post("a", 1, 100, 5), post("b", 2, 100, 5))).statusCode(200)
                .body("metrics.sampleTooSmall", is(true))
                .body("metrics.engagementRate.value", nullValue())
                .body("metrics.engagementRate.basedOnPosts", is(2))
                .body("metrics.sponsoredShare.value", closeTo(0.0, 1e-12));
        given().get("/api/v1/influencers/" + ch[0]).then()
                .body("channels[0].metrics.sampleTooSmall", is(true))
                .body("channels[0].metrics.engagementRate", nullValue());
    }

    @Test
    void microConversionRateIsNullWithoutReachOrViewsAndComputedWithThem() {
        String[] ch = newChannel("INSTAGRAM", 10_000);
        send(ch[1], List.of(post("a", 1, 100, 5), post("b", 2, 100, 5), post("c", 3, 100, 5))).statusCode(200)
                .body("metrics.microConversionRate.value", nullValue());
        Map<String, Object> withReach = post("d", 4, 100, 5);
        withReach.put("reach", 1000);
        withReach.put("saves", 30);
        withReach.put("linkClicks", 20);
        // Only d has a denominator: (30 + 0 + 20 + 0) / 1000 = 0.05.
        send(ch[1], List.of(withReach)).statusCode(200)
                .body("metrics.microConversionRate.value", closeTo(0.05, 1e-12))
                .body("metrics.microConversionRate.basedOnPosts", is(1));
    }

    @Test
    void postsOlderThanTheWindowDoNotCount() {
        String[] ch = newChannel("INSTAGRAM", 10_000);
        send(ch[1], List.of(post("a", 1, 100, 0), post("b", 2, 200, 0), post("c", 3, 300, 0), post("old", 95, 9000, 0)))
                .statusCode(200)
                .body("metrics.window.posts", is(3))
                .body("metrics.engagementRate.value", closeTo(0.02, 1e-12));
    }

    @Test
    void aSnapshotCrossingTenThousandMakesTheChannelMicroAndRecordsIt() {
        String[] ch = newChannel("INSTAGRAM", 9_500);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Fixtures.post("/api/v1/channels/" + ch[1] + "/follower-snapshots", Map.of("snapshots", List.of(
                        Map.of("date", today.minusDays(1).toString(), "followers", 9_900),
                        Map.of("date", today.toString(), "followers", 10_000))))
                .statusCode(200)
                .body("stored", is(2)).body("followers", is(10_000)).body("tier", is("MICRO"));
        given().get("/api/v1/influencers/" + ch[0]).then().body("tier", is("MICRO")).body("channels[0].followers", is(10_000));
        given().get("/api/v1/influencers/" + ch[0] + "/tier-history").then()
                .body("[0].fromTier", is("NANO")).body("[0].toTier", is("MICRO")).body("[0].followers", is(10_000));
    }

    @Test
    void growthNeedsASnapshotAtLeastThirtyDaysOld() {
        String[] ch = newChannel("INSTAGRAM", 12_000);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String path = "/api/v1/channels/" + ch[1] + "/follower-snapshots";
        Fixtures.post(path, Map.of("snapshots", List.of(Map.of("date", today.minusDays(20).toString(), "followers", 11_000),
                        Map.of("date", today.toString(), "followers", 12_000))))
                .statusCode(200).body("metrics.growthRate30d.rate", nullValue());
        // (12,000 − 10,000) / 10,000 = 0.2 against the snapshot of 31 days ago.
        Fixtures.post(path, Map.of("snapshots", List.of(Map.of("date", today.minusDays(31).toString(), "followers", 10_000))))
                .statusCode(200).body("metrics.growthRate30d.rate", closeTo(0.2, 1e-12))
                .body("metrics.growthRate30d.baselineFollowers", is(10_000));
    }

    @Test
    void boughtLikesLowerAuthenticityWithTheReason() {
        // X MACRO has no other channel with posts in the tests, and the baselines are refreshed first, so no peer
        // check runs (an earlier class's demo creators, since deleted, would otherwise still be the cached peers).
        given().header("X-API-Key", TestKeys.ADMIN).when().post("/api/v1/metrics/peer-baselines/refresh").then().statusCode(200);
        String[] ch = newChannel("X", 150_000);
        // 3 posts with 10,000 likes and 10 comments each: comments/likes = 0.1 % < 0.2 %.
        send(ch[1], List.of(post("a", 1, 10_000, 10), post("b", 2, 10_000, 10), post("c", 3, 10_000, 10))).statusCode(200)
                .body("metrics.authenticity.score", is(80))
                .body("metrics.authenticity.signals.code", hasItem("BOUGHT_LIKES"))
                .body("metrics.authenticity.signals[0].penalty", is(20))
                .body("metrics.authenticity.signals[0].reason", containsString("0.1 %"));
        given().get("/api/v1/influencers/" + ch[0]).then().body("channels[0].metrics.authenticity", is(80));
    }

    @Test
    void percentileAndPeerMedianComeFromTheRefreshedBaseline() {
        // FACEBOOK MACRO is used by no other test: the group is exactly these three channels.
        List<String> channels = new ArrayList<>();
        long[] likes = {1_000, 2_000, 3_000};
        for (long like : likes) {
            String[] ch = newChannel("FACEBOOK", 100_001);
            send(ch[1], List.of(post("a", 1, like, 0), post("b", 2, like, 0), post("c", 3, like, 0))).statusCode(200);
            channels.add(ch[1]);
        }
        given().header("X-API-Key", TestKeys.ADMIN).when().post("/api/v1/metrics/peer-baselines/refresh").then().statusCode(200)
                .body("find { it.platform == 'FACEBOOK' && it.tier == 'MACRO' }.channels", is(3))
                .body("find { it.platform == 'FACEBOOK' && it.tier == 'MACRO' }.exact", is(true));
        // Rates 1,000 / 100,001 … 3,000 / 100,001; the median is the middle one; 2 of 3 are below the top channel.
        given().get("/api/v1/channels/" + channels.get(2) + "/metrics").then().log().ifValidationFails()
                .body("peers.channels", is(3))
                .body("peers.medianEngagementRate", closeTo(2_000 / 100_001.0, 1e-12))
                .body("peers.engagementPercentile", closeTo(2 / 3.0, 1e-12))
                .body("peers.refreshedAt", notNullValue());
        given().get("/api/v1/channels/" + channels.get(0) + "/metrics").then()
                .body("peers.engagementPercentile", closeTo(0.0, 1e-12));
        given().header("X-API-Key", TestKeys.EDITOR).when().post("/api/v1/metrics/peer-baselines/refresh").then().statusCode(403);
    }

    @Test
    void anUnknownChannelIsA404() {
        send("3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b", List.of(post("a", 1, 1, 1))).statusCode(404);
        given().contentType(ContentType.JSON).get("/api/v1/channels/nope/metrics").then().statusCode(400)
                .body("errors[0].field", is("channelId"));
    }

    @Test
    void aBatchIsLimitedToAThousandPosts() {
        String[] ch = newChannel("INSTAGRAM", 1_000);
        List<Map<String, Object>> posts = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            posts.add(post("p" + i, 1, 1, 0));
        }
        send(ch[1], posts).statusCode(400).body("errors[0].field", is("posts"));
        send(ch[1], List.of()).statusCode(400).body("errors[0].field", is("posts"));
        given().get("/api/v1/channels/" + ch[1] + "/posts").then().body("items", hasSize(0));
    }
}
