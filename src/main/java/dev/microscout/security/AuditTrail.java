package dev.microscout.security;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Writes audit events, always inside the transaction of the write they record. */
@ApplicationScoped
public class AuditTrail {

    private static final String INSERT = """
            insert into audit_event (organisation_id, key_prefix, method, path, status, resource_id, occurred_at)
            values (?, ?, ?, ?, ?, ?, ?)""";

    @Inject
    AgroalDataSource dataSource;

    /** Records one write by the caller; the connection is the one enlisted in the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, String method, String path, int status, URI location) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, caller.organisationId().toString());
            insert.setString(2, caller.keyPrefix());
            insert.setString(3, method);
            insert.setString(4, path.length() > 500 ? path.substring(0, 500) : path);
            insert.setInt(5, status);
            insert.setString(6, resourceId(location, path));
            insert.setTimestamp(7, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The audit event of " + method + " " + path + " could not be recorded", e);
        }
    }

    /** The created resource's id from Location, else the last id-like segment of the path. */
    static String resourceId(URI location, String path) {
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
