package dev.microscout.security;

import dev.microscout.common.Problem;
import dev.microscout.common.ProblemTypes;
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

/**
 * Applies {@link RateLimiter} to every API request that presents a key, before any work, and states
 * the limit on every response (RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset; Retry-After on 429).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String DECISION = RateLimitFilter.class.getName();

    @Inject
    RateLimiter limiter;

    @Override
    public void filter(ContainerRequestContext request) {
        String prefix = ApiKeyFormat.prefixOf(ApiKeyFormat.presented(
                request.getHeaderString(ApiKeyAuthenticationMechanism.HEADER), request.getHeaderString("Authorization")));
        if (prefix == null) {
            return;
        }
        RateLimiter.Decision decision = limiter.take(prefix);
        request.setProperty(DECISION, decision);
        if (!decision.allowed()) {
            Problem problem = new Problem(ProblemTypes.TOO_MANY_REQUESTS, "Too many requests", 429,
                    "This key sent more than " + decision.limit() + " requests in a burst; retry after "
                            + decision.retryAfterSeconds() + " s", "/" + request.getUriInfo().getPath().replaceFirst("^/", ""), null, null);
            request.abortWith(Response.status(429).type(Problem.MEDIA_TYPE).entity(problem)
                    .header("Retry-After", decision.retryAfterSeconds()).build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision) {
            response.getHeaders().putSingle("RateLimit-Limit", decision.limit());
            response.getHeaders().putSingle("RateLimit-Remaining", decision.remaining());
            response.getHeaders().putSingle("RateLimit-Reset", decision.resetSeconds());
            if (!decision.allowed()) {
                response.getHeaders().putSingle("Retry-After", decision.retryAfterSeconds());
            }
        }
    }
}
