package dev.microscout.influencer;

import java.util.Set;
import java.util.UUID;

/**
 * The first step of the one way a change travels: catalogue → metrics → reputation → search read model. Fired once
 * per catalogue write, or once per chunk of a bulk write ({@link dev.microscout.common.PropagationUnit}),
 * synchronously inside its transaction; the metrics feature observes it, recomputes what the writes touched and tells
 * the next step. Nothing later in the chain calls back into the catalogue.
 *
 * @param influencerIds     the creators written
 * @param channelsToMeasure channels whose figures the writes may move (followers, following, the rate card), recomputed
 *                          where they already have figures; empty when only the set of channels or the profile text moved
 */
public record CatalogueChanged(Set<UUID> influencerIds, Set<UUID> channelsToMeasure) {
}
