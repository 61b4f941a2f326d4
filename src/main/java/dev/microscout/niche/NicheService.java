package dev.microscout.niche;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class NicheService {

    private volatile NicheTaxonomy cached;

    /** The taxonomy changes rarely (admins only); it is cached and dropped on every change. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public NicheTaxonomy taxonomy() {
        NicheTaxonomy current = cached;
        if (current == null) {
            Map<String, String> parentOf = new HashMap<>();
            for (Niche niche : Niche.<Niche>listAll()) {
                parentOf.put(niche.slug, niche.parentSlug);
            }
            current = new NicheTaxonomy(parentOf);
            cached = current;
        }
        return current;
    }

    public void invalidate() {
        cached = null;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<NicheNode> tree() {
        List<Niche> all = Niche.listAll();
        Map<String, Niche> bySlug = new HashMap<>();
        all.forEach(n -> bySlug.put(n.slug, n));
        NicheTaxonomy taxonomy = taxonomy();
        return all.stream()
                .filter(n -> n.parentSlug == null)
                .sorted(Comparator.comparing(n -> n.slug))
                .map(n -> node(n, bySlug, taxonomy))
                .toList();
    }

    private NicheNode node(Niche niche, Map<String, Niche> bySlug, NicheTaxonomy taxonomy) {
        List<NicheNode> children = taxonomy.children(niche.slug).stream()
                .map(bySlug::get)
                .filter(java.util.Objects::nonNull)
                .map(child -> node(child, bySlug, taxonomy))
                .toList();
        return new NicheNode(niche.slug, niche.name, niche.parentSlug, children);
    }
}
