package dev.microscout.ingest;

import dev.microscout.support.Fixtures;
import dev.microscout.support.Organisations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jobs belong to the organisation that sent them; a job can be cancelled; a retry with the same key is the same job. */
@QuarkusTest
class ImportJobsApiTest {

    @Test
    void anotherOrganisationSeesNothingOfAJob() {
        String id = Imports.send("snapshots", Imports.CSV, "channelId,date,followers\n");
        Organisations.Organisation other = Organisations.create();
        for (String path : List.of("/api/v1/imports/" + id, "/api/v1/imports/" + id + "/errors")) {
            given().header("X-API-Key", other.editor()).get(path).then().statusCode(404).contentType("application/problem+json");
        }
        given().header("X-API-Key", other.editor()).delete("/api/v1/imports/" + id).then().statusCode(404);
        given().header("X-API-Key", other.editor()).get("/api/v1/imports").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().get("/api/v1/imports").then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void aCancelledJobStopsAndSaysWhatItCommitted() {
        Map<String, Object> channel = Fixtures.channel("INSTAGRAM", 5_000);
        String handle = ((String) channel.get("handle")).substring(1);
        Fixtures.create(Fixtures.influencer(channel));
        StringBuilder csv = new StringBuilder("platform,handle,date,followers\n");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < 2_000; i++) {
            // Chunks of 50 lines in tests: forty chunks, each one transaction.
            csv.append("INSTAGRAM,").append(handle).append(',').append(today.minusDays(i)).append(',').append(5_000 + i).append('\n');
        }
        String id = Imports.send("snapshots", Imports.CSV, csv.toString());
        given().delete("/api/v1/imports/" + id).then().statusCode(202).body("cancelRequested", is(true));
        ExtractableResponse<Response> job = Imports.awaitEnd(id);
        assertEquals("CANCELLED", job.path("status"));
        int processed = job.path("lines.processed");
        assertTrue(processed < 2_000, "processed " + processed);
        assertEquals(processed, job.<Integer>path("created") + job.<Integer>path("updated") + job.<Integer>path("unchanged")
                + job.<Integer>path("failed"));
        assertTrue(job.<String>path("failure").startsWith("cancelled"), job.<String>path("failure"));
        given().delete("/api/v1/imports/" + id).then().statusCode(409).body("detail", containsString("CANCELLED"));
    }

    @Test
    void theSameFileWithTheSameIdempotencyKeyIsTheSameJob() {
        String key = "import-" + System.nanoTime();
        String file = "channelId,date,followers\n";
        String first = given().contentType(Imports.CSV).header("Idempotency-Key", key).body(file).queryParam("kind", "snapshots")
                .post("/api/v1/imports").then().statusCode(202).extract().path("id");
        given().contentType(Imports.CSV).header("Idempotency-Key", key).body(file).queryParam("kind", "snapshots")
                .post("/api/v1/imports").then().statusCode(202).header("Idempotent-Replayed", "true").body("id", is(first));
        given().contentType(Imports.CSV).header("Idempotency-Key", key).body(file + "x,2026-01-01,1\n").queryParam("kind", "snapshots")
                .post("/api/v1/imports").then().statusCode(422).body("errors[0].field", is("Idempotency-Key"));
    }

    @Test
    void aFileOfAnotherTypeOrCharsetIsRefusedNamingWhatIsRead() {
        given().contentType("application/json").body("{}").queryParam("kind", "posts").post("/api/v1/imports").then()
                .statusCode(415).contentType("application/problem+json").body("detail", containsString("text/csv or application/x-ndjson"));
        given().contentType("text/csv; charset=ISO-8859-1").body("a").queryParam("kind", "posts").post("/api/v1/imports").then()
                .statusCode(415);
        given().header("X-API-Key", dev.microscout.support.TestKeys.VIEWER).contentType(Imports.CSV).body("a")
                .queryParam("kind", "posts").post("/api/v1/imports").then().statusCode(403);
    }
}
