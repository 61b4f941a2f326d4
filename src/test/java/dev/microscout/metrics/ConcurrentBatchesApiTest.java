package dev.microscout.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscout.support.Fixtures;
import dev.microscout.support.TestKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.microscout.support.Fixtures.channel;
import static dev.microscout.support.Fixtures.influencer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Batches sent at the same time to one channel, as real concurrent requests. */
@QuarkusTest
class ConcurrentBatchesApiTest {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void tenConcurrentBatchesOfDistinctPostsLeaveFiguresOverAllOfThem() throws Exception {
        String channelId = newChannel(10_000);
        // Post n (1..30) has 100·n likes on 10,000 followers: rate 0.01·n. Ten batches of three, all at once.
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int batch = 0; batch < 10; batch++) {
            List<Map<String, Object>> posts = new ArrayList<>();
            for (int j = 1; j <= 3; j++) {
                int n = batch * 3 + j;
                posts.add(post("p" + n, n, 100L * n));
            }
            sent.add(sendAsync(channelId, posts));
        }
        for (CompletableFuture<HttpResponse<String>> response : sent) {
            assertEquals(200, response.get().statusCode(), response.get().body());
        }
        // Over all 30 posts the median rate is the mean of the 15th and 16th: (0.15 + 0.16) / 2 = 0.155.
        given().get("/api/v1/channels/" + channelId + "/metrics").then().statusCode(200)
                .body("engagementRate.basedOnPosts", is(30))
                .body("engagementRate.value", closeTo(0.155, 1e-12));
    }

    @Test
    void theSamePostsInOppositeOrdersNeverDeadlock() throws Exception {
        String channelId = newChannel(10_000);
        List<Map<String, Object>> posts = new ArrayList<>();
        for (int n = 1; n <= 40; n++) {
            posts.add(post("same" + n, n % 60 + 1, 50L * n));
        }
        List<Map<String, Object>> reversed = new ArrayList<>(posts);
        Collections.reverse(reversed);
        for (int round = 0; round < 5; round++) {
            CompletableFuture<HttpResponse<String>> a = sendAsync(channelId, posts);
            CompletableFuture<HttpResponse<String>> b = sendAsync(channelId, reversed);
            assertEquals(200, a.get().statusCode(), a.get().body());
            assertEquals(200, b.get().statusCode(), b.get().body());
        }
        given().get("/api/v1/channels/" + channelId + "/metrics").then().statusCode(200)
                .body("engagementRate.basedOnPosts", is(40));
    }

    private static String newChannel(long followers) {
        String id = Fixtures.create(influencer(channel("INSTAGRAM", followers)));
        return given().get("/api/v1/influencers/" + id).then().extract().path("channels[0].id");
    }

    private static Map<String, Object> post(String externalId, int daysAgo, long likes) {
        return Map.of("externalId", externalId, "postedAt", NOW.minusDays(daysAgo).toString(), "format", "PHOTO",
                "likes", likes, "comments", 0);
    }

    private CompletableFuture<HttpResponse<String>> sendAsync(String channelId, List<Map<String, Object>> posts) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/channels/" + channelId + "/posts"))
                .header("Content-Type", "application/json").header("X-API-Key", TestKeys.EDITOR)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("posts", posts)))).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
