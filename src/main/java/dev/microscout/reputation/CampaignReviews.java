package dev.microscout.reputation;

import java.util.UUID;

/**
 * The rule for a review tied to one of the organisation's campaigns, kept by the campaign feature: the campaign is
 * DONE and the creator was contracted on it. Reputation asks it and knows nothing else of campaigns.
 */
public interface CampaignReviews {

    /** Throws the API's error (409) when the review may not be written. */
    void requireReviewable(UUID campaignId, UUID influencerId);
}
