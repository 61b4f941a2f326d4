package dev.microscout.security;

import dev.microscout.common.FieldError;
import dev.microscout.common.Problem;
import dev.microscout.common.ProblemTypes;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/**
 * Refuses a request that presents its key ambiguously (400) before any work, and states the caller's key limit
 * on every response of an authenticated request (RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset;
 * Retry-After on 429). The limits themselves are taken at authentication ({@link ApiKeyAuthenticationMechanism}).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Inject
    CurrentVertxRequest current;

    @Override
    public void filter(ContainerRequestContext request) {
        PresentedKey presented = PresentedKey.of(request.getHeaders().get(PresentedKey.X_API_KEY),
                request.getHeaders().get(PresentedKey.AUTHORIZATION));
        if (presented.isAmbiguous()) {
            String message = presented.ambiguity();
            Problem problem = new Problem(ProblemTypes.BASE + "ambiguous-api-key", "Ambiguous API key", 400,
                    presented.header() + " " + message, "/" + request.getUriInfo().getPath().replaceFirst("^/", ""),
                    List.of(new FieldError(presented.header(), message)), null);
            request.abortWith(Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (current.getCurrent() != null && current.getCurrent().get(ApiKeyAuthenticationMechanism.DECISION)
                instanceof RateLimiter.Decision decision) {
            headers(response.getHeaders(), decision);
        }
    }

    static void headers(jakarta.ws.rs.core.MultivaluedMap<String, Object> headers, RateLimiter.Decision decision) {
        headers.putSingle("RateLimit-Limit", decision.limit());
        headers.putSingle("RateLimit-Remaining", decision.remaining());
        headers.putSingle("RateLimit-Reset", decision.resetSeconds());
        if (!decision.allowed()) {
            headers.putSingle("Retry-After", decision.retryAfterSeconds());
        }
    }
}
