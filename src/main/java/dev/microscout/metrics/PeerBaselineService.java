package dev.microscout.metrics;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Peer baselines per platform and tier: the median engagement rate and the distribution a channel's
 * percentile is read from. They are recomputed in one aggregate query over channel_metrics — periodically
 * (microscout.metrics.peer-refresh-every) and on demand — never on a post batch, so writes stay cheap and
 * nothing per channel is rewritten when the distribution moves. Between refreshes a percentile may lag
 * by up to one refresh interval.
 */
@ApplicationScoped
public class PeerBaselineService {

    private static final Logger LOG = Logger.getLogger(PeerBaselineService.class);
    /** Groups up to this size keep every rate (exact percentiles); larger ones keep 1,001 order statistics. */
    static final int EXACT_UP_TO = 5000;

    private static final String AGGREGATE = """
            select c.platform, c.tier, count(*) as channels,
                   percentile_cont(0.5) within group (order by m.engagement_rate) as median,
                   case when count(*) <= %d then array_agg(m.engagement_rate order by m.engagement_rate)
                        else percentile_disc((select array_agg(g / 1000.0) from generate_series(0, 1000) g))
                             within group (order by m.engagement_rate) end as rates
              from channel_metrics m join channel c on c.id = m.channel_id join influencer i on i.id = c.influencer_id
             where m.engagement_rate is not null and c.deleted_at is null and i.deleted_at is null
             group by c.platform, c.tier""".formatted(EXACT_UP_TO);

    @Inject
    AgroalDataSource dataSource;

    private volatile Map<String, PeerBaseline> current = Map.of();

    void load(@Observes @Priority(50) StartupEvent event) {
        reload();
    }

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "microscout.database.background-statement-timeout")
    java.time.Duration backgroundTimeout;

    @Scheduled(every = "${microscout.metrics.peer-refresh-every}", delayed = "${microscout.metrics.peer-refresh-first-after}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        if (once.claim("metrics.peer-baselines", io.quarkus.runtime.configuration.DurationConverter.parseDuration(refreshEvery))) {
            refresh();
        }
    }

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "microscout.metrics.peer-refresh-every")
    String refreshEvery;
    @Inject
    dev.microscout.platform.ScheduledOnce once;

    /** Another instance refreshed the baselines (or the notices may have been missed): read them again. */
    void follow(@Observes dev.microscout.platform.ChangeNotices.ChangeNotice notice) {
        if (notice.topic() == dev.microscout.platform.ChangeNotices.Topic.PEER_BASELINES) {
            reload();
        }
    }

    /** Recomputes every baseline in one transaction and returns them. */
    @Transactional
    public synchronized List<PeerBaseline> refresh() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        try (Connection c = dataSource.getConnection();
             Statement limit = c.createStatement();
             Statement delete = c.createStatement();
             PreparedStatement insert = c.prepareStatement("""
                     insert into peer_baseline (platform, tier, channels, median_engagement_rate, exact, sorted_rates, computed_at)
                     values (?, ?, ?, ?, ?, ?, ?)""");
             Statement aggregate = c.createStatement()) {
            // A pass over the whole catalogue, not a request: it gets the background timeout, for this transaction only.
            limit.execute("set local statement_timeout = '" + backgroundTimeout.toMillis() + "ms'");
            delete.executeUpdate("delete from peer_baseline");
            try (ResultSet rows = aggregate.executeQuery(AGGREGATE)) {
                while (rows.next()) {
                    int channels = rows.getInt("channels");
                    insert.setString(1, rows.getString("platform"));
                    insert.setString(2, rows.getString("tier"));
                    insert.setInt(3, channels);
                    insert.setDouble(4, rows.getDouble("median"));
                    insert.setBoolean(5, channels <= EXACT_UP_TO);
                    insert.setArray(6, rows.getArray("rates"));
                    insert.setObject(7, now);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
            dev.microscout.platform.ChangeNotices.publish(c, dev.microscout.platform.ChangeNotices.Topic.PEER_BASELINES);
        } catch (SQLException e) {
            throw new IllegalStateException("Peer baseline refresh failed", e);
        }
        reload();
        LOG.debugf("Peer baselines refreshed: %d groups", current.size());
        return all();
    }

    public List<PeerBaseline> all() {
        List<PeerBaseline> all = new ArrayList<>(current.values());
        all.sort(Comparator.comparing(PeerBaseline::platform).thenComparing(PeerBaseline::tier));
        return all;
    }

    public PeerBaseline of(String platform, String tier) {
        return current.get(platform + "/" + tier);
    }

    private void reload() {
        Map<String, PeerBaseline> loaded = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select * from peer_baseline")) {
            while (r.next()) {
                Array array = r.getArray("sorted_rates");
                Object[] values = (Object[]) array.getArray();
                double[] rates = new double[values.length];
                for (int i = 0; i < values.length; i++) {
                    rates[i] = ((Number) values[i]).doubleValue();
                }
                PeerBaseline baseline = new PeerBaseline(r.getString("platform"), r.getString("tier"), r.getInt("channels"),
                        r.getDouble("median_engagement_rate"), r.getBoolean("exact"), rates,
                        r.getObject("computed_at", OffsetDateTime.class));
                loaded.put(baseline.platform() + "/" + baseline.tier(), baseline);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Peer baseline load failed", e);
        }
        current = Map.copyOf(loaded);
    }
}
