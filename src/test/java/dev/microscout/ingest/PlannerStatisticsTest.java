package dev.microscout.ingest;

import dev.microscout.support.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import static dev.microscout.support.Fixtures.channel;
import static dev.microscout.support.Fixtures.influencer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An import's tables are analyzed again once they outgrow their statistics, and not before. */
@QuarkusTest
class PlannerStatisticsTest {

    @Inject
    PlannerStatistics statistics;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aTableThatOutgrewItsStatisticsIsAnalyzedOnceThenLeftUntilItGrowsAgain() throws Exception {
        String id = Fixtures.create(influencer(channel("INSTAGRAM", 20_000)));
        String channelId = given().get("/api/v1/influencers/" + id).then().extract().path("channels[0].id");
        statistics.refreshIfStale();
        double counted = number("select greatest(reltuples, 0) from pg_class where relname = 'post'").doubleValue();
        long live = number("select count(*) from post").longValue();
        // Past the threshold: 5,000 rows and twice what the statistics counted.
        long add = 5_000 + 2 * (long) counted - live + 500;
        try {
            execute("insert into post (channel_id, external_id, posted_at, format, likes, comments, created_at, updated_at) "
                    + "select '" + channelId + "', 'stats-' || n, now(), 'PHOTO', 1, 1, now(), now() from generate_series(1, " + add + ") n");
            awaitLiveRows(live + add);
            OffsetDateTime before = analyzedAt();
            statistics.refreshIfStale();
            OffsetDateTime after = analyzedAt();
            assertTrue(after != null && (before == null || after.isAfter(before)), "post analyzed: " + before + " → " + after);
            double recounted = number("select reltuples from pg_class where relname = 'post'").doubleValue();
            assertTrue(recounted >= (live + add) * 0.9, "statistics count " + recounted + " of " + (live + add) + " rows");

            statistics.refreshIfStale();
            assertEquals(after, analyzedAt(), "not grown since: not analyzed again");
        } finally {
            execute("delete from post where channel_id = '" + channelId + "'");
        }
    }

    /** The activity statistics reach other sessions within a second or so of a commit. */
    private void awaitLiveRows(long rows) throws Exception {
        for (int i = 0; i < 100 && number("select n_live_tup from pg_stat_user_tables where relname = 'post'").longValue() < rows; i++) {
            Thread.sleep(100);
        }
    }

    /** The last ANALYZE run by a session (autovacuum's are counted apart, in last_autoanalyze). */
    private OffsetDateTime analyzedAt() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select last_analyze from pg_stat_user_tables where relname = 'post'");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getObject(1, OffsetDateTime.class);
        }
    }

    private Number number(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return (Number) r.getObject(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }
}
