package dev.microscout.platform;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * Scheduled work that must run once per period however many instances run the same schedule (peer baselines,
 * purges, the hourly reputation refresh). Each instance's scheduler fires as usual; the instance that moves the
 * task's row in {@code scheduled_run} past most of a period runs it, the others find the row moved and skip. One
 * statement decides, so two instances firing at the same moment cannot both win.
 */
@ApplicationScoped
public class ScheduledOnce {

    private static final Logger LOG = Logger.getLogger(ScheduledOnce.class);

    /** This process, as the row records it (host name and pid, and a random part against reused pids). */
    static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    /**
     * Whether this instance should run {@code task} now: true for one instance per {@code period} (a run counts
     * when it started more than 90 % of a period ago, so instances whose schedules drift a little do not both run).
     */
    public boolean claim(String task, Duration period) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     insert into scheduled_run as r (task, started_at, instance) values (?, clock_timestamp(), ?)
                     on conflict (task) do update set started_at = excluded.started_at, instance = excluded.instance
                      where r.started_at < excluded.started_at - ? * interval '1 millisecond'""")) {
            s.setString(1, task);
            s.setString(2, INSTANCE);
            s.setLong(3, period.toMillis() * 9 / 10);
            boolean won = s.executeUpdate() == 1;
            registry.counter("microscout.scheduled.runs", "task", task, "outcome", won ? "ran" : "skipped").increment();
            if (!won) {
                LOG.debugf("Scheduled task %s ran on another instance within the period; skipped", task);
            }
            return won;
        } catch (SQLException e) {
            // Not knowing whether another instance ran it, this one runs it: the tasks are safe to repeat.
            LOG.warnf("Scheduled task %s could not be claimed (%s); running it here", task, e.getMessage());
            return true;
        }
    }
}
