package dev.microscout.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Declares, by rule, every error an operation can answer, so that no endpoint forgets one and the contract lists
 * each status the service may send (NegativeInputContractTest holds the service to it):
 * <ul>
 *   <li>every operation: 406 (Accept names no media type it serves), 500, 503 (statement timeout, with Retry-After);</li>
 *   <li>secured: 400 (the key sent twice, or in both headers), 401, 403, 429;</li>
 *   <li>a body or parameters: 400; a body: 413, 415; path parameters: 404;</li>
 *   <li>Idempotency-Key: 409 (the key's first request still running) and 422 (the key reused with another body);</li>
 *   <li>If-Match: 412 when stale, and 428 where it is required.</li>
 * </ul>
 * Each is a shared response under components/responses with a problem example; what an operation declares itself,
 * with its own wording, is kept. 405 belongs to paths, not operations: see {@link MethodRouting}.
 */
public class StandardProblemResponses implements OASFilter {

    private record Standard(String name, int status, String title, String type, String description, String detail) {
    }

    private static final Map<String, Standard> STANDARD = new LinkedHashMap<>();

    static {
        standard("BadRequest", 400, "Invalid request", ProblemTypes.VALIDATION,
                "A parameter or the body is malformed or invalid (every invalid field is listed), or the API key was sent twice.",
                "name must not be blank");
        standard("Unauthorized", 401, "Unauthorized", ProblemTypes.UNAUTHORIZED, "No API key, or an unknown or revoked one.",
                "Send a valid, unrevoked API key in X-API-Key or Authorization: Bearer");
        standard("Forbidden", 403, "Forbidden", ProblemTypes.FORBIDDEN, "The key's role does not allow this operation.",
                "This API key's role does not allow this operation (VIEWER reads, EDITOR writes, ADMIN administers)");
        standard("NotFound", 404, "Not found", ProblemTypes.NOT_FOUND, "No resource with the id of the path, or not one your organisation sees.",
                "No influencer 3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b");
        standard("MethodNotAllowed", 405, "Method not allowed", ProblemTypes.METHOD_NOT_ALLOWED,
                "The path has no operation for the request method; Allow names the methods it has.",
                "PUT is not a method of /api/v1/influencers/{id}/channels; Allow names the methods it has");
        standard("NotAcceptable", 406, "Not acceptable", ProblemTypes.NOT_ACCEPTABLE,
                "The Accept header names no media type this operation answers in.",
                "This resource cannot answer in the media type of the Accept header");
        standard("Conflict", 409, "Conflict", ProblemTypes.CONFLICT,
                "The state of the resource does not allow the request, or a request with the same Idempotency-Key is still running.",
                "A request with this Idempotency-Key is still in progress; retry shortly");
        standard("PreconditionFailed", 412, "Precondition failed", ProblemTypes.PRECONDITION_FAILED,
                "If-Match is stale: the resource changed since your read.",
                "If-Match \"0\" does not match the current ETag \"1\"; read the resource again and retry");
        standard("PayloadTooLarge", 413, "Payload too large", ProblemTypes.PAYLOAD_TOO_LARGE, "The body is larger than 1 MiB.",
                "The request body is larger than the service accepts (1 MiB)");
        standard("UnsupportedMediaType", 415, "Unsupported media type", ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
                "The Content-Type is not one this operation reads.",
                "This resource does not accept the Content-Type of the request");
        standard("UnprocessableContent", 422, "Idempotency key reused", ProblemTypes.BASE + "idempotency-key-reused",
                "The Idempotency-Key was used before with another body.",
                "This Idempotency-Key was used with another request body");
        standard("PreconditionRequired", 428, "Precondition required", ProblemTypes.PRECONDITION_REQUIRED,
                "If-Match is missing: send the ETag of your last read.",
                "Send If-Match with the ETag of your last read of the resource");
        standard("TooManyRequests", 429, "Too many requests", ProblemTypes.TOO_MANY_REQUESTS,
                "Too many requests for this key; see Retry-After and the RateLimit-* headers.",
                "Too many requests for this API key; retry after 1 second");
        standard("InternalError", 500, "Internal error", ProblemTypes.INTERNAL,
                "Unexpected failure; the problem carries an incident id to quote, never internals.",
                "The service failed unexpectedly; quote incident 3fd1c2a4b5e6f708 when reporting it");
        standard("ServiceUnavailable", 503, "Service unavailable", ProblemTypes.BASE + "service-unavailable",
                "The request ran past the statement timeout, or the database is unavailable; retry after Retry-After seconds.",
                "The request took longer than the service allows; retry after 1 second");
    }

    private static void standard(String name, int status, String title, String type, String description, String detail) {
        STANDARD.put(String.valueOf(status), new Standard(name, status, title, type, description, detail));
    }

    @Override
    public PathItem filterPathItem(PathItem pathItem) {
        Map<PathItem.HttpMethod, Operation> operations = pathItem.getOperations();
        if (operations != null) {
            operations.forEach(this::document);
        }
        return pathItem;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        AgencyOrder.apply(openAPI);
        OneOfProperties.apply(openAPI);
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        // Only the shared responses some operation refers to: the document lists nothing unused.
        for (Map.Entry<String, Standard> standard : STANDARD.entrySet()) {
            if (used.contains(standard.getKey())) {
                components.addResponse(standard.getValue().name(), response(standard.getValue()));
            }
        }
    }

    /** The codes {@link #add} referred to while the paths were filtered (filterOpenAPI runs after them). */
    private final java.util.Set<String> used = new java.util.HashSet<>();

    private void document(PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured) {
            secured(method, operation, responses);
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        if (secured || body || !parameters.isEmpty()) {
            add(responses, "400");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            add(responses, "404");
        }
        add(responses, "406");
        if (parameters.stream().anyMatch(p -> header(p, "Idempotency-Key"))) {
            add(responses, "409");
            add(responses, "422");
        }
        parameters.stream().filter(p -> header(p, "If-Match")).findFirst().ifPresent(ifMatch -> {
            add(responses, "412");
            if (Boolean.TRUE.equals(ifMatch.getRequired())) {
                add(responses, "428");
            }
        });
        if (body) {
            add(responses, "413");
            add(responses, "415");
        }
        add(responses, "500");
        add(responses, "503");
    }

    private static boolean header(Parameter parameter, String name) {
        return parameter.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(parameter.getName());
    }

    private void secured(PathItem.HttpMethod method, Operation operation, APIResponses responses) {
        // API-key schemes cannot carry scopes in OpenAPI, so the role goes to x-required-role and the description.
        List<String> roles = new ArrayList<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            requirement.getSchemes().values().forEach(scopes -> {
                if (scopes != null) {
                    scopes.stream().filter(r -> !roles.contains(r)).forEach(roles::add);
                }
            });
        }
        operation.setSecurity(List.of(
                OASFactory.createSecurityRequirement().addScheme("apiKey", List.of()),
                OASFactory.createSecurityRequirement().addScheme("bearer", List.of())));
        if (!roles.isEmpty()) {
            String role = String.join(" or ", roles);
            operation.addExtension("x-required-role", role);
            String note = "Required role: " + role + ("OPERATOR".equals(role) ? " (the bootstrap key)." : " (or a higher one).");
            operation.setDescription(operation.getDescription() == null ? note : operation.getDescription() + "\n\n" + note);
        }
        // The framework adds a bare 401 and 403 to secured operations; an operation's own 403 (with its reason) stays.
        for (String code : List.of("401", "403")) {
            if (responses.hasAPIResponse(code) && responses.getAPIResponse(code).getContent() == null) {
                responses.removeAPIResponse(code);
            }
        }
        add(responses, "401");
        add(responses, "403");
        add(responses, "429");
        if (method == PathItem.HttpMethod.POST) {
            operation.addParameter(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER)
                    .description("Makes a retry safe: the same key and body within 24 hours replay the first response "
                            + "(with the header Idempotent-Replayed: true); the same key with another body is 422.")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(255)));
        }
    }

    private void add(APIResponses responses, String code) {
        if (!responses.hasAPIResponse(code)) {
            used.add(code);
            responses.addAPIResponse(code, OASFactory.createAPIResponse().ref("#/components/responses/" + STANDARD.get(code).name()));
        }
    }

    private static APIResponse response(Standard standard) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", standard.type());
        example.put("title", standard.title());
        example.put("status", standard.status());
        example.put("detail", standard.detail());
        example.put("instance", "/api/v1/influencers/3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b");
        if (standard.status() == 400) {
            Map<String, Object> error = new LinkedHashMap<>(); // ordered, so that the stored document is stable
            error.put("field", "name");
            error.put("message", "must not be blank");
            example.put("errors", List.of(error));
        }
        MediaType problem = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                .addExample(standard.name(), OASFactory.createExample().value(example));
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem);
        APIResponse response = OASFactory.createAPIResponse().description(standard.description()).content(content);
        if (standard.status() == 429 || standard.status() == 503) {
            response.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying.")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ZERO)));
        }
        if (standard.status() == 405) {
            response.addHeader("Allow", OASFactory.createHeader().description("The methods of the path.")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        return response;
    }
}
