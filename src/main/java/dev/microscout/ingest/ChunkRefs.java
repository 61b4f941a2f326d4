package dev.microscout.ingest;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The refs one chunk resolves, over those the job's earlier chunks committed: reads go through to them, writes stay
 * here until the chunk commits ({@link #added}), so a rolled-back chunk leaves no ref naming a creator never
 * stored. A chunk costs what it resolves, not what the whole file resolved before it (a copy of every ref per
 * chunk made a file of 700,000 creators quadratic).
 */
final class ChunkRefs extends AbstractMap<String, UUID> {

    private final Map<String, UUID> committed;
    private final Map<String, UUID> added = new HashMap<>();

    ChunkRefs(Map<String, UUID> committed) {
        this.committed = committed;
    }

    @Override
    public UUID get(Object ref) {
        UUID mine = added.get(ref);
        return mine != null ? mine : committed.get(ref);
    }

    @Override
    public boolean containsKey(Object ref) {
        return added.containsKey(ref) || committed.containsKey(ref);
    }

    @Override
    public UUID put(String ref, UUID influencerId) {
        UUID before = get(ref);
        added.put(ref, influencerId);
        return before;
    }

    /** What this chunk resolved, for the job's refs once it has committed. */
    Map<String, UUID> added() {
        return added;
    }

    /** Not offered: iterating would mean the whole file's refs again. */
    @Override
    public Set<Entry<String, UUID>> entrySet() {
        throw new UnsupportedOperationException("a chunk's refs are read by ref");
    }
}
