package dev.microscout.discovery;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
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

    /** One statement: the changes leave the change table in the transaction that adds them to the counts. */
    static final String FOLD = """
            with moved as (
                delete from search_count_change
                returning root_niche, platform, tier, country, root_mask, authenticity, delta),
            folded as (
                select root_niche, platform, tier, country, root_mask, search_count_levels(array_agg(authenticity), array_agg(delta)) as at_least
                  from moved group by root_niche, platform, tier, country, root_mask)
            insert into search_count as c (root_niche, platform, tier, country, root_mask, at_least)
            select root_niche, platform, tier, country, root_mask, at_least from folded
            on conflict (root_niche, platform, tier, country, root_mask) do update set at_least = search_count_sum(c.at_least, excluded.at_least)""";

    /** Ranges left with no row: at_least[1] counts every row of the range. */
    static final String DROP_EMPTY = "delete from search_count where at_least[1] = 0";

    @Inject
    AgroalDataSource dataSource;

    @Scheduled(every = "${microscout.search.counts-folded-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledFold() {
        try {
            fold();
        } catch (SQLException e) {
            // The changes stay where they are and are read as they are; the next fold takes them.
            LOG.warnf("The search counts could not be folded (%s); they stay exact, the next fold takes them", e.getMessage());
        }
    }

    /** Folds the committed changes; answers the ranges they touched. */
    public int fold() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                int ranges = s.executeUpdate(FOLD);
                if (ranges > 0) {
                    s.executeUpdate(DROP_EMPTY);
                }
                c.commit();
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
