package dev.microscout.campaign;

import dev.microscout.common.Decimals;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.vector.constrained.ADMMQPOption;
import org.hipparchus.optim.nonlinear.vector.constrained.ADMMQPOptimizer;
import org.hipparchus.optim.nonlinear.vector.constrained.LagrangeSolution;
import org.hipparchus.optim.nonlinear.vector.constrained.LinearInequalityConstraint;
import org.hipparchus.optim.nonlinear.vector.constrained.QuadraticFunction;
import org.hipparchus.stat.StatUtils;
import org.hipparchus.stat.correlation.SpearmansCorrelation;
import org.hipparchus.stat.ranking.NaturalRanking;
import org.hipparchus.stat.ranking.TiesStrategy;
import org.hipparchus.stat.regression.SimpleRegression;

import java.util.ArrayList;
import java.util.List;

/**
 * How well each ranking component predicted what an organisation's finished campaigns actually cost, and which
 * weights would have predicted it better.
 *
 * <p>For every collaboration the components stored at shortlisting (nicheFit, engagement, reputation and, when
 * the brief had an audience, audienceFit) are set against the realised cost per micro-conversion. Per component
 * the answer gives Spearman's rank correlation with that cost (ranks, because costs are skewed and only their
 * order matters to a ranking), a two-sided p-value and a confidence in plain words.
 *
 * <p>Suggested weights come from non-negative least squares with an intercept: the outcome is each
 * collaboration's cheapness percentile (1 = cheapest, 0 = dearest), fitted as b + Σ v_k × component_k with
 * v_k ≥ 0 and b free, and the weights are v_k / Σ v. Non-negativity keeps a weight from rewarding a component
 * for being low; the free intercept and the final scaling let the score's level and spread float, so the
 * weights say only how much each component matters, which is all a ranking uses. The fit is solved as a
 * quadratic program. Its error is measured on every fifth collaboration, held out from a fit on the others
 * (percentiles stay those among all the collaborations), against the default weights measured the same way.
 *
 * <p>With fewer than {@link #MIN_COLLABORATIONS} collaborations nothing is fitted and the defaults apply.
 */
public final class OutcomeFit {

    public static final int MIN_COLLABORATIONS = 20;

    /** Component names, in the order of {@link Weights} and of {@link Fit#components()}. */
    private static final List<String> COMPONENTS = List.of("nicheFit", "engagement", "reputation", "audienceFit");
    private static final int AUDIENCE_FIT = 3;

    /** Collaborations at positions i with i % HELD_OUT_EVERY == HELD_OUT_AT are held out. */
    private static final int HELD_OUT_EVERY = 5;
    private static final int HELD_OUT_AT = 4;

    /**
     * A coefficient (and so Σ v) below this is solver residue, not a finding: components and outcome both live
     * in [0, 1], so a component that matters has a coefficient of hundredths or more, while the solver meets
     * the exact optimum to about 1e-8.
     */
    private static final double NOTHING_FITTED = 1e-6;
    /** The solver's stopping tolerance, well below the coefficients that matter. */
    private static final double SOLVER_EPS = 1e-10;
    /** Far above the few dozen iterations these five-variable programs take; a guard against spinning forever. */
    private static final int MAX_SOLVER_ITERATIONS = 10_000;
    /** Defaults must sum to 1 within this, as the discovery score's weights do. */
    private static final double SUM_TOLERANCE = 1e-9;

    private OutcomeFit() {
    }

    /**
     * One finished collaboration: the components stored at shortlisting (each 0–1; audienceFit null when the
     * brief had no audience) and the realised cost per micro-conversion (> 0; collaborations without one are not
     * passed in).
     */
    public record Collaboration(double nicheFit, double engagement, double reputation, Double audienceFit,
                                double costPerMicroConversion) {
    }

    public record Weights(double nicheFit, double engagement, double reputation, double audienceFit) {

        private double weight(int component) {
            return switch (component) {
                case 0 -> nicheFit;
                case 1 -> engagement;
                case 2 -> reputation;
                default -> audienceFit;
            };
        }
    }

    /**
     * spearman: rank correlation of the component with the cost per micro-conversion (negative = a higher
     * component went with a cheaper micro-conversion, which is what a good component does); null when it cannot
     * be computed (fewer than 3 collaborations carrying the component, or either side constant). pValue:
     * two-sided, from the t approximation t = rho·sqrt((n−2)/(1−rho²)) with n−2 degrees of freedom; null with
     * spearman.
     */
    public record ComponentEvidence(String component, Double spearman, Double pValue, int collaborations,
                                    String confidence) {
    }

    /**
     * enough: at least MIN_COLLABORATIONS. suggested: fitted weights, or the defaults when not enough (or when
     * nothing could be fitted). heldOutErrorFitted / heldOutErrorDefaults: RMSE on the held-out collaborations,
     * null when not enough. method: one sentence saying how the weights were fitted. summary: one plain-words
     * sentence for a person.
     */
    public record Fit(int collaborations, boolean enough, List<ComponentEvidence> components, Weights suggested,
                      boolean learned, Double heldOutErrorFitted, Double heldOutErrorDefaults, int heldOut,
                      String method, String summary) {

        public Fit {
            components = List.copyOf(components);
        }
    }

    /**
     * @param collaborations the organisation's finished collaborations that have a cost per micro-conversion
     * @param defaults       the weights that apply when nothing is learned; non-negative, summing to 1
     * @throws IllegalArgumentException on a null list or defaults, a component outside [0, 1], a cost that is
     *                                  not a finite number above 0, or defaults that are not weights
     */
    public static Fit fit(List<Collaboration> collaborations, Weights defaults) {
        validate(collaborations, defaults);
        int n = collaborations.size();
        List<ComponentEvidence> evidence = evidence(collaborations);
        if (n < MIN_COLLABORATIONS) {
            String method = "Not fitted: " + n + " of the " + MIN_COLLABORATIONS
                    + " collaborations needed, so the default weights apply.";
            String summary = (n == 0 ? "No finished collaborations with a cost per micro-conversion yet"
                    : "Only " + collaborationCount(n) + " with a cost per micro-conversion")
                    + "; " + MIN_COLLABORATIONS + " are needed to fit weights, so the default weights apply.";
            return new Fit(n, false, evidence, defaults, false, null, null, 0, method, summary);
        }

        double[] cheapness = cheapness(collaborations);
        boolean audienceInFit = collaborations.stream().allMatch(c -> c.audienceFit() != null);

        List<Collaboration> training = new ArrayList<>();
        List<Double> trainingCheapness = new ArrayList<>();
        List<Collaboration> heldOut = new ArrayList<>();
        List<Double> heldOutCheapness = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean held = i % HELD_OUT_EVERY == HELD_OUT_AT;
            (held ? heldOut : training).add(collaborations.get(i));
            (held ? heldOutCheapness : trainingCheapness).add(cheapness[i]);
        }
        double[] trainingY = toArray(trainingCheapness);
        double[] heldOutY = toArray(heldOutCheapness);
        Weights trainingFit = nonNegativeWeights(training, trainingY, audienceInFit);
        Weights trainingWeights = trainingFit == null ? defaults : trainingFit;
        double errorFitted = heldOutError(trainingWeights, training, trainingY, heldOut, heldOutY);
        double errorDefaults = heldOutError(defaults, training, trainingY, heldOut, heldOutY);

        Weights fitted = nonNegativeWeights(collaborations, cheapness, audienceInFit);
        boolean learned = fitted != null;
        Weights suggested = learned ? fitted : defaults;

        String leftOut = leftOutOfFit(collaborations, audienceInFit);
        String method = method(collaborations, audienceInFit, leftOut, heldOut.size(), training.size());
        String summary = learned
                ? "Over " + n + " collaborations " + mostWeighted(suggested) + " counted most in the weights fitted to "
                + "the cost per micro-conversion (" + weightsText(suggested) + "); on the " + heldOut.size()
                + " held-out collaborations they erred by " + Decimals.fixed(errorFitted, 2)
                + " on the 0–1 cheapness scale against "
                + Decimals.fixed(errorDefaults, 2) + " for the default weights"
                + (audienceInFit ? "" : ", audienceFit staying at 0 because " + audienceShare(collaborations)) + "."
                : "Over " + n + " collaborations " + whyNothingLearned(collaborations, audienceInFit)
                + ", so the default weights apply.";
        return new Fit(n, true, evidence, suggested, learned, errorFitted, errorDefaults, heldOut.size(), method,
                summary);
    }

    private static void validate(List<Collaboration> collaborations, Weights defaults) {
        if (collaborations == null) {
            throw new IllegalArgumentException("collaborations must not be null");
        }
        if (defaults == null) {
            throw new IllegalArgumentException("defaults must not be null");
        }
        double sum = 0;
        for (int k = 0; k < COMPONENTS.size(); k++) {
            double weight = defaults.weight(k);
            if (!Double.isFinite(weight) || weight < 0) {
                throw new IllegalArgumentException("default weight " + COMPONENTS.get(k) + " must be finite and >= 0, got "
                        + weight);
            }
            sum += weight;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("default weights must sum to 1, got " + sum);
        }
        for (int i = 0; i < collaborations.size(); i++) {
            Collaboration c = collaborations.get(i);
            if (c == null) {
                throw new IllegalArgumentException("collaboration " + i + " is null");
            }
            for (int k = 0; k < COMPONENTS.size(); k++) {
                Double value = value(c, k);
                if (value != null && !(value >= 0 && value <= 1)) {
                    throw new IllegalArgumentException("collaboration " + i + ": " + COMPONENTS.get(k)
                            + " must be between 0 and 1, got " + value);
                }
            }
            if (!(Double.isFinite(c.costPerMicroConversion()) && c.costPerMicroConversion() > 0)) {
                throw new IllegalArgumentException("collaboration " + i
                        + ": costPerMicroConversion must be a finite number above 0, got " + c.costPerMicroConversion());
            }
        }
    }

    private static Double value(Collaboration c, int component) {
        return switch (component) {
            case 0 -> c.nicheFit();
            case 1 -> c.engagement();
            case 2 -> c.reputation();
            default -> c.audienceFit();
        };
    }

    // ---- evidence per component -------------------------------------------------------------------------------

    private static List<ComponentEvidence> evidence(List<Collaboration> collaborations) {
        List<ComponentEvidence> evidence = new ArrayList<>();
        for (int k = 0; k < COMPONENTS.size(); k++) {
            List<Double> values = new ArrayList<>();
            List<Double> costs = new ArrayList<>();
            for (Collaboration c : collaborations) {
                Double value = value(c, k);
                if (value != null) {
                    values.add(value);
                    costs.add(c.costPerMicroConversion());
                }
            }
            evidence.add(evidence(COMPONENTS.get(k), toArray(values), toArray(costs)));
        }
        return evidence;
    }

    private static ComponentEvidence evidence(String component, double[] values, double[] costs) {
        int n = values.length;
        if (n < 3 || isConstant(values) || isConstant(costs)) {
            return new ComponentEvidence(component, null, null, n, "not enough data");
        }
        double rho = new SpearmansCorrelation().correlation(values, costs);
        if (Double.isNaN(rho)) {
            return new ComponentEvidence(component, null, null, n, "not enough data");
        }
        double pValue = twoSidedPValue(rho, n);
        return new ComponentEvidence(component, rho, pValue, n, confidence(component, rho, pValue, n));
    }

    private static double twoSidedPValue(double rho, int n) {
        double remaining = 1 - rho * rho;
        if (remaining <= 0) {
            return 0; // a perfect rank agreement: t is infinite
        }
        double t = rho * Math.sqrt((n - 2) / remaining);
        return Math.min(1, 2 * new TDistribution(n - 2).cumulativeProbability(-Math.abs(t)));
    }

    private static String confidence(String component, double rho, double pValue, int n) {
        if (n < MIN_COLLABORATIONS) {
            return "too few collaborations to tell (" + n + " of " + MIN_COLLABORATIONS + ")";
        }
        String grade = pValue < 0.01 ? "strong" : pValue < 0.05 ? "moderate" : pValue < 0.2 ? "weak" : "none";
        String link = grade.equals("none") ? component + " showed no clear link with the cost per micro-conversion"
                : "a higher " + component + " went with a " + (rho < 0 ? "cheaper" : "dearer") + " micro-conversion";
        return grade + ": " + link + " (ρ = " + Decimals.fixed(rho, 2) + " over " + n + " collaborations)";
    }

    // ---- the weights ------------------------------------------------------------------------------------------

    /** y_i = 1 − (rank_i − 1)/(n − 1) over the costs ranked ascending, ties sharing their average rank. */
    private static double[] cheapness(List<Collaboration> collaborations) {
        int n = collaborations.size();
        double[] costs = collaborations.stream().mapToDouble(Collaboration::costPerMicroConversion).toArray();
        double[] ranks = new NaturalRanking(TiesStrategy.AVERAGE).rank(costs);
        double[] cheapness = new double[n];
        for (int i = 0; i < n; i++) {
            cheapness[i] = 1 - (ranks[i] - 1) / (n - 1);
        }
        return cheapness;
    }

    /**
     * Which components can carry a coefficient over these collaborations: audienceFit only when every
     * collaboration passed in carries it, and none that is the same everywhere (it would be indistinguishable
     * from the intercept, so any weight on it would be arbitrary).
     */
    private static boolean[] fittable(List<Collaboration> rows, boolean audienceInFit) {
        boolean[] fittable = new boolean[COMPONENTS.size()];
        for (int k = 0; k < COMPONENTS.size(); k++) {
            if (k == AUDIENCE_FIT && !audienceInFit) {
                continue;
            }
            final int component = k;
            fittable[k] = !isConstant(rows.stream().mapToDouble(c -> value(c, component)).toArray());
        }
        return fittable;
    }

    /**
     * Minimises Σ (b + Σ_k v_k c_ik − y_i)² over b free and v ≥ 0 as the quadratic program
     * ½ xᵀPx + qᵀx + d with x = (b, v), P = 2XᵀX/n, q = −2Xᵀy/n, d = yᵀy/n (the mean squared error, which keeps
     * the solver's tolerances independent of n), and returns v / Σ v; null when Σ v is numerically 0.
     */
    private static Weights nonNegativeWeights(List<Collaboration> rows, double[] y, boolean audienceInFit) {
        boolean[] fittable = fittable(rows, audienceInFit);
        List<Integer> columns = new ArrayList<>();
        for (int k = 0; k < fittable.length; k++) {
            if (fittable[k]) {
                columns.add(k);
            }
        }
        if (columns.isEmpty()) {
            return null;
        }
        int n = rows.size();
        int m = columns.size();
        double[][] design = new double[n][m + 1];
        for (int i = 0; i < n; i++) {
            design[i][0] = 1;
            for (int j = 0; j < m; j++) {
                design[i][j + 1] = value(rows.get(i), columns.get(j));
            }
        }
        RealMatrix x = MatrixUtils.createRealMatrix(design);
        RealVector outcome = MatrixUtils.createRealVector(y);
        RealMatrix p = x.transpose().multiply(x).scalarMultiply(2.0 / n);
        RealVector q = x.transpose().operate(outcome).mapMultiply(-2.0 / n);
        double d = outcome.dotProduct(outcome) / n;

        // Rows pick v_1..v_m out of (b, v): A·x ≥ 0 is v ≥ 0, the intercept stays free.
        double[][] pickCoefficients = new double[m][m + 1];
        for (int j = 0; j < m; j++) {
            pickCoefficients[j][j + 1] = 1;
        }
        ADMMQPOption options = new ADMMQPOption();
        options.setEps(SOLVER_EPS);
        // A fixed step size: the adaptive one adds the regularisation to the KKT matrix again at every update,
        // which can stall the iterations or leave the matrix singular (two components moving together); with
        // a fixed step these small programs converge in well under a hundred iterations. Polishing stays off:
        // it solves a KKT system that is singular whenever a v ≥ 0 bound is active, and the iterations alone
        // already meet the exact optimum to about 1e-8.
        options.setUpdateRho(false);
        options.setPolishing(false);
        LagrangeSolution solution = new ADMMQPOptimizer().optimize(
                new ObjectiveFunction(new QuadraticFunction(p, q, d)),
                new MaxIter(MAX_SOLVER_ITERATIONS),
                new LinearInequalityConstraint(MatrixUtils.createRealMatrix(pickCoefficients),
                        MatrixUtils.createRealVector(new double[m])),
                options);

        double[] weights = new double[COMPONENTS.size()];
        double sum = 0;
        for (int j = 0; j < m; j++) {
            // The solver meets v ≥ 0 only within its tolerance, and a component that should count 0 comes out
            // with a residue of its iterations: below NOTHING_FITTED a coefficient is that residue.
            double coefficient = solution.getX().getEntry(j + 1);
            coefficient = coefficient < NOTHING_FITTED ? 0 : coefficient;
            weights[columns.get(j)] = coefficient;
            sum += coefficient;
        }
        if (sum < NOTHING_FITTED) {
            return null;
        }
        for (int k = 0; k < weights.length; k++) {
            weights[k] /= sum;
        }
        return new Weights(weights[0], weights[1], weights[2], weights[3]);
    }

    /**
     * The RMSE on the held-out collaborations of y ≈ a + b·score, fitted by least squares on the training part
     * with b kept at 0 or above: the map puts any weights' score on the outcome's scale, so fitted and default weights are
     * compared on how well their scores predict the outcome, not on the scores' level or spread.
     */
    private static double heldOutError(Weights weights, List<Collaboration> training, double[] trainingY,
                                       List<Collaboration> heldOut, double[] heldOutY) {
        double[] trainingScores = training.stream().mapToDouble(c -> score(weights, c)).toArray();
        double slope = 0;
        double intercept = StatUtils.mean(trainingY);
        if (!isConstant(trainingScores)) {
            SimpleRegression regression = new SimpleRegression(true);
            for (int i = 0; i < trainingScores.length; i++) {
                regression.addData(trainingScores[i], trainingY[i]);
            }
            // A negative slope would reward the score for being low; clamped at 0 the best map is the mean.
            if (regression.getSlope() > 0) {
                slope = regression.getSlope();
                intercept = regression.getIntercept();
            }
        }
        double squares = 0;
        for (int i = 0; i < heldOut.size(); i++) {
            double error = intercept + slope * score(weights, heldOut.get(i)) - heldOutY[i];
            squares += error * error;
        }
        return Math.sqrt(squares / heldOut.size());
    }

    /**
     * Σ w_k c_k; a collaboration without audienceFit is scored with the other weights scaled back to sum 1, as
     * a brief without an audience is.
     */
    private static double score(Weights weights, Collaboration c) {
        double score = 0;
        double present = 0;
        for (int k = 0; k < COMPONENTS.size(); k++) {
            Double value = value(c, k);
            if (value != null) {
                score += weights.weight(k) * value;
                present += weights.weight(k);
            }
        }
        return present > 0 ? score / present : 0;
    }

    // ---- words ------------------------------------------------------------------------------------------------

    private static String method(List<Collaboration> collaborations, boolean audienceInFit, String leftOut,
                                 int heldOut, int training) {
        boolean[] fittable = fittable(collaborations, audienceInFit);
        List<String> inFit = new ArrayList<>();
        for (int k = 0; k < fittable.length; k++) {
            if (fittable[k]) {
                inFit.add(COMPONENTS.get(k));
            }
        }
        String fitted = inFit.isEmpty()
                ? "No component varies across the " + collaborations.size() + " collaborations, so nothing was fitted"
                : "Non-negative least squares with an intercept of each collaboration's cheapness percentile "
                + "(1 = cheapest) on " + joined(inFit) + " over " + collaborations.size()
                + " collaborations, the coefficients scaled to sum 1";
        return fitted + (leftOut.isEmpty() ? "" : " (" + leftOut + ")") + "; the errors are the RMSE on the " + heldOut
                + " held-out collaborations (every fifth) of an affine map from score to percentile fitted on the other "
                + training + ".";
    }

    private static String leftOutOfFit(List<Collaboration> collaborations, boolean audienceInFit) {
        boolean[] fittable = fittable(collaborations, audienceInFit);
        List<String> reasons = new ArrayList<>();
        for (int k = 0; k < fittable.length; k++) {
            if (fittable[k]) {
                continue;
            }
            String why = k == AUDIENCE_FIT && !audienceInFit ? audienceShare(collaborations)
                    : "it is the same for every collaboration";
            reasons.add(COMPONENTS.get(k) + " counts 0: " + why);
        }
        return String.join("; ", reasons);
    }

    private static String audienceShare(List<Collaboration> collaborations) {
        long carrying = collaborations.stream().filter(c -> c.audienceFit() != null).count();
        return carrying == 0 ? "no collaboration carries it"
                : "only " + carrying + " of " + collaborations.size() + " collaborations carry it";
    }

    private static String whyNothingLearned(List<Collaboration> collaborations, boolean audienceInFit) {
        if (isConstant(collaborations.stream().mapToDouble(Collaboration::costPerMicroConversion).toArray())) {
            return "every micro-conversion cost the same";
        }
        boolean[] fittable = fittable(collaborations, audienceInFit);
        for (boolean one : fittable) {
            if (one) {
                return "no component went with a cheaper micro-conversion";
            }
        }
        return "no component varied";
    }

    private static String mostWeighted(Weights weights) {
        int best = 0;
        for (int k = 1; k < COMPONENTS.size(); k++) {
            if (weights.weight(k) > weights.weight(best)) {
                best = k;
            }
        }
        return COMPONENTS.get(best);
    }

    private static String weightsText(Weights weights) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < COMPONENTS.size(); k++) {
            parts.add(COMPONENTS.get(k) + " " + Decimals.fixed(weights.weight(k), 2));
        }
        return String.join(", ", parts);
    }

    private static String joined(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String collaborationCount(int n) {
        return n + (n == 1 ? " finished collaboration" : " finished collaborations");
    }

    // ---- arrays -----------------------------------------------------------------------------------------------

    private static boolean isConstant(double[] values) {
        return values.length == 0 || StatUtils.min(values) == StatUtils.max(values);
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
