package dev.microscout.demo;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** A fixed list of options with relative weights; draws use the caller's random stream, so they repeat for a seed. */
final class Weighted<T> {

    private final List<T> options;
    private final double[] weights;

    private Weighted(List<T> options, double[] weights) {
        this.options = options;
        this.weights = weights;
    }

    static <T> Weighted<T> of(List<T> options, ToDoubleFunction<T> weight) {
        double[] weights = new double[options.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = weight.applyAsDouble(options.get(i));
            if (!(weights[i] > 0)) {
                throw new IllegalArgumentException("weight of " + options.get(i) + " must be positive");
            }
        }
        return new Weighted<>(List.copyOf(options), weights);
    }

    T pick(SplittableRandom random) {
        return pick(random, Set.of());
    }

    /** Draws one option that is not in {@code excluded}; at least one option must remain. */
    T pick(SplittableRandom random, Set<T> excluded) {
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += excluded.contains(options.get(i)) ? 0 : weights[i];
        }
        if (total == 0) {
            throw new IllegalArgumentException("every option is excluded");
        }
        double point = random.nextDouble() * total;
        T last = null;
        for (int i = 0; i < weights.length; i++) {
            if (excluded.contains(options.get(i))) {
                continue;
            }
            last = options.get(i);
            point -= weights[i];
            if (point < 0) {
                return last;
            }
        }
        return last;
    }
}
