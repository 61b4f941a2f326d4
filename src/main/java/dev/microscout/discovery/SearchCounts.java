package dev.microscout.discovery;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Folds the changes of search_count_change into search_count (V21), so that a brief reads its total from a few rows
 * whatever the catalogue's size. Every instance folds on its own schedule: two folds at once cannot count a change
 * twice, since a change row the other fold deleted is skipped by this one's delete once that fold commits.
 */
@ApplicationScoped
public class SearchCounts {

    private static final Logger LOG = Logger.getLogger(SearchCounts.class);

    /** Change rows one fold's transaction takes at most: a burst (a rebuild of every row) folds in several. */
    static final int BATCH = 100_000;

    /**
     * One statement: a batch of changes leaves the change table in the transaction that adds it to the counts. The
     * batch is picked by row address, and a row another fold deleted meanwhile is skipped by this one's delete. A
     * row rewritten as it was (a creator's rows are deleted and written again on every change) nets to nothing and
     * updates nothing.
     */
    static final String FOLD = """
            with moved as (
                delete from search_count_change where ctid = any(array(select ctid from search_count_change limit %d))
                returning root_niche, platform, tier, country, root_mask, authenticity, delta),
            summed as (
                select root_niche, platform, tier, country, root_mask, authenticity, sum(delta)::integer as delta
                  from moved group by root_niche, platform, tier, country, root_mask, authenticity),
            written as (
                insert into search_count as c (root_niche, platform, tier, country, root_mask, authenticity, channels)
                select root_niche, platform, tier, country, root_mask, authenticity, delta from summed where delta <> 0
                on conflict (root_niche, platform, tier, country, root_mask, authenticity) do update set channels = c.channels + excluded.channels)
            select (select count(*) from moved), (select count(*) from summed where delta <> 0)""".formatted(BATCH);

    @Inject
    AgroalDataSource dataSource;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "microscout.database.background-statement-timeout")
    java.time.Duration backgroundTimeout;

    @Scheduled(every = "${microscout.search.counts-folded-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledFold() {
        try {
            fold();
        } catch (SQLException e) {
            // The changes stay where they are and are read as they are; the next fold takes them.
            LOG.warnf("The search counts could not be folded (%s); they stay exact, the next fold takes them", e.getMessage());
        }
    }

    /** Folds the changes committed so far, batch by batch; answers the counts they moved. */
    public int fold() throws SQLException {
        int counts = 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                long moved;
                do {
                    s.execute("set local statement_timeout = '" + backgroundTimeout.toMillis() + "ms'");
                    try (ResultSet r = s.executeQuery(FOLD)) {
                        r.next();
                        moved = r.getLong(1);
                        counts += r.getInt(2);
                    }
                    c.commit();
                } while (moved >= BATCH);
                return counts;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }
}
