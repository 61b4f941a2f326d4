package dev.microscout.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/kubernetes.yml is committed; packaging rewrites it from what quarkus-kubernetes generated
 * (target/kubernetes/kubernetes.yml). This test fails when the committed file differs, so a change of the
 * manifests is always a visible diff, and checks that they say what a deployment needs.
 */
class KubernetesManifestsIT {

    private static final Path GENERATED = Path.of("target", "kubernetes", "kubernetes.yml");
    // The pom copies the committed file here before packaging rewrites deploy/kubernetes.yml.
    private static final Path COMMITTED = Path.of("target", "committed-deploy", "kubernetes.yml");

    private static final Map<String, JsonNode> byKind = new HashMap<>();

    @BeforeAll
    static void readGenerated() throws IOException {
        assertTrue(Files.exists(GENERATED), "target/kubernetes/kubernetes.yml is missing: run ./mvnw package");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (var documents = yaml.readerFor(JsonNode.class).<JsonNode>readValues(GENERATED.toFile())) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isMissingNode() || document.isNull()) {
                    continue;
                }
                JsonNode previous = byKind.put(document.path("kind").asText(), document);
                assertEquals(null, previous, "one " + document.path("kind").asText() + " only");
            }
        }
    }

    @Test
    void theCommittedManifestsAreWhatTheBuildGenerates() throws IOException {
        assertTrue(Files.exists(COMMITTED), "deploy/kubernetes.yml is missing: run ./mvnw package and commit it");
        assertEquals(Files.readString(COMMITTED).replace("\r\n", "\n"), Files.readString(GENERATED),
                "deploy/kubernetes.yml is stale: the build has rewritten it; review the diff (git diff deploy/) and commit it");
    }

    @Test
    void theDeploymentRunsSeveralInstancesProbedOnTheirHealthWithinBoundedResources() {
        JsonNode deployment = kind("Deployment");
        assertTrue(deployment.at("/spec/replicas").asInt() >= 2, "at least two instances");
        JsonNode container = container(deployment);
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText());
        for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                assertFalse(container.at("/resources/" + bound + "/" + resource).asText().isBlank(),
                        bound + " of " + resource);
            }
        }
        assertEquals("IfNotPresent", container.path("imagePullPolicy").asText());
    }

    @Test
    void theDatabaseAndTheKeysComeFromSecretsAndTheReplicaIsOptional() {
        Map<String, JsonNode> env = env(container(kind("Deployment")));
        assertEquals("microscout-config", env.get("QUARKUS_DATASOURCE_JDBC_URL").at("/valueFrom/configMapKeyRef/name").asText());
        for (String secret : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                "MICROSCOUT_SECURITY_BOOTSTRAP_KEY", "MICROSCOUT_WEBHOOKS_SECRET_KEY")) {
            JsonNode ref = env.get(secret).at("/valueFrom/secretKeyRef");
            assertFalse(ref.isMissingNode(), secret + " from a Secret");
            assertFalse(ref.path("optional").asBoolean(false), secret + " is required");
        }
        assertTrue(env.get("MICROSCOUT_REPLICA_JDBC_URL").at("/valueFrom/configMapKeyRef/optional").asBoolean());
        for (String secret : List.of("MICROSCOUT_REPLICA_USERNAME", "MICROSCOUT_REPLICA_PASSWORD")) {
            assertTrue(env.get(secret).at("/valueFrom/secretKeyRef/optional").asBoolean(), secret + " is optional");
        }
        env.values().forEach(variable -> assertTrue(variable.path("value").isMissingNode(),
                variable.path("name").asText() + " carries no literal value"));
    }

    @Test
    void theServiceTheBudgetAndTheAutoscalerSelectTheDeploymentsPods() {
        JsonNode deployment = kind("Deployment");
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        assertEquals(deployment.at("/spec/selector/matchLabels"), kind("Service").at("/spec/selector"));
        assertEquals(8080, kind("Service").at("/spec/ports/0/targetPort").asInt());
        assertSelects(podLabels, kind("Service").at("/spec/selector"));
        assertSelects(podLabels, kind("PodDisruptionBudget").at("/spec/selector/matchLabels"));
        assertEquals(1, kind("PodDisruptionBudget").at("/spec/minAvailable").asInt());

        JsonNode autoscaler = kind("HorizontalPodAutoscaler");
        assertEquals("Deployment", autoscaler.at("/spec/scaleTargetRef/kind").asText());
        assertEquals(deployment.at("/metadata/name"), autoscaler.at("/spec/scaleTargetRef/name"));
        assertEquals(deployment.at("/spec/replicas").asInt(), autoscaler.at("/spec/minReplicas").asInt(),
                "re-applying the manifests resets the instances to the autoscaler's minimum, not below it");
        assertTrue(autoscaler.at("/spec/maxReplicas").asInt() > autoscaler.at("/spec/minReplicas").asInt());
    }

    private static void assertSelects(JsonNode podLabels, JsonNode selector) {
        assertTrue(selector.size() > 0, "a selector with labels");
        selector.fields().forEachRemaining(label -> assertEquals(label.getValue(), podLabels.get(label.getKey()),
                "pods carry " + label.getKey()));
    }

    private static JsonNode kind(String kind) {
        JsonNode resource = byKind.get(kind);
        assertNotNull(resource, "the manifests hold a " + kind + "; they hold " + byKind.keySet());
        return resource;
    }

    private static JsonNode container(JsonNode deployment) {
        JsonNode containers = deployment.at("/spec/template/spec/containers");
        assertEquals(1, containers.size(), "one container");
        return containers.get(0);
    }

    private static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new HashMap<>();
        List<String> names = new ArrayList<>();
        container.path("env").forEach(variable -> {
            names.add(variable.path("name").asText());
            env.put(variable.path("name").asText(), variable);
        });
        assertEquals(names.size(), env.size(), "no variable twice: " + names);
        return env;
    }
}
