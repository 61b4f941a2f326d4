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
    private volatile Map<String, Integer> positions;
    private volatile Map<String, String> names;

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
        positions = null;
        names = null;
    }

    /**
     * Adds a niche under a parent (or at the top). It takes the next free position of its root's subtree, so the
     * search vectors of existing creators stay valid: they simply have no weight in the new slot.
     */
    @Transactional
    public NicheNode create(NicheCreate body) {
        if (Niche.findById(body.slug()) != null) {
            throw new dev.microscout.common.Conflict("The niche \"" + body.slug() + "\" already exists", "slug", Map.of());
        }
        Niche niche = new Niche();
        niche.slug = body.slug();
        niche.name = body.name().trim();
        niche.createdAt = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        if (body.parent() == null || body.parent().isBlank()) {
            niche.rootSlug = niche.slug;
            niche.position = 0;
        } else {
            Niche parent = Niche.findById(body.parent());
            if (parent == null) {
                throw new dev.microscout.common.InvalidInput("parent", "is not a known niche: \"" + body.parent() + "\"");
            }
            niche.parentSlug = parent.slug;
            niche.rootSlug = parent.rootSlug;
            Number max = (Number) Niche.getEntityManager()
                    .createQuery("select max(n.position) from Niche n where n.rootSlug = :root")
                    .setParameter("root", parent.rootSlug).getSingleResult();
            niche.position = (short) (max.intValue() + 1);
        }
        niche.persist();
        invalidate();
        return new NicheNode(niche.slug, niche.name, niche.parentSlug, java.util.List.of());
    }

    /** Display names by slug. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> names() {
        Map<String, String> current = names;
        if (current == null) {
            Map<String, String> loaded = new HashMap<>();
            for (Niche niche : Niche.<Niche>listAll()) {
                loaded.put(niche.slug, niche.name);
            }
            current = Map.copyOf(loaded);
            names = current;
        }
        return current;
    }

    /** Each niche's slot in the per-root search vectors. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Integer> positions() {
        Map<String, Integer> current = positions;
        if (current == null) {
            Map<String, Integer> loaded = new HashMap<>();
            for (Niche niche : Niche.<Niche>listAll()) {
                loaded.put(niche.slug, (int) niche.position);
            }
            current = Map.copyOf(loaded);
            positions = current;
        }
        return current;
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
