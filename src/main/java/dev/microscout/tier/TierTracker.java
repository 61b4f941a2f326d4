package dev.microscout.tier;

import dev.microscout.webhook.WebhookEventType;
import dev.microscout.webhook.WebhookOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Classifies a follower count and records the change when a channel's tier moves; a move of an existing channel is
 * also announced to webhook receivers (channel.tier_changed), in the same transaction.
 */
@ApplicationScoped
public class TierTracker {

    @Inject
    TierPolicy policy;
    @Inject
    WebhookOutbox webhooks;

    /** The data of a channel.tier_changed event. */
    public record TierChanged(UUID channelId, UUID influencerId, Tier fromTier, Tier toTier, long followers,
                              OffsetDateTime changedAt) {
    }

    /**
     * The first tier of a new channel and its history row, not yet stored: the creator's bulk write stores the rows
     * of all its new channels at once. Nothing moved, so nothing is announced.
     */
    public TierChange opening(UUID channelId, UUID influencerId, long followers, OffsetDateTime at) {
        return change(channelId, influencerId, null, policy.classify(followers), followers, at);
    }

    /**
     * @param current the channel's tier before the change, null for a new channel
     * @return the tier for {@code followers}; a history row is written when it differs from {@code current}
     */
    public Tier track(UUID channelId, UUID influencerId, Tier current, long followers, OffsetDateTime at) {
        Tier next = policy.classify(followers);
        if (next != current) {
            change(channelId, influencerId, current, next, followers, at).persist();
            if (current != null) {
                webhooks.publish(WebhookEventType.CHANNEL_TIER_CHANGED.type(), null,
                        new TierChanged(channelId, influencerId, current, next, followers, at));
            }
        }
        return next;
    }

    private static TierChange change(UUID channelId, UUID influencerId, Tier from, Tier to, long followers, OffsetDateTime at) {
        TierChange change = new TierChange();
        change.channelId = channelId;
        change.influencerId = influencerId;
        change.fromTier = from;
        change.toTier = to;
        change.followers = followers;
        change.changedAt = at;
        return change;
    }
}
