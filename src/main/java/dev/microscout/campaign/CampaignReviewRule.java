package dev.microscout.campaign;

import dev.microscout.common.Conflict;
import dev.microscout.reputation.CampaignReviews;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;

/**
 * A review tied to one of the caller's campaigns: the campaign is DONE and the creator was contracted on it (once:
 * the review's own rule). An id that names none of the caller's campaigns stays what it was before campaigns
 * existed, the brand's own reference to a collaboration arranged elsewhere.
 */
@ApplicationScoped
class CampaignReviewRule implements CampaignReviews {

    @Override
    public void requireReviewable(UUID campaignId, UUID influencerId) {
        // A query, not a load by id: the tenant filter applies to it, so another organisation's campaign is no campaign here.
        Campaign campaign = Campaign.<Campaign>find("id", campaignId).firstResult();
        if (campaign == null) {
            return;
        }
        if (campaign.status != CampaignStatus.DONE) {
            throw new Conflict("Campaign " + campaignId + " is " + campaign.status + ": its creators are reviewed once it is DONE",
                    "campaignId", Map.of("currentStatus", campaign.status.name()));
        }
        ShortlistEntry entry = ShortlistEntry.findById(new ShortlistEntry.Key(campaignId, influencerId));
        if (entry == null || entry.status != ShortlistStatus.CONTRACTED) {
            throw new Conflict("Influencer " + influencerId + " was not contracted on campaign " + campaignId
                    + ": a campaign's reviews are of the creators it contracted", "campaignId", Map.of());
        }
    }
}
