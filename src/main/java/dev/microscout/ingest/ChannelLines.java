package dev.microscout.ingest;

import dev.microscout.influencer.CatalogueLine;
import dev.microscout.influencer.Channel;
import dev.microscout.influencer.InfluencerService;
import dev.microscout.influencer.LineCells;
import dev.microscout.influencer.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The channel a post or snapshot line is about: named by {@code channelId}, or by {@code platform} and
 * {@code handle}. Finds the live channels of a chunk in a few queries and groups the chunk's lines by channel.
 */
@ApplicationScoped
class ChannelLines {

    @Inject
    InfluencerService influencers;
    @Inject
    jakarta.validation.Validator validator;

    /** A line read into its channel's name and its value (a post, a snapshot). */
    record Named<T>(ImportLine line, UUID channelId, String channelKey, T value) {
    }

    /** Reads the channel columns of a line; errors go to the cells object. */
    static Named<Void> name(ImportLine line, LineCells cells) {
        UUID id = cells.uuid("channelId");
        Platform platform = cells.platform("platform");
        String handle = cells.text("handle");
        String key = handle == null || platform == null ? null : CatalogueLine.channelKey(platform, handle);
        return new Named<>(line, id, key, null);
    }

    /**
     * The lines grouped by live channel, in file order; a line whose channel is unknown or deleted fails.
     * @param lines lines whose channel columns were read without error
     */
    <T> Map<UUID, List<Named<T>>> byChannel(List<Named<T>> lines, ChunkOutcome outcome) {
        List<UUID> ids = lines.stream().map(Named::channelId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<UUID, Channel> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            Channel.<Channel>list("from Channel c join fetch c.influencer where c.id in ?1", ids).forEach(c -> byId.put(c.id, c));
        }
        Map<String, Channel> byKey = influencers.channelsByKey(lines.stream()
                .filter(l -> l.channelId() == null).map(Named::channelKey).distinct().toList());
        Map<UUID, List<Named<T>>> grouped = new LinkedHashMap<>();
        for (Named<T> line : lines) {
            Channel channel = line.channelId() != null ? byId.get(line.channelId()) : byKey.get(line.channelKey());
            if (channel == null || !channel.isLive()) {
                String named = line.channelId() != null ? "channel " + line.channelId() : "channel " + line.channelKey();
                outcome.fail(line.line(), line.channelId() != null ? "channelId" : "handle",
                        channel == null ? "no " + named + " in the catalogue" : named + " is deleted");
                continue;
            }
            grouped.computeIfAbsent(channel.id, k -> new ArrayList<>()).add(line);
        }
        return grouped;
    }

    /**
     * Splits one channel's lines into batches of at most {@code max} in which no key repeats (a line that repeats an
     * earlier line's post or day goes to a later batch, so that the later line wins, as a later request would).
     */
    static <T, K> List<List<Named<T>>> batches(List<Named<T>> lines, java.util.function.Function<T, K> key, int max) {
        List<List<Named<T>>> batches = new ArrayList<>();
        List<java.util.Set<K>> keys = new ArrayList<>();
        for (Named<T> line : lines) {
            K k = key.apply(line.value());
            int target = 0;
            while (target < batches.size() && (keys.get(target).contains(k) || batches.get(target).size() >= max
                    || laterHas(keys, target, k))) {
                target++;
            }
            if (target == batches.size()) {
                batches.add(new ArrayList<>());
                keys.add(new java.util.HashSet<>());
            }
            batches.get(target).add(line);
            keys.get(target).add(k);
        }
        return batches;
    }

    /** Whether a batch after {@code index} already has the key: a line must not jump before its earlier repeat. */
    private static <K> boolean laterHas(List<java.util.Set<K>> keys, int index, K key) {
        for (int i = index + 1; i < keys.size(); i++) {
            if (keys.get(i).contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** What one batch of a channel's lines did to the catalogue. */
    record Counts(long created, long updated, long unchanged) {
    }

    /** What became of one channel's batch: its counts, or why it was refused (then counts is null). */
    record Written(Counts counts, String refused) {
    }

    /**
     * The common course of post and snapshot lines: each line read into its value (bad cells and Bean Validation
     * findings fail it, a cell reported once), grouped by live channel, split into batches without a repeated key,
     * and each batch written as the API's batch for that channel would be.
     *
     * @param read  a line's value from its cells (errors go to the cells' list)
     * @param key   what must not repeat within a batch (externalId, date)
     * @param write the API's batch writes, for a batch of each of several channels at once (a channel missing from
     *              the answer is one the catalogue no longer has)
     */
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.MANDATORY)
    <T, K> void apply(List<ImportLine> chunk, ChunkOutcome outcome, java.util.function.Function<LineCells, T> read,
                      java.util.function.Function<T, K> key,
                      java.util.function.Function<Map<UUID, List<T>>, Map<UUID, Written>> write) {
        List<Named<T>> lines = new ArrayList<>();
        for (ImportLine line : chunk) {
            List<dev.microscout.common.FieldError> errors = new ArrayList<>();
            LineCells cells = new LineCells(line.cells(), errors);
            Named<Void> channel = name(line, cells);
            T value = read.apply(cells);
            errors.forEach(e -> outcome.fail(line, e.field(), e.message()));
            if (channel.channelId() == null && channel.channelKey() == null
                    && errors.stream().noneMatch(e -> CHANNEL_COLUMNS.contains(e.field()))) {
                outcome.fail(line, "channelId", "names no channel: give channelId, or platform and handle");
            }
            // A cell that could not be read is reported once, not again as missing.
            java.util.Set<String> unreadable = errors.stream().map(dev.microscout.common.FieldError::field)
                    .collect(java.util.stream.Collectors.toSet());
            for (jakarta.validation.ConstraintViolation<T> v : validator.validate(value)) {
                if (!unreadable.contains(Violations.column(v))) {
                    outcome.fail(line, Violations.column(v), Violations.reason(v));
                }
            }
            if (!outcome.failed(line)) {
                lines.add(new Named<>(line, channel.channelId(), channel.channelKey(), value));
            }
        }
        // Round r writes the r-th batch of every channel (a channel's later batches hold the lines that repeat a key).
        List<Map<UUID, List<Named<T>>>> rounds = new ArrayList<>();
        for (Map.Entry<UUID, List<Named<T>>> channel : byChannel(lines, outcome).entrySet()) {
            List<List<Named<T>>> batches = batches(channel.getValue(), key, 1000);
            for (int r = 0; r < batches.size(); r++) {
                if (rounds.size() == r) {
                    rounds.add(new LinkedHashMap<>());
                }
                rounds.get(r).put(channel.getKey(), batches.get(r));
            }
        }
        for (Map<UUID, List<Named<T>>> round : rounds) {
            Map<UUID, List<T>> values = new LinkedHashMap<>();
            round.forEach((channelId, batch) -> values.put(channelId, batch.stream().map(Named::value).toList()));
            Map<UUID, Written> written;
            try {
                written = write.apply(values);
            } catch (dev.microscout.common.ApiException e) {
                round.values().forEach(batch -> batch.forEach(l -> outcome.fail(l.line(), null, e.getMessage())));
                continue;
            }
            round.forEach((channelId, batch) -> {
                Written w = written.get(channelId);
                if (w == null || w.counts() == null) {
                    String reason = w == null ? "channel " + channelId + " is no longer in the catalogue" : w.refused();
                    batch.forEach(l -> outcome.fail(l.line(), null, reason));
                } else {
                    outcome.created += w.counts().created();
                    outcome.updated += w.counts().updated();
                    outcome.unchanged += w.counts().unchanged();
                }
            });
            influencers.flushAndForget();
        }
    }

    private static final java.util.Set<String> CHANNEL_COLUMNS = java.util.Set.of("channelId", "platform", "handle");
}
