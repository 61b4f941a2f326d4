package dev.microscout.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps PostgreSQL's planner statistics in step while an import grows the catalogue. Autovacuum analyzes a table at
 * most once a minute, and an import can multiply the channels several times over in that span: planned on the
 * counts of a far smaller catalogue, a look-up of a chunk's handles scans every channel of a platform instead of
 * probing the handle index (80 ms instead of 2 ms a chunk, measured with auto_explain). Before each chunk, the
 * tables an import writes or reads are analyzed again once they hold twice the rows their statistics counted, so a
 * job that grows a table from empty analyzes it a logarithmic number of times.
 */
@ApplicationScoped
class PlannerStatistics {

    private static final Logger LOG = Logger.getLogger(PlannerStatistics.class);

    /** The tables imports write, or read to find what a line names; fixed names, safe to put in a statement. */
    private static final List<String> TABLES = List.of("influencer", "influencer_niche", "channel", "tier_change", "post",
            "follower_snapshot", "channel_metrics", "influencer_reputation", "influencer_text", "search_entry", "campaign_result");

    // Grown past twice the rows its statistics counted (reltuples is -1 before a first analysis), by a few thousand
    // at least. Growth, not changes: rewriting a creator's search rows leaves their distribution as it was.
    private static final String STALE = """
            select s.relname from pg_stat_user_tables s join pg_class c on c.oid = s.relid
             where s.schemaname = current_schema() and s.relname = any(?)
               and s.n_live_tup > 5000 + 2 * greatest(c.reltuples, 0)""";

    @Inject
    EntityManager em;

    /** Analyzes the import tables whose statistics lag behind their rows; a failure only costs slower plans. */
    void refreshIfStale() {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(c -> {
                List<String> stale = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(STALE)) {
                    s.setArray(1, c.createArrayOf("text", TABLES.toArray()));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            stale.add(r.getString(1));
                        }
                    }
                }
                try (Statement s = c.createStatement()) {
                    // An analysis already running (autovacuum's) would make this one wait: leave it to that one.
                    s.execute("set local lock_timeout = '100ms'");
                    for (String table : stale) {
                        s.execute("analyze " + table);
                    }
                }
            }));
        } catch (RuntimeException e) {
            LOG.debugf("Import: statistics not refreshed: %s", e);
        }
    }
}
