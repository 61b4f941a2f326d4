package dev.microscout.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscout.common.FieldError;
import dev.microscout.common.InvalidInput;
import dev.microscout.common.NotFound;
import dev.microscout.influencer.Channel;
import dev.microscout.influencer.CatalogueChanged;
import dev.microscout.metrics.MetricsViews.AuthenticityView;
import dev.microscout.metrics.MetricsViews.ChannelMetricsView;
import dev.microscout.influencer.ChannelFigures;
import dev.microscout.influencer.ChannelMetricsSummary;
import dev.microscout.metrics.MetricsViews.PeerView;
import dev.microscout.metrics.MetricsViews.PostBatchResult;
import dev.microscout.metrics.MetricsViews.PostPage;
import dev.microscout.metrics.MetricsViews.PostView;
import dev.microscout.metrics.MetricsViews.WindowView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stores posts and follower snapshots and recomputes the channel's metrics in the same transaction, so a
 * read never sees posts without the figures they produce. Plain SQL on the session's connection: batches
 * of up to 1,000 rows are upserted in one round trip each.
 */
@ApplicationScoped
public class ChannelMetricsService implements ChannelFigures {

    /** Snapshots older than this play no part in growth or jump detection. */
    static final int SNAPSHOT_HISTORY_DAYS = 400;

    private final ChannelMetricsCalculator calculator = new ChannelMetricsCalculator();
    private final AuthenticityAnalyzer analyzer = new AuthenticityAnalyzer();

    @Inject
    EntityManager em;
    @Inject
    PeerBaselineService baselines;
    @Inject
    MetricsConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    Event<MetricsChanged> changed;
    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    private volatile io.micrometer.core.instrument.Timer recomputeTimer;

    /** Time of one channel's recomputation (window query, formulas, authenticity, upsert), as /q/metrics shows it. */
    private io.micrometer.core.instrument.Timer recomputeTimer() {
        if (recomputeTimer == null) {
            recomputeTimer = io.micrometer.core.instrument.Timer.builder("microscout.metrics.recompute")
                    .description("Recomputation of one channel's metrics after posts or snapshots")
                    .publishPercentiles(0.5, 0.95, 0.99)
                    .register(registry);
        }
        return recomputeTimer;
    }

    /** What is stored in channel_metrics.detail. */
    record StoredDetail(ChannelMetrics metrics, Authenticity authenticity) {
    }

    @Transactional
    public PostBatchResult ingestPosts(UUID channelId, PostBatch batch) {
        Channel channel = lockedChannel(channelId);
        dev.microscout.common.Repeats.refuse(batch.posts(), PostInput::externalId, "posts", "externalId");
        int[] counts = session().doReturningWork(c -> upsertPosts(c, Map.of(channelId, batch.posts()))).get(channelId);
        // A batch that changes no post moves no figure: nobody is told, and the stored figures are answered.
        ChannelMetricsView metrics = counts[0] + counts[1] > 0 ? recompute(channel) : metrics(channelId);
        return new PostBatchResult(counts[0], counts[1], counts[2], metrics);
    }

    /** What a post batch did: posts created, updated and sent again unchanged. */
    public record PostCounts(int created, int updated, int unchanged) {
    }

    /**
     * Stores post batches of several channels at once, each under the rules of {@link #ingestPosts} (for bulk writers,
     * which answer with counts): the channels locked in id order in one statement, the stored posts read and the changed
     * ones upserted in one statement each for all of them, and the figures of every channel whose posts moved measured
     * together; reputation is told once. A channel unknown or deleted gets no counts (absent from the answer).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, PostCounts> ingestPostBatches(Map<UUID, List<PostInput>> batches) {
        batches.forEach((channelId, posts) -> dev.microscout.common.Repeats.refuse(posts, PostInput::externalId, "posts", "externalId"));
        Set<UUID> locked = lockedChannels(batches.keySet());
        Map<UUID, Channel> channels = new HashMap<>();
        if (!locked.isEmpty()) {
            Channel.<Channel>list("from Channel c join fetch c.influencer where c.id in ?1", locked).stream()
                    .filter(Channel::isLive).forEach(ch -> channels.put(ch.id, ch));
        }
        Map<UUID, List<PostInput>> live = new java.util.LinkedHashMap<>();
        batches.forEach((channelId, posts) -> {
            if (channels.containsKey(channelId)) {
                live.put(channelId, posts);
            }
        });
        Map<UUID, int[]> counts = live.isEmpty() ? Map.of() : session().doReturningWork(c -> upsertPosts(c, live));
        Map<UUID, PostCounts> result = new HashMap<>();
        List<Channel> moved = new ArrayList<>();
        counts.forEach((channelId, n) -> {
            result.put(channelId, new PostCounts(n[0], n[1], n[2]));
            if (n[0] + n[1] > 0) {
                moved.add(channels.get(channelId));
            }
        });
        if (!moved.isEmpty()) {
            measureAll(moved);
            tell(moved.stream().map(ch -> ch.influencer.id).collect(java.util.stream.Collectors.toSet()));
        }
        return result;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PostPage posts(UUID channelId, int page, int size) {
        channel(channelId);
        return session().doReturningWork(c -> {
            long total;
            try (PreparedStatement s = c.prepareStatement("select count(*) from post where channel_id = ?")) {
                s.setObject(1, channelId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    total = r.getLong(1);
                }
            }
            List<PostView> items = new ArrayList<>();
            // post_channel_posted_idx serves the order and the page.
            try (PreparedStatement s = c.prepareStatement("select * from post where channel_id = ? "
                    + "order by posted_at desc, id desc limit ? offset ?")) {
                s.setObject(1, channelId);
                s.setInt(2, size);
                s.setLong(3, (long) page * size);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        PostSample sample = sample(r);
                        items.add(new PostView(r.getString("external_id"), r.getObject("posted_at", OffsetDateTime.class),
                                sample.format(), sample.sponsored(), sample.views(), sample.reach(), sample.likes(),
                                sample.comments(), sample.saves(), sample.shares(), sample.linkClicks(), sample.dms(),
                                sample.mentions(), List.of((String[]) r.getArray("tags").getArray()), sample.engagements(),
                                r.getObject("updated_at", OffsetDateTime.class)));
                    }
                }
            }
            return new PostPage(items, page, size, total);
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ChannelMetricsView metrics(UUID channelId) {
        Channel channel = channel(channelId);
        StoredRow row = session().doReturningWork(c -> stored(c, channelId));
        if (row == null) {
            // Nothing ingested yet: every figure is unknown and computedAt is absent.
            return view(channel, empty(channel), null);
        }
        return view(channel, row.detail(), row.computedAt());
    }

    /** Summaries for channel reads, one query for all the given channels. */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, ChannelMetricsSummary> summaries(List<Channel> channels) {
        if (channels.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Channel> byId = new HashMap<>();
        channels.forEach(ch -> byId.put(ch.id, ch));
        return session().doReturningWork(c -> {
            Map<UUID, ChannelMetricsSummary> result = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("select channel_id, engagement_rate, authenticity, posts_in_window, "
                    + "sample_too_small, computed_at from channel_metrics where channel_id = any(?)")) {
                s.setArray(1, c.createArrayOf("uuid", byId.keySet().toArray()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        UUID id = r.getObject("channel_id", UUID.class);
                        double er = r.getDouble("engagement_rate");
                        Double rate = r.wasNull() ? null : er;
                        Channel ch = byId.get(id);
                        result.put(id, new ChannelMetricsSummary(rate, percentile(ch, rate), r.getInt("authenticity"),
                                r.getInt("posts_in_window"), r.getBoolean("sample_too_small"),
                                r.getObject("computed_at", OffsetDateTime.class)));
                    }
                }
            }
            return result;
        });
    }

    /**
     * Recomputes and stores one channel's metrics and authenticity, inside the writing transaction, and tells the next
     * step (reputation) once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChannelMetricsView recompute(Channel channel) {
        ChannelMetricsView view = measure(channel);
        tell(Set.of(channel.influencer.id));
        return view;
    }

    /** Recomputes and stores one channel's figures without telling anyone: the caller tells the next step once. */
    private ChannelMetricsView measure(Channel channel) {
        Measured measured = measureAll(List.of(channel)).get(channel.id);
        return view(channel, measured.detail(), measured.computedAt());
    }

    private record Measured(StoredDetail detail, OffsetDateTime computedAt) {
    }

    /**
     * Recomputes and stores the figures of the channels without telling anyone: their windows of posts and follower
     * histories read in one query each, the figures upserted in one batch.
     */
    private Map<UUID, Measured> measureAll(List<Channel> channels) {
        if (channels.isEmpty()) {
            return Map.of();
        }
        long started = System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        MetricsWindow window = config.window();
        List<UUID> ids = channels.stream().map(ch -> ch.id).toList();
        Map<UUID, List<PostSample>> posts = session().doReturningWork(c -> windowPosts(c, ids, now, window));
        Map<UUID, List<FollowerPoint>> snapshots = session().doReturningWork(c -> snapshots(c, ids, now));
        OffsetDateTime computedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        Map<UUID, Measured> measured = new java.util.LinkedHashMap<>();
        for (Channel channel : channels) {
            List<FollowerPoint> history = snapshots.getOrDefault(channel.id, List.of());
            ChannelMetrics metrics = calculator.compute(channel.followers, posts.getOrDefault(channel.id, List.of()), history,
                    channel.influencer.ratePrice, window, now);
            PeerBaseline peers = baselines.of(channel.platform.name(), channel.tier.name());
            Authenticity authenticity = analyzer.analyze(AuthenticityInput.of(metrics, channel.following, history,
                    peers == null ? null : peers.medianEngagementRate()));
            measured.put(channel.id, new Measured(new StoredDetail(metrics, authenticity), computedAt));
        }
        session().doWork(c -> store(c, measured));
        // The timer is per channel: a set's time shared out evenly among its channels.
        long each = (System.nanoTime() - started) / channels.size();
        channels.forEach(ch -> recomputeTimer().record(each, java.util.concurrent.TimeUnit.NANOSECONDS));
        return measured;
    }

    /** Recomputes one channel by id (e.g. after the peer baselines moved). */
    @Transactional
    public void recompute(UUID channelId) {
        recompute(channel(channelId));
    }

    /**
     * The first step of the chain arrives: the channels the catalogue writes may have moved are measured again where
     * they have figures (a channel without posts or snapshots has none to move), then reputation is told once.
     */
    void onCatalogueChanged(@jakarta.enterprise.event.Observes CatalogueChanged change) {
        Set<UUID> tracked = tracked(change.channelsToMeasure());
        if (!tracked.isEmpty()) {
            List<Channel> live = Channel.<Channel>list("from Channel c join fetch c.influencer where c.id in ?1 order by c.id",
                    tracked).stream().filter(Channel::isLive).toList();
            if (!live.isEmpty()) {
                measureAll(live);
            }
        }
        tell(change.influencerIds());
    }

    /** Tells the next step (reputation): once per write, or once per chunk of a bulk write. */
    private void tell(Set<UUID> influencerIds) {
        dev.microscout.common.PropagationUnit.tell("metrics", influencerIds, Set.of(),
                (influencers, none) -> changed.fire(new MetricsChanged(influencers)));
    }

    /** Of the given channels, those with figures, or with a follower history that has none yet (its first snapshots just arrived). */
    private Set<UUID> tracked(Set<UUID> channelIds) {
        if (channelIds.isEmpty()) {
            return Set.of();
        }
        em.flush();
        return session().doReturningWork(c -> {
            Set<UUID> tracked = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("select id from unnest(?) as ids(id) where exists "
                    + "(select 1 from channel_metrics where channel_id = ids.id) "
                    + "or exists (select 1 from follower_snapshot where channel_id = ids.id)")) {
                s.setArray(1, c.createArrayOf("uuid", channelIds.toArray()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        tracked.add(r.getObject(1, UUID.class));
                    }
                }
            }
            return tracked;
        });
    }

    // ---- views -----------------------------------------------------------------------------

    private ChannelMetricsView view(Channel channel, StoredDetail detail, OffsetDateTime computedAt) {
        ChannelMetrics m = detail.metrics();
        MetricsWindow window = config.window();
        PeerBaseline peers = baselines.of(channel.platform.name(), channel.tier.name());
        Double rate = m.engagementRate().value();
        PeerView peerView = new PeerView(channel.platform.name(), channel.tier.name(),
                peers == null ? null : peers.channels(),
                peers == null ? null : peers.medianEngagementRate(),
                percentile(channel, rate),
                peers == null ? null : peers.exact(),
                peers == null ? null : peers.computedAt());
        return new ChannelMetricsView(channel.id, channel.platform.name(), channel.tier.name(), channel.followers, computedAt,
                new WindowView(window.days(), window.maxPosts(), OffsetDateTime.ofInstant(m.windowStart(), ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(m.windowEnd(), ZoneOffset.UTC), m.postsInWindow()),
                m.sampleTooSmall(), m.engagementRate(), m.viewEngagementRate(), m.microConversionRate(), m.amplificationRate(),
                m.conversationRate(), m.growthRate30d(), m.postsPerWeek(), m.postingConsistency(), m.sponsoredShare(),
                m.sponsoredEngagementRatio(), m.estimatedCostPerEngagement(), channel.influencer.rateCurrency, peerView,
                new AuthenticityView(detail.authenticity().score(), detail.authenticity().signals(), detail.authenticity().skipped()));
    }

    private Double percentile(Channel channel, Double rate) {
        PeerBaseline peers = baselines.of(channel.platform.name(), channel.tier.name());
        return rate == null || peers == null ? null : peers.shareBelow(rate);
    }

    private StoredDetail empty(Channel channel) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ChannelMetrics metrics = calculator.compute(channel.followers, List.of(), List.of(), channel.influencer.ratePrice,
                config.window(), now);
        return new StoredDetail(metrics, analyzer.analyze(AuthenticityInput.of(metrics, channel.following, List.of(), null)));
    }

    // ---- SQL -------------------------------------------------------------------------------

    /** A live channel: a deleted one (or one of a deleted influencer) is answered like one that never existed. */
    private Channel channel(UUID channelId) {
        return Channel.findLive(channelId).orElseThrow(() -> new NotFound("Channel", channelId));
    }

    /**
     * The channel, with its row and its influencer's locked until this transaction ends: batches for one
     * channel (or for channels of one creator, whose figures share the creator's reputation) run one after the
     * other, each computing its figures over everything committed before it. Answers 404 for an unknown channel.
     */
    private Channel lockedChannel(UUID channelId) {
        if (lockedChannels(Set.of(channelId)).isEmpty()) {
            throw new NotFound("Channel", channelId);
        }
        return channel(channelId);
    }

    /** Locks the rows of those channels that exist, with their influencers', in id order; answers their ids. */
    private Set<UUID> lockedChannels(Set<UUID> channelIds) {
        if (channelIds.isEmpty()) {
            return Set.of();
        }
        return session().doReturningWork(c -> {
            Set<UUID> found = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement(LOCK_CHANNELS)) {
                s.setArray(1, c.createArrayOf("uuid", channelIds.toArray()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(r.getObject(1, UUID.class));
                    }
                }
            }
            return found;
        });
    }

    // "No key update": it queues writers of the same rows, and lets new posts refer to the channels meanwhile. In id
    // order, so that two writers of overlapping sets queue rather than deadlock. Plain JDBC: a native query with a
    // result class gets a new entry in Hibernate's plan cache at every call.
    private static final String LOCK_CHANNELS = """
            select c.id from channel c join influencer i on i.id = c.influencer_id
             where c.id = any(?) order by c.id for no key update""";

    private Session session() {
        return em.unwrap(Session.class);
    }

    /** A post as stored, for telling a post sent again unchanged from one that moved. */
    private record StoredPost(Instant postedAt, String format, boolean sponsored, Long views, Long reach, long likes, long comments,
                              long saves, long shares, long linkClicks, long dms, long mentions, List<String> tags) {

        static StoredPost of(PostInput p) {
            return new StoredPost(p.postedAt().toInstant().truncatedTo(ChronoUnit.MICROS), p.format().name(),
                    Boolean.TRUE.equals(p.sponsored()), p.views(), p.reach(), p.likes(), p.comments(), orZero(p.saves()),
                    orZero(p.shares()), orZero(p.linkClicks()), orZero(p.dms()), orZero(p.mentions()),
                    p.tags() == null ? List.of() : p.tags().stream().distinct().toList());
        }

        static StoredPost read(ResultSet r) throws SQLException {
            PostSample sample = sample(r);
            return new StoredPost(sample.postedAt(), sample.format().name(), sample.sponsored(), sample.views(), sample.reach(),
                    sample.likes(), sample.comments(), sample.saves(), sample.shares(), sample.linkClicks(), sample.dms(),
                    sample.mentions(), List.of((String[]) r.getArray("tags").getArray()));
        }
    }

    private record PostKey(UUID channelId, String externalId) {
    }

    /**
     * @return by channel, created, updated and unchanged posts; a post sent again exactly as stored is not rewritten.
     * The stored posts are read in one query and the changed ones upserted in one batch, for all channels.
     */
    private static Map<UUID, int[]> upsertPosts(Connection c, Map<UUID, List<PostInput>> batches) throws SQLException {
        // One order for every batch, so two batches touching the same posts take their row locks alike.
        List<Map.Entry<UUID, PostInput>> sorted = new ArrayList<>();
        batches.forEach((channelId, posts) -> posts.forEach(p -> sorted.add(Map.entry(channelId, p))));
        sorted.sort(java.util.Comparator.<Map.Entry<UUID, PostInput>, UUID>comparing(Map.Entry::getKey)
                .thenComparing(e -> e.getValue().externalId()));
        Map<PostKey, StoredPost> existing = new HashMap<>();
        // post's unique (channel_id, external_id) index serves the look-up of each pair.
        try (PreparedStatement s = c.prepareStatement("""
                select p.* from unnest(cast(? as uuid[]), cast(? as varchar[])) as k(channel_id, external_id)
                  join post p on p.channel_id = k.channel_id and p.external_id = k.external_id""")) {
            s.setArray(1, c.createArrayOf("uuid", sorted.stream().map(Map.Entry::getKey).toArray()));
            s.setArray(2, c.createArrayOf("varchar", sorted.stream().map(e -> e.getValue().externalId()).toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    existing.put(new PostKey(r.getObject("channel_id", UUID.class), r.getString("external_id")), StoredPost.read(r));
                }
            }
        }
        Map<UUID, int[]> counts = new HashMap<>();
        batches.keySet().forEach(id -> counts.put(id, new int[3]));
        List<Map.Entry<UUID, PostInput>> changed = new ArrayList<>();
        for (Map.Entry<UUID, PostInput> post : sorted) {
            StoredPost stored = existing.get(new PostKey(post.getKey(), post.getValue().externalId()));
            int[] n = counts.get(post.getKey());
            if (StoredPost.of(post.getValue()).equals(stored)) {
                n[2]++;
            } else {
                changed.add(post);
                n[stored == null ? 0 : 1]++;
            }
        }
        if (changed.isEmpty()) {
            return counts;
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement s = c.prepareStatement("""
                insert into post (channel_id, external_id, posted_at, format, sponsored, views, reach, likes, comments, saves,
                                  shares, link_clicks, dms, mentions, tags, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (channel_id, external_id) do update set
                    posted_at = excluded.posted_at, format = excluded.format, sponsored = excluded.sponsored,
                    views = excluded.views, reach = excluded.reach, likes = excluded.likes, comments = excluded.comments,
                    saves = excluded.saves, shares = excluded.shares, link_clicks = excluded.link_clicks, dms = excluded.dms,
                    mentions = excluded.mentions, tags = excluded.tags, updated_at = excluded.updated_at""")) {
            for (Map.Entry<UUID, PostInput> post : changed) {
                PostInput p = post.getValue();
                s.setObject(1, post.getKey());
                s.setString(2, p.externalId());
                s.setTimestamp(3, Timestamp.from(p.postedAt().toInstant()));
                s.setString(4, p.format().name());
                s.setBoolean(5, Boolean.TRUE.equals(p.sponsored()));
                setNullableLong(s, 6, p.views());
                setNullableLong(s, 7, p.reach());
                s.setLong(8, p.likes());
                s.setLong(9, p.comments());
                s.setLong(10, orZero(p.saves()));
                s.setLong(11, orZero(p.shares()));
                s.setLong(12, orZero(p.linkClicks()));
                s.setLong(13, orZero(p.dms()));
                s.setLong(14, orZero(p.mentions()));
                s.setArray(15, c.createArrayOf("varchar", p.tags() == null ? new Object[0]
                        : p.tags().stream().distinct().toArray()));
                s.setTimestamp(16, now);
                s.setTimestamp(17, now);
                s.addBatch();
            }
            s.executeBatch();
        }
        return counts;
    }

    /** Each channel's newest posts in the window, newest first. */
    private static Map<UUID, List<PostSample>> windowPosts(Connection c, List<UUID> channelIds, Instant now, MetricsWindow window)
            throws SQLException {
        Map<UUID, List<PostSample>> posts = new HashMap<>();
        // post_channel_posted_idx: a range scan of each channel's newest posts.
        try (PreparedStatement s = c.prepareStatement("""
                select * from (select p.*, row_number() over (partition by p.channel_id order by p.posted_at desc) as newest
                                 from post p where p.channel_id = any(?) and p.posted_at >= ? and p.posted_at <= ?) w
                 where w.newest <= ? order by w.channel_id, w.newest""")) {
            s.setArray(1, c.createArrayOf("uuid", channelIds.toArray()));
            s.setTimestamp(2, Timestamp.from(now.minus(Duration.ofDays(window.days()))));
            s.setTimestamp(3, Timestamp.from(now));
            s.setInt(4, window.maxPosts());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    posts.computeIfAbsent(r.getObject("channel_id", UUID.class), k -> new ArrayList<>()).add(sample(r));
                }
            }
        }
        return posts;
    }

    /** Each channel's follower history that growth and jump detection look at, oldest first. */
    private static Map<UUID, List<FollowerPoint>> snapshots(Connection c, List<UUID> channelIds, Instant now) throws SQLException {
        Map<UUID, List<FollowerPoint>> points = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select channel_id, snapshot_date, followers from follower_snapshot "
                + "where channel_id = any(?) and snapshot_date >= ? order by channel_id, snapshot_date")) {
            s.setArray(1, c.createArrayOf("uuid", channelIds.toArray()));
            s.setObject(2, LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(SNAPSHOT_HISTORY_DAYS));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    points.computeIfAbsent(r.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new FollowerPoint(r.getObject(2, LocalDate.class), r.getLong(3)));
                }
            }
        }
        return points;
    }

    private static PostSample sample(ResultSet r) throws SQLException {
        long views = r.getLong("views");
        Long viewsOrNull = r.wasNull() ? null : views;
        long reach = r.getLong("reach");
        Long reachOrNull = r.wasNull() ? null : reach;
        return new PostSample(r.getTimestamp("posted_at").toInstant(), PostFormat.valueOf(r.getString("format")),
                r.getBoolean("sponsored"), viewsOrNull, reachOrNull, r.getLong("likes"), r.getLong("comments"),
                r.getLong("saves"), r.getLong("shares"), r.getLong("link_clicks"), r.getLong("dms"), r.getLong("mentions"));
    }

    private void store(Connection c, Map<UUID, Measured> measured) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into channel_metrics (channel_id, computed_at, window_start, window_end, posts_in_window, sample_too_small,
                                             engagement_rate, authenticity, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (channel_id) do update set
                    computed_at = excluded.computed_at, window_start = excluded.window_start, window_end = excluded.window_end,
                    posts_in_window = excluded.posts_in_window, sample_too_small = excluded.sample_too_small,
                    engagement_rate = excluded.engagement_rate, authenticity = excluded.authenticity, detail = excluded.detail""")) {
            for (Map.Entry<UUID, Measured> entry : measured.entrySet()) {
                StoredDetail detail = entry.getValue().detail();
                ChannelMetrics m = detail.metrics();
                s.setObject(1, entry.getKey());
                s.setObject(2, entry.getValue().computedAt());
                s.setTimestamp(3, Timestamp.from(m.windowStart()));
                s.setTimestamp(4, Timestamp.from(m.windowEnd()));
                s.setInt(5, m.postsInWindow());
                s.setBoolean(6, m.sampleTooSmall());
                if (m.engagementRate().value() == null) {
                    s.setNull(7, Types.DOUBLE);
                } else {
                    s.setDouble(7, m.engagementRate().value());
                }
                s.setInt(8, detail.authenticity().score());
                s.setString(9, json.writeValueAsString(detail));
                s.addBatch();
            }
            s.executeBatch();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record StoredRow(StoredDetail detail, OffsetDateTime computedAt) {
    }

    private StoredRow stored(Connection c, UUID channelId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select detail, computed_at from channel_metrics where channel_id = ?")) {
            s.setObject(1, channelId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                return new StoredRow(storage().readValue(r.getString(1), StoredDetail.class), r.getObject(2, OffsetDateTime.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private volatile ObjectMapper storage;

    /** Stored details carry derived members (e.g. Figure.known) that are not constructor arguments: ignore them on read. */
    private ObjectMapper storage() {
        if (storage == null) {
            storage = json.copy().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        }
        return storage;
    }

    private static void setNullableLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
