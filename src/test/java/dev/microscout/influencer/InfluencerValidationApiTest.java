package dev.microscout.influencer;

import dev.microscout.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static dev.microscout.support.Fixtures.channel;
import static dev.microscout.support.Fixtures.influencer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class InfluencerValidationApiTest {

    private static final String PROBLEM = "application/problem+json";

    /** Sends a valid body changed by {@code change}; expects one 400 naming {@code field} with {@code message}. */
    private void refused(Consumer<Map<String, Object>> change, String field, String message) {
        Map<String, Object> body = influencer(channel("INSTAGRAM", 20000));
        change.accept(body);
        long before = total();
        Fixtures.post("/api/v1/influencers", body)
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", is("https://microscout.dev/problems/validation"))
                .body("title", is("Invalid request"))
                .body("status", is(400))
                .body("instance", is("/api/v1/influencers"))
                .body("errors", hasSize(1))
                .body("errors[0].field", is(field))
                .body("errors[0].message", containsString(message));
        // Nothing half-written.
        org.junit.jupiter.api.Assertions.assertEquals(before, total());
    }

    private long total() {
        return ((Number) given().get("/api/v1/influencers?size=1").then().extract().path("total")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstChannel(Map<String, Object> body) {
        return ((List<Map<String, Object>>) body.get("channels")).get(0);
    }

    @Test
    void displayNameIsRequiredAndAtMost120Characters() {
        refused(b -> b.put("displayName", " "), "displayName", "must not be blank");
        refused(b -> b.put("displayName", "x".repeat(121)), "displayName", "size must be between 0 and 120");
    }

    @Test
    void bioIsAtMost2000Characters() {
        refused(b -> b.put("bio", "x".repeat(2001)), "bio", "size must be between 0 and 2000");
    }

    @Test
    void countryMustBeAnIsoAlpha2Code() {
        refused(b -> b.put("country", "Indonesia"), "country", "ISO 3166-1 alpha-2");
        refused(b -> b.put("country", "id"), "country", "ISO 3166-1 alpha-2");
        refused(b -> b.remove("country"), "country", "must not be null");
    }

    @Test
    void languagesMustBeIsoCodesListedOnce() {
        refused(b -> b.put("languages", List.of("id", "indonesian")), "languages[1]", "ISO 639-1");
        refused(b -> b.put("languages", List.of("id", "id")), "languages[1]", "listed twice");
    }

    @Test
    void contactEmailMustBeAnEmailAddress() {
        refused(b -> b.put("contactEmail", "sari-at-example"), "contactEmail", "well-formed email address");
    }

    @Test
    void nichesMustExistInTheTaxonomyWithWeightsInRange() {
        refused(b -> b.put("niches", List.of(Map.of("niche", "astrology", "weight", 0.5))), "niches[0].niche",
                "is not a known niche: \"astrology\"");
        refused(b -> b.put("niches", List.of(Map.of("niche", "skincare", "weight", 0))), "niches[0].weight",
                "must be greater than 0");
        refused(b -> b.put("niches", List.of(Map.of("niche", "skincare", "weight", 1.5))), "niches[0].weight",
                "must be less than or equal to 1");
        refused(b -> b.put("niches", List.of(Map.of("niche", "skincare", "weight", 0.5), Map.of("niche", "skincare", "weight", 0.2))),
                "niches[1].niche", "listed twice");
    }

    @Test
    void rateCardNeedsAnIsoCurrencyAndANonNegativePrice() {
        refused(b -> b.put("rateCard", Map.of("currency", "RUPIAH", "pricePerPost", 100)), "rateCard.currency", "ISO 4217");
        refused(b -> b.put("rateCard", Map.of("currency", "IDR", "pricePerPost", -1)), "rateCard.pricePerPost",
                "must be greater than or equal to 0");
    }

    @Test
    void anInfluencerNeedsAChannel() {
        refused(b -> b.put("channels", List.of()), "channels", "must not be empty");
    }

    @Test
    void channelFieldsAreValidated() {
        refused(b -> firstChannel(b).put("followers", -1), "channels[0].followers", "must be greater than or equal to 0");
        refused(b -> firstChannel(b).put("following", -5), "channels[0].following", "must be greater than or equal to 0");
        refused(b -> firstChannel(b).put("handle", "sari glow!"), "channels[0].handle", "letters, digits");
        refused(b -> firstChannel(b).put("url", "instagram.com/x"), "channels[0].url", "http(s) URL");
        refused(b -> firstChannel(b).remove("platform"), "channels[0].platform", "must not be null");
    }

    @Test
    void twoChannelsOfOneBodyMayNotShareAPlatformAndHandle() {
        Map<String, Object> body = influencer(channel("INSTAGRAM", 100), channel("INSTAGRAM", 200));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> channels = (List<Map<String, Object>>) body.get("channels");
        channels.get(1).put("handle", ((String) channels.get(0).get("handle")).toUpperCase());
        Fixtures.post("/api/v1/influencers", body).statusCode(400)
                .body("errors[0].field", is("channels[1].handle"))
                .body("errors[0].message", containsString("repeats channels[0]"));
    }

    @Test
    void audienceSharesMustBeSharesOfKnownKeysSummingToAtMostOne() {
        refused(b -> firstChannel(b).put("audience", Map.of("genderShares", Map.of("female", 0.7, "male", 0.4))),
                "channels[0].audience.genderShares", "sum to at most 1");
        refused(b -> firstChannel(b).put("audience", Map.of("ageShares", Map.of("18-25", 0.5))),
                "channels[0].audience.ageShares.18-25", "not an age range");
        refused(b -> firstChannel(b).put("audience", Map.of("countryShares", Map.of("ID", 1.2))),
                "channels[0].audience.countryShares.ID", "between 0 and 1");
        refused(b -> firstChannel(b).put("audience", Map.of("countryShares", Map.of("Indonesia", 0.5))),
                "channels[0].audience.countryShares.Indonesia", "ISO 3166-1");
        // Rounding up to 1.0001 is accepted.
        Map<String, Object> body = influencer(channel("INSTAGRAM", 100));
        firstChannel(body).put("audience", Map.of("ageShares", Map.of("18-24", 0.33334, "25-34", 0.33334, "35-44", 0.33334)));
        Fixtures.post("/api/v1/influencers", body).statusCode(201);
    }

    @Test
    void everyInvalidFieldIsListed() {
        Map<String, Object> body = influencer(channel("INSTAGRAM", -3));
        body.put("country", "XX");
        body.put("contactEmail", "nope");
        Fixtures.post("/api/v1/influencers", body).statusCode(400)
                .body("detail", is("3 fields are invalid"))
                .body("errors.field", org.hamcrest.Matchers.contains("channels[0].followers", "contactEmail", "country"));
    }

    @Test
    void malformedJsonIsA400() {
        given().contentType(ContentType.JSON).body("{\"displayName\": ").when().post("/api/v1/influencers")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", is("https://microscout.dev/problems/malformed-request"))
                .body("errors[0].field", is("body"));
    }

    @Test
    void anUnknownEnumValueIsA400NamingTheFieldAndTheChoices() {
        Map<String, Object> body = influencer(channel("MYSPACE", 10));
        Fixtures.post("/api/v1/influencers", body).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("channels[0].platform"))
                .body("errors[0].message", containsString("INSTAGRAM, TIKTOK, YOUTUBE, X, FACEBOOK"));
    }

    @Test
    void aWrongTypeIsA400NamingTheField() {
        Map<String, Object> body = influencer(channel("INSTAGRAM", 10));
        firstChannel(body).put("followers", "a lot");
        Fixtures.post("/api/v1/influencers", body).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("channels[0].followers"));
        Map<String, Object> listForString = influencer(channel("INSTAGRAM", 10));
        listForString.put("languages", "id");
        Fixtures.post("/api/v1/influencers", listForString).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("languages"));
    }

    @Test
    void anUnknownFieldIsA400() {
        Map<String, Object> body = new HashMap<>(influencer(channel("INSTAGRAM", 10)));
        body.put("followerCount", 10);
        Fixtures.post("/api/v1/influencers", body).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("followerCount"))
                .body("errors[0].message", is("is not a known field"));
    }

    @Test
    void aMissingBodyIsA400() {
        given().contentType(ContentType.JSON).when().post("/api/v1/influencers")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aBadUuidIsA400NamingTheParameter() {
        given().when().get("/api/v1/influencers/not-a-uuid").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("id"));
        given().when().get("/api/v1/influencers/3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b/channels/zzz").then().statusCode(400)
                .body("errors[0].field", is("channelId"));
    }

    @Test
    void badQueryParametersAreA400NamingThem() {
        given().queryParam("size", 101).when().get("/api/v1/influencers").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("size"));
        given().queryParam("size", "ten").when().get("/api/v1/influencers").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("size"));
        given().queryParam("page", -1).when().get("/api/v1/influencers").then().statusCode(400)
                .body("errors[0].field", is("page"));
        given().queryParam("tier", "GIGA").when().get("/api/v1/influencers").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("tier"));
        given().queryParam("sort", "password").when().get("/api/v1/influencers").then().statusCode(400)
                .body("errors[0].field", is("sort"));
        given().queryParam("niche", "astrology").when().get("/api/v1/influencers").then().statusCode(400)
                .body("errors[0].field", is("niche"));
        given().queryParam("minFollowers", 10).queryParam("maxFollowers", 5).when().get("/api/v1/influencers").then()
                .statusCode(400).body("errors[0].field", is("minFollowers"));
        given().queryParam("country", "Indonesia").when().get("/api/v1/influencers").then().statusCode(400)
                .body("errors[0].field", is("country"));
    }

    @Test
    void aBodyOverOneMebibyteIsA413() {
        Map<String, Object> body = influencer(channel("INSTAGRAM", 10));
        body.put("bio", "x".repeat(1_100_000));
        Fixtures.post("/api/v1/influencers", body).statusCode(413).contentType("application/problem+json");
    }

    @Test
    void anUnsupportedMediaTypeIsA415() {
        given().contentType(ContentType.XML).body("<influencer/>").when().post("/api/v1/influencers")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void anUnknownPathIsA404Problem() {
        given().when().get("/api/v1/nothing-here").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aWrongMethodIsA405Problem() {
        given().when().delete("/api/v1/tiers").then().statusCode(405).contentType(PROBLEM);
    }
}
