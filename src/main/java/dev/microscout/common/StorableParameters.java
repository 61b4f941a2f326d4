package dev.microscout.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The query, path and header side of {@link StorableText}: a parameter the database could not store is a 400
 * naming it, for every operation, before any resource method or query sees it.
 */
public class StorableParameters {

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        List<FieldError> errors = new ArrayList<>();
        collect(request.getUriInfo().getPathParameters(), errors);
        collect(request.getUriInfo().getQueryParameters(), errors);
        collect(request.getHeaders(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private static void collect(MultivaluedMap<String, String> parameters, List<FieldError> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            boolean storable = StorableText.isStorable(parameter.getKey())
                    && parameter.getValue().stream().allMatch(StorableText::isStorable);
            if (!storable) {
                errors.add(new FieldError(parameter.getKey().replace("\u0000", "\\u0000"), StorableText.MESSAGE));
            }
        }
    }
}
