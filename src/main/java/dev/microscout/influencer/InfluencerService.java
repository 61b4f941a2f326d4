package dev.microscout.influencer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscout.common.Conflict;
import dev.microscout.common.Etags;
import dev.microscout.common.FieldError;
import dev.microscout.common.InvalidInput;
import dev.microscout.common.MergePatch;
import dev.microscout.common.NotFound;
import dev.microscout.common.PropagationUnit;
import dev.microscout.niche.NicheService;
import dev.microscout.niche.NicheTaxonomy;
import dev.microscout.tier.Tier;
import dev.microscout.tier.TierChange;
import dev.microscout.tier.TierTracker;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Writes and reads of influencer profiles and their channels; every write is one transaction. */
@ApplicationScoped
public class InfluencerService {

    /** Sort fields clients may use, mapped to entity paths. */
    public static final Map<String, String> SORT_FIELDS = Map.of(
            "displayName", "displayName",
            "followers", "maxFollowers",
            "createdAt", "createdAt",
            "updatedAt", "updatedAt",
            "country", "country");

    @Inject
    NicheService niches;
    @Inject
    TierTracker tiers;
    @Inject
    Validator validator;
    @Inject
    ObjectMapper json;
    @Inject
    ChannelFigures metrics;

    /**
     * An operator is purging a deleted influencer: every row about it goes, in this transaction. The features that
     * keep rows about an influencer without a cascading key (reviews and incidents) remove theirs on this event.
     */
    public record InfluencerPurged(UUID influencerId) {
    }

    @Inject
    Event<CatalogueChanged> catalogueChanged;
    @Inject
    Event<InfluencerPurged> influencerPurged;
    @Inject
    Authorship authorship;
    @Inject
    CatalogueConfig config;
    @Inject
    org.hibernate.SessionFactory sessions;
    @Inject
    dev.microscout.platform.ReadReplica reads;
    @Inject
    FollowerSnapshots snapshots;
    @Inject
    jakarta.persistence.EntityManager em;

    @Transactional
    public InfluencerView create(InfluencerCreate body) {
        return view(add(body));
    }

    /** Creates an influencer without reading it back as a view. */
    @Transactional
    public Influencer add(InfluencerCreate body) {
        Added added = addAll(List.of(body)).get(0);
        if (added.refused() != null) {
            throw added.refused();
        }
        return added.influencer();
    }

    /** What a bulk create did with one creator: the influencer stored, or the refusal a request for it would have got. */
    public record Added(Influencer influencer, dev.microscout.common.ApiException refused) {
    }

    /**
     * Creates influencers, each under the rules of a single create, the handles of all of them checked in one query
     * and the rows written with one COPY per table ({@link NewCreatorRows}; bulk writers answer with counts). A
     * creator refused gets its refusal in its place; the others are stored.
     */
    @Transactional
    public List<Added> addAll(List<InfluencerCreate> bodies) {
        NicheTaxonomy taxonomy = niches.taxonomy();
        List<Added> added = new ArrayList<>(bodies.size());
        List<String> wantedHandles = new ArrayList<>();
        for (InfluencerCreate body : bodies) {
            List<FieldError> errors = new ArrayList<>(CatalogueRules.checkProfile(body, taxonomy));
            Map<String, Integer> handles = new HashMap<>();
            for (int i = 0; i < body.channels().size(); i++) {
                ChannelInput channel = body.channels().get(i);
                errors.addAll(CatalogueRules.checkChannel("channels[" + i + "]", channel));
                Integer earlier = handles.putIfAbsent(CatalogueRules.handleKey(channel.platform(), channel.handle()), i);
                if (earlier != null) {
                    errors.add(new FieldError("channels[" + i + "].handle",
                            "repeats channels[" + earlier + "] (same platform and handle)"));
                }
            }
            added.add(errors.isEmpty() ? null : new Added(null, new InvalidInput(errors)));
            if (errors.isEmpty()) {
                wantedHandles.addAll(handles.keySet());
            }
        }
        Map<String, Channel> taken = channelsByKey(wantedHandles);
        Map<String, Integer> claimed = new HashMap<>();
        OffsetDateTime now = now();
        List<Influencer> created = new ArrayList<>();
        List<TierChange> firstTiers = new ArrayList<>();
        for (int b = 0; b < bodies.size(); b++) {
            if (added.get(b) != null) {
                continue;
            }
            InfluencerCreate body = bodies.get(b);
            dev.microscout.common.ApiException refused = null;
            for (int i = 0; i < body.channels().size() && refused == null; i++) {
                ChannelInput channel = body.channels().get(i);
                String key = CatalogueRules.handleKey(channel.platform(), channel.handle());
                Channel other = taken.get(key);
                if (other != null) {
                    refused = handleTaken(other, "channels[" + i + "].handle");
                } else if (claimed.containsKey(key)) {
                    refused = new Conflict("A " + channel.platform() + " channel with handle \"" + CatalogueRules.normaliseHandle(
                            channel.handle()) + "\" is one of another creator created with this one", "channels[" + i + "].handle", Map.of());
                }
            }
            if (refused != null) {
                added.set(b, new Added(null, refused));
                continue;
            }
            body.channels().forEach(c -> claimed.put(CatalogueRules.handleKey(c.platform(), c.handle()), 0));
            Influencer influencer = build(body, now, firstTiers);
            created.add(influencer);
            added.set(b, new Added(influencer, null));
        }
        writeNew(created, firstTiers);
        for (Added a : added) {
            if (a.influencer() != null) {
                changed(a.influencer().id, Set.of());
            }
        }
        return added;
    }

    /** A new influencer with its channels, not yet stored; the first tier of each channel goes to {@code firstTiers}. */
    private Influencer build(InfluencerCreate body, OffsetDateTime now, List<TierChange> firstTiers) {
        Influencer influencer = new Influencer();
        influencer.id = UUID.randomUUID();
        influencer.createdAt = now;
        applyProfile(influencer, body, now);
        for (ChannelInput input : body.channels()) {
            Channel channel = new Channel();
            channel.id = UUID.randomUUID();
            channel.influencer = influencer;
            channel.createdAt = now;
            applyChannelFields(channel, input, now);
            TierChange first = tiers.opening(channel.id, influencer.id, channel.followers, now);
            channel.tier = first.toTier;
            firstTiers.add(first);
            influencer.channels.add(channel);
        }
        refreshDerived(influencer);
        return influencer;
    }

    /**
     * Stores new creators, a COPY per table on the transaction's connection (see {@link NewCreatorRows}). The objects
     * stay outside the session: a later read in the transaction reads the rows.
     */
    private void writeNew(List<Influencer> created, List<TierChange> firstTiers) {
        if (created.isEmpty()) {
            return;
        }
        em.flush();
        try {
            em.unwrap(org.hibernate.Session.class).doWork(c -> NewCreatorRows.write(c, created, firstTiers, json));
        } catch (PersistenceException e) {
            if (isHandleUniqueViolation(e)) {
                throw new Conflict("Another request created a channel with the same platform and handle at the same time",
                        "handle", Map.of());
            }
            throw e;
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InfluencerView get(UUID id) {
        return view(load(id));
    }

    @Transactional
    public InfluencerView replace(UUID id, String ifMatch, InfluencerUpdate body) {
        return view(update(id, ifMatch, body));
    }

    /** Replaces a profile without reading it back as a view (for bulk writers). */
    @Transactional
    public Influencer update(UUID id, String ifMatch, InfluencerUpdate body) {
        Influencer influencer = load(id);
        Etags.requireMatch(ifMatch, influencer.version);
        List<FieldError> errors = CatalogueRules.checkProfile(body, niches.taxonomy());
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        applyProfile(influencer, body, now());
        influencer.persistAndFlush();
        // The rate card prices each channel's engagements: figures that exist follow it.
        changed(influencer.id, influencer.channels.stream().map(c -> c.id).collect(Collectors.toSet()));
        return influencer;
    }

    @Transactional
    public InfluencerView patch(UUID id, String ifMatch, JsonNode patch) {
        Influencer influencer = load(id);
        Etags.requireMatch(ifMatch, influencer.version);
        InfluencerUpdate merged = merge(InfluencerMapper.toUpdate(influencer), patch, InfluencerUpdate.class);
        return replace(id, ifMatch, merged);
    }

    /** Soft delete: the influencer leaves every read and the search at once; nothing about it is removed. */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        Influencer influencer = load(id);
        if (ifMatch != null) {
            Etags.requireMatch(ifMatch, influencer.version);
        }
        OffsetDateTime now = now();
        influencer.deletion = new Deletion(now, stamp(influencer, now));
        // The search index finds the influencer deleted and drops its rows.
        changed(id, Set.of());
    }

    /** Undoes a delete within the restore window; the search rows and the reputation are rebuilt. */
    @Transactional
    public InfluencerView restore(UUID id, String ifMatch) {
        Influencer influencer = Influencer.<Influencer>findByIdOptional(id).orElseThrow(() -> new NotFound("Influencer", id));
        requireRestorable("Influencer " + id, influencer.deletion);
        if (ifMatch != null) {
            Etags.requireMatch(ifMatch, influencer.version);
        }
        influencer.deletion = null;
        touch(influencer, now());
        // Nothing about a deleted influencer is recomputed (incidents may have aged out meanwhile): the reputation
        // follows its channels coming back, and the search rows follow the reputation.
        changed(id, Set.of());
        return view(influencer);
    }

    /** Removes a deleted influencer and everything about it for good, once the restore window has passed. */
    @Transactional
    public void purge(UUID id) {
        Influencer influencer = Influencer.<Influencer>findByIdOptional(id).orElseThrow(() -> new NotFound("Influencer", id));
        requirePurgeable("Influencer " + id, influencer.deletion, "DELETE /api/v1/influencers/" + id);
        influencerPurged.fire(new InfluencerPurged(id));
        // Live channels go by cascade from the entity, deleted ones (and posts, snapshots, metrics, history, search
        // rows) by the database's cascades from the influencer row.
        influencer.delete();
        Influencer.flush();
    }

    /** One page of live influencers, or with {@code deleted} of deleted ones (for ADMINs). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public InfluencerPage list(InfluencerFilter filter, boolean deleted, String sort, int page, int size) {
        Parameters params = new Parameters();
        String where = where(filter, deleted, params);
        String order = sortOf(sort).getColumns().stream()
                .map(column -> "i." + column.getName() + (column.getDirection() == Sort.Direction.Descending ? " desc" : ""))
                .collect(java.util.stream.Collectors.joining(", "));
        try {
            // A list may lag by the replica's bound; a creator read by id, or before a write, comes from the primary.
            return reads.read(c -> {
                try (org.hibernate.Session session = sessions.withOptions().connection(c).openSession()) {
                    long total = session.createSelectionQuery("select count(*) from Influencer i where " + where, Long.class)
                            .setProperties(params.map()).getSingleResult();
                    List<Influencer> found = session.createSelectionQuery("from Influencer i where " + where + " order by " + order,
                                    Influencer.class)
                            .setProperties(params.map()).setFirstResult(page * size).setMaxResults(size).getResultList();
                    Map<UUID, ChannelMetricsSummary> summaries =
                            metrics.summaries(found.stream().flatMap(i -> i.channels.stream()).toList());
                    InfluencerMapper.Context context = context(found.stream().flatMap(InfluencerService::writers).toList());
                    List<InfluencerView> items = found.stream().map(i -> InfluencerMapper.toView(i, summaries, context)).toList();
                    return new InfluencerPage(items, page, size, total);
                } catch (org.hibernate.JDBCException e) {
                    throw e.getSQLException();
                }
            });
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The influencer list could not be read", e);
        }
    }

    /**
     * The ids of the next live influencers matching the list's filters after {@code after} (null: from the start), in id
     * order, read on {@code connection}: an export walks the whole match this way, a short query per page (the primary
     * key serves the order), each page's ids and lines read on one connection so that they agree.
     */
    public List<UUID> matchingIds(InfluencerFilter filter, UUID after, int limit, java.sql.Connection connection) throws java.sql.SQLException {
        Parameters params = new Parameters();
        String where = where(filter, false, params);
        if (after != null) {
            where += " and i.id > :after";
            params.and("after", after);
        }
        try (org.hibernate.Session session = sessions.withOptions().connection(connection).openSession()) {
            return session.createSelectionQuery("select i.id from Influencer i where " + where + " order by i.id", UUID.class)
                    .setProperties(params.map()).setMaxResults(limit).getResultList();
        } catch (org.hibernate.JDBCException e) {
            throw e.getSQLException();
        }
    }

    /** Refuses filters that cannot match (an unknown niche: 400) before anything is read. */
    public void checkFilter(InfluencerFilter filter) {
        where(filter, false, new Parameters());
    }

    /**
     * The HQL condition of the list's filters on {@code Influencer i}; its values go into {@code params}. A channel or
     * niche filter is a correlated EXISTS, which PostgreSQL runs as a semi-join on the channel's or niche's own index
     * (an IN over a subquery that joins the influencer again read every matching creator twice).
     */
    private String where(InfluencerFilter filter, boolean deleted, Parameters params) {
        StringBuilder where = new StringBuilder(deleted ? "i.deletion.at is not null" : "i.deletion.at is null");
        if (filter.tiers() != null && !filter.tiers().isEmpty()) {
            where.append(" and i.tier in :tiers");
            params.and("tiers", filter.tiers());
        }
        if (filter.country() != null) {
            where.append(" and i.country = :country");
            params.and("country", filter.country());
        }
        if (filter.language() != null) {
            where.append(" and array_contains(i.languages, :language)");
            params.and("language", filter.language());
        }
        if (filter.platform() != null) {
            where.append(" and exists (select 1 from Channel c where c.influencer.id = i.id and c.platform = :platform and c.deletion.at is null)");
            params.and("platform", filter.platform());
        }
        if (filter.niche() != null) {
            NicheTaxonomy taxonomy = niches.taxonomy();
            if (!taxonomy.contains(filter.niche())) {
                throw new InvalidInput("niche", "is not a known niche: \"" + filter.niche() + "\" (see GET /api/v1/niches)");
            }
            // A parent niche matches creators of any of its sub-niches.
            where.append(" and exists (select 1 from i.niches n where n.nicheSlug in :niches)");
            params.and("niches", taxonomy.subtree(filter.niche()));
        }
        if (filter.minFollowers() != null) {
            where.append(" and i.maxFollowers >= :minFollowers");
            params.and("minFollowers", filter.minFollowers());
        }
        if (filter.maxFollowers() != null) {
            where.append(" and i.maxFollowers <= :maxFollowers");
            params.and("maxFollowers", filter.maxFollowers());
        }
        return where.toString();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TierChangeView> tierHistory(UUID id) {
        Influencer influencer = load(id);
        Map<UUID, Channel> channels = new HashMap<>();
        influencer.channels.forEach(c -> channels.put(c.id, c));
        return TierChange.<TierChange>find("influencerId = ?1 order by changedAt desc, id desc", id).list().stream()
                // A deleted channel's history is kept, but leaves with the channel.
                .filter(change -> channels.containsKey(change.channelId))
                .map(change -> {
                    Channel channel = channels.get(change.channelId);
                    return new TierChangeView(change.channelId, channel.platform, channel.handle,
                            change.fromTier, change.toTier, change.followers, change.changedAt);
                })
                .toList();
    }

    // ---- channels --------------------------------------------------------------------------

    /** The live channels of a live influencer, or with {@code deleted} its deleted ones (for ADMINs). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChannelView> channels(UUID influencerId, boolean deleted) {
        Influencer influencer = load(influencerId);
        List<Channel> channels = deleted
                ? Channel.<Channel>list("influencer.id = ?1 and deletion.at is not null order by deletion.at desc, id", influencerId)
                : influencer.channels;
        var summaries = metrics.summaries(channels);
        InfluencerMapper.Context context = context(channels.stream().map(c -> c.deletion == null ? null : c.deletion.by()).toList());
        return channels.stream().map(c -> InfluencerMapper.toView(c, summaries.get(c.id), context)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ChannelView channel(UUID influencerId, UUID channelId) {
        return view(loadChannel(influencerId, channelId));
    }

    @Transactional
    public ChannelView addChannel(UUID influencerId, ChannelInput input) {
        return view(attachChannel(influencerId, input));
    }

    /** Adds a channel without reading it back as a view (for bulk writers). */
    @Transactional
    public Channel attachChannel(UUID influencerId, ChannelInput input) {
        Influencer influencer = load(influencerId);
        List<FieldError> errors = CatalogueRules.checkChannel("", input);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (influencer.channels.size() >= Influencer.MAX_CHANNELS) {
            throw new Conflict("An influencer has at most " + Influencer.MAX_CHANNELS + " channels", "platform", Map.of());
        }
        ensureHandleFree(input.platform(), input.handle(), null, "handle");
        OffsetDateTime now = now();
        Channel channel = new Channel();
        channel.id = UUID.randomUUID();
        channel.influencer = influencer;
        channel.createdAt = now;
        applyChannel(channel, input, now);
        influencer.channels.add(channel);
        touch(influencer, now);
        channel.persist();
        flushGuardingHandles();
        changed(influencerId, Set.of());
        return channel;
    }

    @Transactional
    public ChannelView replaceChannel(UUID influencerId, UUID channelId, String ifMatch, ChannelInput input) {
        return view(updateChannel(influencerId, channelId, ifMatch, input));
    }

    /** Replaces a channel without reading it back as a view (for bulk writers). */
    @Transactional
    public Channel updateChannel(UUID influencerId, UUID channelId, String ifMatch, ChannelInput input) {
        Channel channel = loadChannel(influencerId, channelId);
        Etags.requireMatch(ifMatch, channel.version);
        List<FieldError> errors = CatalogueRules.checkChannel("", input);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        ensureHandleFree(input.platform(), input.handle(), channel.id, "handle");
        OffsetDateTime now = now();
        applyChannel(channel, input, now);
        touch(channel.influencer, now);
        flushGuardingHandles();
        changed(influencerId, Set.of(channel.id));
        return channel;
    }

    @Transactional
    public ChannelView patchChannel(UUID influencerId, UUID channelId, String ifMatch, JsonNode patch) {
        Channel channel = loadChannel(influencerId, channelId);
        Etags.requireMatch(ifMatch, channel.version);
        ChannelInput merged = merge(InfluencerMapper.toInput(channel), patch, ChannelInput.class);
        return replaceChannel(influencerId, channelId, ifMatch, merged);
    }

    @Transactional
    public void deleteChannel(UUID influencerId, UUID channelId, String ifMatch) {
        Channel channel = loadChannel(influencerId, channelId);
        if (ifMatch != null) {
            Etags.requireMatch(ifMatch, channel.version);
        }
        Influencer influencer = channel.influencer;
        if (influencer.channels.size() == 1) {
            throw new Conflict("An influencer keeps at least one channel; delete the influencer instead", null, Map.of());
        }
        OffsetDateTime now = now();
        channel.deletion = new Deletion(now, authorship.current());
        channel.updatedAt = now;
        influencer.channels.remove(channel);
        touch(influencer, now);
        changed(influencerId, Set.of());
    }

    /** Undoes a channel's delete within the restore window; the influencer must be live and keep at most 10 channels. */
    @Transactional
    public ChannelView restoreChannel(UUID influencerId, UUID channelId, String ifMatch) {
        Channel channel = anyChannel(influencerId, channelId);
        Influencer influencer = channel.influencer;
        if (influencer.deletion != null) {
            throw new Conflict("Influencer " + influencerId + " is deleted: restore it first (POST /api/v1/influencers/"
                    + influencerId + "/restore)", null, Map.of());
        }
        requireRestorable("Channel " + channelId, channel.deletion);
        if (influencer.channels.size() >= Influencer.MAX_CHANNELS) {
            throw new Conflict("An influencer has at most " + Influencer.MAX_CHANNELS
                    + " channels; delete another one before restoring this", null, Map.of());
        }
        if (ifMatch != null) {
            Etags.requireMatch(ifMatch, channel.version);
        }
        OffsetDateTime now = now();
        channel.deletion = null;
        channel.updatedAt = now;
        influencer.channels.add(channel);
        touch(influencer, now);
        changed(influencerId, Set.of());
        return view(channel);
    }

    /** Removes a deleted channel with its posts, snapshots, metrics and history, once the restore window has passed. */
    @Transactional
    public void purgeChannel(UUID influencerId, UUID channelId) {
        Channel channel = anyChannel(influencerId, channelId);
        requirePurgeable("Channel " + channelId, channel.deletion,
                "DELETE /api/v1/influencers/" + influencerId + "/channels/" + channelId);
        // Nothing derived counts a deleted channel any more (reputation, search rows, peer baselines): only its rows go.
        channel.delete();
        Channel.flush();
    }

    /** What a snapshot batch did, and the channel's follower count and tier after it. */
    public record SnapshotsRecorded(int created, int updated, int unchanged, long followers, Tier tier) {
    }

    /**
     * Stores follower snapshots of a live channel. The newest becomes the channel's follower count and its tier
     * follows (the change recorded); the channel's figures are measured again. A batch that changes nothing (every
     * day sent with the count it has) tells nobody.
     */
    @Transactional
    public SnapshotsRecorded recordSnapshots(UUID channelId, SnapshotBatch batch) {
        Channel channel = lockedChannel(channelId);
        dev.microscout.common.Repeats.refuse(batch.snapshots(), SnapshotInput::date, "snapshots", "date");
        FollowerSnapshots.Upserted upserted = snapshots.upsert(channelId, batch.snapshots());
        if (upserted.changedAnything()) {
            Long newest = snapshots.newest(channelId);
            if (newest != null && newest != channel.followers) {
                OffsetDateTime now = now();
                channel.followers = newest;
                channel.tier = tiers.track(channel.id, channel.influencer.id, channel.tier, newest, now);
                channel.updatedAt = now;
                touch(channel.influencer, now);
            }
            changed(channel.influencer.id, Set.of(channel.id));
        }
        return new SnapshotsRecorded(upserted.created(), upserted.updated(), upserted.unchanged(), channel.followers, channel.tier);
    }

    /**
     * A live channel, with its row and its influencer's locked until this transaction ends, so that writers of one
     * creator's channels run one after the other. Answers 404 for an unknown or deleted channel.
     */
    public Channel lockedChannel(UUID channelId) {
        // Plain JDBC: a native query with a result class gets a new entry in Hibernate's plan cache at every call.
        boolean found = em.unwrap(org.hibernate.Session.class).doReturningWork(c -> {
            try (java.sql.PreparedStatement s = c.prepareStatement(LOCK_CHANNEL)) {
                s.setObject(1, channelId);
                try (java.sql.ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
        if (!found) {
            throw new NotFound("Channel", channelId);
        }
        return Channel.<Channel>findLive(channelId).orElseThrow(() -> new NotFound("Channel", channelId));
    }

    // "no key update": it queues writers of the same rows, and lets new posts and snapshots refer to the channel meanwhile.
    private static final String LOCK_CHANNEL = """
            select cast(c.id as text) from channel c join influencer i on i.id = c.influencer_id
             where c.id = ? for no key update""";

    // ---- look-ups for bulk writers -----------------------------------------------------------

    /**
     * Channels (live or deleted) by {@link CatalogueLine#channelKey}, with their influencers. The handles are looked
     * up first, one array per platform served by the unique index on (platform, lower(handle)): a chunk of new
     * creators, the common case, matches none and loads nothing. Thousands of handles as an HQL list are as many
     * parameters for Hibernate to bind and for PostgreSQL to plan (about 1.2 ms a call), even with the list padded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Channel> channelsByKey(java.util.Collection<String> keys) {
        Map<Platform, List<String>> handles = new java.util.EnumMap<>(Platform.class);
        for (String key : keys) {
            int slash = key.indexOf('/');
            handles.computeIfAbsent(Platform.valueOf(key.substring(0, slash)), p -> new ArrayList<>()).add(key.substring(slash + 1));
        }
        List<UUID> ids = new ArrayList<>();
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (java.sql.PreparedStatement q = c.prepareStatement(
                    "select id from channel where platform = ? and lower(handle) = any(?)")) {
                for (Map.Entry<Platform, List<String>> platform : handles.entrySet()) {
                    q.setString(1, platform.getKey().name());
                    q.setArray(2, c.createArrayOf("text", platform.getValue().toArray()));
                    try (java.sql.ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            ids.add(r.getObject(1, UUID.class));
                        }
                    }
                }
            }
        });
        Map<String, Channel> found = new HashMap<>();
        if (!ids.isEmpty()) {
            Channel.<Channel>list("from Channel c join fetch c.influencer where c.id in ?1", ids)
                    .forEach(c -> found.put(CatalogueLine.channelKey(c.platform, c.handle), c));
        }
        return found;
    }

    /**
     * Writes what the session holds and forgets it: a bulk writer calls this between creators, so that each statement's
     * automatic flush checks a handful of entities rather than everything the chunk has touched so far.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void flushAndForget() {
        em.flush();
        em.clear();
    }

    /** Influencers (live or deleted) by id, for bulk writers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, Influencer> influencersById(java.util.Collection<UUID> ids) {
        Map<UUID, Influencer> found = new HashMap<>();
        if (!ids.isEmpty()) {
            Influencer.<Influencer>list("id in ?1", ids).forEach(i -> found.put(i.id, i));
        }
        return found;
    }

    // ---- internals -------------------------------------------------------------------------

    /** Tells the next step (metrics) what this write touched: once per write, or once per chunk of a bulk write. */
    private void changed(UUID influencerId, Set<UUID> channelsToMeasure) {
        PropagationUnit.tell("catalogue", Set.of(influencerId), channelsToMeasure,
                (influencers, channels) -> catalogueChanged.fire(new CatalogueChanged(influencers, channels)));
    }

    private InfluencerView view(Influencer influencer) {
        return InfluencerMapper.toView(influencer, metrics.summaries(influencer.channels), context(writers(influencer).toList()));
    }

    private ChannelView view(Channel channel) {
        return InfluencerMapper.toView(channel, metrics.summaries(List.of(channel)).get(channel.id), context(List.of()));
    }

    private InfluencerMapper.Context context(List<Authorship.Writer> writers) {
        return new InfluencerMapper.Context(authorship.names(writers), config.restoreDays());
    }

    private static java.util.stream.Stream<Authorship.Writer> writers(Influencer influencer) {
        return influencer.deletion == null ? java.util.stream.Stream.of(influencer.lastChangedBy())
                : java.util.stream.Stream.of(influencer.lastChangedBy(), influencer.deletion.by());
    }

    /** A live influencer; a deleted one is answered like one that never existed. */
    Influencer load(UUID id) {
        return Influencer.<Influencer>findByIdOptional(id).filter(i -> i.deletion == null)
                .orElseThrow(() -> new NotFound("Influencer", id));
    }

    /** A live channel of a live influencer. */
    Channel loadChannel(UUID influencerId, UUID channelId) {
        Channel channel = anyChannel(influencerId, channelId);
        if (!channel.isLive()) {
            throw new NotFound("Channel", channelId);
        }
        return channel;
    }

    /** A channel of the influencer, deleted or not (for restore and purge). */
    private static Channel anyChannel(UUID influencerId, UUID channelId) {
        Channel channel = Channel.findById(channelId);
        if (channel == null || !channel.influencer.id.equals(influencerId)) {
            throw new NotFound("Channel", channelId);
        }
        return channel;
    }

    private void requireRestorable(String what, Deletion deletion) {
        if (deletion == null) {
            throw new Conflict(what + " is not deleted: there is nothing to restore", null, Map.of());
        }
        OffsetDateTime until = deletion.at.plusDays(config.restoreDays());
        if (now().isAfter(until)) {
            throw new Conflict(what + " was deleted on " + deletion.at + "; it could be restored until " + until
                    + " and now only an operator may purge it", null, Map.of("restorableUntil", until.toString()));
        }
    }

    private void requirePurgeable(String what, Deletion deletion, String deleteFirst) {
        if (deletion == null) {
            throw new Conflict(what + " is not deleted; delete it first (" + deleteFirst + "), then purge it after "
                    + config.restoreDays() + " days", null, Map.of());
        }
        OffsetDateTime until = deletion.at.plusDays(config.restoreDays());
        if (!now().isAfter(until)) {
            throw new Conflict(what + " was deleted on " + deletion.at + " and an ADMIN may restore it until " + until
                    + "; it can be purged after that", null, Map.of("restorableUntil", until.toString()));
        }
    }

    private <T> T merge(T current, JsonNode patch, Class<T> type) {
        return MergePatch.applyTo(current, patch, type, json, validator);
    }

    private void ensureHandleFree(Platform platform, String rawHandle, UUID exceptChannel, String field) {
        String handle = CatalogueRules.normaliseHandle(rawHandle);
        Optional<Channel> existing = Channel.<Channel>find("platform = ?1 and lower(handle) = ?2",
                platform, handle.toLowerCase(Locale.ROOT)).firstResultOptional();
        if (existing.isPresent() && !existing.get().id.equals(exceptChannel)) {
            throw handleTaken(existing.get(), field);
        }
    }

    /** The refusal of a handle another channel holds. */
    private static Conflict handleTaken(Channel other, String field) {
        String detail = "A " + other.platform + " channel with handle \"" + other.handle + "\" already exists: channel "
                + other.id + " of influencer " + other.influencer.id;
        // A deleted channel keeps its handle, so that its restore never collides with a newcomer.
        if (other.influencer.deletion != null) {
            detail += ". The influencer is deleted; an ADMIN can restore it with POST /api/v1/influencers/"
                    + other.influencer.id + "/restore";
        } else if (other.deletion != null) {
            detail += ". The channel is deleted; an ADMIN can restore it with POST /api/v1/influencers/"
                    + other.influencer.id + "/channels/" + other.id + "/restore";
        }
        return new Conflict(detail, field, Map.of("existingChannelId", other.id, "existingInfluencerId", other.influencer.id,
                "existingDeleted", !other.isLive()));
    }

    /** Two writers racing for one handle both pass the check; the unique index decides, and the loser gets 409. */
    private void flushGuardingHandles() {
        try {
            Influencer.flush();
        } catch (PersistenceException e) {
            if (isHandleUniqueViolation(e)) {
                throw new Conflict("Another request created a channel with the same platform and handle at the same time",
                        "handle", Map.of());
            }
            throw e;
        }
    }

    static boolean isHandleUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve
                    && "channel_platform_handle_uq".equals(cve.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    private void applyProfile(Influencer influencer, ProfileFields body, OffsetDateTime now) {
        influencer.displayName = body.displayName().trim();
        influencer.bio = body.bio();
        influencer.country = body.country();
        influencer.city = body.city();
        influencer.languages = body.languages() == null ? new String[0] : body.languages().toArray(String[]::new);
        influencer.contactEmail = body.contactEmail();
        influencer.rateCurrency = body.rateCard() == null ? null : body.rateCard().currency();
        influencer.ratePrice = body.rateCard() == null ? null : body.rateCard().pricePerPost();
        influencer.niches.clear();
        if (body.niches() != null) {
            body.niches().forEach(n -> influencer.niches.add(new InfluencerNiche(n.niche(), n.weight())));
        }
        stamp(influencer, now);
    }

    private void applyChannel(Channel channel, ChannelInput input, OffsetDateTime now) {
        applyChannelFields(channel, input, now);
        channel.tier = tiers.track(channel.id, channel.influencer.id, channel.tier, channel.followers, now);
    }

    private static void applyChannelFields(Channel channel, ChannelInput input, OffsetDateTime now) {
        channel.platform = input.platform();
        channel.handle = CatalogueRules.normaliseHandle(input.handle());
        channel.url = input.url();
        channel.followers = input.followers();
        channel.following = input.following() == null ? 0 : input.following();
        channel.verified = Boolean.TRUE.equals(input.verified());
        channel.audience = input.audience();
        channel.updatedAt = now;
    }

    /** A channel change is a change of the influencer too: its ETag moves and its tier is recomputed. */
    private void touch(Influencer influencer, OffsetDateTime now) {
        stamp(influencer, now);
        refreshDerived(influencer);
    }

    /** Records the write on the profile: when, and the organisation and key that made it (returned). */
    private Authorship.Writer stamp(Influencer influencer, OffsetDateTime now) {
        Authorship.Writer writer = authorship.current();
        influencer.updatedAt = now;
        influencer.lastChangedByOrganisation = writer.organisationId();
        influencer.lastChangedByKey = writer.keyId();
        return writer;
    }

    private static void refreshDerived(Influencer influencer) {
        Channel largest = influencer.channels.stream()
                .max(Comparator.comparingLong((Channel c) -> c.followers))
                .orElseThrow();
        influencer.tier = largest.tier;
        influencer.maxFollowers = largest.followers;
    }

    private static Sort sortOf(String sort) {
        String field = sort == null || sort.isBlank() ? "createdAt" : sort;
        boolean descending = field.startsWith("-");
        String name = SORT_FIELDS.get(descending ? field.substring(1) : field);
        Sort result = descending ? Sort.descending(name) : Sort.ascending(name);
        return result.and("id");
    }

    static OffsetDateTime now() {
        // Microseconds: what PostgreSQL stores, so a value read back equals the value written.
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
