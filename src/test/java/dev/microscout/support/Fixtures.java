package dev.microscout.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Request bodies for API tests. Every handle is unique, so tests never collide in the shared database. */
public final class Fixtures {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Fixtures() {
    }

    public static String uniqueHandle(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8) + SEQUENCE.incrementAndGet();
    }

    public static Map<String, Object> channel(String platform, long followers) {
        Map<String, Object> channel = new HashMap<>();
        channel.put("platform", platform);
        channel.put("handle", "@" + uniqueHandle("ch"));
        channel.put("followers", followers);
        channel.put("following", 100);
        return channel;
    }

    public static Map<String, Object> influencer(Map<String, Object>... channels) {
        Map<String, Object> body = new HashMap<>();
        body.put("displayName", "Sari Wulandari");
        body.put("bio", "Skincare for humid weather.");
        body.put("country", "ID");
        body.put("city", "Bandung");
        body.put("languages", List.of("id", "en"));
        body.put("contactEmail", "sari@example.com");
        body.put("niches", List.of(Map.of("niche", "skincare", "weight", 0.8)));
        body.put("rateCard", Map.of("currency", "IDR", "pricePerPost", 2500000));
        body.put("channels", new ArrayList<>(List.of(channels)));
        return body;
    }

    public static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    /** Creates an influencer and returns its id. */
    public static String create(Map<String, Object> body) {
        return post("/api/v1/influencers", body).statusCode(201).extract().path("id");
    }
}
