package dev.microscout.security;

import dev.microscout.support.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Finds every REST endpoint of the application from its compiled classes, so an endpoint added later
 * without protection fails here: each must declare its roles, refuse a request without a key (401) and
 * refuse a key whose role is too low (403), both as problem+json.
 */
@QuarkusTest
class EndpointProtectionTest {

    private static final Map<String, String> KEY_BELOW = Map.of(
            Role.EDITOR_ROLE, TestKeys.VIEWER,
            Role.ADMIN_ROLE, TestKeys.EDITOR,
            Role.OPERATOR_ROLE, TestKeys.ADMIN);

    record Endpoint(io.restassured.http.Method httpMethod, String path, String role) {
    }

    @Test
    void everyEndpointNeedsAKeyWithItsRole() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertFalse(endpoints.size() < 15, "expected the application's endpoints, found " + endpoints);
        for (Endpoint endpoint : endpoints) {
            given().header("X-API-Key", "").contentType("application/json").body("{}")
                    .when().request(endpoint.httpMethod(), endpoint.path())
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("type", is("https://microscout.dev/problems/unauthorized"));
            given().header("X-API-Key", "msk_unknown0_4444444444444444444444444444444444444444444").contentType("application/json").body("{}")
                    .when().request(endpoint.httpMethod(), endpoint.path())
                    .then().statusCode(401);
            String lowerKey = KEY_BELOW.get(endpoint.role());
            if (lowerKey != null) {
                given().header("X-API-Key", lowerKey).contentType("application/json").body("{}")
                        .when().request(endpoint.httpMethod(), endpoint.path())
                        .then().statusCode(403).contentType("application/problem+json")
                        .body("type", is("https://microscout.dev/problems/forbidden"));
            }
        }
    }

    @Test
    void theBearerHeaderWorksLikeXApiKey() {
        given().header("Authorization", "Bearer " + TestKeys.VIEWER).when().get("/api/v1/tiers").then().statusCode(200);
        given().header("Authorization", "Bearer nonsense").when().get("/api/v1/tiers").then().statusCode(401);
    }

    @Test
    void healthOpenApiAndSwaggerUiNeedNoKey() {
        given().header("X-API-Key", "").when().get("/q/health/ready").then().statusCode(200);
        given().header("X-API-Key", "").when().get("/q/openapi").then().statusCode(200);
        given().header("X-API-Key", "").when().get("/q/swagger-ui/").then().statusCode(200);
        given().header("X-API-Key", "").when().get("/q/metrics").then().statusCode(200);
    }

    static List<Endpoint> endpoints() throws IOException, ClassNotFoundException {
        List<Endpoint> endpoints = new ArrayList<>();
        java.nio.file.Path classes = Paths.get("target", "classes");
        List<String> names;
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            names = files.map(classes::relativize).map(Object::toString)
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .toList();
        }
        for (String name : names) {
            Class<?> type = Class.forName(name, false, EndpointProtectionTest.class.getClassLoader());
            Path base = type.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
                io.restassured.http.Method http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
                assertNotNull(roles, type.getSimpleName() + "." + method.getName() + " declares no roles");
                Path sub = method.getAnnotation(Path.class);
                String path = (base.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/")
                        .replaceAll("\\{[^}]+}", "3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b");
                endpoints.add(new Endpoint(http, path, roles.value()[0]));
            }
        }
        return endpoints;
    }

    private static io.restassured.http.Method httpMethod(java.lang.reflect.Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return io.restassured.http.Method.GET;
        }
        if (method.isAnnotationPresent(POST.class)) {
            return io.restassured.http.Method.POST;
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return io.restassured.http.Method.PUT;
        }
        if (method.isAnnotationPresent(PATCH.class)) {
            return io.restassured.http.Method.PATCH;
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return io.restassured.http.Method.DELETE;
        }
        return null;
    }
}
