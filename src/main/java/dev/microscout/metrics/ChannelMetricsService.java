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
        int[] counts = session().doReturningWork(c -> upsertPosts(c, channelId, batch.posts()));
        // A batch that changes no post moves no figure: nobody is told, and the stored figures are answered.
        ChannelMetricsView metrics = counts[0] + counts[1] > 0 ? recompute(channel) : metrics(channelId);
        return new PostBatchResult(counts[0], counts[1], counts[2], metrics);
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
        long started = System.nanoTime();
        try {
            return recomputeNow(channel);
        } finally {
            recomputeTimer().record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private ChannelMetricsView recomputeNow(Channel channel) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        MetricsWindow window = config.window();
        List<PostSample> posts = session().doReturningWork(c -> windowPosts(c, channel.id, now, window));
        List<FollowerPoint> snapshots = session().doReturningWork(c -> snapshots(c, channel.id, now));
        ChannelMetrics metrics = calculator.compute(channel.followers, posts, snapshots, channel.influencer.ratePrice, window, now);
        PeerBaseline peers = baselines.of(channel.platform.name(), channel.tier.name());
        Authenticity authenticity = analyzer.analyze(AuthenticityInput.of(metrics, channel.following, snapshots,
                peers == null ? null : peers.medianEngagementRate()));
        StoredDetail detail = new StoredDetail(metrics, authenticity);
        OffsetDateTime computedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        session().doWork(c -> store(c, channel.id, detail, computedAt));
        return view(channel, detail, computedAt);
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
            Channel.<Channel>list("from Channel c join fetch c.influencer where c.id in ?1 order by c.id", tracked).stream()
                    .filter(Channel::isLive).forEach(this::measure);
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
        // Plain JDBC: a native query with a result class gets a new entry in Hibernate's plan cache at every call.
        boolean found = session().doReturningWork(c -> {
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
        Channel channel = channel(channelId);
        return channel;
    }

    // "no key update": it queues writers of the same rows, and lets new posts refer to the channel meanwhile.
    private static final String LOCK_CHANNEL = """
            select cast(c.id as text) from channel c join influencer i on i.id = c.influencer_id
             where c.id = ? for no key update""";

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

    /** @return created, updated and unchanged posts; a post sent again exactly as stored is not rewritten */
    private static int[] upsertPosts(Connection c, UUID channelId, List<PostInput> unordered) throws SQLException {
        // One order for every batch, so two batches touching the same posts take their row locks alike.
        List<PostInput> sorted = unordered.stream().sorted(java.util.Comparator.comparing(PostInput::externalId)).toList();
        Map<String, StoredPost> existing = new HashMap<>();
        // post's unique (channel_id, external_id) index serves the look-up.
        try (PreparedStatement s = c.prepareStatement("select * from post where channel_id = ? and external_id = any(?)")) {
            s.setObject(1, channelId);
            s.setArray(2, c.createArrayOf("varchar", sorted.stream().map(PostInput::externalId).toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    existing.put(r.getString("external_id"), StoredPost.read(r));
                }
            }
        }
        List<PostInput> posts = sorted.stream()
                .filter(p -> !StoredPost.of(p).equals(existing.get(p.externalId())))
                .toList();
        int updated = (int) posts.stream().map(PostInput::externalId).filter(existing::containsKey).count();
        int created = posts.size() - updated;
        int unchanged = sorted.size() - posts.size();
        if (posts.isEmpty()) {
            return new int[]{0, 0, unchanged};
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
            for (PostInput p : posts) {
                s.setObject(1, channelId);
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
        return new int[]{created, updated, unchanged};
    }

    private static List<PostSample> windowPosts(Connection c, UUID channelId, Instant now, MetricsWindow window) throws SQLException {
        List<PostSample> posts = new ArrayList<>();
        // post_channel_posted_idx: a range scan of the channel's newest posts.
        try (PreparedStatement s = c.prepareStatement("select * from post where channel_id = ? and posted_at >= ? and posted_at <= ? "
                + "order by posted_at desc limit ?")) {
            s.setObject(1, channelId);
            s.setTimestamp(2, Timestamp.from(now.minus(Duration.ofDays(window.days()))));
            s.setTimestamp(3, Timestamp.from(now));
            s.setInt(4, window.maxPosts());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    posts.add(sample(r));
                }
            }
        }
        return posts;
    }

    private static List<FollowerPoint> snapshots(Connection c, UUID channelId, Instant now) throws SQLException {
        List<FollowerPoint> points = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select snapshot_date, followers from follower_snapshot "
                + "where channel_id = ? and snapshot_date >= ? order by snapshot_date")) {
            s.setObject(1, channelId);
            s.setObject(2, LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(SNAPSHOT_HISTORY_DAYS));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    points.add(new FollowerPoint(r.getObject(1, LocalDate.class), r.getLong(2)));
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

    private void store(Connection c, UUID channelId, StoredDetail detail, OffsetDateTime computedAt) throws SQLException {
        ChannelMetrics m = detail.metrics();
        try (PreparedStatement s = c.prepareStatement("""
                insert into channel_metrics (channel_id, computed_at, window_start, window_end, posts_in_window, sample_too_small,
                                             engagement_rate, authenticity, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (channel_id) do update set
                    computed_at = excluded.computed_at, window_start = excluded.window_start, window_end = excluded.window_end,
                    posts_in_window = excluded.posts_in_window, sample_too_small = excluded.sample_too_small,
                    engagement_rate = excluded.engagement_rate, authenticity = excluded.authenticity, detail = excluded.detail""")) {
            s.setObject(1, channelId);
            s.setObject(2, computedAt);
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
            s.executeUpdate();
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
