package dev.microscout.ingest;

import dev.microscout.support.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two chunks of a file are applied at once (the test profile's chunks are 50 lines): a chunk that names a creator of
 * the chunk before it waits for that one to commit, so the file imports as if read one chunk at a time.
 */
@QuarkusTest
class ChunksInFlightTest {

    private static final String HEADER = "ref,displayName,country,languages,platform,handle,followers\n";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRefScatteredOverTwoChunksNamesOneCreator() throws SQLException {
        String prefix = Fixtures.uniqueHandle("inflight");
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 150; i++) {
            // line 3 (chunk 1) and line 62 (chunk 2) are two channels of ref "scattered", with handles of their own;
            // every other line is a creator
            String ref = i == 1 || i == 60 ? "scattered" : "r" + i;
            String platform = i == 60 ? "TIKTOK" : "INSTAGRAM";
            csv.append(ref).append(",Creator ").append(ref).append(",ID,id,").append(platform).append(',')
                    .append(prefix).append(i == 60 ? "s" : String.valueOf(i)).append(',').append(12_000 + i).append('\n');
        }
        ExtractableResponse<Response> job = Imports.run("influencers", Imports.CSV, csv.toString());
        assertEquals("DONE", job.path("status"));
        assertEquals(List.of(150, 0, 0, 0), List.of(job.<Integer>path("created"), job.<Integer>path("updated"),
                job.<Integer>path("unchanged"), job.<Integer>path("failed")));
        // 149 creators: the scattered ref's two lines are one creator with an Instagram and a TikTok channel
        assertEquals(149, count("select count(distinct influencer_id) from channel where handle like ?", prefix + "%"));
        assertEquals(Map.of("INSTAGRAM", 1, "TIKTOK", 1), platformsOfCreatorOf(prefix + 1));
    }

    @Test
    void postChunksOfOneCreatorsTwoChannelsGoInFlightAndLoseNothing() throws SQLException {
        // Chunk 1 holds posts of the creator's Instagram channel, chunk 2 of its TikTok channel, chunk 3 of Instagram
        // again: no chunk names a channel of the one before it, so they are applied at once, and the creator's
        // reputation and search rows are written by both.
        Map<String, Object> instagram = Fixtures.channel("INSTAGRAM", 20_000);
        Map<String, Object> tiktok = Fixtures.channel("TIKTOK", 30_000);
        String influencerId = Fixtures.create(Fixtures.influencer(instagram, tiktok));
        String day = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(2).withNano(0).toString();
        StringBuilder csv = new StringBuilder("platform,handle,externalId,postedAt,format,likes,comments\n");
        for (int i = 0; i < 150; i++) {
            Map<String, Object> channel = i >= 50 && i < 100 ? tiktok : instagram;
            csv.append(channel.get("platform")).append(',').append(((String) channel.get("handle")).substring(1)).append(",p")
                    .append(i).append(',').append(day).append(",PHOTO,").append(100 + i).append(",10\n");
        }
        ExtractableResponse<Response> job = Imports.run("posts", Imports.CSV, csv.toString());
        assertEquals("DONE", job.path("status"));
        assertEquals(List.of(150, 0, 0, 0), List.of(job.<Integer>path("created"), job.<Integer>path("updated"),
                job.<Integer>path("unchanged"), job.<Integer>path("failed")));
        assertEquals(100, count("select count(*) from post p join channel c on c.id = p.channel_id where c.handle = ?",
                ((String) instagram.get("handle")).substring(1)));
        assertEquals(50, count("select count(*) from post p join channel c on c.id = p.channel_id where c.handle = ?",
                ((String) tiktok.get("handle")).substring(1)));
        // Both channels' figures were measured, and the creator's search rows carry them.
        assertEquals(2, count("select count(*) from channel_metrics m join channel c on c.id = m.channel_id "
                + "where c.influencer_id = cast(? as uuid) and m.posts_in_window = 50", influencerId));
        assertEquals(2, count("select count(*) from search_entry where influencer_id = cast(? as uuid) and root_niche = '*' "
                + "and engagement_rate is not null", influencerId));
    }

    @Test
    void aJobsPaceIsItsLinesOverTheTimeItRanCountedOnceWhileChunksOverlap() throws SQLException {
        // 8 chunks of 50 lines, two at a time: each chunk's own time overlaps the one before it, so adding the
        // chunks' times up would count much of the run twice and give a pace and an estimated finish too slow.
        String prefix = Fixtures.uniqueHandle("pace");
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 400; i++) {
            csv.append("r").append(i).append(",Creator ").append(i).append(",ID,id,INSTAGRAM,").append(prefix).append(i)
                    .append(',').append(12_000 + i).append('\n');
        }
        ExtractableResponse<Response> job = Imports.run("influencers", Imports.CSV, csv.toString());
        assertEquals("DONE", job.path("status"));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select busy_seconds, extract(epoch from finished_at - started_at) from import_job where id = cast(? as uuid)")) {
            s.setString(1, job.path("id"));
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                double busy = r.getDouble(1);
                double ran = r.getDouble(2);
                assertTrue(busy > 0 && busy <= ran, busy + " s busy in a run of " + ran + " s");
                double pace = job.<Number>path("rowsPerSecond").doubleValue();
                assertEquals(400 / busy, pace, 0.05 + 400 / busy * 0.001, "lines per busy second");
                assertTrue(pace >= 400 / ran * 0.999, pace + " lines/s in a run of " + ran + " s");
            }
        }
    }

    @Test
    void chunksOverlapWhenTheyNameTheSameCreatorRefOrChannel() {
        Set<String> first = ImportWorker.names(ImportKind.INFLUENCERS, List.of(
                line(Map.of("ref", "c1", "platform", "INSTAGRAM", "handle", "@Sari.Beauty")),
                line(Map.of("influencerId", "3F2B8C1E-5D4A-4E6B-9A7C-1B2D3E4F5A6B", "platform", "TIKTOK", "handle", "budi"))));
        assertFalse(java.util.Collections.disjoint(first, ImportWorker.names(ImportKind.INFLUENCERS,
                List.of(line(Map.of("ref", "other", "platform", "YOUTUBE", "handle", " sari.beauty "))))), "same handle");
        assertFalse(java.util.Collections.disjoint(first, ImportWorker.names(ImportKind.INFLUENCERS,
                List.of(line(Map.of("ref", " c1", "platform", "YOUTUBE", "handle", "new"))))), "same ref");
        assertFalse(java.util.Collections.disjoint(first, ImportWorker.names(ImportKind.INFLUENCERS,
                List.of(line(Map.of("influencerId", "3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b", "platform", "YOUTUBE", "handle", "x"))))),
                "same creator");
        assertTrue(java.util.Collections.disjoint(first, ImportWorker.names(ImportKind.INFLUENCERS,
                List.of(line(Map.of("ref", "c2", "platform", "INSTAGRAM", "handle", "sari.beauty2"))))), "nothing in common");
        assertFalse(java.util.Collections.disjoint(
                ImportWorker.names(ImportKind.POSTS, List.of(line(Map.of("channelId", "0e7c6f55-8f9a-4c1b-9d3e-2a4b5c6d7e8f")))),
                ImportWorker.names(ImportKind.POSTS, List.of(line(Map.of("channelId", "0E7C6F55-8F9A-4C1B-9D3E-2A4B5C6D7E8F"))))),
                "same channel");
    }

    private static ImportLine line(Map<String, String> cells) {
        return new ImportLine(2, cells, "");
    }

    private int count(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private Map<String, Integer> platformsOfCreatorOf(String handle) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                select platform, count(*) from channel
                 where influencer_id = (select influencer_id from channel where handle = ?) group by platform""")) {
            s.setString(1, handle);
            Map<String, Integer> platforms = new java.util.HashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    platforms.put(r.getString(1), r.getInt(2));
                }
            }
            return platforms;
        }
    }
}
