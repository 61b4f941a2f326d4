package dev.microscout.niche;

import dev.microscout.common.Decimals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How well a creator's niches match a brief's: the cosine similarity of the two niche vectors after
 * expansion over the taxonomy. Expansion gives partial credit to relatives: every niche also adds
 * half its weight to its parent and a quarter to its grandparent, so a skincare brief still finds a
 * makeup creator a little relevant (both carry some "beauty"), while an unrelated tree scores 0.
 *
 * <p>The search stores {@link #unitVector(Map) unit vectors} and computes the cosine as a dot
 * product in SQL; {@link #fit} is the same figure, so the two never disagree.
 */
public final class NicheFit {

    public static final double PARENT_SHARE = 0.5;
    public static final double GRANDPARENT_SHARE = 0.25;

    private final NicheTaxonomy taxonomy;

    public NicheFit(NicheTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * The niche vector with every niche's weight also spread to its parent (× 0.5) and grandparent
     * (× 0.25). Contributions add up: two children of one parent each add to it, and a niche named
     * directly keeps its own weight plus whatever its children add. A slug the taxonomy does not know
     * keeps its own weight and spreads nothing.
     */
    public Map<String, Double> expand(Map<String, Double> niches) {
        Map<String, Double> expanded = new TreeMap<>();
        niches.forEach((slug, weight) -> {
            requireWeight(slug, weight);
            expanded.merge(slug, weight, Double::sum);
            String parent = taxonomy.parent(slug);
            if (parent != null) {
                expanded.merge(parent, weight * PARENT_SHARE, Double::sum);
                String grandparent = taxonomy.parent(parent);
                if (grandparent != null) {
                    expanded.merge(grandparent, weight * GRANDPARENT_SHARE, Double::sum);
                }
            }
        });
        return expanded;
    }

    /** The expanded vector scaled to length 1; empty when it has no positive weight. */
    public Map<String, Double> unitVector(Map<String, Double> niches) {
        Map<String, Double> expanded = expand(niches);
        double length = Math.sqrt(expanded.values().stream().mapToDouble(w -> w * w).sum());
        Map<String, Double> unit = new TreeMap<>();
        if (length > 0) {
            expanded.forEach((slug, weight) -> {
                if (weight > 0) {
                    unit.put(slug, weight / length);
                }
            });
        }
        return unit;
    }

    /** Cosine similarity of the expanded vectors, in [0, 1]; 0 when either side has no niche. */
    public double fit(Map<String, Double> brief, Map<String, Double> creator) {
        return explain(brief, creator).fit();
    }

    /** The fit and, for every niche both sides carry, how much it adds to the fit and why. */
    public Match explain(Map<String, Double> brief, Map<String, Double> creator) {
        Map<String, Double> briefUnit = unitVector(brief);
        Map<String, Double> creatorUnit = unitVector(creator);
        List<SharedNiche> shared = new ArrayList<>();
        double fit = 0;
        for (Map.Entry<String, Double> entry : briefUnit.entrySet()) {
            Double creatorWeight = creatorUnit.get(entry.getKey());
            if (creatorWeight == null) {
                continue;
            }
            String slug = entry.getKey();
            double contribution = entry.getValue() * creatorWeight;
            fit += contribution;
            shared.add(new SharedNiche(slug, creator.get(slug), distance(slug, brief), distance(slug, creator), contribution));
        }
        shared.sort(Comparator.comparingDouble(SharedNiche::contribution).reversed()
                .thenComparing(SharedNiche::slug));
        // Rounding can push the dot product of two unit vectors a hair above 1.
        return new Match(Math.min(1.0, fit), List.copyOf(shared));
    }

    /**
     * How far a slug is from the niches a vector names: 0 when named, 1 when it is the parent of a
     * named niche, 2 when the grandparent. The nearest wins.
     */
    private int distance(String slug, Map<String, Double> named) {
        if (named.containsKey(slug)) {
            return 0;
        }
        int nearest = Integer.MAX_VALUE;
        for (String niche : named.keySet()) {
            String parent = taxonomy.parent(niche);
            if (slug.equals(parent)) {
                return 1;
            }
            if (parent != null && slug.equals(taxonomy.parent(parent))) {
                nearest = 2;
            }
        }
        return nearest;
    }

    private static void requireWeight(String slug, Double weight) {
        if (weight == null || !Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException("niche weight of " + slug + " must be a finite number >= 0, got " + weight);
        }
    }

    /**
     * A niche present in both expanded vectors.
     *
     * @param creatorWeight the weight the creator gave the niche, or null when it reaches the creator
     *                      only through a sub-niche
     * @param briefDistance 0 when the brief names the niche, 1 when it is the parent of a niche the
     *                      brief names, 2 when the grandparent
     * @param creatorDistance the same for the creator
     * @param contribution  what this niche adds to the fit (the fit is the sum of all contributions)
     */
    public record SharedNiche(String slug, Double creatorWeight, int briefDistance, int creatorDistance,
                              double contribution) {

        public boolean namedByBoth() {
            return briefDistance == 0 && creatorDistance == 0;
        }
    }

    /** The fit and the shared niches behind it, largest contribution first. */
    public record Match(double fit, List<SharedNiche> shared) {

        /** Reasons with slugs as names. */
        public List<String> reasons() {
            return reasons(Function.identity());
        }

        /**
         * One line per shared niche, e.g. "Skincare 0.80 matches the brief" or "Beauty shared through
         * the parent niche", or a single line saying nothing is shared.
         *
         * @param displayName a niche's display name by slug (falls back to the slug when it answers null)
         */
        public List<String> reasons(Function<String, String> displayName) {
            if (shared.isEmpty()) {
                return List.of("No niche in common with the brief");
            }
            List<String> lines = new ArrayList<>();
            for (SharedNiche niche : shared) {
                String name = displayName.apply(niche.slug());
                if (name == null) {
                    name = niche.slug();
                }
                String line;
                if (niche.namedByBoth()) {
                    line = name + " " + Decimals.fixed(niche.creatorWeight(), 2) + " matches the brief";
                } else {
                    int distance = Math.max(niche.briefDistance(), niche.creatorDistance());
                    line = name + " shared through the " + (distance == 1 ? "parent" : "grandparent") + " niche";
                }
                lines.add(line + " (+" + Decimals.fixed(niche.contribution(), 2) + " niche fit)");
            }
            return List.copyOf(lines);
        }
    }
}
