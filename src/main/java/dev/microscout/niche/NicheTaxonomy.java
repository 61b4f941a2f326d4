package dev.microscout.niche;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An immutable snapshot of the niche tree: parents, children and subtrees by slug. No framework. */
public final class NicheTaxonomy {

    private final Map<String, String> parentOf;
    private final Map<String, List<String>> childrenOf;

    /** @param parentOf every slug mapped to its parent slug, or to null for a top-level niche */
    public NicheTaxonomy(Map<String, String> parentOf) {
        this.parentOf = Collections.unmodifiableMap(new HashMap<>(parentOf));
        Map<String, List<String>> children = new HashMap<>();
        parentOf.forEach((slug, parent) -> {
            if (parent != null) {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(slug);
            }
        });
        children.values().forEach(list -> list.sort(String::compareTo));
        this.childrenOf = children;
    }

    public boolean contains(String slug) {
        return parentOf.containsKey(slug);
    }

    public Set<String> slugs() {
        return parentOf.keySet();
    }

    /** The parent slug, or null for a top-level niche (or an unknown slug). */
    public String parent(String slug) {
        return parentOf.get(slug);
    }

    public List<String> children(String slug) {
        return childrenOf.getOrDefault(slug, List.of());
    }

    /** The slug and every niche below it. */
    public Set<String> subtree(String slug) {
        Set<String> result = new LinkedHashSet<>();
        collect(slug, result);
        return result;
    }

    private void collect(String slug, Set<String> into) {
        if (into.add(slug)) {
            for (String child : children(slug)) {
                collect(child, into);
            }
        }
    }

    /** How many ancestors a slug has: 0 for a top-level niche. */
    public int depth(String slug) {
        int depth = 0;
        for (String current = parentOf.get(slug); current != null && depth < 64; current = parentOf.get(current)) {
            depth++;
        }
        return depth;
    }

    /** The top-level ancestor of a slug (the slug itself when it is top-level). */
    public String root(String slug) {
        String current = slug;
        for (int guard = 0; guard < 64 && parentOf.get(current) != null; guard++) {
            current = parentOf.get(current);
        }
        return current;
    }
}
