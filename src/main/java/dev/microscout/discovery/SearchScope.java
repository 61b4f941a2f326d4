package dev.microscout.discovery;

import java.util.Set;
import java.util.UUID;

/**
 * Which creators a brief ranks, besides its own filters: a campaign's recommendations leave out the creators already
 * on its shortlist, and a shortlisting ranks the brief for the one creator shortlisted, to keep the score it had.
 *
 * @param only     when not empty, the only creators ranked
 * @param excluded creators left out
 */
public record SearchScope(Set<UUID> only, Set<UUID> excluded) {

    public static final SearchScope ALL = new SearchScope(Set.of(), Set.of());

    public SearchScope {
        only = Set.copyOf(only);
        excluded = Set.copyOf(excluded);
    }

    public static SearchScope only(UUID influencerId) {
        return new SearchScope(Set.of(influencerId), Set.of());
    }

    public static SearchScope excluding(Set<UUID> influencerIds) {
        return new SearchScope(Set.of(), influencerIds);
    }
}
