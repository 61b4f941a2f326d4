package dev.microscout.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Documents what every operation shares, so that no endpoint forgets it: 500 everywhere; 413/415 where a
 * body is read; for secured operations the roles under both key schemes, 401/403/429, and on POST the
 * Idempotency-Key header.
 */
public class StandardProblemResponses implements OASFilter {

    @Override
    public PathItem filterPathItem(PathItem pathItem) {
        Map<PathItem.HttpMethod, Operation> operations = pathItem.getOperations();
        if (operations != null) {
            operations.forEach((method, operation) -> document(method, operation));
        }
        return pathItem;
    }

    private void document(PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            secured(method, operation, responses);
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413", "The body is larger than 1 MiB.");
            add(responses, "415", "The Content-Type is not one this operation reads.");
        }
        add(responses, "500", "Unexpected failure; the problem carries an incident id to quote, never internals.");
    }

    private static void secured(PathItem.HttpMethod method, Operation operation, APIResponses responses) {
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
        responses.removeAPIResponse("401");
        responses.removeAPIResponse("403");
        add(responses, "401", "No API key, or an unknown or revoked one.");
        add(responses, "403", "The key's role does not allow this operation.");
        add(responses, "429", "Too many requests for this key; see Retry-After and the RateLimit-* headers.");
        if (method == PathItem.HttpMethod.POST) {
            operation.addParameter(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER)
                    .description("Makes a retry safe: the same key and body within 24 hours replay the first response "
                            + "(with the header Idempotent-Replayed: true); the same key with another body is 422.")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(255)));
        }
    }

    private static void add(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) {
            return;
        }
        MediaType problem = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"));
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem);
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description).content(content));
    }
}
