package dev.microscout.campaign;

import dev.microscout.campaign.OutcomeFit.Collaboration;
import dev.microscout.campaign.OutcomeFit.ComponentEvidence;
import dev.microscout.campaign.OutcomeFit.Fit;
import dev.microscout.campaign.OutcomeFit.Weights;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutcomeFitTest {

    private static final Weights DEFAULTS = new Weights(0.3, 0.3, 0.2, 0.2);

    @Test
    void engagementThatDrivesTheCostGetsTheWeightAndBeatsTheDefaultsOnHeldOutCollaborations() {
        Fit fit = OutcomeFit.fit(engagementDrivesCost(60, i -> true), DEFAULTS);

        assertTrue(fit.enough());
        assertTrue(fit.learned());
        assertEquals(60, fit.collaborations());
        assertEquals(12, fit.heldOut());
        assertWeights(fit.suggested());
        Weights w = fit.suggested();
        assertTrue(w.engagement() > 0.6, "engagement weight " + w.engagement());
        assertTrue(w.engagement() > w.nicheFit() && w.engagement() > w.reputation() && w.engagement() > w.audienceFit(),
                w.toString());

        ComponentEvidence engagement = evidence(fit, "engagement");
        assertTrue(engagement.spearman() < -0.8, "engagement spearman " + engagement.spearman());
        assertTrue(engagement.confidence().startsWith("strong: a higher engagement went with a cheaper micro-conversion (ρ = -"),
                engagement.confidence());
        assertTrue(engagement.confidence().endsWith(" over 60 collaborations)"), engagement.confidence());
        for (String noise : List.of("nicheFit", "reputation", "audienceFit")) {
            ComponentEvidence evidence = evidence(fit, noise);
            assertEquals(60, evidence.collaborations());
            assertTrue(Math.abs(evidence.spearman()) < 0.35, noise + " spearman " + evidence.spearman());
        }

        assertTrue(fit.heldOutErrorFitted() < fit.heldOutErrorDefaults(),
                fit.heldOutErrorFitted() + " vs defaults " + fit.heldOutErrorDefaults());
        assertEquals(List.of("nicheFit", "engagement", "reputation", "audienceFit"),
                fit.components().stream().map(ComponentEvidence::component).toList());
        assertTrue(fit.summary().contains("engagement counted most"), fit.summary());
    }

    @Test
    void nineteenCollaborationsAreTooFewAndTheDefaultsApply() {
        Fit fit = OutcomeFit.fit(engagementDrivesCost(19, i -> true), DEFAULTS);

        assertFalse(fit.enough());
        assertFalse(fit.learned());
        assertEquals(DEFAULTS, fit.suggested());
        assertNull(fit.heldOutErrorFitted());
        assertNull(fit.heldOutErrorDefaults());
        assertEquals(0, fit.heldOut());
        assertTrue(fit.summary().contains("19") && fit.summary().contains("20"), fit.summary());
        // The correlation is still reported, with a confidence that does not overstate it.
        ComponentEvidence engagement = evidence(fit, "engagement");
        assertNotNull(engagement.spearman());
        assertEquals("too few collaborations to tell (19 of 20)", engagement.confidence());
    }

    @Test
    void spearmanMatchesTheValueWorkedOutByHand() {
        // nicheFit rises as the cost falls, strictly: the ranks are exactly reversed.
        List<Collaboration> reversed = List.of(
                collaboration(0.1, 50), collaboration(0.2, 40), collaboration(0.3, 30), collaboration(0.4, 20),
                collaboration(0.5, 10));
        ComponentEvidence perfect = evidence(OutcomeFit.fit(reversed, DEFAULTS), "nicheFit");
        assertEquals(-1.0, perfect.spearman(), 1e-12);
        assertEquals(0.0, perfect.pValue(), 1e-12);
        assertEquals(5, perfect.collaborations());
        assertEquals("too few collaborations to tell (5 of 20)", perfect.confidence());

        // With ties, ranks are averaged:
        //   nicheFit 0.1, 0.2, 0.2, 0.3, 0.5 -> ranks 1, 2.5, 2.5, 4, 5
        //   cost     10,  30,  20,  20,  50  -> ranks 1, 4, 2.5, 2.5, 5
        // Both have mean 3; deviations (-2, -0.5, -0.5, 1, 2) and (-2, 1, -0.5, -0.5, 2).
        // Σ products = 4 - 0.5 + 0.25 - 0.5 + 4 = 7.25; Σ squares = 9.5 on each side; ρ = 7.25 / 9.5 = 29/38.
        List<Collaboration> tied = List.of(
                collaboration(0.1, 10), collaboration(0.2, 30), collaboration(0.2, 20), collaboration(0.3, 20),
                collaboration(0.5, 50));
        ComponentEvidence ties = evidence(OutcomeFit.fit(tied, DEFAULTS), "nicheFit");
        double rho = 29.0 / 38.0;
        assertEquals(rho, ties.spearman(), 1e-12);
        // With 3 degrees of freedom Student's t has a closed form: the two-sided p of t is
        // 1 - (2/π)(atan(t/√3) + (t/√3)/(1 + t²/3)), with t = ρ·√(3/(1-ρ²)).
        double t = rho * Math.sqrt(3 / (1 - rho * rho));
        double u = t / Math.sqrt(3);
        assertEquals(1 - 2 / Math.PI * (Math.atan(u) + u / (1 + u * u)), ties.pValue(), 1e-9);
    }

    @Test
    void audienceFitMissingOnSomeCollaborationsCountsZero() {
        Fit fit = OutcomeFit.fit(engagementDrivesCost(60, i -> i % 3 != 0), DEFAULTS);

        assertTrue(fit.learned());
        assertEquals(0.0, fit.suggested().audienceFit());
        assertWeights(fit.suggested());
        assertEquals(40, evidence(fit, "audienceFit").collaborations());
        assertEquals(60, evidence(fit, "engagement").collaborations());
        assertTrue(fit.method().contains("audienceFit counts 0: only 40 of 60 collaborations carry it"), fit.method());
        assertTrue(fit.summary().contains("only 40 of 60 collaborations carry it"), fit.summary());
    }

    @Test
    void costsUnrelatedToAnyComponentStillGiveWeightsAndAConstantComponentHasNoCorrelation() {
        Random random = new Random(11);
        List<Collaboration> collaborations = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            collaborations.add(new Collaboration(random.nextDouble(), random.nextDouble(), 0.5, random.nextDouble(),
                    100 + 1000 * random.nextDouble()));
        }
        Fit fit = OutcomeFit.fit(collaborations, DEFAULTS);

        assertTrue(fit.enough());
        assertWeights(fit.suggested());
        ComponentEvidence reputation = evidence(fit, "reputation");
        assertNull(reputation.spearman());
        assertNull(reputation.pValue());
        assertEquals("not enough data", reputation.confidence());
        assertEquals(50, reputation.collaborations());
    }

    @Test
    void aConstantComponentIsLeftOutOfTheFit() {
        List<Collaboration> collaborations = new ArrayList<>();
        for (Collaboration c : engagementDrivesCost(60, i -> true)) {
            collaborations.add(new Collaboration(c.nicheFit(), c.engagement(), 0.5, c.audienceFit(),
                    c.costPerMicroConversion()));
        }
        Fit fit = OutcomeFit.fit(collaborations, DEFAULTS);

        assertTrue(fit.learned());
        assertEquals(0.0, fit.suggested().reputation());
        assertWeights(fit.suggested());
        assertTrue(fit.method().contains("reputation counts 0: it is the same for every collaboration"), fit.method());
    }

    @Test
    void aComponentThatOnlyGoesWithDearerMicroConversionsTeachesNothing() {
        Random random = new Random(5);
        List<Collaboration> collaborations = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double engagement = random.nextDouble();
            collaborations.add(new Collaboration(0.5, engagement, 0.5, 0.5, 100 + 100 * engagement));
        }
        Fit fit = OutcomeFit.fit(collaborations, DEFAULTS);

        assertTrue(fit.enough());
        assertFalse(fit.learned());
        assertEquals(DEFAULTS, fit.suggested());
        assertTrue(evidence(fit, "engagement").confidence()
                .startsWith("strong: a higher engagement went with a dearer micro-conversion"));
        assertEquals("Over 30 collaborations no component went with a cheaper micro-conversion, so the default weights apply.",
                fit.summary());
        // Both errors use the defaults, so they agree.
        assertEquals(fit.heldOutErrorDefaults(), fit.heldOutErrorFitted());
    }

    @Test
    void invalidInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> OutcomeFit.fit(null, DEFAULTS));
        assertThrows(IllegalArgumentException.class, () -> OutcomeFit.fit(List.of(collaboration(0.1, 10)), null));

        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> OutcomeFit.fit(List.of(
                collaboration(0.1, 10), collaboration(0.2, 10), collaboration(1.2, 10)), DEFAULTS));
        assertTrue(outside.getMessage().contains("collaboration 2") && outside.getMessage().contains("nicheFit"),
                outside.getMessage());

        IllegalArgumentException audience = assertThrows(IllegalArgumentException.class, () -> OutcomeFit.fit(List.of(
                new Collaboration(0.1, 0.2, 0.3, -0.1, 10)), DEFAULTS));
        assertTrue(audience.getMessage().contains("collaboration 0") && audience.getMessage().contains("audienceFit"),
                audience.getMessage());

        for (double cost : new double[]{0, -5, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> OutcomeFit.fit(List.of(
                    collaboration(0.1, 10), collaboration(0.2, cost)), DEFAULTS));
            assertTrue(bad.getMessage().contains("collaboration 1") && bad.getMessage().contains("costPerMicroConversion"),
                    bad.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> OutcomeFit.fit(List.of(collaboration(0.1, 10)),
                new Weights(0.5, 0.5, 0.5, 0)));
    }

    /**
     * Engagement uniform in [0, 1], cost = 2000 × (1.2 − engagement) × (1 ± up to 5 %), the other components
     * uniform noise; audienceFit only where {@code carriesAudience} holds for the index.
     */
    private static List<Collaboration> engagementDrivesCost(int count, IntPredicate carriesAudience) {
        Random random = new Random(20240611L);
        List<Collaboration> collaborations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double engagement = random.nextDouble();
            double noise = 1 + 0.05 * (2 * random.nextDouble() - 1);
            double nicheFit = random.nextDouble();
            double reputation = random.nextDouble();
            double audienceFit = random.nextDouble();
            collaborations.add(new Collaboration(nicheFit, engagement, reputation,
                    carriesAudience.test(i) ? audienceFit : null, 2000 * (1.2 - engagement) * noise));
        }
        return collaborations;
    }

    private static Collaboration collaboration(double nicheFit, double cost) {
        return new Collaboration(nicheFit, 0.5, 0.5, null, cost);
    }

    private static ComponentEvidence evidence(Fit fit, String component) {
        return fit.components().stream().filter(e -> e.component().equals(component)).findFirst().orElseThrow();
    }

    private static void assertWeights(Weights w) {
        for (double weight : new double[]{w.nicheFit(), w.engagement(), w.reputation(), w.audienceFit()}) {
            assertTrue(weight >= 0, w.toString());
        }
        assertEquals(1.0, w.nicheFit() + w.engagement() + w.reputation() + w.audienceFit(), 1e-9);
    }
}
