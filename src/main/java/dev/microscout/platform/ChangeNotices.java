package dev.microscout.platform;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * Tells every service instance that data it keeps in memory changed, through PostgreSQL's LISTEN/NOTIFY: a writer
 * calls {@link #publish} in its transaction, PostgreSQL delivers the notice to every listening instance when (and
 * only if) that transaction commits, and each instance fires a {@link ChangeNotice} its caches observe. Notices
 * arrive within milliseconds; one listening connection per instance, outside the pool.
 *
 * <p>A lost listening connection may have missed notices: on reconnecting, every topic is announced once, so each
 * cache reloads rather than trusting what it held.
 */
@ApplicationScoped
public class ChangeNotices {

    private static final Logger LOG = Logger.getLogger(ChangeNotices.class);
    static final String CHANNEL = "microscout_changes";

    /** What changed; each names a cache that must reload. */
    public enum Topic { NICHES, PEER_BASELINES }

    /** Fired on the listening thread for every notice, this instance's own included. */
    public record ChangeNotice(Topic topic) {
    }

    @Inject
    Event<ChangeNotice> notices;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private volatile boolean running;
    private Thread listener;

    /** The same, on the connection of the persistence context's transaction. */
    public static void publish(jakarta.persistence.EntityManager entities, Topic topic) {
        entities.unwrap(org.hibernate.Session.class).doWork(connection -> publish(connection, topic));
    }

    /** Announces {@code topic} to every instance once the transaction of {@code connection} commits. */
    public static void publish(Connection connection, Topic topic) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, topic.name());
            notify.execute();
        }
    }

    void start(@Observes @Priority(30) StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, "microscout-change-notices");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        boolean first = true;
        while (running) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("listen " + CHANNEL);
                if (!first) {
                    // Notices sent while the connection was lost are gone: every cache reloads.
                    for (Topic topic : Topic.values()) {
                        fire(topic);
                    }
                    LOG.info("Change notices: listening again");
                }
                first = false;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = pg.getNotifications(1000);
                    if (received == null) {
                        continue;
                    }
                    for (PGNotification notification : received) {
                        try {
                            fire(Topic.valueOf(notification.getParameter()));
                        } catch (IllegalArgumentException unknown) {
                            LOG.debugf("Change notice of an unknown topic ignored: %s", notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                first = false;
                LOG.warnf("Change notices: listening connection lost (%s), reconnecting", e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void fire(Topic topic) {
        try {
            notices.fire(new ChangeNotice(topic));
        } catch (RuntimeException e) {
            LOG.warnf(e, "A cache could not follow the change of %s", topic);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", "microscout change notices");
        return DriverManager.getConnection(url, properties);
    }
}
