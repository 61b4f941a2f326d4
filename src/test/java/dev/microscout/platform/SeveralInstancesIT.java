package dev.microscout.platform;

import dev.microscout.support.ServiceProcess;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.microscout.platform.ReadReplicaIT.api;
import static dev.microscout.platform.ReadReplicaIT.editorKey;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two packaged service instances on one database answer as one: a key's rate limit holds across them, a niche
 * added on one is known to the other within a second, and periodic work runs once per period, not once per instance.
 */
class SeveralInstancesIT {

    @Test
    void twoInstancesOnOneDatabaseShareLimitsCachesAndSchedules() throws Exception {
        try (ServiceProcess.Database db = ServiceProcess.Database.start("several-instances");
             ServiceProcess first = instance(db, "instance-1").start();
             ServiceProcess second = instance(db, "instance-2").start()) {
            String key = editorKey(first);

            // Burst 200, refilled at 0.01/s (well under one token while the loop runs): at most 200 requests in all,
            // whichever instance takes them, then 429 on both. Separate buckets would have let all 400 through. Each
            // instance leases 5 % of the burst (10 tokens) at a time, and tokens a lease still holds when it expires
            // are not spent: two instances may fall short of the limit by two leases, never exceed it.
            int allowed = 0;
            for (int i = 0; i < 400; i++) {
                int status = api(i % 2 == 0 ? first : second, key).get("/api/v1/tiers").then().extract().statusCode();
                if (status == 200) {
                    allowed++;
                } else {
                    assertEquals(429, status);
                }
            }
            assertTrue(allowed <= 200 && allowed >= 200 - 2 * 10, "one bucket for the key across both instances: " + allowed);

            // The second instance holds the taxonomy in memory; a niche added through the first reaches it in < 1 s.
            List<String> before = api(second, ServiceProcess.BOOTSTRAP_KEY).get("/api/v1/niches").then().statusCode(200)
                    .extract().path("slug");
            assertTrue(!before.contains("slow-travel"));
            api(first, ServiceProcess.BOOTSTRAP_KEY).contentType(ContentType.JSON)
                    .body(Map.of("slug", "slow-travel", "name", "Slow travel")).post("/api/v1/niches").then().statusCode(201);
            Instant added = Instant.now();
            while (true) {
                List<String> slugs = api(second, ServiceProcess.BOOTSTRAP_KEY).get("/api/v1/niches").then().statusCode(200)
                        .extract().path("slug");
                if (slugs.contains("slow-travel")) {
                    break;
                }
                assertTrue(Duration.between(added, Instant.now()).toMillis() < 1000, "the second instance still lacks the niche");
                Thread.sleep(20);
            }

            // Each instance keeps import files on its own disk: a job is taken by the instance holding its file, so
            // none ends FAILED for having been taken by the other one.
            String importer = editorKey(first);
            List<String> jobs = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                StringBuilder csv = new StringBuilder("ref,displayName,country,platform,handle,followers\n");
                for (int line = 0; line < 20; line++) {
                    csv.append("f").append(i).append('-').append(line).append(",Creator ").append(line).append(",ID,TIKTOK,several.")
                            .append(i).append('.').append(line).append(',').append(1_000 + line).append('\n');
                }
                jobs.add(api(first, importer).contentType("text/csv; charset=UTF-8").body(csv.toString()).queryParam("kind", "influencers")
                        .post("/api/v1/imports").then().statusCode(202).extract().path("id"));
            }
            for (String job : jobs) {
                Instant deadline = Instant.now().plusSeconds(60);
                String status;
                do {
                    Thread.sleep(100);
                    status = api(second, importer).get("/api/v1/imports/" + job).then().statusCode(200).extract().path("status");
                } while (!status.equals("DONE") && !status.equals("FAILED") && Instant.now().isBefore(deadline));
                assertEquals("DONE", status, "import " + job);
                assertEquals(20, (int) api(second, importer).get("/api/v1/imports/" + job).then().extract().path("created"));
            }

            // Both fire the peer-baseline refresh every second; over 6 s they run it about 6 times between them, not 12.
            double start = runs(first) + runs(second);
            Thread.sleep(6_000);
            double ran = runs(first) + runs(second) - start;
            assertTrue(ran >= 4 && ran <= 7, "runs in 6 s across both instances: " + ran);
            assertTrue(skipped(first) + skipped(second) >= 4, "each period, the instance that came second skipped it");
        }
    }

    private static ServiceProcess instance(ServiceProcess.Database db, String name) {
        return ServiceProcess.with(db).name(name)
                .property("microscout.imports.directory", java.nio.file.Path.of("target", "service-process", name + "-imports").toAbsolutePath().toString())
                .property("microscout.security.rate-limit.burst", "200")
                .property("microscout.security.rate-limit.requests-per-second", "0.01")
                .property("microscout.metrics.peer-refresh-every", "1s")
                .property("microscout.metrics.peer-refresh-first-after", "1s");
    }

    private static double runs(ServiceProcess service) {
        return counter(service, "ran");
    }

    private static double skipped(ServiceProcess service) {
        return counter(service, "skipped");
    }

    private static double counter(ServiceProcess service, String outcome) {
        String metrics = given().baseUri(service.baseUri().toString()).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("microscout_scheduled_runs_total{") && l.contains("task=\"metrics.peer-baselines\"")
                        && l.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
