package dev.microscout.influencer;

import dev.microscout.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.microscout.support.Fixtures.channel;
import static dev.microscout.support.Fixtures.create;
import static dev.microscout.support.Fixtures.influencer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class InfluencerApiTest {

    @Test
    void createsAnInfluencerWithLocationETagAndNormalisedHandle() {
        Map<String, Object> ch = channel("INSTAGRAM", 48200);
        String handle = ((String) ch.get("handle")).substring(1);
        Response created = given().contentType(ContentType.JSON).body(influencer(ch))
                .when().post("/api/v1/influencers");
        created.then().statusCode(201)
                .header("Location", containsString("/api/v1/influencers/"))
                .header("ETag", "\"0\"")
                .body("id", notNullValue())
                .body("tier", is("MICRO"))
                .body("followers", is(48200))
                .body("channels", hasSize(1))
                .body("channels[0].handle", is(handle))
                .body("niches[0].niche", is("skincare"))
                .body("rateCard.currency", is("IDR"));
        String location = created.header("Location");
        given().when().get(location).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("displayName", is("Sari Wulandari"))
                .body("channels[0].handle", is(handle));
    }

    @Test
    void aNewCreatorsFieldsAreStoredAsSentWhateverCharactersTheyHold() {
        // A new creator's rows are written with COPY: tabs, line ends, backslashes and quotes must stay in their field.
        Map<String, Object> body = new java.util.HashMap<>(influencer(channel("INSTAGRAM", 48200)));
        String bio = "Line one\n\tTabbed, \\N is not null, \"quoted\" \\ and a \r return";
        body.put("bio", bio);
        body.put("city", "Yogyakarta\tcentre");
        body.put("languages", List.of("id", "en"));
        Map<String, Object> ch = new java.util.HashMap<>(channel("TIKTOK", 12000));
        ch.put("audience", Map.of("genderShares", Map.of("female", 0.72, "male", 0.27), "countryShares", Map.of("ID", 0.9)));
        ch.put("url", "https://www.tiktok.com/@x\\y");
        body.put("channels", List.of(ch));
        String id = create(body);
        given().get("/api/v1/influencers/" + id).then().statusCode(200)
                .body("bio", is(bio))
                .body("city", is("Yogyakarta\tcentre"))
                .body("languages", is(List.of("id", "en")))
                .body("channels[0].url", is("https://www.tiktok.com/@x\\y"))
                .body("channels[0].audience.genderShares.female", is(0.72))
                .body("channels[0].audience.countryShares.ID", is(0.9))
                .body("channels[0].audience.ageShares", nullValue());
    }

    @Test
    void theInfluencerTierIsThatOfTheLargestChannel() {
        String id = create(influencer(channel("INSTAGRAM", 5000), channel("TIKTOK", 250000), channel("YOUTUBE", 20000)));
        given().when().get("/api/v1/influencers/" + id).then().statusCode(200)
                .body("tier", is("MACRO"))
                .body("followers", is(250000));
    }

    @Test
    void aFollowerChangeAcrossAThresholdChangesTheTierAndIsRecorded() {
        String id = create(influencer(channel("INSTAGRAM", 9999)));
        String channelId = given().get("/api/v1/influencers/" + id).then().extract().path("channels[0].id");
        String etag = given().get("/api/v1/influencers/" + id + "/channels/" + channelId).then().extract().header("ETag");

        given().contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"followers\": 10000}")
                .when().patch("/api/v1/influencers/" + id + "/channels/" + channelId)
                .then().statusCode(200)
                .body("tier", is("MICRO"))
                .body("followers", is(10000));

        given().get("/api/v1/influencers/" + id).then().body("tier", is("MICRO"));
        given().when().get("/api/v1/influencers/" + id + "/tier-history")
                .then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].fromTier", is("NANO"))
                .body("[0].toTier", is("MICRO"))
                .body("[0].followers", is(10000))
                .body("[0].channelId", is(channelId))
                .body("[1].fromTier", nullValue())
                .body("[1].toTier", is("NANO"))
                .body("[1].followers", is(9999));
    }

    @Test
    void aFollowerChangeWithinATierRecordsNothing() {
        String id = create(influencer(channel("INSTAGRAM", 20000)));
        String channelId = given().get("/api/v1/influencers/" + id).then().extract().path("channels[0].id");
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"followers\": 90000}")
                .when().patch("/api/v1/influencers/" + id + "/channels/" + channelId)
                .then().statusCode(200).body("tier", is("MICRO"));
        given().get("/api/v1/influencers/" + id + "/tier-history").then().body("", hasSize(1));
    }

    @Test
    void aDuplicateHandleInAnyLetterCaseIsAConflictNamingTheExistingChannel() {
        Map<String, Object> first = channel("TIKTOK", 1000);
        String handle = ((String) first.get("handle")).substring(1);
        String id = create(influencer(first));
        String existingChannel = given().get("/api/v1/influencers/" + id).then().extract().path("channels[0].id");

        Map<String, Object> second = channel("TIKTOK", 2000);
        second.put("handle", handle.toUpperCase());
        Fixtures.post("/api/v1/influencers", influencer(second))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("https://microscout.dev/problems/conflict"))
                .body("status", is(409))
                .body("existingChannelId", is(existingChannel))
                .body("existingInfluencerId", is(id))
                .body("detail", containsString(existingChannel))
                .body("errors[0].field", is("channels[0].handle"));

        // The same handle on another platform is a different account.
        Map<String, Object> otherPlatform = channel("YOUTUBE", 2000);
        otherPlatform.put("handle", handle);
        Fixtures.post("/api/v1/influencers", influencer(otherPlatform)).statusCode(201);

        // Adding the taken handle as a channel of another influencer is refused too.
        String other = create(influencer(channel("INSTAGRAM", 10)));
        Map<String, Object> taken = channel("TIKTOK", 5);
        taken.put("handle", "@" + handle.toUpperCase());
        Fixtures.post("/api/v1/influencers/" + other + "/channels", taken)
                .statusCode(409).body("existingChannelId", is(existingChannel)).body("errors[0].field", is("handle"));
    }

    @Test
    void aWriteWithAStaleIfMatchIsRefusedAndChangesNothing() {
        String id = create(influencer(channel("INSTAGRAM", 1000)));
        Map<String, Object> update = Map.of("displayName", "Sari W.", "country", "ID");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update)
                .when().put("/api/v1/influencers/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("displayName", is("Sari W."))
                .body("city", nullValue());

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("displayName", "Lost update", "country", "ID"))
                .when().put("/api/v1/influencers/" + id)
                .then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", is("https://microscout.dev/problems/precondition-failed"))
                .body("detail", containsString("\"1\""));
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"city\": \"Medan\"}")
                .when().patch("/api/v1/influencers/" + id).then().statusCode(412);
        given().header("If-Match", "\"0\"").when().delete("/api/v1/influencers/" + id).then().statusCode(412);

        given().get("/api/v1/influencers/" + id).then().body("displayName", is("Sari W.")).body("city", nullValue());
    }

    @Test
    void aWriteWithoutIfMatchIsRefusedWith428() {
        String id = create(influencer(channel("INSTAGRAM", 1000)));
        given().contentType(ContentType.JSON).body(Map.of("displayName", "X", "country", "ID"))
                .when().put("/api/v1/influencers/" + id)
                .then().statusCode(428).contentType("application/problem+json")
                .body("errors[0].field", is("If-Match"));
    }

    @Test
    void mergePatchChangesOnlyTheGivenFieldsAndNullRemoves() {
        String id = create(influencer(channel("INSTAGRAM", 1000)));
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"city\": \"Yogyakarta\", \"contactEmail\": null}")
                .when().patch("/api/v1/influencers/" + id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("city", is("Yogyakarta"))
                .body("contactEmail", nullValue())
                .body("displayName", is("Sari Wulandari"))
                .body("rateCard.currency", is("IDR"));

        given().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"country\": \"XX\", \"displayName\": null}")
                .when().patch("/api/v1/influencers/" + id)
                .then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("country", "displayName"));
    }

    @Test
    void aDeletedInfluencerIsNotFoundAnyMore() {
        String id = create(influencer(channel("INSTAGRAM", 1000)));
        given().when().delete("/api/v1/influencers/" + id).then().statusCode(204);
        given().when().get("/api/v1/influencers/" + id).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("https://microscout.dev/problems/not-found"))
                .body("instance", is("/api/v1/influencers/" + id));
    }

    @Test
    void channelsCanBeAddedReplacedAndDeletedButTheLastOneStays() {
        String id = create(influencer(channel("INSTAGRAM", 1000)));
        Response added = given().contentType(ContentType.JSON).body(channel("TIKTOK", 150000))
                .when().post("/api/v1/influencers/" + id + "/channels");
        added.then().statusCode(201).header("Location", containsString("/channels/")).body("tier", is("MACRO"));
        String tiktok = added.path("id");
        given().get("/api/v1/influencers/" + id).then().body("tier", is("MACRO")).body("version", is(1));

        Map<String, Object> replacement = channel("TIKTOK", 50000);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(replacement)
                .when().put("/api/v1/influencers/" + id + "/channels/" + tiktok)
                .then().statusCode(200).body("tier", is("MICRO")).header("ETag", "\"1\"");
        given().get("/api/v1/influencers/" + id).then().body("tier", is("MICRO")).body("followers", is(50000));

        given().when().delete("/api/v1/influencers/" + id + "/channels/" + tiktok).then().statusCode(204);
        String last = given().get("/api/v1/influencers/" + id).then().body("channels", hasSize(1))
                .body("tier", is("NANO")).extract().path("channels[0].id");
        given().when().delete("/api/v1/influencers/" + id + "/channels/" + last)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aChannelOfAnotherInfluencerIsNotFound() {
        String a = create(influencer(channel("INSTAGRAM", 1000)));
        String b = create(influencer(channel("INSTAGRAM", 1000)));
        String channelOfB = given().get("/api/v1/influencers/" + b).then().extract().path("channels[0].id");
        given().when().get("/api/v1/influencers/" + a + "/channels/" + channelOfB).then().statusCode(404);
    }

    @Test
    void listsTheChannelsOfAnInfluencer() {
        String id = create(influencer(channel("INSTAGRAM", 1000), channel("X", 300)));
        given().get("/api/v1/influencers/" + id + "/channels").then().statusCode(200)
                .body("platform", org.hamcrest.Matchers.containsInAnyOrder("INSTAGRAM", "X"))
                .body("influencerId", equalTo(List.of(id, id)));
    }

    @Test
    void theLocationOfANewInfluencerEndsWithItsId() {
        Response r = given().contentType(ContentType.JSON).body(influencer(channel("FACEBOOK", 10)))
                .when().post("/api/v1/influencers");
        r.then().statusCode(201).header("Location", endsWith("/api/v1/influencers/" + r.path("id")));
    }
}
