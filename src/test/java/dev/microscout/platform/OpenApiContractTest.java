package dev.microscout.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * openapi/openapi.yaml is the committed contract. The build rewrites it; this test fails when the
 * committed file differs from what the service serves, so a change of the API is always a visible diff.
 */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void theCommittedDocumentIsWhatTheServiceServes() throws Exception {
        // The pom copies the committed file here before the build rewrites openapi/openapi.yaml.
        Path committed = Path.of("target", "committed-openapi", "openapi.yaml");
        assertTrue(Files.exists(committed), "openapi/openapi.yaml is missing: run ./mvnw verify and commit it");
        String served = given().accept("application/yaml").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        String expected = Files.readString(committed);
        // Compared as trees: the writer and the endpoint may order keys differently.
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode expectedTree = yaml.readTree(expected);
        JsonNode servedTree = yaml.readTree(served);
        assertEquals(expectedTree, servedTree,
                "openapi/openapi.yaml is stale: the build has rewritten it; review the diff (git diff openapi/) and commit it");
    }
}
