package dev.microscout.discovery;

import dev.microscout.common.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultWindowTest {

    @Test
    void defaultsAreTheFirstPageOfTwenty() {
        assertEquals(new ResultWindow(0, 20, 0, 20), ResultWindow.of(null, null));
    }

    @Test
    void theLastPageThatReachesTheLimitIsCutAtIt() {
        // Page 33 of 30 starts at rank 990: 10 results are left below 1,000.
        assertEquals(new ResultWindow(33, 30, 990, 10), ResultWindow.of(33, 30));
        // Page 49 of 20 ends exactly at 1,000.
        assertEquals(new ResultWindow(49, 20, 980, 20), ResultWindow.of(49, 20));
    }

    @Test
    void aPageStartingAtOrPastTheLimitIsRefusedNamingIt() {
        InvalidInput refused = assertThrows(InvalidInput.class, () -> ResultWindow.of(50, 20));
        assertEquals("page", refused.errors().get(0).field());
        assertTrue(refused.errors().get(0).message().contains("1000"), refused.errors().get(0).message());
        // 10,000 × 100 would have ranked a million rows.
        assertThrows(InvalidInput.class, () -> ResultWindow.of(10_000, 100));
        assertThrows(InvalidInput.class, () -> ResultWindow.of(999, 2));
    }
}
