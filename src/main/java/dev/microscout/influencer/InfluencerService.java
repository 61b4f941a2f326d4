package dev.microscout.influencer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscout.common.Conflict;
import dev.microscout.common.Etags;
import dev.microscout.common.FieldError;
import dev.microscout.common.InvalidInput;
import dev.microscout.common.MergePatch;
import dev.microscout.common.NotFound;
import dev.microscout.niche.NicheService;
import dev.microscout.niche.NicheTaxonomy;
import dev.microscout.tier.Tier;
import dev.microscout.tier.TierChange;
import dev.microscout.tier.TierTracker;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
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
import java.util.UUID;

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
    jakarta.enterprise.event.Event<ChannelChanged> channelChanged;
    @Inject
    dev.microscout.metrics.ChannelMetricsService metrics;

    /** A channel's fields changed through the API (not through snapshots); observers run in the same transaction. */
    public record ChannelChanged(UUID channelId) {
    }

    /**
     * An influencer's search rows are out of date (its profile, or its reputation, changed); the search index
     * rewrites them in the same transaction. Channel changes arrive as {@link ChannelsChanged} and reach the index
     * through the reputation they also change.
     */
    public record InfluencerChanged(UUID influencerId) {
    }

    @Inject
    jakarta.enterprise.event.Event<InfluencerChanged> influencerChanged;
    @Inject
    Event<ChannelsChanged> channelsChanged;

    @Transactional
    public InfluencerView create(InfluencerCreate body) {
        NicheTaxonomy taxonomy = niches.taxonomy();
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
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        for (int i = 0; i < body.channels().size(); i++) {
            ChannelInput channel = body.channels().get(i);
            ensureHandleFree(channel.platform(), channel.handle(), null, "channels[" + i + "].handle");
        }
        OffsetDateTime now = now();
        Influencer influencer = new Influencer();
        influencer.id = UUID.randomUUID();
        influencer.createdAt = now;
        applyProfile(influencer, body, now);
        for (ChannelInput input : body.channels()) {
            Channel channel = new Channel();
            channel.id = UUID.randomUUID();
            channel.influencer = influencer;
            channel.createdAt = now;
            applyChannel(channel, input, now);
            influencer.channels.add(channel);
        }
        refreshDerived(influencer);
        influencer.persist();
        flushGuardingHandles();
        influencerChanged.fire(new InfluencerChanged(influencer.id));
        return view(influencer);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InfluencerView get(UUID id) {
        return view(load(id));
    }

    @Transactional
    public InfluencerView replace(UUID id, String ifMatch, InfluencerUpdate body) {
        Influencer influencer = load(id);
        Etags.requireMatch(ifMatch, influencer.version);
        List<FieldError> errors = CatalogueRules.checkProfile(body, niches.taxonomy());
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        applyProfile(influencer, body, now());
        influencer.persistAndFlush();
        influencerChanged.fire(new InfluencerChanged(influencer.id));
        return view(influencer);
    }

    @Transactional
    public InfluencerView patch(UUID id, String ifMatch, JsonNode patch) {
        Influencer influencer = load(id);
        Etags.requireMatch(ifMatch, influencer.version);
        InfluencerUpdate merged = merge(InfluencerMapper.toUpdate(influencer), patch, InfluencerUpdate.class);
        return replace(id, ifMatch, merged);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Influencer influencer = load(id);
        if (ifMatch != null) {
            Etags.requireMatch(ifMatch, influencer.version);
        }
        influencer.delete();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InfluencerPage list(InfluencerFilter filter, String sort, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.tiers() != null && !filter.tiers().isEmpty()) {
            where.append(" and tier in :tiers");
            params.and("tiers", filter.tiers());
        }
        if (filter.country() != null) {
            where.append(" and country = :country");
            params.and("country", filter.country());
        }
        if (filter.language() != null) {
            where.append(" and array_contains(languages, :language)");
            params.and("language", filter.language());
        }
        if (filter.platform() != null) {
            where.append(" and id in (select c.influencer.id from Channel c where c.platform = :platform)");
            params.and("platform", filter.platform());
        }
        if (filter.niche() != null) {
            NicheTaxonomy taxonomy = niches.taxonomy();
            if (!taxonomy.contains(filter.niche())) {
                throw new InvalidInput("niche", "is not a known niche: \"" + filter.niche() + "\" (see GET /api/v1/niches)");
            }
            // A parent niche matches creators of any of its sub-niches.
            where.append(" and id in (select j.id from Influencer j join j.niches n where n.nicheSlug in :niches)");
            params.and("niches", taxonomy.subtree(filter.niche()));
        }
        if (filter.minFollowers() != null) {
            where.append(" and maxFollowers >= :minFollowers");
            params.and("minFollowers", filter.minFollowers());
        }
        if (filter.maxFollowers() != null) {
            where.append(" and maxFollowers <= :maxFollowers");
            params.and("maxFollowers", filter.maxFollowers());
        }
        PanacheQuery<Influencer> query = Influencer.find(where.toString(), sortOf(sort), params);
        long total = query.count();
        List<Influencer> found = query.page(Page.of(page, size)).list();
        Map<UUID, dev.microscout.metrics.MetricsViews.MetricsSummary> summaries =
                metrics.summaries(found.stream().flatMap(i -> i.channels.stream()).toList());
        List<InfluencerView> items = found.stream().map(i -> InfluencerMapper.toView(i, summaries)).toList();
        return new InfluencerPage(items, page, size, total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TierChangeView> tierHistory(UUID id) {
        Influencer influencer = load(id);
        Map<UUID, Channel> channels = new HashMap<>();
        influencer.channels.forEach(c -> channels.put(c.id, c));
        return TierChange.<TierChange>find("influencerId = ?1 order by changedAt desc, id desc", id).list().stream()
                .map(change -> {
                    Channel channel = channels.get(change.channelId);
                    return new TierChangeView(change.channelId,
                            channel == null ? null : channel.platform,
                            channel == null ? null : channel.handle,
                            change.fromTier, change.toTier, change.followers, change.changedAt);
                })
                .toList();
    }

    // ---- channels --------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChannelView> channels(UUID influencerId) {
        Influencer influencer = load(influencerId);
        var summaries = metrics.summaries(influencer.channels);
        return influencer.channels.stream().map(c -> InfluencerMapper.toView(c, summaries.get(c.id))).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ChannelView channel(UUID influencerId, UUID channelId) {
        return view(loadChannel(influencerId, channelId));
    }

    @Transactional
    public ChannelView addChannel(UUID influencerId, ChannelInput input) {
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
        channelsChanged.fire(new ChannelsChanged(influencerId));
        return view(channel);
    }

    @Transactional
    public ChannelView replaceChannel(UUID influencerId, UUID channelId, String ifMatch, ChannelInput input) {
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
        channelChanged.fire(new ChannelChanged(channel.id));
        channelsChanged.fire(new ChannelsChanged(influencerId));
        return view(channel);
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
        influencer.channels.remove(channel);
        touch(influencer, now());
        channelsChanged.fire(new ChannelsChanged(influencerId));
    }

    /** Applies a new follower count (e.g. from a snapshot): the tier follows, the change is recorded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void updateFollowers(Channel channel, long followers) {
        OffsetDateTime now = now();
        channel.followers = followers;
        channel.tier = tiers.track(channel.id, channel.influencer.id, channel.tier, followers, now);
        channel.updatedAt = now;
        touch(channel.influencer, now);
        // No event here: the caller (a snapshot batch) recomputes the channel's metrics, and that refreshes the rest.
    }

    // ---- internals -------------------------------------------------------------------------

    private InfluencerView view(Influencer influencer) {
        return InfluencerMapper.toView(influencer, metrics.summaries(influencer.channels));
    }

    private ChannelView view(Channel channel) {
        return InfluencerMapper.toView(channel, metrics.summaries(List.of(channel)).get(channel.id));
    }

    Influencer load(UUID id) {
        return Influencer.<Influencer>findByIdOptional(id).orElseThrow(() -> new NotFound("Influencer", id));
    }

    Channel loadChannel(UUID influencerId, UUID channelId) {
        Channel channel = Channel.findById(channelId);
        if (channel == null || !channel.influencer.id.equals(influencerId)) {
            throw new NotFound("Channel", channelId);
        }
        return channel;
    }

    private <T> T merge(T current, JsonNode patch, Class<T> type) {
        return MergePatch.applyTo(current, patch, type, json, validator);
    }

    private void ensureHandleFree(Platform platform, String rawHandle, UUID exceptChannel, String field) {
        String handle = CatalogueRules.normaliseHandle(rawHandle);
        Optional<Channel> existing = Channel.<Channel>find("platform = ?1 and lower(handle) = ?2",
                platform, handle.toLowerCase(Locale.ROOT)).firstResultOptional();
        if (existing.isPresent() && !existing.get().id.equals(exceptChannel)) {
            Channel other = existing.get();
            throw new Conflict("A " + platform + " channel with handle \"" + other.handle + "\" already exists: channel "
                    + other.id + " of influencer " + other.influencer.id, field,
                    Map.of("existingChannelId", other.id, "existingInfluencerId", other.influencer.id));
        }
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
        influencer.updatedAt = now;
    }

    private void applyChannel(Channel channel, ChannelInput input, OffsetDateTime now) {
        channel.platform = input.platform();
        channel.handle = CatalogueRules.normaliseHandle(input.handle());
        channel.url = input.url();
        channel.followers = input.followers();
        channel.following = input.following() == null ? 0 : input.following();
        channel.verified = Boolean.TRUE.equals(input.verified());
        channel.audience = input.audience();
        channel.tier = tiers.track(channel.id, channel.influencer.id, channel.tier, channel.followers, now);
        channel.updatedAt = now;
    }

    /** A channel change is a change of the influencer too: its ETag moves and its tier is recomputed. */
    private void touch(Influencer influencer, OffsetDateTime now) {
        influencer.updatedAt = now;
        refreshDerived(influencer);
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
