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
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
    // A deleted influencer is not there: nothing is written about it until it is restored.
    private static final String LOCK_INFLUENCER =
            "select cast(id as text) from influencer where id = :id and deleted_at is null for no key update";

    // Served by review_influencer_idx.
    private static final String REVIEW_RATINGS = """
            select content_quality, professionalism, timeliness, communication from review where influencer_id = :id order by id""";

    // Served by channel_influencer_idx; channel_metrics is read by its primary key. No metrics row = no data yet.
    // A deleted channel no longer counts.
    private static final String CHANNEL_AUTHENTICITY = """
            select c.id, c.platform, c.handle, m.authenticity
            from channel c left join channel_metrics m on m.channel_id = c.id
            where c.influencer_id = :id and c.deleted_at is null
            order by c.created_at, c.id""";

    private static final String UPSERT = """
            insert into influencer_reputation
                (influencer_id, reputation, review_count, bayesian_mean, authenticity, penalty, detail, computed_at)
            values (:id, :reputation, :reviewCount, :bayesianMean, :authenticity, :penalty, cast(:detail as jsonb), :computedAt)
            on conflict (influencer_id) do update set
                reputation = excluded.reputation, review_count = excluded.review_count,
                bayesian_mean = excluded.bayesian_mean, authenticity = excluded.authenticity,
                penalty = excluded.penalty, detail = excluded.detail, computed_at = excluded.computed_at""";

    private static final String STORED = "select cast(detail as text) from influencer_reputation where influencer_id = :id";

    // Unresolved incidents that counted when the stored figure was computed but have left the 24-month window
    // since (one day of slack on the old window: recomputing one influencer too many is harmless).
    // Served by incident_unresolved_idx.
    private static final String AGED_OUT = """
            select distinct cast(i.influencer_id as text)
            from incident i join influencer_reputation r on r.influencer_id = i.influencer_id
                 join influencer x on x.id = i.influencer_id and x.deleted_at is null
            where not i.resolved
              and i.occurred_on < :windowStart
              and i.occurred_on >= cast(r.computed_at at time zone 'UTC' as date) - interval '24 months' - interval '1 day'
              and r.computed_at < :startOfToday""";

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
        ReputationView view = compute(influencerId, today);
        String detail;
        try {
            detail = json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the reputation breakdown", e);
        }
        em.createNativeQuery(UPSERT)
                .setParameter("id", influencerId)
                .setParameter("reputation", view.reputation())
                .setParameter("reviewCount", view.reviewCount())
                .setParameter("bayesianMean", view.bayesianMean())
                .setParameter("authenticity", view.authenticity())
                .setParameter("penalty", view.penalty())
                .setParameter("detail", detail)
                .setParameter("computedAt", view.computedAt())
                .executeUpdate();
        // The search read model carries the reputation: it follows in the same transaction.
        searchRows.fire(new ReputationChanged(influencerId));
        return view;
    }

    /**
     * The stored reputation with its breakdown. An influencer without a stored figure yet (nothing has
     * been written about it since it was created) gets one computed now, without storing it: a read writes nothing.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReputationView reputation(UUID influencerId) {
        requireInfluencer(influencerId);
        List<?> stored = em.createNativeQuery(STORED, String.class).setParameter("id", influencerId).getResultList();
        if (!stored.isEmpty()) {
            try {
                return storedDetail.readValue((String) stored.get(0));
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
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery(AGED_OUT, String.class)
                .setParameter("windowStart", today.minusMonths(ReputationScore.INCIDENT_WINDOW_MONTHS))
                .setParameter("startOfToday", today.atStartOfDay().atOffset(ZoneOffset.UTC))
                .getResultList();
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
        if (lockedIfLive(change.influencerId())) {
            store(change.influencerId(), today());
        } else {
            searchRows.fire(new ReputationChanged(change.influencerId()));
        }
    }

    /**
     * An operator purges a deleted influencer: its reviews and incidents go first (their keys restrict the delete,
     * so that nothing but this removes them); the stored reputation goes with the influencer row.
     */
    void onInfluencerPurged(@Observes InfluencerService.InfluencerPurged purge) {
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
        return !em.createNativeQuery(LOCK_INFLUENCER, String.class).setParameter("id", influencerId).getResultList().isEmpty();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private ReputationView compute(UUID influencerId, LocalDate today) {
        List<ReviewRatings> reviews = new ArrayList<>();
        for (Object row : em.createNativeQuery(REVIEW_RATINGS).setParameter("id", influencerId).getResultList()) {
            Object[] r = (Object[]) row;
            reviews.add(new ReviewRatings(rating(r[0]), rating(r[1]), rating(r[2]), rating(r[3])));
        }

        List<ReputationView.ChannelAuthenticityView> channelViews = new ArrayList<>();
        List<ChannelAuthenticity> channels = new ArrayList<>();
        for (Object row : em.createNativeQuery(CHANNEL_AUTHENTICITY).setParameter("id", influencerId).getResultList()) {
            Object[] c = (Object[]) row;
            UUID channelId = (UUID) c[0];
            Platform platform = Platform.valueOf((String) c[1]);
            String handle = (String) c[2];
            Double authenticity = c[3] == null ? null : ((Number) c[3]).doubleValue();
            channelViews.add(new ReputationView.ChannelAuthenticityView(channelId, platform, handle, authenticity));
            channels.add(new ChannelAuthenticity(channelId, platform.displayName() + " @" + handle, authenticity));
        }

        // A fixed order keeps the penalties and reasons of two computations over the same data alike.
        List<IncidentFact> incidents = Incident.<Incident>list("influencerId",
                        Sort.descending("occurredOn").and("id"), influencerId).stream()
                .map(Incident::fact).toList();

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

    private static int rating(Object value) {
        return ((Number) value).intValue();
    }
}
