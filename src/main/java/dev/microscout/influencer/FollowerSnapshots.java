package dev.microscout.influencer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The follower history of channels (follower_snapshot): part of the catalogue, because its newest count is the
 * channel's follower count. Plain SQL on the session's connection: a batch is one statement.
 */
@ApplicationScoped
class FollowerSnapshots {

    /** What an upsert did: rows new, rows whose count moved, rows sent again with the count they had. */
    record Upserted(int created, int updated, int unchanged) {
        boolean changedAnything() {
            return created + updated > 0;
        }
    }

    @Inject
    EntityManager em;

    // follower_snapshot's primary key (channel_id, snapshot_date) is the conflict target; a row sent again with the
    // same count is not rewritten, so it is neither returned nor counted as changed.
    private static final String UPSERT = """
            insert into follower_snapshot (channel_id, snapshot_date, followers)
            select ?, d, f from unnest(?::date[], ?::bigint[]) as s(d, f)
            on conflict (channel_id, snapshot_date) do update set followers = excluded.followers
             where follower_snapshot.followers <> excluded.followers
            returning (xmax = 0)""";

    Upserted upsert(UUID channelId, List<SnapshotInput> unordered) {
        // One order for every batch, so two batches touching the same days take their row locks alike.
        List<SnapshotInput> snapshots = unordered.stream().sorted(Comparator.comparing(SnapshotInput::date)).toList();
        return session().doReturningWork(c -> {
            int created = 0;
            int updated = 0;
            try (PreparedStatement s = c.prepareStatement(UPSERT)) {
                Array dates = c.createArrayOf("date", snapshots.stream().map(SnapshotInput::date).toArray());
                Array counts = c.createArrayOf("bigint", snapshots.stream().map(SnapshotInput::followers).toArray());
                s.setObject(1, channelId);
                s.setArray(2, dates);
                s.setArray(3, counts);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (r.getBoolean(1)) {
                            created++;
                        } else {
                            updated++;
                        }
                    }
                }
            }
            return new Upserted(created, updated, snapshots.size() - created - updated);
        });
    }

    /** The newest snapshot's count, or null for a channel without history. */
    Long newest(UUID channelId) {
        return session().doReturningWork(c -> {
            // The primary key's index serves the order.
            try (PreparedStatement s = c.prepareStatement(
                    "select followers from follower_snapshot where channel_id = ? order by snapshot_date desc limit 1")) {
                s.setObject(1, channelId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getLong(1) : null;
                }
            }
        });
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
