package dev.microscout.reputation;

import java.util.UUID;

/**
 * The third step of catalogue → metrics → reputation → search read model: a creator's reputation was stored, or
 * the creator was deleted and has none to store. Fired once per write, synchronously inside its transaction; the
 * search read model observes it and rewrites the creator's rows.
 */
public record ReputationChanged(UUID influencerId) {
}
