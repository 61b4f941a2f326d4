package dev.microscout.discovery;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudienceFitTest {

    private static final double EPS = 1e-9;

    private static final Map<String, Double> GENDER = Map.of("female", 0.72, "male", 0.27);
    private static final Map<String, Double> AGES = Map.of("18-24", 0.41, "25-34", 0.38, "35-44", 0.12);
    private static final Map<String, Double> COUNTRIES = Map.of("ID", 0.86, "MY", 0.07, "SG", 0.02);

    @Test
    void productOfTheThreeShares() {
        AudienceFit.Target target = new AudienceFit.Target(List.of("ID", "MY"), "female", List.of("18-24", "25-34"));

        AudienceFit.Match match = AudienceFit.compute(target, GENDER, AGES, COUNTRIES);

        // countries 0.86 + 0.07 = 0.93; gender 0.72; ages 0.41 + 0.38 = 0.79
        // 0.93 × 0.72 × 0.79 = 0.6696 × 0.79 = 0.528984
        assertEquals(0.93, match.countries().value(), EPS);
        assertEquals(0.72, match.gender().value(), EPS);
        assertEquals(0.79, match.ageRanges().value(), EPS);
        assertEquals(0.528984, match.fit(), EPS);
        assertEquals(List.of(
                "93.0 % of the audience in ID, MY",
                "72.0 % of the audience female",
                "79.0 % of the audience aged 18-24, 25-34",
                "Audience fit 0.53 = 0.93 × 0.72 × 0.79"), match.reasons());
    }

    @Test
    void unconstrainedPartsCountOne() {
        AudienceFit.Match match = AudienceFit.compute(new AudienceFit.Target(List.of("ID"), null, List.of()), GENDER, AGES, COUNTRIES);

        // 0.86 × 1 × 1
        assertEquals(0.86, match.fit(), EPS);
        assertFalse(match.gender().constrained());
        assertFalse(match.ageRanges().constrained());
        assertEquals(List.of("86.0 % of the audience in ID", "Audience fit 0.86 = 0.86 × 1.00 × 1.00"), match.reasons());
    }

    @Test
    void unconstrainedBriefFitsFullyEvenWithoutData() {
        AudienceFit.Match match = AudienceFit.compute(new AudienceFit.Target(null, " ", null), null, null, null);

        assertEquals(1.0, match.fit(), EPS);
        assertEquals(List.of(), match.reasons());
    }

    @Test
    void constrainedPartWithoutDataCountsZero() {
        AudienceFit.Target target = new AudienceFit.Target(List.of("ID"), "female", null);

        AudienceFit.Match match = AudienceFit.compute(target, Map.of(), AGES, COUNTRIES);

        // 0.86 × 0 (no gender data) = 0
        assertEquals(0.0, match.fit(), EPS);
        assertTrue(match.gender().noData());
        assertFalse(match.countries().noData());
        assertEquals(List.of(
                "86.0 % of the audience in ID",
                "No audience data by gender: audience fit counts 0",
                "Audience fit 0.00 = 0.86 × 0.00 × 1.00"), match.reasons());
    }

    @Test
    void noDataAtAll() {
        AudienceFit.Match match = AudienceFit.compute(new AudienceFit.Target(List.of("ID"), null, List.of("18-24")), null, null, null);

        assertEquals(0.0, match.fit(), EPS);
        assertTrue(match.countries().noData());
        assertTrue(match.ageRanges().noData());
        assertEquals("No audience data by country: audience fit counts 0", match.reasons().get(0));
        assertEquals("No audience data by age: audience fit counts 0", match.reasons().get(1));
    }

    @Test
    void targetOutsideTheDataIsAZeroShareNotMissingData() {
        AudienceFit.Match match = AudienceFit.compute(new AudienceFit.Target(List.of("TH"), null, null), GENDER, AGES, COUNTRIES);

        assertEquals(0.0, match.fit(), EPS);
        assertFalse(match.countries().noData());
        assertEquals("0.0 % of the audience in TH", match.reasons().get(0));
    }

    @Test
    void targetsAreMatchedCaseInsensitivelyAndCountedOnce() {
        // "id" and "ID" are one country: 0.86, not 1.72
        AudienceFit.Match match = AudienceFit.compute(new AudienceFit.Target(List.of("id", "ID"), "Female", null), GENDER, AGES, COUNTRIES);

        // 0.86 × 0.72 = 0.6192
        assertEquals(0.6192, match.fit(), EPS);
    }

    @Test
    void roundedSharesNeverMakeAFactorAboveOne() {
        Map<String, Double> countries = Map.of("ID", 0.60005, "MY", 0.40005);

        AudienceFit.Match match = AudienceFit.compute(new AudienceFit.Target(List.of("ID", "MY"), null, null), null, null, countries);

        // 0.60005 + 0.40005 = 1.0001 → 1
        assertEquals(1.0, match.fit(), EPS);
    }
}
