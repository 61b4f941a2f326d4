package dev.microscout.ingest;

import dev.microscout.influencer.InfluencerService;
import dev.microscout.influencer.SnapshotBatch;
import dev.microscout.influencer.SnapshotInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Follower snapshot lines, upserted by channel and date through the catalogue's snapshot batches: the newest day
 * moves the follower count and tier, and the figures follow, once per channel and chunk.
 */
@ApplicationScoped
class SnapshotLines {

    @Inject
    ChannelLines channels;
    @Inject
    InfluencerService influencers;

    @Transactional(Transactional.TxType.MANDATORY)
    void apply(List<ImportLine> chunk, ChunkOutcome outcome) {
        channels.apply(chunk, outcome, cells -> new SnapshotInput(cells.date("date"), cells.whole("followers")), SnapshotInput::date,
                batches -> {
                    Map<UUID, ChannelLines.Written> written = new HashMap<>();
                    batches.forEach((channelId, snapshots) -> {
                        try {
                            InfluencerService.SnapshotsRecorded result = influencers.recordSnapshots(channelId, new SnapshotBatch(snapshots));
                            written.put(channelId, new ChannelLines.Written(
                                    new ChannelLines.Counts(result.created(), result.updated(), result.unchanged()), null));
                        } catch (dev.microscout.common.ApiException e) {
                            written.put(channelId, new ChannelLines.Written(null, e.getMessage()));
                        }
                    });
                    return written;
                });
    }
}
