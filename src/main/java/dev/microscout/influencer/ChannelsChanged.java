package dev.microscout.influencer;

import java.util.UUID;

/**
 * Fired synchronously, inside the writing transaction, when an influencer's set of channels or a channel's
 * platform or handle changes, so that figures derived from the channels (the reputation) follow at once.
 */
public record ChannelsChanged(UUID influencerId) {
}
