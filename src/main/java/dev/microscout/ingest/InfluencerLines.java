package dev.microscout.ingest;

import dev.microscout.common.ApiException;
import dev.microscout.common.Etags;
import dev.microscout.common.FieldError;
import dev.microscout.influencer.CatalogueLine;
import dev.microscout.influencer.Channel;
import dev.microscout.influencer.ChannelInput;
import dev.microscout.influencer.Influencer;
import dev.microscout.influencer.InfluencerCreate;
import dev.microscout.influencer.InfluencerService;
import dev.microscout.influencer.InfluencerUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Influencer lines, one per channel, upserted by (platform, handle) through the catalogue's own writes: a new
 * creator is a create, a changed profile a replace, a new channel an add, a changed channel a replacement, so a
 * line obeys every rule a request obeys. A line that says what the catalogue already says writes nothing.
 * <p>
 * A line names its creator by {@code influencerId} (as exported); else by its channel, when the catalogue knows it;
 * else by {@code ref}, the file's own name for a creator new to the catalogue (its lines are its channels); else the
 * line is a creator of one channel. A ref's creator is remembered for the rest of the job's run, and the worker
 * keeps a creator's consecutive lines in one chunk; after a restart a ref is found again only through a channel
 * already stored, so only a file that scatters one new creator's lines could split it in two.
 */
@ApplicationScoped
class InfluencerLines {

    @Inject
    InfluencerService influencers;
    @Inject
    Validator validator;

    private record Line(ImportLine source, CatalogueLine.Parsed parsed, String channelKey) {
    }

    /** The lines of one creator in this chunk, in file order. */
    private static final class Creator {
        UUID influencerId;
        final List<Line> lines = new ArrayList<>();
    }

    /**
     * @param refs the file's refs already resolved to creators, across the job's chunks (a ref whose creator was
     *             created in an earlier chunk gains its channels here)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void apply(List<ImportLine> chunk, Map<String, UUID> refs, ChunkOutcome outcome) {
        List<Line> lines = new ArrayList<>();
        for (ImportLine source : chunk) {
            CatalogueLine.Parsed parsed = CatalogueLine.parse(source.cells());
            parsed.errors().forEach(e -> outcome.fail(source, e.field(), e.message()));
            // A cell that could not be read is reported once, not again as missing.
            Set<String> unreadable = new HashSet<>();
            parsed.errors().forEach(e -> unreadable.add(e.field()));
            for (ConstraintViolation<ChannelInput> v : validator.validate(parsed.channel())) {
                if (!unreadable.contains(Violations.column(v))) {
                    outcome.fail(source, Violations.column(v), Violations.reason(v));
                }
            }
            if (!outcome.failed(source)) {
                lines.add(new Line(source, parsed, CatalogueLine.channelKey(parsed.channel().platform(), parsed.channel().handle())));
            }
        }
        Map<String, Channel> known = influencers.channelsByKey(lines.stream().map(Line::channelKey).toList());
        Map<String, Creator> creators = group(lines, known, refs, outcome);
        List<List<Line>> newcomers = new ArrayList<>();
        List<InfluencerCreate> bodies = new ArrayList<>();
        List<Creator> existing = new ArrayList<>();
        Map<Creator, List<Line>> checked = new LinkedHashMap<>();
        for (Creator creator : creators.values()) {
            List<Line> consistent = consistentProfiles(creator, outcome);
            if (consistent.isEmpty()) {
                continue;
            }
            InfluencerUpdate profile = consistent.get(0).parsed().profile();
            Set<ConstraintViolation<InfluencerUpdate>> invalid = validator.validate(profile);
            if (!invalid.isEmpty()) {
                Line first = consistent.get(0);
                invalid.forEach(v -> outcome.fail(first.source(), Violations.column(v), Violations.reason(v)));
                failOthers(consistent, first, outcome);
                continue;
            }
            if (creator.influencerId == null) {
                newcomers.add(consistent);
                bodies.add(body(consistent, profile));
            } else {
                existing.add(creator);
                checked.put(creator, consistent);
            }
        }
        create(newcomers, bodies, refs, outcome);
        // Existing creators a group at a time: read in one query, written, then forgotten by the session.
        for (int from = 0; from < existing.size(); from += GROUP) {
            List<Creator> group = existing.subList(from, Math.min(existing.size(), from + GROUP));
            Map<UUID, Influencer> stored = influencers.influencersById(group.stream().map(c -> c.influencerId).toList());
            for (Creator creator : group) {
                List<Line> consistent = checked.get(creator);
                update(stored.get(creator.influencerId), creator.influencerId, consistent,
                        consistent.get(0).parsed().profile(), known, outcome);
            }
            influencers.flushAndForget();
        }
    }

    /** Existing creators read and written together. */
    private static final int GROUP = 100;

    /** Gathers the lines by creator, refusing a line whose channel belongs to another creator than the line names. */
    private Map<String, Creator> group(List<Line> lines, Map<String, Channel> known, Map<String, UUID> refs, ChunkOutcome outcome) {
        // A ref whose channel the catalogue knows names that channel's creator, for all of the ref's lines.
        for (Line line : lines) {
            Channel channel = known.get(line.channelKey());
            String ref = line.parsed().ref();
            if (channel != null && ref != null && line.parsed().influencerId() == null) {
                refs.putIfAbsent(ref, channel.influencer.id);
            }
        }
        Map<String, Creator> creators = new LinkedHashMap<>();
        Set<String> keysInChunk = new HashSet<>();
        for (Line line : lines) {
            Channel channel = known.get(line.channelKey());
            UUID named = line.parsed().influencerId();
            String ref = line.parsed().ref();
            UUID id = named != null ? named : channel != null ? channel.influencer.id : ref != null ? refs.get(ref) : null;
            if (channel != null && !channel.influencer.id.equals(id)) {
                outcome.fail(line.source(), CatalogueLine.HANDLE, "channel " + channel.platform + " @" + channel.handle
                        + " belongs to influencer " + channel.influencer.id + ", not to " + id);
                continue;
            }
            if (!keysInChunk.add(line.channelKey())) {
                outcome.fail(line.source(), CatalogueLine.HANDLE, "repeats the channel of an earlier line of this file "
                        + "(same platform and handle); send each channel once");
                continue;
            }
            String key = id != null ? id.toString() : ref != null ? "ref:" + ref : "line:" + line.source().number();
            Creator creator = creators.computeIfAbsent(key, k -> new Creator());
            creator.influencerId = id;
            creator.lines.add(line);
        }
        return creators;
    }

    /** The creator's lines whose profile fields agree with its first line's; the others fail. */
    private static List<Line> consistentProfiles(Creator creator, ChunkOutcome outcome) {
        Line first = creator.lines.get(0);
        List<Line> consistent = new ArrayList<>();
        for (Line line : creator.lines) {
            if (line.parsed().profile().equals(first.parsed().profile())) {
                consistent.add(line);
            } else {
                outcome.fail(line.source(), null, "its profile fields differ from line " + first.source().number()
                        + ", the first line of the same creator; repeat them alike on every channel's line");
            }
        }
        return consistent;
    }

    private static InfluencerCreate body(List<Line> lines, InfluencerUpdate p) {
        return new InfluencerCreate(p.displayName(), p.bio(), p.country(), p.city(), p.languages(),
                p.contactEmail(), p.niches(), p.rateCard(), lines.stream().map(l -> l.parsed().channel()).toList());
    }

    /** Creates the chunk's new creators in one go; a ref names its creator from now on. */
    private void create(List<List<Line>> newcomers, List<InfluencerCreate> bodies, Map<String, UUID> refs, ChunkOutcome outcome) {
        if (bodies.isEmpty()) {
            return;
        }
        List<InfluencerService.Added> added = influencers.addAll(bodies);
        for (int i = 0; i < added.size(); i++) {
            List<Line> lines = newcomers.get(i);
            InfluencerService.Added result = added.get(i);
            if (result.refused() != null) {
                refused(result.refused(), lines, outcome);
                continue;
            }
            outcome.created += lines.size();
            String ref = lines.get(0).parsed().ref();
            if (ref != null) {
                refs.put(ref, result.influencer().id);
            }
        }
        influencers.flushAndForget();
    }

    private void update(Influencer influencer, UUID id, List<Line> lines, InfluencerUpdate profile, Map<String, Channel> known,
                        ChunkOutcome outcome) {
        if (influencer == null) {
            lines.forEach(l -> outcome.fail(l.source(), CatalogueLine.INFLUENCER_ID, "no influencer has the id " + id));
            return;
        }
        if (influencer.deletion != null) {
            lines.forEach(l -> outcome.fail(l.source(), CatalogueLine.INFLUENCER_ID, "influencer " + id
                    + " is deleted; an ADMIN can restore it with POST /api/v1/influencers/" + id + "/restore"));
            return;
        }
        boolean profileChanged = !CatalogueLine.sameProfile(profile, influencer);
        if (profileChanged) {
            try {
                influencers.update(id, Etags.of(influencer.version), profile);
            } catch (ApiException e) {
                refused(e, lines, outcome);
                return;
            }
        }
        for (Line line : lines) {
            Channel channel = known.get(line.channelKey());
            ChannelInput input = line.parsed().channel();
            try {
                if (channel == null) {
                    influencers.attachChannel(id, input);
                    outcome.created++;
                } else if (!channel.isLive()) {
                    outcome.fail(line.source(), CatalogueLine.HANDLE, "channel " + channel.id + " is deleted; an ADMIN can "
                            + "restore it with POST /api/v1/influencers/" + id + "/channels/" + channel.id + "/restore");
                } else if (!CatalogueLine.sameChannel(input, channel)) {
                    influencers.updateChannel(id, channel.id, Etags.of(channel.version), input);
                    outcome.updated++;
                } else if (profileChanged) {
                    outcome.updated++;
                } else {
                    outcome.unchanged++;
                }
            } catch (ApiException e) {
                refused(e, List.of(line), outcome);
            }
        }
    }

    /** The catalogue refused a write: each error goes to the line of the channel it names, or to the first line. */
    private static void refused(ApiException e, List<Line> lines, ChunkOutcome outcome) {
        Line first = lines.get(0);
        List<FieldError> errors = e.errors() == null || e.errors().isEmpty()
                ? List.of(new FieldError(null, e.getMessage())) : e.errors();
        for (FieldError error : errors) {
            int index = Violations.channelIndexOf(error.field());
            Line line = index >= 0 && index < lines.size() ? lines.get(index) : first;
            outcome.fail(line.source(), Violations.columnOfField(error.field()), error.message());
        }
        failOthers(lines, null, outcome);
    }

    private static void failOthers(List<Line> lines, Line except, ChunkOutcome outcome) {
        for (Line line : lines) {
            if (line != except && !outcome.failed(line.source())) {
                outcome.fail(line.source(), null, "not stored: its creator was refused (see line "
                        + lines.get(0).source().number() + ")");
            }
        }
    }
}
