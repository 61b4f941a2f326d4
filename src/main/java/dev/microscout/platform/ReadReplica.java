package dev.microscout.platform;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An optional streaming replica of the database for reads that may lag by a bounded time: the ranked search,
 * lookalikes, the influencer list and the export. Everything else, and any read inside a transaction, stays on the
 * primary, so a write and the checks before it (If-Match, row locks) never see a stale row.
 *
 * <p>A monitor compares the primary's WAL position with the replica's replay position every {@code check-every}.
 * The lag is the age of the newest primary position the replica has replayed (0 when it has replayed the latest):
 * measured on WAL positions, not on the replica's last replay time, which stands still whenever the primary is
 * idle. Past {@code max-lag}, or when the replica does not answer, reads go to the primary until it is back; a read
 * that fails on the replica because the replica went away is run again on the primary, so nothing fails for it.
 * Without {@code microscout.replica.jdbc-url} every read goes to the primary, as on a single database.
 */
@ApplicationScoped
public class ReadReplica {

    private static final Logger LOG = Logger.getLogger(ReadReplica.class);

    /** Where reads go now, and why. */
    public enum State {
        NOT_CONFIGURED("no replica configured: reads on the primary"),
        IN_USE("reads on the replica"),
        LAGGING("the replica lags more than the bound: reads on the primary"),
        DOWN("the replica does not answer: reads on the primary");

        public final String description;

        State(String description) {
            this.description = description;
        }
    }

    /** Work on one connection. */
    @FunctionalInterface
    public interface Read<T> {
        T on(Connection connection) throws SQLException;
    }

    @Inject
    AgroalDataSource primary;
    @Inject
    TransactionManager transactions;
    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "microscout.replica.jdbc-url")
    Optional<String> url;
    @ConfigProperty(name = "microscout.replica.username")
    Optional<String> username;
    @ConfigProperty(name = "microscout.replica.password")
    Optional<String> password;
    @ConfigProperty(name = "microscout.replica.max-lag", defaultValue = "1s")
    Duration maxLag;
    @ConfigProperty(name = "microscout.replica.check-every", defaultValue = "200ms")
    Duration checkEvery;
    @ConfigProperty(name = "microscout.replica.max-connections", defaultValue = "20")
    int maxConnections;
    @ConfigProperty(name = "microscout.database.statement-timeout")
    Duration statementTimeout;

    private AgroalDataSource replica;
    private ScheduledExecutorService monitor;
    private volatile State state = State.NOT_CONFIGURED;
    private volatile long lagMillis = -1;
    private volatile String problem;
    /** Recent primary WAL positions, newest last: (nanoTime, lsn). */
    private final Deque<long[]> positions = new ArrayDeque<>();
    private Counter onReplica;
    private Counter onPrimary;
    private Counter fellBack;

    void start(@Observes @Priority(40) StartupEvent event) {
        onReplica = Counter.builder("microscout.reads").tag("database", "replica")
                .description("Reads that may lag (search, lookalikes, lists, export), by the database that served them").register(registry);
        onPrimary = Counter.builder("microscout.reads").tag("database", "primary")
                .description("Reads that may lag (search, lookalikes, lists, export), by the database that served them").register(registry);
        fellBack = Counter.builder("microscout.reads.replica.failed")
                .description("Reads that failed on the replica and were run again on the primary").register(registry);
        if (url.isEmpty() || url.get().isBlank()) {
            return;
        }
        try {
            replica = pool();
        } catch (SQLException e) {
            throw new IllegalStateException("The read replica's pool could not be set up: " + e.getMessage(), e);
        }
        state = State.DOWN;
        monitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "microscout-replica-monitor");
            t.setDaemon(true);
            return t;
        });
        check();
        monitor.scheduleWithFixedDelay(this::check, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    private AgroalDataSource pool() throws SQLException {
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(maxConnections).minSize(0)
                        .acquisitionTimeout(Duration.ofSeconds(2))
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(url.get())
                                .connectionProviderClassName("org.postgresql.Driver")
                                .principal(new NamePrincipal(username.orElse("")))
                                .credential(new SimplePassword(password.orElse("")))
                                .loginTimeout(Duration.ofSeconds(2))
                                .initialSql("set statement_timeout = '" + statementTimeout.toMillis() + "ms'"))));
    }

    void stop(@Observes ShutdownEvent event) {
        if (monitor != null) {
            monitor.shutdownNow();
        }
        if (replica != null) {
            replica.close();
        }
    }

    public State state() {
        return state;
    }

    /** The replica's lag as last measured, in milliseconds; -1 when unknown (no replica, or it does not answer). */
    public long lagMillis() {
        return lagMillis;
    }

    /** The kind of failure that last made the replica unusable (an SQLState or an exception type), while it is down. */
    public String problem() {
        return state == State.DOWN ? problem : null;
    }

    public Duration maxLag() {
        return maxLag;
    }

    /**
     * Runs a read that may lag by at most {@code max-lag}: on the replica when it is in use and no transaction is
     * active, else on the primary. A read the replica cannot serve (gone, restarting, or its statement cancelled by
     * replay) runs again on the primary.
     */
    public <T> T read(Read<T> work) throws SQLException {
        if (state != State.IN_USE || inTransaction()) {
            onPrimary.increment();
            return onPrimary(work);
        }
        try (Connection c = replica.getConnection()) {
            T result = work.on(c);
            onReplica.increment();
            return result;
        } catch (SQLException e) {
            if (!replicaFault(e)) {
                throw e;
            }
            fellBack.increment();
            if (!"40001".equals(e.getSQLState())) {
                markDown(e);
            }
            onPrimary.increment();
            return onPrimary(work);
        }
    }

    private <T> T onPrimary(Read<T> work) throws SQLException {
        try (Connection c = primary.getConnection()) {
            return work.on(c);
        }
    }

    private boolean inTransaction() {
        try {
            return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            return true;
        }
    }

    /**
     * Whether a failure belongs to the replica rather than to the read: a lost or refused connection (class 08), the
     * server shutting down or starting (57P01–57P03), or a statement cancelled by a conflict with recovery (40001
     * from a standby). A statement timeout or a bad statement is the read's own and is not run again.
     */
    static boolean replicaFault(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String code = sql.getSQLState();
                if (code.startsWith("08") || code.equals("57P01") || code.equals("57P02") || code.equals("57P03") || code.equals("40001")) {
                    return true;
                }
            }
        }
        // Agroal reports a pool that could not connect in time without a SQL state.
        return e.getSQLState() == null;
    }

    private void markDown(Exception cause) {
        // The health check is read without a key: it names the kind of failure, the log keeps the driver's message
        // (which names hosts and ports).
        String kind = cause instanceof SQLException sql && sql.getSQLState() != null
                ? "SQLState " + sql.getSQLState() : cause.getClass().getSimpleName();
        if (state != State.DOWN || !kind.equals(problem)) {
            LOG.warnf("Read replica unavailable, reads go to the primary: %s", cause.getMessage());
        }
        problem = kind;
        state = State.DOWN;
        lagMillis = -1;
        replica.flush(AgroalDataSource.FlushMode.ALL);
    }

    private void check() {
        try {
            long now = System.nanoTime();
            long primaryLsn;
            try (Connection c = primary.getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select pg_current_wal_lsn() - '0/0'::pg_lsn")) {
                r.next();
                primaryLsn = r.getLong(1);
            }
            positions.addLast(new long[] {now, primaryLsn});
            long keepNanos = Math.max(maxLag.toNanos() * 4, TimeUnit.SECONDS.toNanos(5));
            while (positions.size() > 1 && now - positions.peekFirst()[0] > keepNanos) {
                positions.removeFirst();
            }
            long replayed;
            try (Connection c = replica.getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select pg_is_in_recovery(), coalesce(pg_last_wal_replay_lsn() - '0/0'::pg_lsn, 0)")) {
                r.next();
                // A replica that was promoted is no longer behind anything.
                replayed = r.getBoolean(1) ? r.getLong(2) : Long.MAX_VALUE;
            }
            long lag = lag(positions, replayed, now);
            lagMillis = lag < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(lag);
            State next = lag >= 0 && lag <= maxLag.toNanos() ? State.IN_USE : State.LAGGING;
            problem = null;
            if (next != state) {
                LOG.infof("Read replica: %s (lag %d ms, bound %d ms)", next.description, lagMillis, maxLag.toMillis());
            }
            state = next;
        } catch (SQLException | RuntimeException e) {
            if (replica != null) {
                markDown(e);
            }
        }
    }

    /**
     * The replica's lag in nanoseconds given recent primary positions (oldest first) and the position it has
     * replayed: 0 when it has replayed the newest; else the age of the newest position it has replayed; -1 when it
     * has replayed none of them (it is behind by more than they cover).
     */
    static long lag(Deque<long[]> positions, long replayed, long now) {
        long[] newest = positions.peekLast();
        if (newest == null) {
            return -1;
        }
        if (replayed >= newest[1]) {
            return 0;
        }
        var descending = positions.descendingIterator();
        while (descending.hasNext()) {
            long[] position = descending.next();
            if (replayed >= position[1]) {
                return now - position[0];
            }
        }
        return -1;
    }
}
