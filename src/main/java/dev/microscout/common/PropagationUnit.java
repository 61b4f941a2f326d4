package dev.microscout.common;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The span over which a step of the write path (catalogue → metrics → reputation → search read model) tells the next
 * one. Outside a unit, a write tells the next step at once: an API call is a unit of one write. Inside {@link #run},
 * as a bulk writer opens it for one chunk of lines, each step gathers the creators and channels its writes touched
 * and tells the next step once, for all of them, when the unit ends, so the later steps run set-wise, once per chunk.
 * <p>
 * Bound to the thread that runs the writes (the thread of their transaction). The next steps run when the writes
 * have returned, still inside that transaction; writes that throw tell nobody, since their transaction rolls back.
 */
public final class PropagationUnit {

    private static final ThreadLocal<PropagationUnit> CURRENT = new ThreadLocal<>();

    private record Gathered(Set<UUID> influencers, Set<UUID> channels, BiConsumer<Set<UUID>, Set<UUID>> tell) {
    }

    /** By step, in the order the steps first gathered: a step earlier in the chain tells first. */
    private final Map<String, Gathered> gathered = new LinkedHashMap<>();

    private PropagationUnit() {
    }

    /** Runs the writes as one unit (inside a unit already open they join it), then tells each step's next one once. */
    public static <T> T run(Supplier<T> writes) {
        if (CURRENT.get() != null) {
            return writes.get();
        }
        PropagationUnit unit = new PropagationUnit();
        CURRENT.set(unit);
        T result;
        try {
            result = writes.get();
        } finally {
            CURRENT.remove();
        }
        // The unit is closed: what these calls set off runs at once, each later step once for the whole set.
        unit.gathered.values().forEach(g -> g.tell().accept(Set.copyOf(g.influencers()), Set.copyOf(g.channels())));
        return result;
    }

    /**
     * A step tells the next one what a write touched: at once outside a unit; at the unit's end inside one, together
     * with what the step's other writes in the unit touched.
     *
     * @param step        the step telling (one gathering per step)
     * @param influencers the creators touched
     * @param channels    the channels touched in a way the next step must look at (may be empty)
     * @param tell        tells the next step, given all the creators and channels gathered
     */
    public static void tell(String step, Collection<UUID> influencers, Collection<UUID> channels,
                            BiConsumer<Set<UUID>, Set<UUID>> tell) {
        PropagationUnit unit = CURRENT.get();
        if (unit == null) {
            tell.accept(Set.copyOf(influencers), Set.copyOf(channels));
            return;
        }
        Gathered g = unit.gathered.computeIfAbsent(step, s -> new Gathered(new LinkedHashSet<>(), new LinkedHashSet<>(), tell));
        g.influencers().addAll(influencers);
        g.channels().addAll(channels);
    }
}
