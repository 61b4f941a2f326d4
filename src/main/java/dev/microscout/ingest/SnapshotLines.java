package dev.microscout.ingest;

import dev.microscout.common.ApiException;
import dev.microscout.common.FieldError;
import dev.microscout.influencer.InfluencerService;
import dev.microscout.influencer.LineCells;
import dev.microscout.influencer.SnapshotBatch;
import dev.microscout.influencer.SnapshotInput;
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
 * Follower snapshot lines, upserted by channel and date through the catalogue's snapshot batches: the newest day
 * moves the follower count and tier, and the figures follow, once per channel and chunk.
 */
@ApplicationScoped
class SnapshotLines {

    @Inject
    ChannelLines channels;
    @Inject
    InfluencerService influencers;
    @Inject
    Validator validator;

    @Transactional(Transactional.TxType.MANDATORY)
    void apply(List<ImportLine> chunk, ChunkOutcome outcome) {
        List<ChannelLines.Named<SnapshotInput>> lines = new ArrayList<>();
        for (ImportLine line : chunk) {
            List<FieldError> errors = new ArrayList<>();
            LineCells cells = new LineCells(line.cells(), errors);
            ChannelLines.Named<Void> channel = ChannelLines.name(line, cells);
            SnapshotInput snapshot = new SnapshotInput(cells.date("date"), cells.whole("followers"));
            errors.forEach(e -> outcome.fail(line, e.field(), e.message()));
            if (channel.channelId() == null && channel.channelKey() == null
                    && errors.stream().noneMatch(e -> PostLines.isChannelColumn(e.field()))) {
                outcome.fail(line, "channelId", "names no channel: give channelId, or platform and handle");
            }
            // A cell that could not be read is reported once, not again as missing.
            java.util.Set<String> unreadable = errors.stream().map(FieldError::field).collect(java.util.stream.Collectors.toSet());
            for (ConstraintViolation<SnapshotInput> v : validator.validate(snapshot)) {
                if (!unreadable.contains(Violations.column(v))) {
                    outcome.fail(line, Violations.column(v), Violations.reason(v));
                }
            }
            if (!outcome.failed(line)) {
                lines.add(new ChannelLines.Named<>(line, channel.channelId(), channel.channelKey(), snapshot));
            }
        }
        for (Map.Entry<UUID, List<ChannelLines.Named<SnapshotInput>>> channel : channels.byChannel(lines, outcome).entrySet()) {
            for (List<ChannelLines.Named<SnapshotInput>> batch : ChannelLines.batches(channel.getValue(), SnapshotInput::date, 1000)) {
                try {
                    InfluencerService.SnapshotsRecorded result = influencers.recordSnapshots(channel.getKey(),
                            new SnapshotBatch(batch.stream().map(ChannelLines.Named::value).toList()));
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
}
