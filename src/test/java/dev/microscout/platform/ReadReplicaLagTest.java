package dev.microscout.platform;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReadReplicaLagTest {

    private static final long MS = 1_000_000L;

    /** Primary positions sampled at 0, 200, 400 and 600 ms: 100, 250, 250, 400. */
    private static Deque<long[]> samples() {
        Deque<long[]> positions = new ArrayDeque<>();
        positions.addLast(new long[] {0, 100});
        positions.addLast(new long[] {200 * MS, 250});
        positions.addLast(new long[] {400 * MS, 250});
        positions.addLast(new long[] {600 * MS, 400});
        return positions;
    }

    @Test
    void aReplicaThatReplayedTheNewestPositionHasNoLag() {
        assertEquals(0, ReadReplica.lag(samples(), 400, 650 * MS));
        assertEquals(0, ReadReplica.lag(samples(), 420, 650 * MS));
    }

    @Test
    void theLagIsTheAgeOfTheNewestPositionReplayed() {
        // 250 was the primary's position from 200 ms to 400 ms; the newest sample of it is 400 ms old at 800 ms.
        assertEquals(400 * MS, ReadReplica.lag(samples(), 300, 800 * MS));
        assertEquals(800 * MS, ReadReplica.lag(samples(), 100, 800 * MS));
    }

    @Test
    void aReplicaBehindEverySampleHasAnUnknownLag() {
        assertEquals(-1, ReadReplica.lag(samples(), 99, 800 * MS));
        assertEquals(-1, ReadReplica.lag(new ArrayDeque<>(), 500, 0));
    }
}
