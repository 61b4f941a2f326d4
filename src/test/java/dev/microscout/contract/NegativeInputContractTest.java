package dev.microscout.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.microscout.contract.Mutations.Mutation;
import dev.microscout.contract.OpenApiOperations.Field;
import dev.microscout.contract.OpenApiOperations.Operation;
import dev.microscout.contract.OpenApiOperations.Parameter;
import dev.microscout.support.TestKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Negative input, driven by the served OpenAPI document: every operation, every field of its body, every query,
 * path and header parameter, with boundary and invalid values ({@link Mutations}) sent on an otherwise valid request
 * (the documented example, completed from the schema), with a key of the role the operation requires. It holds the
 * service to its contract: never a 5xx; every 4xx is problem+json; an invalid value is a 400 whose errors name the
 * field (or a parent of it); every status is one the document declares for the operation. Nothing here names an
 * operation: a new one is covered when it is documented.
 * <p>
 * Afterwards, a search with an audience age range and a lookalike request must still answer 200: no row the
 * suite managed to store may break another request.
 */
@QuarkusTest
class NegativeInputContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLACEHOLDER = "@@mutation@@";
    /** Fields whose value must be unique among requests, or each request after the first would be a 409. */
    private static final Set<String> UNIQUE_FIELDS = Set.of("handle", "slug", "campaignId", "name");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> faults = new ArrayList<>();
    private final Map<String, Integer> statuses = new LinkedHashMap<>();
    private int requests;
    /** Whether a request of the current operation succeeded (a delete's example then finds nothing left). */
    private boolean succeeded;
    private Map<String, String> keys;
    private Map<String, String> ids;

    @Test
    void noInputAnswers5xxAndEveryAnswerIsDeclared() throws Exception {
        JsonNode document = JSON.readTree(send("GET", "/q/openapi?format=json", Map.of(), null, null).body());
        OpenApiOperations api = new OpenApiOperations(document);
        prepare();
        List<Operation> operations = new ArrayList<>(api.operations());
        // Deletes last, sub-resources before their parents, so every other operation finds what it reads.
        operations.sort(Comparator.comparing((Operation o) -> o.method().equals("delete"))
                .thenComparing(o -> o.method().equals("delete") ? -o.path().length() : 0));
        long started = System.nanoTime();
        for (Operation operation : operations) {
            exercise(api, operation);
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;

        // No stored row may break a search with an audience age range, or a lookalike request.
        prepareAudienceData();
        String brief = "{\"tiers\": [\"NANO\", \"MICRO\", \"MACRO\"], \"audience\": {\"countries\": [\"ID\"], \"gender\": \"female\", "
                + "\"ageRanges\": [\"18-24\", \"25-34\"]}, \"size\": 100}";
        HttpResponse<String> search = send("POST", "/api/v1/discovery/searches", json(keys.get("VIEWER")), brief, "application/json");
        if (search.statusCode() != 200) {
            faults.add("a search with an audience age range after the suite: " + search.statusCode() + " " + abbreviated(search.body()));
        }
        HttpResponse<String> lookalikes = send("GET", "/api/v1/channels/" + ids.get("lookalikeSource") + "/lookalikes?size=100",
                json(keys.get("VIEWER")), null, null);
        if (lookalikes.statusCode() != 200) {
            faults.add("lookalikes after the suite: " + lookalikes.statusCode() + " " + abbreviated(lookalikes.body()));
        }

        String summary = requests + " requests over " + operations.size() + " operations in " + seconds + " s; statuses " + statuses;
        System.out.println("NegativeInputContractTest: " + summary);
        assertTrue(faults.isEmpty(), faults.size() + " faults (" + summary + "):\n" + faults.stream().distinct().limit(80)
                .collect(Collectors.joining("\n")));
    }

    @Test
    void everyNumberARequestSendsHasADocumentedRange() throws Exception {
        JsonNode document = JSON.readTree(send("GET", "/q/openapi?format=json", Map.of(), null, null).body());
        OpenApiOperations api = new OpenApiOperations(document);
        List<String> unbounded = new ArrayList<>();
        for (Operation operation : api.operations()) {
            for (Parameter p : operation.parameters()) {
                JsonNode values = "array".equals(OpenApiOperations.type(p.schema())) ? api.resolve(p.schema().path("items")) : p.schema();
                if (!bounded(values)) {
                    unbounded.add(operation.label() + " parameter " + p.name());
                }
            }
            // A merge patch's schema is "object"; its fields are those of the body it patches, checked there.
            if (operation.bodySchema() != null && operation.bodySchema().path("properties").size() > 0) {
                for (Field field : api.fields(operation.bodySchema(), operation.validBody())) {
                    if (!bounded(field.schema())) {
                        unbounded.add(operation.label() + " body " + field.path());
                    }
                }
            }
        }
        assertEquals(List.of(), unbounded.stream().distinct().toList(), "numbers without minimum and maximum in the contract");
    }

    private static boolean bounded(JsonNode schema) {
        String type = OpenApiOperations.type(schema);
        if (!"integer".equals(type) && !"number".equals(type)) {
            return true;
        }
        return (schema.has("minimum") || schema.has("exclusiveMinimum")) && (schema.has("maximum") || schema.has("exclusiveMaximum"));
    }

    // ---- One operation ----------------------------------------------------------------------------------------

    private void exercise(OpenApiOperations api, Operation op) throws Exception {
        succeeded = false;
        Map<String, String> valid = new LinkedHashMap<>();
        for (Parameter p : op.parameters()) {
            if (p.in().equals("path")) {
                valid.put(p.name(), pathValue(op.path(), p));
            } else if (p.in().equals("query") && p.required()) {
                JsonNode sample = p.example() != null ? p.example() : api.sample(p.schema(), 0);
                valid.put(p.name(), sample == null ? "1" : sample.asText());
            }
        }
        // A file (CSV, NDJSON) is its example's text; a JSON body is its example, made unique.
        String body = op.validBody() == null ? null
                : op.validBody().isTextual() ? op.validBody().asText() : unique(op.validBody()).toString();

        // Parameters, one at a time.
        for (Parameter p : op.parameters()) {
            if (p.in().equals("header")) {
                continue;
            }
            for (Mutation m : Mutations.forParameter(p.schema())) {
                if (p.in().equals("path") && m.raw().isEmpty()) {
                    continue; // /influencers/ is another path, not this operation with an empty id
                }
                Map<String, String> values = new LinkedHashMap<>(valid);
                values.put(p.name(), m.raw());
                check(op, p.in() + " " + p.name() + " = " + m.label(), call(op, values, Map.of(), body, op.contentType()),
                        m.invalid(), p.name(), false);
            }
        }
        // The last page of a listing at its largest size: page × size must fit the database's offset.
        Parameter page = query(op, "page");
        Parameter size = query(op, "size");
        if (page != null && size != null) {
            Map<String, String> values = new LinkedHashMap<>(valid);
            values.put("page", page.schema().path("maximum").asText("2147483647"));
            values.put("size", size.schema().path("maximum").asText("2147483647"));
            check(op, "the largest page at the largest size", call(op, values, Map.of(), body, op.contentType()), false, null, false);
        }
        if (op.hasHeader("Idempotency-Key")) {
            check(op, "Idempotency-Key of 256 characters", call(op, valid, Map.of("Idempotency-Key", "k".repeat(256)), body,
                    op.contentType()), true, "Idempotency-Key", false);
            String key = "neg-" + UUID.randomUUID();
            check(op, "Idempotency-Key first use", call(op, valid, Map.of("Idempotency-Key", key), body, op.contentType()),
                    false, null, false);
            String other = op.validBody() == null ? null : unique(op.validBody()).toString();
            check(op, "Idempotency-Key reused with another body", call(op, valid, Map.of("Idempotency-Key", key), other,
                    op.contentType()), false, null, false);
        }
        if (op.hasHeader("If-Match")) {
            check(op, "If-Match stale", call(op, valid, Map.of("If-Match", "\"999999\""), body, op.contentType()),
                    false, null, false);
            check(op, "If-Match missing", call(op, valid, Map.of("If-Match", ""), body, op.contentType()), false, null, false);
        }
        check(op, "Accept: application/xml", call(op, valid, Map.of("Accept", "application/xml"), body, op.contentType()),
                false, null, false);

        if (op.validBody() != null) {
            check(op, "Content-Type: text/plain", call(op, valid, Map.of(), body, "text/plain"), false, null, false);
            for (Mutation m : op.contentType().contains("json") && !op.contentType().contains("ndjson")
                    ? Mutations.brokenBodies() : List.<Mutation>of()) {
                check(op, "body = " + m.label(), call(op, valid, Map.of(), m.raw(), op.contentType()), m.invalid(), "", true);
            }
            boolean patch = op.method().equals("patch");
            for (Field field : api.fields(op.bodySchema(), op.validBody())) {
                boolean required = !patch && isRequired(api, op, field);
                for (Mutation m : Mutations.forField(field.schema(), field.value(), required)) {
                    String mutated = mutate(op.validBody(), field.steps(), m.raw());
                    check(op, "body " + field.path() + " = " + m.label(), call(op, valid, Map.of(), mutated, op.contentType()),
                            m.invalid(), field.path(), true);
                }
            }
        }
        // The valid request last: for a delete, what it deletes is gone after it.
        HttpResponse<String> response = call(op, valid, Map.of(), body, op.contentType());
        check(op, "the documented example", response, false, null, false);
        boolean deletedBefore = op.method().equals("delete") && response.statusCode() == 404 && succeeded;
        if (response.statusCode() >= 400 && response.statusCode() != 409 && !deletedBefore) {
            faults.add(op.label() + ": the documented example is refused with " + response.statusCode() + " " + abbreviated(response.body()));
        }
    }

    private static Parameter query(Operation op, String name) {
        return op.parameters().stream().filter(p -> p.in().equals("query") && p.name().equals(name)).findFirst().orElse(null);
    }

    private boolean isRequired(OpenApiOperations api, Operation op, Field field) {
        JsonNode parent = op.bodySchema();
        List<Object> steps = field.steps();
        for (int i = 0; i < steps.size() - 1; i++) {
            Object step = steps.get(i);
            parent = step instanceof Integer ? api.resolve(parent.path("items")) : api.resolve(parent.path("properties").path((String) step));
        }
        Object last = steps.get(steps.size() - 1);
        if (!(last instanceof String name)) {
            return false;
        }
        for (JsonNode required : parent.path("required")) {
            if (required.asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private void check(Operation op, String what, HttpResponse<String> response, boolean invalid, String field, boolean bodyField) {
        requests++;
        int status = response.statusCode();
        succeeded |= status < 300;
        statuses.merge(String.valueOf(status), 1, Integer::sum);
        String label = op.label() + " with " + what + ": ";
        if (status >= 500) {
            faults.add(label + status + " " + abbreviated(response.body()));
            return;
        }
        if (!op.declared().contains(String.valueOf(status)) && !op.declared().contains("default")) {
            faults.add(label + "answered " + status + ", which the contract does not declare (it declares " + op.declared() + ")");
        }
        if (status >= 400 && !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            faults.add(label + status + " is not application/problem+json but " + response.headers().firstValue("Content-Type").orElse("untyped"));
        }
        if (invalid && status != 400) {
            faults.add(label + "an invalid value answered " + status + " instead of 400");
        }
        if (status == 400 && field != null && !field.isEmpty()) {
            List<String> named = errorFields(response.body());
            if (named.stream().noneMatch(n -> names(n, field))) {
                faults.add(label + "400 names " + named + ", not " + field);
            }
        }
        if (status == 400 && bodyField && field != null && field.isEmpty() && errorFields(response.body()).isEmpty()) {
            faults.add(label + "400 without errors[]");
        }
    }

    /** The error names the field, a parent of it, or a part of it (a map key, an element). */
    private static boolean names(String error, String field) {
        return error.equals(field) || field.startsWith(error + ".") || field.startsWith(error + "[")
                || error.startsWith(field + ".") || error.startsWith(field + "[");
    }

    private static List<String> errorFields(String body) {
        List<String> fields = new ArrayList<>();
        try {
            for (JsonNode error : JSON.readTree(body).path("errors")) {
                fields.add(error.path("field").asText());
            }
        } catch (Exception e) {
            fields.add("(unreadable problem: " + abbreviated(body) + ")");
        }
        return fields;
    }

    // ---- Requests -----------------------------------------------------------------------------------------------

    private HttpResponse<String> call(Operation op, Map<String, String> values, Map<String, String> headers,
                                      String body, String contentType) throws Exception {
        String path = op.path();
        StringBuilder query = new StringBuilder();
        for (Parameter p : op.parameters()) {
            String value = values.get(p.name());
            if (p.in().equals("path")) {
                path = path.replace("{" + p.name() + "}", encode(value));
            } else if (p.in().equals("query") && value != null) {
                query.append(query.isEmpty() ? "?" : "&").append(encode(p.name())).append('=').append(encode(value));
            }
        }
        Map<String, String> all = new LinkedHashMap<>(json(keys.get(op.role() == null ? "VIEWER" : op.role())));
        if (op.hasHeader("If-Match")) {
            all.put("If-Match", "*");
        }
        all.putAll(headers);
        all.values().removeIf(String::isEmpty);
        return send(op.method().toUpperCase(), path + query, all, body, contentType);
    }

    private HttpResponse<String> send(String method, String pathAndQuery, Map<String, String> headers, String body, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery.substring(1))).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> json(String key) {
        return Map.of("X-API-Key", key, "Accept", "application/json, application/problem+json");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The body with {@code raw} (JSON text, possibly none a JSON library would write) at the field's place. */
    private static String mutate(JsonNode valid, List<Object> steps, String raw) {
        JsonNode copy = unique(valid);
        JsonNode parent = copy;
        for (int i = 0; i < steps.size() - 1; i++) {
            Object step = steps.get(i);
            JsonNode next = step instanceof Integer index ? parent.path(index) : parent.path((String) step);
            if (next.isMissingNode() || next.isNull()) {
                next = steps.get(i + 1) instanceof Integer ? JSON.createArrayNode().add(JSON.createObjectNode()) : JSON.createObjectNode();
                set(parent, step, next);
            }
            parent = next;
        }
        set(parent, steps.get(steps.size() - 1), TextNode.valueOf(PLACEHOLDER));
        return copy.toString().replace("\"" + PLACEHOLDER + "\"", raw);
    }

    private static void set(JsonNode parent, Object step, JsonNode value) {
        if (step instanceof Integer index && parent instanceof ArrayNode array) {
            if (index < array.size()) {
                array.set(index, value);
            } else {
                array.add(value);
            }
        } else if (parent instanceof ObjectNode object) {
            object.set((String) step, value);
        }
    }

    /** A copy with new values for {@link #UNIQUE_FIELDS} (wherever they are), so that requests do not collide. */
    private static JsonNode unique(JsonNode body) {
        JsonNode copy = body.deepCopy();
        replaceUnique(copy);
        return copy;
    }

    /** The suite's influencer, for bodies that name one (a campaign result): the documented example names another. */
    private static volatile String fixtureInfluencer;

    private static void replaceUnique(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode influencer = object.get("influencerId");
            if (fixtureInfluencer != null && influencer != null && influencer.isTextual()
                    && influencer.asText().matches("[0-9a-f]{8}-[0-9a-f-]{27}")) {
                object.put("influencerId", fixtureInfluencer);
            }
            for (String name : UNIQUE_FIELDS) {
                JsonNode value = object.get(name);
                if (value != null && value.isTextual() && !value.asText().isEmpty() && value.asText().matches("[@A-Za-z0-9._ -]{1,60}")) {
                    int n = SEQUENCE.incrementAndGet();
                    object.put(name, name.equals("campaignId") ? UUID.randomUUID().toString()
                            : name.equals("slug") ? "neg-" + n : (value.asText().startsWith("@") ? "@" : "") + "neg" + n + "." + value.asText().replace("@", ""));
                }
            }
        }
        for (JsonNode child : node) {
            replaceUnique(child);
        }
    }

    private static String abbreviated(String text) {
        return text == null || text.length() < 300 ? text : text.substring(0, 300) + "…";
    }

    // ---- Fixtures -----------------------------------------------------------------------------------------------

    /** An organisation of the suite's own with a key per role, and one of everything a path can name. */
    private void prepare() throws Exception {
        keys = new LinkedHashMap<>();
        keys.put("OPERATOR", TestKeys.OPERATOR);
        JsonNode org = created(send("POST", "/api/v1/organisations", json(TestKeys.OPERATOR),
                "{\"name\": \"Negative input " + UUID.randomUUID() + "\"}", "application/json"));
        String orgId = org.path("id").asText();
        for (String role : List.of("VIEWER", "EDITOR", "ADMIN")) {
            JsonNode key = created(send("POST", "/api/v1/organisations/" + orgId + "/api-keys", json(TestKeys.OPERATOR),
                    "{\"name\": \"" + role + "\", \"role\": \"" + role + "\"}", "application/json"));
            keys.put(role, key.path("key").asText());
        }
        ids = new LinkedHashMap<>();
        ids.put("organisations", orgId);
        ids.put("api-keys", created(send("POST", "/api/v1/organisations/" + orgId + "/api-keys", json(keys.get("ADMIN")),
                "{\"name\": \"to delete\", \"role\": \"VIEWER\"}", "application/json")).path("id").asText());
        JsonNode influencer = created(send("POST", "/api/v1/influencers", json(keys.get("EDITOR")), """
                {"displayName": "Negative Input", "country": "ID", "niches": [{"niche": "skincare", "weight": 1}],
                 "rateCard": {"currency": "IDR", "pricePerPost": 1000000},
                 "channels": [{"platform": "INSTAGRAM", "handle": "%s", "followers": 20000,
                               "audience": {"ageShares": {"18-24": 0.5}, "countryShares": {"ID": 0.9}, "genderShares": {"female": 0.6}}},
                              {"platform": "TIKTOK", "handle": "%s", "followers": 30000}]}"""
                .formatted("neg.a" + UUID.randomUUID().toString().substring(0, 8), "neg.b" + UUID.randomUUID().toString().substring(0, 8)),
                "application/json"));
        ids.put("influencers", influencer.path("id").asText());
        ids.put("channels", influencer.path("channels").get(1).path("id").asText());
        ids.put("incidents", created(send("POST", "/api/v1/influencers/" + ids.get("influencers") + "/incidents", json(keys.get("ADMIN")),
                "{\"kind\": \"missed-deadline\", \"severity\": \"LOW\", \"occurredOn\": \"2026-01-10\"}", "application/json"))
                .path("id").asText());
        HttpResponse<String> upload = send("POST", "/api/v1/imports?kind=snapshots", json(keys.get("EDITOR")),
                "channelId,date,followers\n" + ids.get("channels") + ",2026-11-20,30000\n", "text/csv");
        assertEquals(202, upload.statusCode(), "fixture: " + upload.body());
        ids.put("imports", JSON.readTree(upload.body()).path("id").asText());
        ids.put("reviews", created(send("POST", "/api/v1/influencers/" + ids.get("influencers") + "/reviews", json(keys.get("EDITOR")),
                "{\"contentQuality\": 4, \"professionalism\": 4, \"timeliness\": 4, \"communication\": 4}", "application/json"))
                .path("id").asText());
        // An ACTIVE campaign with the fixture influencer contracted: every campaign operation has something to act on.
        ids.put("campaigns", created(send("POST", "/api/v1/campaigns", json(keys.get("EDITOR")), """
                {"name": "Negative input", "brief": {"niches": [{"niche": "skincare", "weight": 1}]},
                 "budget": {"amount": 10000000, "currency": "IDR"}, "startsOn": "2027-02-01", "endsOn": "2027-03-31"}""",
                "application/json")).path("id").asText());
        ids.put("shortlist", ids.get("influencers"));
        fixtureInfluencer = ids.get("influencers");
        created(send("PUT", "/api/v1/campaigns/" + ids.get("campaigns") + "/shortlist/" + ids.get("influencers"), json(keys.get("EDITOR")),
                "{\"status\": \"CONTRACTED\"}", "application/json"));
        HttpResponse<String> activated = send("PATCH", "/api/v1/campaigns/" + ids.get("campaigns"),
                Map.of("X-API-Key", keys.get("EDITOR"), "Accept", "application/json, application/problem+json", "If-Match", "*"), "{\"status\": \"ACTIVE\"}", "application/merge-patch+json");
        assertEquals(200, activated.statusCode(), "fixture: " + activated.body());
        ids.put("webhooks", created(send("POST", "/api/v1/webhooks", json(keys.get("ADMIN")),
                "{\"url\": \"http://127.0.0.1:9/hooks\", \"events\": [\"campaign.status_changed\"]}", "application/json"))
                .path("webhook").path("id").asText());
        ids.put("deliveries", created(send("POST", "/api/v1/webhooks/" + ids.get("webhooks") + "/test", json(keys.get("ADMIN")),
                null, null)).path("id").asText());
    }

    /** Enough posts for the lookalike source to have metrics, and peer baselines to rank against. */
    private void prepareAudienceData() throws Exception {
        JsonNode influencer = created(send("POST", "/api/v1/influencers", json(keys.get("EDITOR")), """
                {"displayName": "Lookalike Source", "country": "ID", "niches": [{"niche": "skincare", "weight": 1}],
                 "channels": [{"platform": "INSTAGRAM", "handle": "%s", "followers": 25000,
                               "audience": {"ageShares": {"25-34": 0.4}, "countryShares": {"ID": 0.8}, "genderShares": {"female": 0.7}}}]}"""
                .formatted("neg.c" + UUID.randomUUID().toString().substring(0, 8)), "application/json"));
        ids.put("lookalikeSource", influencer.path("channels").get(0).path("id").asText());
        StringBuilder posts = new StringBuilder("{\"posts\": [");
        for (int i = 0; i < 4; i++) {
            posts.append(i == 0 ? "" : ",").append("{\"externalId\": \"la").append(i).append("\", \"postedAt\": \"")
                    .append(java.time.OffsetDateTime.now().minusDays(i + 1)).append("\", \"format\": \"REEL\", \"likes\": 900, \"comments\": 40}");
        }
        send("POST", "/api/v1/channels/" + ids.get("lookalikeSource") + "/posts", json(keys.get("EDITOR")), posts + "]}", "application/json");
        send("POST", "/api/v1/metrics/peer-baselines/refresh", json(keys.get("ADMIN")), null, null);
    }

    private JsonNode created(HttpResponse<String> response) throws Exception {
        assertTrue(response.statusCode() / 100 == 2, "fixture: " + response.statusCode() + " " + response.body());
        return JSON.readTree(response.body());
    }

    /** A path parameter: the fixture named by the segment before it, the documented example, or an unknown UUID. */
    private String pathValue(String template, Parameter p) {
        String[] segments = template.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + p.name() + "}")) {
                String id = ids.get(segments[i - 1]);
                if (id != null) {
                    return id;
                }
            }
        }
        if (p.example() != null) {
            return p.example().asText();
        }
        return UUID.randomUUID().toString();
    }
}
