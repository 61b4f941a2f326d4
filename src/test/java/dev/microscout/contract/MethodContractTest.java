package dev.microscout.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscout.support.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The methods of every documented path, as the service answers them: OPTIONS names exactly the documented methods
 * (with HEAD beside GET, and OPTIONS itself), and each other method is a 405 problem with the same Allow header.
 * A path that is not documented stays a 404 problem.
 */
@QuarkusTest
class MethodContractTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @Test
    void everyPathAnswersItsOwnMethodsAndOnlyThose() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        List<String> faults = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(item -> {
            Set<String> documented = new TreeSet<>();
            item.getValue().fieldNames().forEachRemaining(m -> {
                if (METHODS.contains(m.toUpperCase(Locale.ROOT))) {
                    documented.add(m.toUpperCase(Locale.ROOT));
                }
            });
            Set<String> expected = new TreeSet<>(documented);
            if (documented.contains("GET")) {
                expected.add("HEAD");
            }
            expected.add("OPTIONS");
            String path = item.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            Response options = given().header("X-API-Key", TestKeys.ADMIN).when().options(path);
            if (options.statusCode() != 204 || !expected.equals(allow(options))) {
                faults.add("OPTIONS " + item.getKey() + ": " + options.statusCode() + " Allow " + options.header("Allow") + ", expected " + expected);
            }
            if (documented.contains("GET")) {
                Response head = given().header("X-API-Key", TestKeys.ADMIN).when().head(path);
                if (head.statusCode() == 405 || head.statusCode() >= 500) {
                    faults.add("HEAD " + item.getKey() + ": " + head.statusCode() + ", though Allow names HEAD");
                }
            }
            for (String method : METHODS) {
                if (documented.contains(method)) {
                    continue;
                }
                Response response = given().header("X-API-Key", TestKeys.ADMIN).contentType("application/json").body("{}")
                        .when().request(method, path);
                if (response.statusCode() != 405 || !expected.equals(allow(response))
                        || !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                    faults.add(method + " " + item.getKey() + ": " + response.statusCode() + " " + response.contentType()
                            + " Allow " + response.header("Allow") + ", expected 405 problem with Allow " + expected);
                }
            }
        });
        assertEquals(List.of(), faults);
    }

    @Test
    void anUndocumentedPathIsA404Problem() {
        for (String method : METHODS) {
            given().header("X-API-Key", TestKeys.ADMIN).contentType("application/json").body("{}")
                    .when().request(method, "/api/v1/no-such-thing/" + UUID.randomUUID())
                    .then().statusCode(404).contentType("application/problem+json");
        }
        given().header("X-API-Key", TestKeys.ADMIN).when().get("/api/v1/influencers/" + UUID.randomUUID() + "/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static Set<String> allow(Response response) {
        String allow = response.header("Allow");
        Set<String> methods = new TreeSet<>();
        if (allow != null) {
            Arrays.stream(allow.split(",")).map(String::trim).filter(m -> !m.isEmpty()).forEach(methods::add);
        }
        return methods;
    }
}
