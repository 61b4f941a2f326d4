package dev.microscout.campaign;

import dev.microscout.campaign.CampaignFigures.Counts;
import dev.microscout.campaign.CampaignFigures.Ratios;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CampaignFiguresTest {

    @Test
    void figuresOfOnePostByHand() {
        // 2,500,000 IDR for 40,000 views, reach 25,000; likes 1,800, comments 120, saves 300, shares 80 → 2,300
        // engagements; saves + shares + 150 link clicks + 20 DMs → 550 micro-conversions; 30 conversions.
        Ratios r = CampaignFigures.of(new Counts(1, 40_000, 25_000, 1_800, 120, 300, 80, 150, 20, 30, new BigDecimal("2500000")));
        assertEquals(new BigDecimal("62500.0000"), r.cpm());                      // 2,500,000 / 40,000 × 1,000
        assertEquals(new BigDecimal("1086.9565"), r.costPerEngagement());         // 2,500,000 / 2,300 = 1,086.956521…
        assertEquals(new BigDecimal("4545.4545"), r.costPerMicroConversion());    // 2,500,000 / 550 = 4,545.454545…
        assertEquals(new BigDecimal("0.092000"), r.engagementRate());             // 2,300 / 25,000
        assertEquals(new BigDecimal("0.200000"), r.conversionRate());             // 30 / 150
    }

    @Test
    void aCampaignsFiguresAreRatiosOfSumsNotMeansOfRatios() {
        Counts small = new Counts(1, 100, 100, 10, 0, 0, 0, 10, 0, 1, new BigDecimal("100"));       // CPM 1,000
        Counts large = new Counts(1, 10_000, 10_000, 100, 0, 0, 0, 100, 0, 50, new BigDecimal("1000")); // CPM 100
        Ratios both = CampaignFigures.of(small.plus(large));
        // 1,100 / 10,100 × 1,000 = 108.9108…, not the mean of 1,000 and 100
        assertEquals(new BigDecimal("108.9109"), both.cpm());
        assertEquals(new BigDecimal("0.463636"), both.conversionRate());          // 51 / 110
        assertEquals(2, small.plus(large).posts());
    }

    @Test
    void aFigureWhoseDivisorIsZeroIsNull() {
        Ratios r = CampaignFigures.of(new Counts(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, new BigDecimal("50")));
        assertNull(r.cpm());
        assertNull(r.costPerEngagement());
        assertNull(r.costPerMicroConversion());
        assertNull(r.engagementRate());
        assertNull(r.conversionRate());
        assertEquals(r, CampaignFigures.of(Counts.NONE.plus(new Counts(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, new BigDecimal("50")))));
    }
}
