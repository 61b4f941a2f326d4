package dev.microscout.ingest;

import dev.microscout.influencer.LineCells;
import dev.microscout.metrics.ChannelMetricsService;
import dev.microscout.metrics.PostFormat;
import dev.microscout.metrics.PostInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Post lines, upserted by channel and externalId under the rules of the API's post batches: each channel's lines of
 * a chunk are one batch (more where a post repeats), and the chunk's batches are stored together, so each channel's
 * figures are recomputed once per chunk, as after a request.
 */
@ApplicationScoped
class PostLines {

    @Inject
    ChannelLines channels;
    @Inject
    ChannelMetricsService metrics;

    @Transactional(Transactional.TxType.MANDATORY)
    void apply(List<ImportLine> chunk, ChunkOutcome outcome) {
        channels.apply(chunk, outcome, PostLines::read, PostInput::externalId, batches -> {
            Map<UUID, ChannelLines.Written> written = new HashMap<>();
            metrics.ingestPostBatches(batches).forEach((channelId, n) -> written.put(channelId,
                    new ChannelLines.Written(new ChannelLines.Counts(n.created(), n.updated(), n.unchanged()), null)));
            return written;
        });
    }

    private static PostInput read(LineCells cells) {
        return new PostInput(cells.text("externalId"), cells.dateTime("postedAt"), cells.constant("format", PostFormat.class),
                cells.bool("sponsored"), cells.whole("views"), cells.whole("reach"), cells.whole("likes"), cells.whole("comments"),
                cells.whole("saves"), cells.whole("shares"), cells.whole("linkClicks"), cells.whole("dms"), cells.whole("mentions"),
                cells.list("tags"));
    }
}
