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
     * batch is picked by row address, and a row another fold deleted meanwhile is skipped by this one's delete.
     */
    static final String FOLD = """
            with moved as (
                delete from search_count_change where ctid = any(array(select ctid from search_count_change limit %d))
                returning root_niche, platform, tier, country, authenticity, delta),
            folded as (
                select root_niche, platform, tier, country, search_count_levels(array_agg(authenticity), array_agg(delta)) as at_least,
                       count(*) as changes
                  from moved group by root_niche, platform, tier, country),
            written as (
                insert into search_count as c (root_niche, platform, tier, country, at_least)
                select root_niche, platform, tier, country, at_least from folded
                on conflict (root_niche, platform, tier, country) do update set at_least = search_count_sum(c.at_least, excluded.at_least))
            select coalesce(sum(changes), 0), count(*) from folded""".formatted(BATCH);

    /**
     * Ranges left with no row at any level. Not at_least[1] = 0 alone: a batch may hold a row's removal and not yet
     * its earlier arrival (rows are picked by address, not age), and the levels above 0 then carry what the next
     * batch settles. A few hundred rows to look at.
     */
    static final String DROP_EMPTY = "delete from search_count where at_least = array_fill(0, array[101])";

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

    /** Folds the changes committed so far, batch by batch; answers the ranges they touched. */
    public int fold() throws SQLException {
        int ranges = 0;
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
                        ranges += r.getInt(2);
                    }
                    if (moved > 0) {
                        s.executeUpdate(DROP_EMPTY);
                    }
                    c.commit();
                } while (moved >= BATCH);
                return ranges;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }
}
