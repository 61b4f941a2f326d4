package dev.microscout.security;

import dev.microscout.common.TooManyRequests;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;

/**
 * Reads the API key from X-API-Key or from Authorization: Bearer (see {@link PresentedKey}); a request without
 * one stays anonymous. Rate limits apply here, where it is known whether the key is valid: an address with too
 * many failed authentications is refused before the look-up, and a valid key's bucket counts the request.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String HEADER = PresentedKey.X_API_KEY;
    /** Where the rate-limit decision of the request is kept for the response headers. */
    public static final String DECISION = RateLimiter.Decision.class.getName();

    @Inject
    RateLimiter limiter;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        PresentedKey presented = presented(context);
        if (presented.key() == null) {
            return Uni.createFrom().optional(Optional.empty());
        }
        String address = clientAddress(context);
        RateLimiter.Decision failures = limiter.mayAuthenticate(address);
        if (failures != null && !failures.allowed()) {
            return Uni.createFrom().failure(new AuthenticationFailedException(
                    new TooManyRequests(false, failures.limit(), failures.resetSeconds(), failures.retryAfterSeconds())));
        }
        return identityProviderManager.authenticate(new ApiKeyAuthenticationRequest(presented.key()))
                .onFailure(AuthenticationFailedException.class).invoke(() -> limiter.failed(address))
                .onItem().transform(identity -> {
                    RateLimiter.Decision decision = identity.getAttribute(ApiKeyIdentityProvider.RATE_LIMIT);
                    context.put(DECISION, decision);
                    if (!decision.allowed()) {
                        throw new AuthenticationFailedException(
                                new TooManyRequests(true, decision.limit(), decision.resetSeconds(), decision.retryAfterSeconds()));
                    }
                    return identity;
                });
    }

    static PresentedKey presented(RoutingContext context) {
        return PresentedKey.of(context.request().headers().getAll(PresentedKey.X_API_KEY),
                context.request().headers().getAll(PresentedKey.AUTHORIZATION));
    }

    private static String clientAddress(RoutingContext context) {
        return context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().host();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"microscout\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }
}
