package dev.microscout.tier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Classifies a follower count and records the change when a channel's tier moves. */
@ApplicationScoped
public class TierTracker {

    @Inject
    TierPolicy policy;

    /**
     * @param current the channel's tier before the change, null for a new channel
     * @return the tier for {@code followers}; a history row is written when it differs from {@code current}
     */
    public Tier track(UUID channelId, UUID influencerId, Tier current, long followers, OffsetDateTime at) {
        Tier next = policy.classify(followers);
        if (next != current) {
            TierChange change = new TierChange();
            change.channelId = channelId;
            change.influencerId = influencerId;
            change.fromTier = current;
            change.toTier = next;
            change.followers = followers;
            change.changedAt = at;
            change.persist();
        }
        return next;
    }
}
