package dev.microscout.reputation;

import dev.microscout.common.Conflict;
import dev.microscout.common.NotFound;
import dev.microscout.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/** Brands' reviews of influencers; each write recomputes the influencer's reputation in the same transaction. */
@ApplicationScoped
public class ReviewService {

    private static final Sort NEWEST_FIRST = Sort.descending("reviewedOn").and("createdAt", Sort.Direction.Descending)
            .and("id", Sort.Direction.Descending);

    @Inject
    ReputationService reputation;
    @Inject
    Caller caller;
    @Inject
    jakarta.enterprise.inject.Instance<CampaignReviews> campaignReviews;

    /** A review by {@code organisationId}; one per organisation, influencer and campaign (409 naming the existing one). */
    @Transactional
    public ReviewView create(UUID organisationId, UUID influencerId, ReviewCreate body) {
        if (body.campaignId() != null && campaignReviews.isResolvable()) {
            campaignReviews.get().requireReviewable(body.campaignId(), influencerId);
        }
        // Taken first, so the duplicate check below cannot race another review of this influencer.
        reputation.lock(influencerId);
        Review existing = Review.<Review>find(body.campaignId() == null
                        ? "organisationId = ?1 and influencerId = ?2 and campaignId is null"
                        : "organisationId = ?1 and influencerId = ?2 and campaignId = ?3",
                body.campaignId() == null ? new Object[]{organisationId, influencerId}
                        : new Object[]{organisationId, influencerId, body.campaignId()})
                .firstResult();
        if (existing != null) {
            throw duplicate(existing.id, body.campaignId());
        }
        Review review = new Review();
        review.id = UUID.randomUUID();
        review.organisationId = organisationId;
        review.influencerId = influencerId;
        review.campaignId = body.campaignId();
        review.contentQuality = body.contentQuality().shortValue();
        review.professionalism = body.professionalism().shortValue();
        review.timeliness = body.timeliness().shortValue();
        review.communication = body.communication().shortValue();
        review.text = body.text() == null || body.text().isBlank() ? null : body.text();
        review.reviewedOn = body.reviewedOn() == null ? ReputationService.today() : body.reviewedOn();
        review.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        review.persist();
        try {
            Review.flush();
        } catch (PersistenceException e) {
            // Only a writer that skipped the lock could get here; the unique index still keeps one review.
            if (isConstraint(e, "review_once_uq")) {
                throw new Conflict("Another request wrote the same review at the same time", "campaignId", Map.of());
            }
            throw e;
        }
        reputation.recompute(influencerId);
        return toView(review);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReviewView get(UUID influencerId, UUID reviewId) {
        reputation.requireInfluencer(influencerId);
        Review review = Review.findById(reviewId);
        if (review == null || !review.influencerId.equals(influencerId)) {
            throw new NotFound("Review", reviewId);
        }
        return toView(review);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReviewPage list(UUID influencerId, int page, int size) {
        reputation.requireInfluencer(influencerId);
        PanacheQuery<Review> query = Review.find("influencerId", NEWEST_FIRST, influencerId);
        long total = query.count();
        return new ReviewPage(query.page(Page.of(page, size)).list().stream().map(this::toView).toList(),
                page, size, total);
    }

    private static Conflict duplicate(UUID existingId, UUID campaignId) {
        String what = campaignId == null ? "without a campaign" : "of campaign " + campaignId;
        return new Conflict("Your organisation has already reviewed this influencer " + what + ": review " + existingId
                + "; give another campaignId for another collaboration", "campaignId", Map.of("existingReviewId", existingId));
    }

    static boolean isConstraint(Throwable e, String name) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve && name.equals(cve.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    /** The writer and its campaign are the writing organisation's business: shown to it alone. */
    private ReviewView toView(Review r) {
        boolean own = r.organisationId.equals(caller.organisationId());
        return new ReviewView(r.id, r.influencerId, own, own ? r.organisationId : null, own ? r.campaignId : null,
                r.contentQuality, r.professionalism,
                r.timeliness, r.communication, r.ratings().mean(), r.text, r.reviewedOn, r.createdAt);
    }
}
