package dev.microscout.metrics;

import java.util.Set;
import java.util.UUID;

/**
 * The second step of catalogue → metrics → reputation → search read model: creators' channel figures were
 * stored (or their channels changed without figures to recompute). Fired once per write, or once per chunk of a
 * bulk write ({@link dev.microscout.common.PropagationUnit}), synchronously inside its transaction; the reputation
 * observes it.
 *
 * @param influencerIds the creators concerned
 */
public record MetricsChanged(Set<UUID> influencerIds) {
}
