package dev.microscout.reputation;

import java.util.UUID;

/**
 * One channel's authenticity (0–100) for the reputation of its influencer.
 *
 * @param label how reasons name the channel, e.g. "Instagram @sari.glow"
 * @param authenticity null while the channel has no data to judge it
 */
public record ChannelAuthenticity(UUID channelId, String label, Double authenticity) {

    public ChannelAuthenticity {
        if (authenticity != null && !(authenticity >= 0 && authenticity <= 100)) {
            throw new IllegalArgumentException("authenticity must be between 0 and 100, got " + authenticity);
        }
    }
}
