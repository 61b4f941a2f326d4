package dev.microscout.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;

/** Records every successful write (POST, PUT, PATCH, DELETE with a 2xx) with the organisation and key that made it. */
@Provider
public class AuditFilter implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String INSERT = """
            insert into audit_event (organisation_id, key_prefix, method, path, status, resource_id, occurred_at)
            values (?, ?, ?, ?, ?, ?, ?)""";

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.container.ResourceInfo resource;
    @Inject
    CurrentIdentityAssociation identities;
    @Inject
    AgroalDataSource dataSource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (!WRITES.contains(method) || response.getStatus() < 200 || response.getStatus() >= 300
                || response.getHeaderString(IdempotencyInterceptor.REPLAYED) != null) {
            return;
        }
        if (resource != null && resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(ReadOnly.class)) {
            return;
        }
        SecurityIdentity identity = identities.getIdentity();
        if (identity == null || identity.isAnonymous()) {
            return;
        }
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, identity.getAttribute(ApiKeyIdentityProvider.ORGANISATION));
            insert.setString(2, identity.getAttribute(ApiKeyIdentityProvider.KEY_PREFIX));
            insert.setString(3, method);
            insert.setString(4, path.length() > 500 ? path.substring(0, 500) : path);
            insert.setInt(5, response.getStatus());
            insert.setString(6, resourceId(response, path));
            insert.setTimestamp(7, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        } catch (SQLException e) {
            LOG.errorf(e, "Could not record the audit event of %s %s", method, path);
        }
    }

    /** The created resource's id from Location, else the last id-like segment of the path. */
    private static String resourceId(ContainerResponseContext response, String path) {
        URI location = response.getLocation();
        String source = location != null ? location.getPath() : path;
        String[] segments = source.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (segments[i].length() == 36 && segments[i].charAt(8) == '-') {
                return segments[i];
            }
        }
        return null;
    }
}
