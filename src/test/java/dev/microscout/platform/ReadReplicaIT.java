package dev.microscout.platform;

import dev.microscout.support.Fixtures;
import dev.microscout.support.ServiceProcess;
import dev.microscout.support.StreamingReplica;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged service with a real streaming replica: reads that may lag go to it while it keeps up, to the primary
 * while it lags past the bound or is down, and nothing fails for either.
 */
class ReadReplicaIT {

    @Test
    void readsThatMayLagGoToTheReplicaWhileItKeepsUpAndToThePrimaryOtherwise() throws Exception {
        try (ServiceProcess.Database db = ServiceProcess.Database.start("read-replica");
             StreamingReplica replica = StreamingReplica.of(db, "read-replica").start();
             ServiceProcess service = ServiceProcess.with(db).name("read-replica")
                     .property("microscout.replica.jdbc-url", replica.jdbcUrl())
                     .property("microscout.replica.username", "postgres")
                     .property("microscout.replica.password", "postgres")
                     .property("microscout.replica.max-lag", "1s")
                     .start()) {
            String key = editorKey(service);
            awaitState(service, "IN_USE");

            // A creator written on the primary is listed from the replica within the bound.
            String city = "Replica" + UUID.randomUUID().toString().substring(0, 6);
            create(service, key, city);
            double before = reads(service, "replica");
            awaitListed(service, key, city, 1);
            api(service, key).contentType(ContentType.JSON).body(Map.of("cities", List.of(city)))
                    .post("/api/v1/discovery/searches").then().statusCode(200);
            assertTrue(reads(service, "replica") >= before + 2, "the list and the search read the replica");

            // Replay paused: the lag passes the bound, reads go to the primary and see the newest write at once.
            replica.execute("select pg_wal_replay_pause()");
            create(service, key, city);
            awaitState(service, "LAGGING");
            double onPrimary = reads(service, "primary");
            create(service, key, city);
            assertEquals(3, list(service, key, city).getInt("total"), "listed from the primary, the newest included");
            assertTrue(reads(service, "primary") > onPrimary);
            replica.execute("select pg_wal_replay_resume()");
            awaitState(service, "IN_USE");
            // Back within the bound, not necessarily at the newest write: the list catches up within it.
            awaitListed(service, key, city, 3);

            // The replica lost: every search still answers, from the primary, and the health check says so.
            replica.stop();
            for (int i = 0; i < 10; i++) {
                api(service, key).contentType(ContentType.JSON).body(Map.of("cities", List.of(city)))
                        .post("/api/v1/discovery/searches").then().statusCode(200);
            }
            awaitState(service, "DOWN");
            assertEquals(3, list(service, key, city).getInt("total"));

            // Back: reads return to it.
            replica.start();
            awaitState(service, "IN_USE");
            double again = reads(service, "replica");
            assertEquals(3, list(service, key, city).getInt("total"));
            assertTrue(reads(service, "replica") > again);
        }
    }

    private static void create(ServiceProcess service, String key, String city) {
        Map<String, Object> body = Fixtures.influencer(Fixtures.channel("INSTAGRAM", 25_000));
        body.put("city", city);
        api(service, key).contentType(ContentType.JSON).body(body).post("/api/v1/influencers").then().statusCode(201);
    }

    private static JsonPath list(ServiceProcess service, String key, String city) {
        // The list filters by country; the city is unique to this run, so it is counted from the page itself.
        JsonPath page = api(service, key).queryParam("country", "ID").queryParam("size", 100).get("/api/v1/influencers")
                .then().statusCode(200).extract().jsonPath();
        List<String> cities = page.getList("items.city");
        return JsonPath.from("{\"total\": " + cities.stream().filter(city::equals).count() + "}");
    }

    private static void awaitListed(ServiceProcess service, String key, String city, int count) throws InterruptedException {
        await(() -> list(service, key, city).getInt("total") == count, Duration.ofSeconds(2), "the creator to be listed");
    }

    private static void awaitState(ServiceProcess service, String state) throws InterruptedException {
        await(() -> state.equals(replicaHealth(service).getString("data.state")), Duration.ofSeconds(15),
                "the replica's state to be " + state);
    }

    private static JsonPath replicaHealth(ServiceProcess service) {
        JsonPath health = given().baseUri(service.baseUri().toString()).get("/q/health/ready").then().statusCode(200)
                .extract().jsonPath();
        return JsonPath.from(health.prettify()).setRootPath("checks.find { it.name == 'Read replica' }");
    }

    private static double reads(ServiceProcess service, String database) {
        String metrics = given().baseUri(service.baseUri().toString()).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("microscout_reads_total{") && l.contains("database=\"" + database + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static void await(Supplier<Boolean> condition, Duration within, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(50);
        }
        fail("timed out waiting for " + what);
    }

    static String editorKey(ServiceProcess service) {
        String organisation = api(service, ServiceProcess.BOOTSTRAP_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", "Replica " + UUID.randomUUID())).when().post("/api/v1/organisations")
                .then().statusCode(201).extract().path("id");
        return api(service, ServiceProcess.BOOTSTRAP_KEY).contentType(ContentType.JSON).body(Map.of("name", "brand", "role", "EDITOR"))
                .when().post("/api/v1/organisations/" + organisation + "/api-keys").then().statusCode(201).extract().path("key");
    }

    static RequestSpecification api(ServiceProcess service, String key) {
        return given().baseUri(service.baseUri().toString()).header("X-API-Key", key);
    }
}
