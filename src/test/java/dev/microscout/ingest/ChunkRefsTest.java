package dev.microscout.ingest;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunkRefsTest {

    private final UUID earlier = UUID.fromString("6f1d2c3b-0000-4000-8000-000000000001");
    private final UUID mine = UUID.fromString("6f1d2c3b-0000-4000-8000-000000000002");

    @Test
    void aChunkReadsTheRefsCommittedBeforeItAndKeepsItsOwnApart() {
        Map<String, UUID> committed = new HashMap<>(Map.of("crm-1", earlier));
        ChunkRefs chunk = new ChunkRefs(committed);
        assertEquals(earlier, chunk.get("crm-1"));
        assertTrue(chunk.containsKey("crm-1"));
        assertNull(chunk.putIfAbsent("crm-2", mine));
        // A ref already resolved keeps its creator.
        assertEquals(earlier, chunk.putIfAbsent("crm-1", mine));
        assertEquals(mine, chunk.get("crm-2"));
        // Until the chunk commits, the job's refs are as they were.
        assertFalse(committed.containsKey("crm-2"));
        assertEquals(Map.of("crm-2", mine), chunk.added());
    }

    @Test
    void aChunkIsNotIteratedOverTheWholeFilesRefs() {
        assertThrows(UnsupportedOperationException.class, () -> new ChunkRefs(Map.of("crm-1", earlier)).entrySet());
    }
}
