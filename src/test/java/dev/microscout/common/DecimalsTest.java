package dev.microscout.common;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DecimalsTest {

    @Test
    void roundsHalfUpOnTheDecimalThatNamesTheDouble() {
        assertEquals("2.68", Decimals.fixed(2.675, 2)); // 2.675 is stored as 2.67499999…, but reads 2.675
        assertEquals("0.13", Decimals.fixed(0.125, 2));
        assertEquals("6.4", Decimals.fixed(6.35, 1));
        assertEquals("88", Decimals.fixed(87.5, 0));
        assertEquals("1.00", Decimals.fixed(0.999, 2));
        assertEquals("0.50", Decimals.fixed(0.5, 2));
        assertEquals("0", Decimals.fixed(-0.0, 0));
        assertEquals("0.00", Decimals.fixed(-0.001, 2));
        assertEquals("-1.50", Decimals.fixed(-1.5, 2));
        assertEquals("NaN", Decimals.fixed(Double.NaN, 2));
    }

    @Test
    void writesWhatTheFormatterWritesForOrdinaryFigures() {
        Random random = new Random(20261123);
        for (int i = 0; i < 100_000; i++) {
            double value = Math.round(random.nextDouble() * 100 * 100_000) / 100_000.0;
            int places = i % 3;
            assertEquals(String.format(Locale.ROOT, "%." + places + "f", value), Decimals.fixed(value, places), "value " + value);
        }
    }

    @Test
    void groupsThousandsWithCommas() {
        assertEquals("0", Decimals.grouped(0));
        assertEquals("999", Decimals.grouped(999));
        assertEquals("1,000", Decimals.grouped(1000));
        assertEquals("12,345", Decimals.grouped(12_345));
        assertEquals("1,234,567", Decimals.grouped(1_234_567));
        assertEquals("-45,000", Decimals.grouped(-45_000));
        assertEquals("9,223,372,036,854,775,807", Decimals.grouped(Long.MAX_VALUE));
        assertEquals("-9,223,372,036,854,775,808", Decimals.grouped(Long.MIN_VALUE));
    }
}
