package dev.microscout.platform;

import dev.microscout.security.Role;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Test-only endpoints that show how a request's statements are limited in time. Not part of the contract. */
@Path("/test-support/statements")
@Produces(MediaType.TEXT_PLAIN)
public class SlowStatementResource {

    @Inject
    AgroalDataSource dataSource;

    /** The statement timeout a pooled connection carries. */
    @GET
    @Path("/timeout")
    @RolesAllowed(Role.VIEWER_ROLE)
    @Operation(hidden = true)
    public String timeout() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("show statement_timeout")) {
            r.next();
            return r.getString(1);
        }
    }

    /** A statement that runs past a (locally shortened) timeout. */
    @GET
    @Path("/slow")
    @RolesAllowed(Role.VIEWER_ROLE)
    @Operation(hidden = true)
    @Transactional
    public String slow() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set local statement_timeout = '100ms'");
            s.execute("select pg_sleep(2)");
            return "finished";
        }
    }
}
