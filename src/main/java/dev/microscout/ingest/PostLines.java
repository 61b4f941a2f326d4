package dev.microscout.ingest;

import dev.microscout.influencer.LineCells;
import dev.microscout.metrics.ChannelMetricsService;
import dev.microscout.metrics.MetricsViews.PostBatchResult;
import dev.microscout.metrics.PostBatch;
import dev.microscout.metrics.PostFormat;
import dev.microscout.metrics.PostInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Post lines, upserted by channel and externalId through the post batches of the API: each channel's lines of a
 * chunk are one batch (more where a post repeats), so its figures are recomputed once per chunk, as after a request.
 */
@ApplicationScoped
class PostLines {

    @Inject
    ChannelLines channels;
    @Inject
    ChannelMetricsService metrics;

    @Transactional(Transactional.TxType.MANDATORY)
    void apply(List<ImportLine> chunk, ChunkOutcome outcome) {
        channels.apply(chunk, outcome, PostLines::read, PostInput::externalId, (channelId, posts) -> {
            PostBatchResult result = metrics.ingestPosts(channelId, new PostBatch(posts));
            return new ChannelLines.Counts(result.created(), result.updated(), result.unchanged());
        });
    }

    private static PostInput read(LineCells cells) {
        return new PostInput(cells.text("externalId"), cells.dateTime("postedAt"), cells.constant("format", PostFormat.class),
                cells.bool("sponsored"), cells.whole("views"), cells.whole("reach"), cells.whole("likes"), cells.whole("comments"),
                cells.whole("saves"), cells.whole("shares"), cells.whole("linkClicks"), cells.whole("dms"), cells.whole("mentions"),
                cells.list("tags"));
    }
}
