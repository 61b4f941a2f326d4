package dev.microscout.influencer;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The channels' key figures, for the catalogue's reads. The metrics feature implements it: the catalogue shows the
 * figures without depending on the step after it.
 */
public interface ChannelFigures {

    /** Summaries of the channels that have figures, by channel id; one query for all of them. */
    Map<UUID, ChannelMetricsSummary> summaries(List<Channel> channels);
}
