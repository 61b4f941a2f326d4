package dev.microscout.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscout.support.TestKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two writers racing for one unique name: one wins, the others get 409, none a 500. */
@QuarkusTest
class ConcurrentCreatesApiTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void concurrentCreatesOfOneOrganisationNameGiveOne201AndOnly409s() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String body = new ObjectMapper().writeValueAsString(Map.of("name", "Racing brand " + UUID.randomUUID()));
        for (int round = 0; round < 3; round++) {
            String name = new ObjectMapper().writeValueAsString(Map.of("name", "Racing brand " + UUID.randomUUID()));
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + "api/v1/organisations"))
                        .header("Content-Type", "application/json").header("X-API-Key", TestKeys.OPERATOR)
                        .POST(HttpRequest.BodyPublishers.ofString(round == 0 ? body : name)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            int created = 0;
            for (CompletableFuture<HttpResponse<String>> response : sent) {
                int status = response.get().statusCode();
                assertTrue(status == 201 || status == 409, status + ": " + response.get().body());
                if (status == 409) {
                    assertTrue(response.get().headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                }
                created += status == 201 ? 1 : 0;
            }
            assertEquals(1, created);
        }
    }
}
