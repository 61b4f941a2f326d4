package dev.microscout.influencer;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static dev.microscout.support.Fixtures.channel;
import static dev.microscout.support.Fixtures.influencer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A delete, an edit and a post batch of one creator at the same time: each answers what happened to it
 * (done, 404 gone, 409 or 412 conflict), never a 500, whichever commits first.
 */
@QuarkusTest
class ConcurrentWritesApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> HONEST = Set.of(200, 204, 404, 409, 412);

    @TestHTTPResource("/")
    URL base;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aDeleteRacingAnEditAndAPostBatchNeverAnswers500() throws Exception {
        for (int round = 0; round < 6; round++) {
            Map<String, Object> body = influencer(channel("TIKTOK", 20_000));
            String id = Fixtures.create(body);
            var current = given().get("/api/v1/influencers/" + id).then().extract();
            String etag = current.header("ETag");
            String channelId = current.path("channels[0].id");
            Map<String, Object> edit = new java.util.HashMap<>(body);
            edit.remove("channels");
            edit.put("bio", "Edited in round " + round);
            Map<String, Object> posts = Map.of("posts", List.of(Map.of("externalId", "r" + round, "format", "PHOTO",
                    "postedAt", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString(), "likes", 900, "comments", 30)));

            CompletableFuture<HttpResponse<String>> delete = send("DELETE", "api/v1/influencers/" + id, etag, null);
            CompletableFuture<HttpResponse<String>> put = send("PUT", "api/v1/influencers/" + id, etag, edit);
            CompletableFuture<HttpResponse<String>> batch = send("POST", "api/v1/channels/" + channelId + "/posts", null, posts);
            for (CompletableFuture<HttpResponse<String>> answer : List.of(delete, put, batch)) {
                HttpResponse<String> response = answer.get();
                assertTrue(HONEST.contains(response.statusCode()),
                        response.request().method() + " " + response.statusCode() + ": " + response.body());
            }
        }
    }

    private CompletableFuture<HttpResponse<String>> send(String method, String path, String ifMatch, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", TestKeys.EDITOR)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
