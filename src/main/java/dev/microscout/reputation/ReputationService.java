package dev.microscout.reputation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.microscout.common.NotFound;
import dev.microscout.metrics.MetricsChanged;
import dev.microscout.influencer.Influencer;
import dev.microscout.influencer.InfluencerService;
import dev.microscout.influencer.Platform;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.UUID;

/**
 * The stored reputation of each influencer: {@link ReputationScore} over its reviews, its channels'
 * authenticity and its incidents, written to influencer_reputation with the whole breakdown. Every write
 * that changes one of those inputs calls {@link #recompute(UUID)} in its own transaction; catalogue and metrics
 * writes arrive as {@link MetricsChanged}. Each recomputation tells the search read model with {@link ReputationChanged}.
 */
@ApplicationScoped
public class ReputationService {

    private static final Logger LOG = Logger.getLogger(ReputationService.class);

    // Writers of one influencer's reputation queue here, so each recomputation reads what the previous one
    // committed and the last to store has seen every review. NO KEY UPDATE, not UPDATE: the foreign keys of
    // concurrent review inserts hold KEY SHARE on the row, which UPDATE would wait on (and deadlock with).
    // A deleted influencer is not there: nothing is written about it until it is restored. Several creators are
    // locked in id order, so that two writers of overlapping sets queue rather than deadlock.
    private static final String LOCK_INFLUENCERS =
            "select id from influencer where id = any(?) and deleted_at is null order by id for no key update";

    // Served by review_influencer_idx.
    private static final String REVIEW_RATINGS = """
            select influencer_id, content_quality, professionalism, timeliness, communication
              from review where influencer_id = any(?) order by influencer_id, id""";

    // Served by channel_influencer_idx; channel_metrics is read by its primary key. No metrics row = no data yet.
    // A deleted channel no longer counts.
    private static final String CHANNEL_AUTHENTICITY = """
            select c.influencer_id, c.id, c.platform, c.handle, m.authenticity
            from channel c left join channel_metrics m on m.channel_id = c.id
            where c.influencer_id = any(?) and c.deleted_at is null
            order by c.influencer_id, c.created_at, c.id""";

    private static final String UPSERT = """
            insert into influencer_reputation
                (influencer_id, reputation, review_count, bayesian_mean, authenticity, penalty, detail, computed_at)
            values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
            on conflict (influencer_id) do update set
                reputation = excluded.reputation, review_count = excluded.review_count,
                bayesian_mean = excluded.bayesian_mean, authenticity = excluded.authenticity,
                penalty = excluded.penalty, detail = excluded.detail, computed_at = excluded.computed_at""";

    private static final String STORED = "select cast(detail as text) from influencer_reputation where influencer_id = ?";

    private static final String STORED_OF = "select influencer_id from influencer_reputation where influencer_id = any(?)";

    private static final String COPY_NEW = """
            copy influencer_reputation
                (influencer_id, reputation, review_count, bayesian_mean, authenticity, penalty, detail, computed_at)""";

    // Unresolved incidents that counted when the stored figure was computed but have left the 24-month window
    // since (one day of slack on the old window: recomputing one influencer too many is harmless).
    // Served by incident_unresolved_idx.
    private static final String AGED_OUT = """
            select distinct cast(i.influencer_id as text)
            from incident i join influencer_reputation r on r.influencer_id = i.influencer_id
                 join influencer x on x.id = i.influencer_id and x.deleted_at is null
            where not i.resolved
              and i.occurred_on < ?
              and i.occurred_on >= cast(r.computed_at at time zone 'UTC' as date) - interval '24 months' - interval '1 day'
              and r.computed_at < ?""";

    @Inject
    dev.microscout.platform.ScheduledOnce once;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    jakarta.enterprise.event.Event<ReputationChanged> searchRows;

    private ObjectReader storedDetail;

    @PostConstruct
    void init() {
        // A breakdown stored by an older version may carry a field this one no longer has.
        storedDetail = json.readerFor(ReputationView.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Recomputes and stores the reputation of an influencer from its reviews, incidents and channels'
     * authenticity, as of today (UTC). Call it after any change of those, in the transaction of the change.
     *
     * @throws NotFound when the influencer does not exist
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public ReputationView recompute(UUID influencerId) {
        return recompute(influencerId, today());
    }

    /** {@link #recompute(UUID)} as of another day: the 24-month incident window ends on {@code today}. */
    @Transactional(Transactional.TxType.REQUIRED)
    public ReputationView recompute(UUID influencerId, LocalDate today) {
        // The native queries below must see this transaction's pending writes (a new influencer's row included).
        em.flush();
        lock(influencerId);
        return store(influencerId, today);
    }

    /** Computes and stores the reputation of an influencer this transaction has locked, and tells the search rows. */
    private ReputationView store(UUID influencerId, LocalDate today) {
        ReputationView view = storeAll(List.of(influencerId), today).get(0);
        searchRows.fire(new ReputationChanged(Set.of(influencerId)));
        return view;
    }

    /**
     * Computes and stores the reputations of influencers this transaction has locked. Those without a stored figure
     * (new creators: a whole import chunk of them) are written by one COPY; the others are upserted in one round trip.
     * The locks keep any other writer of these rows out until this transaction ends.
     */
    private List<ReputationView> storeAll(List<UUID> influencerIds, LocalDate today) {
        List<ReputationView> views = computeAll(influencerIds, today);
        em.unwrap(Session.class).doWork(c -> {
            Set<UUID> stored = new java.util.HashSet<>();
            try (PreparedStatement q = c.prepareStatement(STORED_OF)) {
                q.setArray(1, c.createArrayOf("uuid", views.stream().map(ReputationView::influencerId).toArray()));
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        stored.add(r.getObject(1, UUID.class));
                    }
                }
            }
            dev.microscout.common.sql.CopyRows fresh = new dev.microscout.common.sql.CopyRows();
            for (ReputationView view : views) {
                if (!stored.contains(view.influencerId())) {
                    fresh.value(view.influencerId()).value(view.reputation()).value(view.reviewCount())
                            .value(view.bayesianMean()).value(view.authenticity()).value(view.penalty())
                            .text(detail(view)).value(view.computedAt()).end();
                }
            }
            fresh.copyInto(c, COPY_NEW);
            try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
                for (ReputationView view : views) {
                    if (!stored.contains(view.influencerId())) {
                        continue;
                    }
                    upsert.setObject(1, view.influencerId());
                    upsert.setDouble(2, view.reputation());
                    upsert.setInt(3, view.reviewCount());
                    upsert.setDouble(4, view.bayesianMean());
                    upsert.setDouble(5, view.authenticity());
                    upsert.setDouble(6, view.penalty());
                    upsert.setString(7, detail(view));
                    upsert.setObject(8, view.computedAt());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
        return views;
    }

    private String detail(ReputationView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the reputation breakdown", e);
        }
    }

    /**
     * The stored reputation with its breakdown. An influencer without a stored figure yet (nothing has
     * been written about it since it was created) gets one computed now, without storing it: a read writes nothing.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReputationView reputation(UUID influencerId) {
        requireInfluencer(influencerId);
        // Plain JDBC: a native query with a result class gets a new entry in Hibernate's plan cache at every call.
        String stored = em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(STORED)) {
                s.setObject(1, influencerId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
        if (stored != null) {
            try {
                return storedDetail.readValue(stored);
            } catch (JsonProcessingException e) {
                LOG.warnf(e, "Stored reputation of %s is unreadable; computing it afresh", influencerId);
            }
        }
        return compute(influencerId, today());
    }

    /**
     * Recomputes the influencers whose stored figure still counts an incident that has aged out of the
     * 24-month window by {@code today}. Time alone changes those figures; no write would trigger it.
     *
     * @return how many influencers were recomputed
     */
    @ActivateRequestContext
    public int refreshAgedOut(LocalDate today) {
        List<String> ids = em.unwrap(Session.class).doReturningWork(c -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(AGED_OUT)) {
                s.setObject(1, today.minusMonths(ReputationScore.INCIDENT_WINDOW_MONTHS));
                s.setObject(2, today.atStartOfDay().atOffset(ZoneOffset.UTC));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(r.getString(1));
                    }
                }
            }
            return found;
        });
        int refreshed = 0;
        for (String id : ids) {
            // One transaction each: one influencer's failure must not keep the others stale.
            try {
                recompute(UUID.fromString(id), today);
                refreshed++;
            } catch (NotFound deletedMeanwhile) {
                // The influencer went away between the query and its recomputation: nothing to refresh.
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not recompute the reputation of influencer %s", id);
            }
        }
        return refreshed;
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshAgedOutHourly() {
        if (!once.claim("reputation.aged-out-incidents", java.time.Duration.ofHours(1))) {
            return;
        }
        int refreshed = refreshAgedOut(today());
        if (refreshed > 0) {
            LOG.infof("Recomputed the reputation of %d influencers whose incidents left the 24-month window", refreshed);
        }
    }

    /**
     * The step before arrives: a creator's channels or their figures moved, so the lowest authenticity and the reasons
     * may too. A deleted creator has no reputation to store; the search read model is told all the same, and drops it.
     */
    void onMetricsChanged(@Observes MetricsChanged change) {
        em.flush();
        storeAll(lockedLive(change.influencerIds()), today());
        // The search read model carries the reputation: it follows in the same transaction, once for all.
        searchRows.fire(new ReputationChanged(change.influencerIds()));
    }

    /**
     * An operator purges a deleted influencer: its reviews and incidents go first (their keys restrict the delete,
     * so that nothing but this removes them), and the stored reputation, which has no key to cascade from (V22).
     */
    void onInfluencerPurged(@Observes InfluencerService.InfluencerPurged purge) {
        em.createNativeQuery("delete from influencer_reputation where influencer_id = :id").setParameter("id", purge.influencerId()).executeUpdate();
        em.createNativeQuery("delete from review where influencer_id = :id").setParameter("id", purge.influencerId()).executeUpdate();
        em.createNativeQuery("delete from incident where influencer_id = :id").setParameter("id", purge.influencerId()).executeUpdate();
    }

    /** Answers 404 for an unknown or deleted influencer. */
    void requireInfluencer(UUID influencerId) {
        if (Influencer.count("id = ?1 and deletion.at is null", influencerId) == 0) {
            throw new NotFound("Influencer", influencerId);
        }
    }

    /** Answers 404 for an unknown influencer; otherwise queues this transaction behind other writers of it. */
    void lock(UUID influencerId) {
        if (!lockedIfLive(influencerId)) {
            throw new NotFound("Influencer", influencerId);
        }
    }

    /** Locks a live influencer's row for this transaction; false when it is unknown or deleted. */
    private boolean lockedIfLive(UUID influencerId) {
        return !lockedLive(Set.of(influencerId)).isEmpty();
    }

    /** Locks the rows of those of the influencers that are live, in id order, for this transaction; answers them. */
    private List<UUID> lockedLive(java.util.Collection<UUID> influencerIds) {
        if (influencerIds.isEmpty()) {
            return List.of();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<UUID> live = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(LOCK_INFLUENCERS)) {
                s.setArray(1, c.createArrayOf("uuid", influencerIds.toArray()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        live.add(r.getObject(1, UUID.class));
                    }
                }
            }
            return live;
        });
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private ReputationView compute(UUID influencerId, LocalDate today) {
        return computeAll(List.of(influencerId), today).get(0);
    }

    /** The reputations of the influencers, in their order, read in one query per input for all of them. */
    private List<ReputationView> computeAll(List<UUID> influencerIds, LocalDate today) {
        if (influencerIds.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<ReviewRatings>> reviews = new HashMap<>();
        Map<UUID, List<ReputationView.ChannelAuthenticityView>> channelViews = new HashMap<>();
        Map<UUID, List<ChannelAuthenticity>> channels = new HashMap<>();
        em.unwrap(Session.class).doWork(c -> {
            java.sql.Array ids = c.createArrayOf("uuid", influencerIds.toArray());
            try (PreparedStatement s = c.prepareStatement(REVIEW_RATINGS)) {
                s.setArray(1, ids);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        reviews.computeIfAbsent(r.getObject(1, UUID.class), k -> new ArrayList<>())
                                .add(new ReviewRatings(r.getInt(2), r.getInt(3), r.getInt(4), r.getInt(5)));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(CHANNEL_AUTHENTICITY)) {
                s.setArray(1, ids);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        UUID influencerId = r.getObject(1, UUID.class);
                        UUID channelId = r.getObject(2, UUID.class);
                        Platform platform = Platform.valueOf(r.getString(3));
                        String handle = r.getString(4);
                        double value = r.getDouble(5);
                        Double authenticity = r.wasNull() ? null : value;
                        channelViews.computeIfAbsent(influencerId, k -> new ArrayList<>())
                                .add(new ReputationView.ChannelAuthenticityView(channelId, platform, handle, authenticity));
                        channels.computeIfAbsent(influencerId, k -> new ArrayList<>())
                                .add(new ChannelAuthenticity(channelId, platform.displayName() + " @" + handle, authenticity));
                    }
                }
            }
        });
        // A fixed order keeps the penalties and reasons of two computations over the same data alike.
        Map<UUID, List<IncidentFact>> incidents = new HashMap<>();
        Incident.<Incident>list("influencerId in ?1", Sort.descending("occurredOn").and("id"), influencerIds)
                .forEach(i -> incidents.computeIfAbsent(i.influencerId, k -> new ArrayList<>()).add(i.fact()));
        List<ReputationView> views = new ArrayList<>(influencerIds.size());
        for (UUID influencerId : influencerIds) {
            views.add(view(influencerId, reviews.getOrDefault(influencerId, List.of()),
                    channelViews.getOrDefault(influencerId, List.of()), channels.getOrDefault(influencerId, List.of()),
                    incidents.getOrDefault(influencerId, List.of()), today));
        }
        return views;
    }

    private static ReputationView view(UUID influencerId, List<ReviewRatings> reviews,
                                       List<ReputationView.ChannelAuthenticityView> channelViews,
                                       List<ChannelAuthenticity> channels, List<IncidentFact> incidents, LocalDate today) {
        ReputationBreakdown breakdown = ReputationScore.compute(reviews, channels, incidents, today);
        ReputationView.ChannelAuthenticityView source = breakdown.authenticityChannel() == null ? null
                : channelViews.stream().filter(c -> c.channelId().equals(breakdown.authenticityChannel().channelId()))
                        .findFirst().orElseThrow();
        List<ReputationView.PenaltyView> penalties = breakdown.penalties().stream()
                .map(p -> new ReputationView.PenaltyView(p.incident().id(), p.incident().kind(), p.incident().severity(),
                        p.incident().occurredOn(), p.penalty()))
                .toList();
        return new ReputationView(influencerId, breakdown.reputation(), breakdown.reviewCount(), breakdown.averageRating(),
                ReputationScore.PRIOR_MEAN, ReputationScore.PRIOR_WEIGHT, breakdown.bayesianMean(), breakdown.bayesianScore(),
                breakdown.authenticity(), source, breakdown.authenticityFactor(), List.copyOf(channelViews),
                today.minusMonths(ReputationScore.INCIDENT_WINDOW_MONTHS), penalties, breakdown.penalty(), breakdown.reasons(),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
    }

}
