package dev.microscout.ingest;

import dev.microscout.support.ServiceProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * An import interrupted by the service stopping, on the packaged service: stopped (SIGTERM) it hands its job back and
 * the next start resumes it; killed (SIGKILL) its job is taken over once its heartbeat is stale; with its file gone
 * the job ends FAILED saying what it had committed. Never half-done in silence: every line is counted once.
 */
class ImportRestartIT {

    private static final int LINES = 1_500;
    private static final Path FILES = Path.of("target/import-restart-files");

    @Test
    void anInterruptedImportResumesAfterTheRestartOrFailsSayingWhatItCommitted() throws Exception {
        try (ServiceProcess.Database db = ServiceProcess.Database.start("import-restart");
             ServiceProcess service = ServiceProcess.with(db).name("import-restart")
                     .property("microscout.imports.directory", FILES.toAbsolutePath().toString())
                     .property("microscout.imports.chunk-lines", "100")
                     .property("microscout.imports.heartbeat", "1s")
                     .property("microscout.imports.take-over-after", "3s")
                     .start()) {
            String key = editorKey(service);

            // Stopped as an orchestrator stops it: the chunk in hand commits, the job goes back to the queue.
            String stopped = upload(service, key, "stop");
            awaitJob(service, key, stopped, j -> j.getInt("lines.processed") >= 200, "to be under way");
            service.stop();
            service.start();
            JsonPath handedBack = job(service, key, stopped);
            JsonPath resumed = awaitJob(service, key, stopped, j -> j.getString("status").equals("DONE"), "to finish");
            assertTrue(handedBack.getInt("lines.processed") < LINES, "it was interrupted: " + handedBack.prettify());
            assertTrue(service.logText().contains("handed back"), "the stop handed the job back");
            assertEquals(LINES, resumed.getInt("created"), resumed.prettify());
            assertEquals(LINES, resumed.getInt("lines.processed"));
            assertEquals(0, resumed.getInt("failed"));

            // Killed: no shutdown runs; the next start takes the job over once its heartbeat is older than 3 s.
            String killed = upload(service, key, "kill");
            awaitJob(service, key, killed, j -> j.getInt("lines.processed") >= 200, "to be under way");
            service.kill();
            service.start();
            JsonPath takenOver = awaitJob(service, key, killed, j -> j.getString("status").equals("DONE"), "to finish");
            assertEquals(LINES, takenOver.getInt("created"), takenOver.prettify());
            assertEquals(0, takenOver.getInt("failed"));

            // Both files again: every line is there exactly once, so every line is unchanged.
            String again = upload(service, key, "stop");
            JsonPath repeat = awaitJob(service, key, again, j -> j.getString("status").equals("DONE"), "to finish");
            assertEquals(LINES, repeat.getInt("unchanged"), repeat.prettify());

            // Killed, and the file lost with the machine: the next start cannot resume and says how far the job got.
            String lost = upload(service, key, "lost");
            awaitJob(service, key, lost, j -> j.getInt("lines.processed") >= 200, "to be under way");
            service.kill();
            try (Stream<Path> files = Files.list(FILES)) {
                files.filter(f -> f.getFileName().toString().startsWith(lost)).forEach(f -> f.toFile().delete());
            }
            service.start();
            JsonPath failed = awaitJob(service, key, lost, j -> j.getString("status").equals("FAILED"), "to fail");
            int committed = failed.getInt("lines.committedThrough");
            assertTrue(failed.getString("failure").contains("Lines up to line " + committed + " of the file were committed ("
                    + failed.getInt("created") + " created"), failed.getString("failure"));
            assertTrue(failed.getString("failure").contains("Send the file again"), failed.getString("failure"));
            assertEquals(committed - 1, failed.getInt("lines.processed"));
        }
    }

    /** A file of LINES creators, one channel each, with handles that name the run. */
    private static String upload(ServiceProcess service, String key, String run) {
        StringBuilder csv = new StringBuilder("ref,displayName,country,platform,handle,followers\n");
        String tag = run + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < LINES; i++) {
            csv.append("r").append(i).append(",Creator ").append(i).append(",ID,INSTAGRAM,").append(tag).append('.').append(i)
                    .append(',').append(5_000 + i).append('\n');
        }
        if (run.equals("stop")) {
            // The same file each time for this run: a repeat must find every line stored.
            csv = new StringBuilder(csv.toString().replace(tag, "stopped"));
        }
        return api(service, key).contentType("text/csv; charset=UTF-8").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .queryParam("kind", "influencers").post("/api/v1/imports").then().statusCode(202).extract().path("id");
    }

    private static JsonPath job(ServiceProcess service, String key, String id) {
        return api(service, key).get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitJob(ServiceProcess service, String key, String id, Predicate<JsonPath> until, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonPath job = null;
        while (Instant.now().isBefore(deadline)) {
            job = job(service, key, id);
            if (until.test(job)) {
                return job;
            }
            Thread.sleep(50);
        }
        fail("import " + id + " did not come " + what + ": " + (job == null ? "" : job.prettify()));
        return null;
    }

    private static String editorKey(ServiceProcess service) {
        String organisation = api(service, ServiceProcess.BOOTSTRAP_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", "Import restart " + UUID.randomUUID())).when().post("/api/v1/organisations")
                .then().statusCode(201).extract().path("id");
        return api(service, ServiceProcess.BOOTSTRAP_KEY).contentType(ContentType.JSON).body(Map.of("name", "crm", "role", "EDITOR"))
                .when().post("/api/v1/organisations/" + organisation + "/api-keys").then().statusCode(201).extract().path("key");
    }

    private static RequestSpecification api(ServiceProcess service, String key) {
        return given().baseUri(service.baseUri().toString()).header("X-API-Key", key);
    }
}
