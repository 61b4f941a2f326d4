package dev.microscout.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Turns a presented key into an identity: its organisation, role (with the roles it includes) and
 * prefix. Plain JDBC on purpose: this runs before any tenant is known, on every request.
 * Revoked keys are refused at once because nothing is cached.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    public static final String ORGANISATION = "organisationId";
    public static final String KEY_PREFIX = "keyPrefix";
    public static final String KEY_ID = "keyId";

    // Served by the unique index on api_key (prefix).
    private static final String LOOKUP = """
            select k.id, k.key_hash, k.role, k.organisation_id, o.operator and k.bootstrap as operator
              from api_key k join organisation o on o.id = k.organisation_id
             where k.prefix = ? and k.revoked_at is null""";

    /** The key's rate-limit decision, taken on the look-up's connection ({@link RateLimiter.Decision}). */
    public static final String RATE_LIMIT = "rateLimit";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    RateLimiter limiter;

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> lookup(request.key()));
    }

    private SecurityIdentity lookup(String key) {
        String prefix = ApiKeyFormat.prefixOf(key);
        if (prefix == null) {
            throw new AuthenticationFailedException("malformed API key");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(LOOKUP)) {
            statement.setString(1, prefix);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next() || !ApiKeyFormat.matches(key, row.getString("key_hash"))) {
                    throw new AuthenticationFailedException("unknown or revoked API key");
                }
                Role role = Role.valueOf(row.getString("role"));
                QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(prefix))
                        .addAttribute(ORGANISATION, row.getObject("organisation_id").toString())
                        .addAttribute(KEY_PREFIX, prefix)
                        .addAttribute(KEY_ID, row.getObject("id").toString());
                role.included().forEach(r -> identity.addRole(r.name()));
                identity.addAttribute(RATE_LIMIT, limiter.take(connection, (UUID) row.getObject("id")));
                if (row.getBoolean("operator")) {
                    identity.addRole(Role.OPERATOR_ROLE);
                }
                return identity.build();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("API key look-up failed", e);
        }
    }
}
