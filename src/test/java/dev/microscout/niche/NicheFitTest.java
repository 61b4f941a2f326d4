package dev.microscout.niche;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NicheFitTest {

    private static final double EPS = 1e-9;

    /** beauty › skincare › acne-care, beauty › makeup, beauty › haircare, food › baking. */
    private static NicheFit nicheFit() {
        Map<String, String> parentOf = new HashMap<>();
        parentOf.put("beauty", null);
        parentOf.put("skincare", "beauty");
        parentOf.put("acne-care", "skincare");
        parentOf.put("makeup", "beauty");
        parentOf.put("haircare", "beauty");
        parentOf.put("food", null);
        parentOf.put("baking", "food");
        return new NicheFit(new NicheTaxonomy(parentOf));
    }

    @Test
    void childAddsHalfItsWeightToItsParent() {
        Map<String, Double> expanded = nicheFit().expand(Map.of("skincare", 0.8));

        // skincare 0.8; beauty 0.8 × 0.5 = 0.4
        assertEquals(2, expanded.size());
        assertEquals(0.8, expanded.get("skincare"), EPS);
        assertEquals(0.4, expanded.get("beauty"), EPS);
    }

    @Test
    void grandchildAddsAQuarterToItsGrandparent() {
        Map<String, Double> expanded = nicheFit().expand(Map.of("acne-care", 0.8));

        // acne-care 0.8; skincare 0.8 × 0.5 = 0.4; beauty 0.8 × 0.25 = 0.2
        assertEquals(3, expanded.size());
        assertEquals(0.8, expanded.get("acne-care"), EPS);
        assertEquals(0.4, expanded.get("skincare"), EPS);
        assertEquals(0.2, expanded.get("beauty"), EPS);
    }

    @Test
    void contributionsToOneParentAddUpWithItsOwnWeight() {
        Map<String, Double> expanded = nicheFit().expand(Map.of("skincare", 0.6, "makeup", 0.4, "beauty", 0.3));

        // beauty: own 0.3 + skincare 0.6 × 0.5 + makeup 0.4 × 0.5 = 0.3 + 0.3 + 0.2 = 0.8
        assertEquals(0.8, expanded.get("beauty"), EPS);
        assertEquals(0.6, expanded.get("skincare"), EPS);
        assertEquals(0.4, expanded.get("makeup"), EPS);
        assertEquals(3, expanded.size());
    }

    @Test
    void unknownSlugKeepsItsOwnWeightOnly() {
        assertEquals(Map.of("astrology", 0.5), nicheFit().expand(Map.of("astrology", 0.5)));
    }

    @Test
    void siblingsShareTheirParent() {
        // skincare → (skincare 1, beauty 0.5), makeup → (makeup 1, beauty 0.5)
        // dot = 0.5 × 0.5 = 0.25; |each|² = 1 + 0.25 = 1.25; cos = 0.25 / 1.25 = 0.2
        assertEquals(0.2, nicheFit().fit(Map.of("skincare", 1.0), Map.of("makeup", 1.0)), EPS);
    }

    @Test
    void grandchildAndUncleShareTheGrandparentByAQuarter() {
        // acne-care → (acne-care 1, skincare 0.5, beauty 0.25): |b|² = 1 + 0.25 + 0.0625 = 1.3125 = 21/16
        // haircare  → (haircare 1, beauty 0.5):                 |c|² = 1.25 = 5/4
        // dot = 0.25 × 0.5 = 0.125 = 1/8; cos = (1/8) / sqrt(105/64) = 1/sqrt(105) ≈ 0.0976
        assertEquals(1 / Math.sqrt(105), nicheFit().fit(Map.of("acne-care", 1.0), Map.of("haircare", 1.0)), EPS);
    }

    @Test
    void parentBriefAndChildCreator() {
        // beauty → (beauty 1); skincare → (skincare 1, beauty 0.5)
        // dot = 0.5; cos = 0.5 / (1 × sqrt(1.25)) = 1/sqrt(5) ≈ 0.4472
        assertEquals(1 / Math.sqrt(5), nicheFit().fit(Map.of("beauty", 1.0), Map.of("skincare", 1.0)), EPS);
    }

    @Test
    void briefEqualToCreatorFitsFully() {
        Map<String, Double> niches = Map.of("skincare", 0.8, "baking", 0.3, "acne-care", 0.5);
        assertEquals(1.0, nicheFit().fit(niches, Map.copyOf(niches)), EPS);
    }

    @Test
    void scaledVectorFitsFully() {
        // Cosine ignores length: a creator with half the weights points the same way.
        assertEquals(1.0, nicheFit().fit(Map.of("skincare", 1.0, "baking", 0.5), Map.of("skincare", 0.5, "baking", 0.25)), EPS);
    }

    @Test
    void disjointTreesDoNotFit() {
        NicheFit.Match match = nicheFit().explain(Map.of("skincare", 1.0), Map.of("baking", 1.0));

        assertEquals(0.0, match.fit(), EPS);
        assertEquals(List.of(), match.shared());
        assertEquals(List.of("No niche in common with the brief"), match.reasons());
    }

    @Test
    void emptySideDoesNotFit() {
        assertEquals(0.0, nicheFit().fit(Map.of(), Map.of("skincare", 1.0)), EPS);
        assertEquals(0.0, nicheFit().fit(Map.of("skincare", 1.0), Map.of()), EPS);
        assertEquals(0.0, nicheFit().fit(Map.of(), Map.of()), EPS);
    }

    @Test
    void unitVectorHasLengthOneAndItsDotProductIsTheFit() {
        NicheFit nicheFit = nicheFit();
        Map<String, Double> skincare = nicheFit.unitVector(Map.of("skincare", 1.0));
        Map<String, Double> makeup = nicheFit.unitVector(Map.of("makeup", 1.0));

        // (skincare 1, beauty 0.5) / sqrt(1.25) = (2/sqrt5, 1/sqrt5)
        assertEquals(2 / Math.sqrt(5), skincare.get("skincare"), EPS);
        assertEquals(1 / Math.sqrt(5), skincare.get("beauty"), EPS);
        // what the database computes: Σ over shared slugs of the products = beauty only = 1/5
        assertEquals(0.2, skincare.get("beauty") * makeup.get("beauty"), EPS);
        assertEquals(Map.of(), nicheFit.unitVector(Map.of()));
    }

    @Test
    void explanationSplitsTheFitBySharedNiche() {
        // brief   {skincare 1}              → (skincare 1, beauty 0.5)              |b|² = 1.25
        // creator {skincare 0.8, makeup 0.2} → (skincare 0.8, makeup 0.2, beauty 0.4 + 0.1 = 0.5)
        //                                                                            |c|² = 0.64 + 0.04 + 0.25 = 0.93
        // skincare adds 1 × 0.8 / sqrt(1.25 × 0.93) = 0.8 / sqrt(1.1625) ≈ 0.742
        // beauty   adds 0.5 × 0.5 / sqrt(1.1625)    = 0.25 / sqrt(1.1625) ≈ 0.232; fit = 1.05 / sqrt(1.1625)
        NicheFit.Match match = nicheFit().explain(Map.of("skincare", 1.0), Map.of("skincare", 0.8, "makeup", 0.2));

        double norm = Math.sqrt(1.1625);
        assertEquals(1.05 / norm, match.fit(), EPS);
        assertEquals(2, match.shared().size());
        NicheFit.SharedNiche skincare = match.shared().get(0);
        assertEquals("skincare", skincare.slug());
        assertEquals(0.8 / norm, skincare.contribution(), EPS);
        assertTrue(skincare.namedByBoth());
        NicheFit.SharedNiche beauty = match.shared().get(1);
        assertEquals("beauty", beauty.slug());
        assertEquals(0.25 / norm, beauty.contribution(), EPS);
        assertEquals(1, beauty.briefDistance());
        assertEquals(1, beauty.creatorDistance());
        assertEquals(null, beauty.creatorWeight());
        assertEquals(List.of("Skincare 0.80 matches the brief (+0.74 niche fit)",
                        "Beauty shared through the parent niche (+0.23 niche fit)"),
                match.reasons(Map.of("skincare", "Skincare", "beauty", "Beauty")::get));
    }

    @Test
    void explanationNamesTheGrandparent() {
        // the only shared niche is beauty, a grandparent on the brief's side: 1/sqrt(105) ≈ 0.098
        NicheFit.Match match = nicheFit().explain(Map.of("acne-care", 1.0), Map.of("haircare", 1.0));

        assertEquals(List.of("beauty shared through the grandparent niche (+0.10 niche fit)"), match.reasons());
    }

    @Test
    void refusesNegativeOrMissingWeights() {
        NicheFit nicheFit = nicheFit();
        assertThrows(IllegalArgumentException.class, () -> nicheFit.expand(Map.of("skincare", -0.1)));
        Map<String, Double> withNull = new HashMap<>();
        withNull.put("skincare", null);
        assertThrows(IllegalArgumentException.class, () -> nicheFit.expand(withNull));
        assertThrows(IllegalArgumentException.class, () -> nicheFit.expand(Map.of("skincare", Double.NaN)));
    }
}
