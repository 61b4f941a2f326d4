package dev.microscout.reputation;

import dev.microscout.support.Organisations;
import dev.microscout.support.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static dev.microscout.support.Fixtures.channel;
import static dev.microscout.support.Fixtures.create;
import static dev.microscout.support.Fixtures.influencer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class IncidentApiTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static Map<String, Object> incident(String severity, String occurredOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "undisclosed-ad");
        body.put("severity", severity);
        body.put("occurredOn", occurredOn);
        body.put("source", "https://www.instagram.com/p/C9xYz12AbCd/");
        body.put("description", "Sponsored post without #ad.");
        return body;
    }

    private static ValidatableResponse post(String influencerId, Object body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/influencers/" + influencerId + "/incidents").then();
    }

    private static ValidatableResponse patch(String path, String ifMatch, String body) {
        var request = given().contentType(MERGE_PATCH).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().patch(path).then();
    }

    @Test
    void anIncidentIsRecordedReadListedAndResolvedWithIfMatch() {
        String id = create(influencer(channel("INSTAGRAM", 20000)));
        post(id, incident("LOW", "2025-12-01")).statusCode(201);
        Response created = given().contentType(ContentType.JSON).body(incident("MEDIUM", "2026-01-05"))
                .when().post("/api/v1/influencers/" + id + "/incidents");
        created.then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("influencerId", is(id))
                .body("kind", is("undisclosed-ad"))
                .body("severity", is("MEDIUM"))
                .body("occurredOn", is("2026-01-05"))
                .body("resolved", is(false))
                .body("version", is(0));
        String incidentId = created.path("id");
        String location = created.header("Location");
        created.then().header("Location", endsWith("/api/v1/influencers/" + id + "/incidents/" + incidentId));

        given().when().get(location).then().statusCode(200).header("ETag", "\"0\"").body("id", is(incidentId));
        given().header("X-API-Key", TestKeys.VIEWER).when().get("/api/v1/influencers/" + id + "/incidents")
                .then().statusCode(200)
                .header("Link", containsString("rel=\"first\""))
                .body("total", is(2)).body("items", hasSize(2))
                .body("items[0].id", is(incidentId))
                .body("items[1].occurredOn", is("2025-12-01"));

        patch(location, null, "{\"resolved\": true}").statusCode(428).contentType(PROBLEM)
                .body("type", is("https://microscout.dev/problems/precondition-required"))
                .body("errors[0].field", is("If-Match"));
        patch(location, "\"7\"", "{\"resolved\": true}").statusCode(412).contentType(PROBLEM)
                .body("type", is("https://microscout.dev/problems/precondition-failed"));

        patch(location, "\"0\"", "{\"resolved\": true, \"severity\": \"HIGH\", \"source\": null}")
                .statusCode(200).header("ETag", "\"1\"")
                .body("resolved", is(true))
                .body("severity", is("HIGH"))
                .body("source", nullValue())
                .body("description", is("Sponsored post without #ad."))
                .body("kind", is("undisclosed-ad"))
                .body("version", is(1));

        // The old ETag is stale now; a patch that changes nothing keeps the version.
        patch(location, "\"0\"", "{\"resolved\": false}").statusCode(412);
        patch(location, "\"1\"", "{\"resolved\": true}").statusCode(200).header("ETag", "\"1\"");
        given().when().get(location).then().body("resolved", is(true)).body("source", nullValue());
    }

    @Test
    void aPatchIsValidatedAndCannotRewriteWhatHappened() {
        String id = create(influencer(channel("TIKTOK", 20000)));
        String location = post(id, incident("HIGH", "2026-01-05")).statusCode(201).extract().header("Location");

        patch(location, "\"0\"", "{\"kind\": \"plagiarism\"}").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("kind"))
                .body("errors[0].message", is("is not a known field"));
        patch(location, "\"0\"", "{\"severity\": \"SEVERE\"}").statusCode(400)
                .body("errors[0].field", is("severity"))
                .body("errors[0].message", containsString("LOW, MEDIUM, HIGH"));
        patch(location, "\"0\"", "{\"severity\": null}").statusCode(400)
                .body("errors[0].field", is("severity")).body("errors[0].message", is("must not be null"));
        patch(location, "\"0\"", "{\"source\": \"" + "x".repeat(501) + "\"}").statusCode(400)
                .body("errors[0].field", is("source"));
        patch(location, "\"0\"", "[]").statusCode(400);

        given().when().get(location).then().header("ETag", "\"0\"").body("severity", is("HIGH")).body("resolved", is(false));
    }

    @Test
    void aNewIncidentIsValidated() {
        String id = create(influencer(channel("INSTAGRAM", 20000)));
        Map<String, Object> future = incident("LOW", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString());
        post(id, future).statusCode(400).contentType(PROBLEM)
                .body("errors", hasSize(1))
                .body("errors[0].field", is("occurredOn"))
                .body("errors[0].message", is("must not be in the future"));

        Map<String, Object> kind = incident("LOW", "2026-01-05");
        kind.put("kind", "Undisclosed Ad");
        post(id, kind).statusCode(400).body("errors[0].field", is("kind"))
                .body("errors[0].message", containsString("lower-case slug"));

        Map<String, Object> noSeverity = incident("LOW", "2026-01-05");
        noSeverity.remove("severity");
        post(id, noSeverity).statusCode(400).body("errors[0].field", is("severity"));

        post(id, incident("CRITICAL", "2026-01-05")).statusCode(400).body("errors[0].field", is("severity"));

        given().when().get("/api/v1/influencers/" + id + "/incidents").then().body("total", is(0));
    }

    @Test
    void onlyAdministratorsRecordAndChangeIncidents() {
        String id = create(influencer(channel("INSTAGRAM", 20000)));
        given().header("X-API-Key", TestKeys.EDITOR).contentType(ContentType.JSON).body(incident("HIGH", "2026-01-05"))
                .when().post("/api/v1/influencers/" + id + "/incidents")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", is("https://microscout.dev/problems/forbidden"));

        String location = post(id, incident("HIGH", "2026-01-05")).statusCode(201).extract().header("Location");
        given().header("X-API-Key", TestKeys.EDITOR).header("If-Match", "\"0\"").contentType(MERGE_PATCH)
                .body("{\"resolved\": true}")
                .when().patch(location).then().statusCode(403);
        given().header("X-API-Key", TestKeys.VIEWER).when().get(location).then().statusCode(200).body("resolved", is(false));
    }

    @Test
    void anyOrganisationsAdminReportsButOnlyTheReporterOrAnOperatorResolves() {
        String id = create(influencer(channel("INSTAGRAM", 20000)));
        String incidentId = post(id, incident("HIGH", LocalDate.now(ZoneOffset.UTC).minusDays(3).toString())).statusCode(201)
                .body("reportedByYourOrganisation", is(true)).extract().path("id");
        String path = "/api/v1/influencers/" + id + "/incidents/" + incidentId;
        Organisations.Organisation other = Organisations.create();

        // It counts for everyone: 0.625 without reviews − 0.5 for the HIGH incident = 0.125, whoever asks.
        given().header("X-API-Key", other.admin()).get("/api/v1/influencers/" + id + "/reputation").then()
                .body("reputation", closeTo(0.125, 1e-9));
        given().header("X-API-Key", other.admin()).get(path).then().statusCode(200)
                .body("reportedByYourOrganisation", is(false))
                .body("$", not(hasKey("organisationId"))).body("$", not(hasKey("reportedByOrganisation")));
        given().header("X-API-Key", other.admin()).get("/api/v1/influencers/" + id + "/incidents").then()
                .body("items[0].reportedByYourOrganisation", is(false));

        given().header("X-API-Key", other.admin()).header("If-Match", "\"0\"").contentType(MERGE_PATCH).body("{\"resolved\": true}")
                .when().patch(path).then().statusCode(403).contentType(PROBLEM)
                .body("type", is("https://microscout.dev/problems/forbidden"))
                .body("detail", is("Only ADMINs of the organisation that reported incident " + incidentId
                        + ", or an operator, may change or resolve it; report a new incident if you know more"));
        // A stale ETag does not tell another organisation more than that it may not change the incident.
        given().header("X-API-Key", other.admin()).header("If-Match", "\"9\"").contentType(MERGE_PATCH).body("{\"resolved\": true}")
                .when().patch(path).then().statusCode(403);
        given().get(path).then().body("resolved", is(false)).body("version", is(0));

        patch(path, "\"0\"", "{\"severity\": \"MEDIUM\"}").statusCode(200).body("severity", is("MEDIUM"))
                .body("reportedByYourOrganisation", is(true));
        given().header("X-API-Key", TestKeys.OPERATOR).header("If-Match", "\"1\"").contentType(MERGE_PATCH).body("{\"resolved\": true}")
                .when().patch(path).then().statusCode(200).body("resolved", is(true))
                .body("reportedByYourOrganisation", is(false));
        given().header("X-API-Key", other.admin()).get("/api/v1/influencers/" + id + "/reputation").then()
                .body("reputation", closeTo(0.625, 1e-9));

        // The other organisation reports its own, which it may change.
        String theirs = given().header("X-API-Key", other.admin()).contentType(ContentType.JSON).body(incident("LOW", "2026-01-05"))
                .post("/api/v1/influencers/" + id + "/incidents").then().statusCode(201)
                .body("reportedByYourOrganisation", is(true)).extract().path("id");
        given().header("X-API-Key", other.admin()).header("If-Match", "\"0\"").contentType(MERGE_PATCH).body("{\"resolved\": true}")
                .when().patch("/api/v1/influencers/" + id + "/incidents/" + theirs).then().statusCode(200);
        patch("/api/v1/influencers/" + id + "/incidents/" + theirs, "\"1\"", "{\"resolved\": false}").statusCode(403);
    }

    @Test
    void unknownAndMalformedIdsAreProblems() {
        String unknown = UUID.randomUUID().toString();
        post(unknown, incident("LOW", "2026-01-05")).statusCode(404).contentType(PROBLEM)
                .body("detail", is("Influencer " + unknown + " does not exist"));
        given().when().get("/api/v1/influencers/" + unknown + "/incidents").then().statusCode(404);

        String id = create(influencer(channel("INSTAGRAM", 20000)));
        patch("/api/v1/influencers/" + id + "/incidents/" + unknown, "\"0\"", "{\"resolved\": true}").statusCode(404)
                .body("detail", is("Incident " + unknown + " does not exist"));
        patch("/api/v1/influencers/" + id + "/incidents/x1", "\"0\"", "{\"resolved\": true}").statusCode(400)
                .body("errors[0].field", is("incidentId"));

        // An incident is found only under its own influencer.
        String other = create(influencer(channel("INSTAGRAM", 20000)));
        String incidentId = post(other, incident("LOW", "2026-01-05")).statusCode(201).extract().path("id");
        given().when().get("/api/v1/influencers/" + id + "/incidents/" + incidentId).then().statusCode(404);
        patch("/api/v1/influencers/" + id + "/incidents/" + incidentId, "\"0\"", "{\"resolved\": true}").statusCode(404);
    }
}
