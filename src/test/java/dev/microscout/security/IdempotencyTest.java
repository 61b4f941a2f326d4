package dev.microscout.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.microscout.support.Fixtures.channel;
import static dev.microscout.support.Fixtures.influencer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class IdempotencyTest {

    @io.quarkus.test.common.http.TestHTTPResource("/api/v1/influencers")
    java.net.URL influencers;

    private static long total() {
        return ((Number) given().get("/api/v1/influencers?size=1").then().extract().path("total")).longValue();
    }

    private static Response post(String key, Object body) {
        return given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).when().post("/api/v1/influencers");
    }

    @Test
    void theSameKeyAndBodyReplayTheFirstResponseWithoutDoingTheWorkAgain() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = influencer(channel("INSTAGRAM", 12000));
        long before = total();
        Response first = post(key, body);
        first.then().statusCode(201);
        Response second = post(key, body);
        second.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.header("Location"), second.header("Location"));
        assertEquals(first.header("ETag"), second.header("ETag"));
        assertEquals((String) first.path("id"), second.path("id"));
        assertEquals(first.jsonPath().getMap(""), second.jsonPath().getMap(""));
        assertEquals(before + 1, total());
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        post(key, influencer(channel("INSTAGRAM", 12000))).then().statusCode(201);
        post(key, influencer(channel("INSTAGRAM", 13000))).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", is("Idempotency-Key"));
    }

    @Test
    void keysAreScopedToTheOrganisation() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = influencer(channel("INSTAGRAM", 12000));
        post(key, body).then().statusCode(201);
        String[] other = OrganisationsAndKeysTest.newOrganisation();
        String otherEditor = given().header("X-API-Key", other[1]).contentType(ContentType.JSON)
                .body(Map.of("name", "editor", "role", "EDITOR"))
                .when().post("/api/v1/organisations/" + other[0] + "/api-keys").then().extract().path("key");
        // Another organisation's identical key is its own: the body is new work (here a duplicate handle, 409).
        given().header("X-API-Key", otherEditor).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/influencers").then().statusCode(409);
    }

    @Test
    void concurrentRequestsWithOneKeyDoTheWorkOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = influencer(channel("TIKTOK", 30000));
        long before = total();
        // RestAssured is not made for parallel calls; a plain HTTP client sends the four at once.
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(influencers.toURI())
                .header("Content-Type", "application/json")
                .header("X-API-Key", dev.microscout.support.TestKeys.EDITOR)
                .header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Callable<Integer> call = () -> client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            results.add(pool.submit(call));
        }
        int created = 0;
        for (Future<Integer> result : results) {
            int status = result.get();
            assertTrue(status == 201 || status == 409, "status " + status);
            created += status == 201 ? 1 : 0;
        }
        pool.shutdown();
        assertTrue(created >= 1);
        assertEquals(before + 1, total());
        // The keys are scoped per organisation: the test editor shares the admin's organisation.
        post(key, body).then().statusCode(201).header("Idempotent-Replayed", "true");
    }
}
