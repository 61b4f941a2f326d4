package dev.microscout.ingest;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

/** Sends files to the import API and waits for their jobs, as a client would. */
final class Imports {

    static final String CSV = "text/csv; charset=UTF-8";
    static final String NDJSON = "application/x-ndjson; charset=UTF-8";

    private Imports() {
    }

    /** Sends a file and answers the job's id (the upload must be accepted). */
    static String send(String kind, String contentType, String file, String... query) {
        var request = given().contentType(contentType).body(file.getBytes(StandardCharsets.UTF_8)).queryParam("kind", kind);
        for (int i = 0; i + 1 < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request.when().post("/api/v1/imports").then().statusCode(202).extract().path("id");
    }

    /** Polls the job until it ends (or fails the test after 60 s). */
    static ExtractableResponse<Response> awaitEnd(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            ExtractableResponse<Response> job = given().get("/api/v1/imports/" + id).then().statusCode(200).extract();
            String status = job.path("status");
            if (List.of("DONE", "FAILED", "CANCELLED").contains(status)) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("import " + id + " did not end within 60 s");
        return null;
    }

    /** Sends a file and waits for its job to end. */
    static ExtractableResponse<Response> run(String kind, String contentType, String file, String... query) {
        return awaitEnd(send(kind, contentType, file, query));
    }

    static ExtractableResponse<Response> errors(String id) {
        return given().queryParam("size", 1000).get("/api/v1/imports/" + id + "/errors").then().statusCode(200).extract();
    }
}
