package dev.microscout.niche;

import dev.microscout.platform.ChangeNotices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class NicheService {

    /** Everything read from the niche table, loaded at once: it changes rarely (admins only). */
    private record Snapshot(NicheTaxonomy taxonomy, Map<String, Integer> positions, Map<String, String> names,
                            Map<String, Integer> rootBits) {
    }

    private volatile Snapshot cached;

    Snapshot snapshot() {
        Snapshot current = cached;
        if (current == null) {
            Map<String, String> parentOf = new HashMap<>();
            Map<String, Integer> positions = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            Map<String, Integer> rootBits = new HashMap<>();
            for (Niche niche : Niche.<Niche>listAll()) {
                parentOf.put(niche.slug, niche.parentSlug);
                positions.put(niche.slug, (int) niche.position);
                names.put(niche.slug, niche.name);
                if (niche.rootBit != null) {
                    rootBits.put(niche.slug, (int) niche.rootBit);
                }
            }
            current = new Snapshot(new NicheTaxonomy(parentOf), Map.copyOf(positions), Map.copyOf(names), Map.copyOf(rootBits));
            cached = current;
        }
        return current;
    }

    public NicheTaxonomy taxonomy() {
        return snapshot().taxonomy();
    }

    /** Display names by slug. */
    public Map<String, String> names() {
        return snapshot().names();
    }

    /** Each niche's slot in the per-root search vectors. */
    public Map<String, Integer> positions() {
        return snapshot().positions();
    }

    /** A top-level niche's bit in search_entry.root_mask as a mask (1 shifted by the bit), or 0 when it has none. */
    public long rootMask(String root) {
        Integer bit = snapshot().rootBits().get(root);
        return bit == null ? 0 : 1L << bit;
    }

    public void invalidate() {
        cached = null;
    }

    /** A niche was added on another instance (or notices may have been missed): read the taxonomy again. */
    void follow(@jakarta.enterprise.event.Observes ChangeNotices.ChangeNotice notice) {
        if (notice.topic() == ChangeNotices.Topic.NICHES) {
            invalidate();
        }
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
            Number lastBit = (Number) Niche.getEntityManager().createQuery("select max(n.rootBit) from Niche n").getSingleResult();
            int bit = lastBit == null ? 0 : lastBit.intValue() + 1;
            niche.rootBit = bit <= 62 ? (short) bit : null;
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
        ChangeNotices.publish(Niche.getEntityManager(), ChangeNotices.Topic.NICHES);
        invalidate();
        return new NicheNode(niche.slug, niche.name, niche.parentSlug, java.util.List.of());
    }

    public List<NicheNode> tree() {
        Snapshot snapshot = snapshot();
        return snapshot.taxonomy().slugs().stream()
                .filter(slug -> snapshot.taxonomy().parent(slug) == null)
                .sorted()
                .map(slug -> node(slug, snapshot))
                .toList();
    }

    private NicheNode node(String slug, Snapshot snapshot) {
        List<NicheNode> children = snapshot.taxonomy().children(slug).stream().map(child -> node(child, snapshot)).toList();
        return new NicheNode(slug, snapshot.names().get(slug), snapshot.taxonomy().parent(slug), children);
    }
}
