package dev.microscout.metrics;

import java.util.UUID;

/**
 * The second step of catalogue → metrics → reputation → search read model: a creator's channel figures were
 * stored (or its channels changed without figures to recompute). Fired once per write, synchronously inside its
 * transaction; the reputation observes it.
 */
public record MetricsChanged(UUID influencerId) {
}
