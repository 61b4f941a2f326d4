package dev.microscout.reputation;

import java.util.Set;
import java.util.UUID;

/**
 * The third step of catalogue → metrics → reputation → search read model: creators' reputations were stored, or
 * the creators were deleted and have none to store. Fired once per write, or once per chunk of a bulk write,
 * synchronously inside its transaction; the search read model observes it and rewrites the creators' rows.
 *
 * @param influencerIds the creators concerned
 */
public record ReputationChanged(Set<UUID> influencerIds) {
}
