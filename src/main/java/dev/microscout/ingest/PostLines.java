package dev.microscout.ingest;

import dev.microscout.common.ApiException;
import dev.microscout.common.FieldError;
import dev.microscout.influencer.LineCells;
import dev.microscout.metrics.ChannelMetricsService;
import dev.microscout.metrics.MetricsViews.PostBatchResult;
import dev.microscout.metrics.PostBatch;
import dev.microscout.metrics.PostFormat;
import dev.microscout.metrics.PostInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
    @Inject
    Validator validator;
    @Inject
    dev.microscout.influencer.InfluencerService influencers;

    @Transactional(Transactional.TxType.MANDATORY)
    void apply(List<ImportLine> chunk, ChunkOutcome outcome) {
        List<ChannelLines.Named<PostInput>> lines = new ArrayList<>();
        for (ImportLine line : chunk) {
            List<FieldError> errors = new ArrayList<>();
            LineCells cells = new LineCells(line.cells(), errors);
            ChannelLines.Named<Void> channel = ChannelLines.name(line, cells);
            PostInput post = new PostInput(cells.text("externalId"), cells.dateTime("postedAt"), cells.constant("format", PostFormat.class),
                    cells.bool("sponsored"), cells.whole("views"), cells.whole("reach"), cells.whole("likes"), cells.whole("comments"),
                    cells.whole("saves"), cells.whole("shares"), cells.whole("linkClicks"), cells.whole("dms"), cells.whole("mentions"),
                    cells.list("tags"));
            errors.forEach(e -> outcome.fail(line, e.field(), e.message()));
            if (channel.channelId() == null && channel.channelKey() == null && errors.stream().noneMatch(e -> isChannelColumn(e.field()))) {
                outcome.fail(line, "channelId", "names no channel: give channelId, or platform and handle");
            }
            // A cell that could not be read is reported once, not again as missing.
            java.util.Set<String> unreadable = errors.stream().map(FieldError::field).collect(java.util.stream.Collectors.toSet());
            for (ConstraintViolation<PostInput> v : validator.validate(post)) {
                if (!unreadable.contains(Violations.column(v))) {
                    outcome.fail(line, Violations.column(v), Violations.reason(v));
                }
            }
            if (!outcome.failed(line)) {
                lines.add(new ChannelLines.Named<>(line, channel.channelId(), channel.channelKey(), post));
            }
        }
        for (Map.Entry<UUID, List<ChannelLines.Named<PostInput>>> channel : channels.byChannel(lines, outcome).entrySet()) {
            for (List<ChannelLines.Named<PostInput>> batch : ChannelLines.batches(channel.getValue(), PostInput::externalId, 1000)) {
                try {
                    PostBatchResult result = metrics.ingestPosts(channel.getKey(),
                            new PostBatch(batch.stream().map(ChannelLines.Named::value).toList()));
                    outcome.created += result.created();
                    outcome.updated += result.updated();
                    outcome.unchanged += result.unchanged();
                } catch (ApiException e) {
                    batch.forEach(l -> outcome.fail(l.line(), null, e.getMessage()));
                }
                influencers.flushAndForget();
            }
        }
    }

    static boolean isChannelColumn(String column) {
        return "channelId".equals(column) || "platform".equals(column) || "handle".equals(column);
    }
}
