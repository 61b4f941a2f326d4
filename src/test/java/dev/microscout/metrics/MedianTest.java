package dev.microscout.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MedianTest {

    @Test
    void middleValueOfAnOddCountInAnyOrder() {
        assertEquals(3.0, Median.of(9, 1, 3));
    }

    @Test
    void meanOfTheTwoMiddleValuesOfAnEvenCount() {
        // sorted 1, 2, 4, 100 → (2 + 4) / 2
        assertEquals(3.0, Median.of(100, 4, 1, 2));
    }

    @Test
    void noValuesHaveNoMedian() {
        assertNull(Median.of());
    }
}
