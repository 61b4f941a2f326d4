package dev.microscout.support;

import dev.microscout.influencer.CatalogueChanged;
import dev.microscout.metrics.MetricsChanged;
import dev.microscout.reputation.ReputationChanged;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records, per creator, the steps of the write path in the order they were announced (tests of the one-way flow):
 * its observers run before any other, so a step is recorded before the steps it sets off.
 */
@ApplicationScoped
public class ChainRecorder {

    private final Map<UUID, List<String>> steps = new ConcurrentHashMap<>();

    /** Every announcement, as the step and the creators it named, in order. */
    private final List<Map.Entry<String, Set<UUID>>> events = new CopyOnWriteArrayList<>();

    void catalogue(@Observes @Priority(1) CatalogueChanged change) {
        announce("catalogue", change.influencerIds());
    }

    void metrics(@Observes @Priority(1) MetricsChanged change) {
        announce("metrics", change.influencerIds());
    }

    void reputation(@Observes @Priority(1) ReputationChanged change) {
        announce("reputation", change.influencerIds());
    }

    private void announce(String step, Set<UUID> influencers) {
        events.add(Map.entry(step, Set.copyOf(influencers)));
        influencers.forEach(id -> record(id, step));
    }

    /** The announcements that named any of the creators, as (step, creators named), in order. */
    public List<Map.Entry<String, Set<UUID>>> announcementsNaming(Set<UUID> influencers) {
        return events.stream().filter(e -> e.getValue().stream().anyMatch(influencers::contains)).toList();
    }

    private void record(UUID influencer, String step) {
        steps.computeIfAbsent(influencer, id -> new CopyOnWriteArrayList<>()).add(step);
    }

    /** The steps recorded for a creator since the last call, and forgets them. */
    public List<String> take(UUID influencer) {
        List<String> taken = steps.remove(influencer);
        return taken == null ? List.of() : List.copyOf(taken);
    }
}
