package dev.verity.prover.gadgets;

import dev.verity.prover.r1cs.CircuitBuilder;
import dev.verity.prover.r1cs.LinearCombination;

/** Inner products and distances of vectors of circuit values. */
public final class Vectors {
    private Vectors() {
    }

    /** {@code sum x_i y_i}: one constraint per pair in which both sides are variable, free otherwise. */
    public static LinearCombination dot(CircuitBuilder b, LinearCombination[] x, LinearCombination[] y) {
        checkLengths(x, y);
        LinearCombination.Sum sum = new LinearCombination.Sum();
        for (int i = 0; i < x.length; i++) {
            sum.add(b.mul(x[i], y[i]));
        }
        return sum.build();
    }

    /** {@code sum x_i w_i} with fixed integer weights: free. */
    public static LinearCombination dot(LinearCombination[] x, long[] weights) {
        if (x.length != weights.length) {
            throw new IllegalArgumentException("vector lengths differ: " + x.length + " and " + weights.length);
        }
        LinearCombination.Sum sum = new LinearCombination.Sum();
        for (int i = 0; i < x.length; i++) {
            sum.add(x[i], weights[i]);
        }
        return sum.build();
    }

    /** {@code sum (x_i - y_i)^2}: one constraint per coordinate. */
    public static LinearCombination squaredDistance(CircuitBuilder b, LinearCombination[] x, LinearCombination[] y) {
        checkLengths(x, y);
        LinearCombination.Sum sum = new LinearCombination.Sum();
        for (int i = 0; i < x.length; i++) {
            LinearCombination d = x[i].sub(y[i]);
            sum.add(b.mul(d, d));
        }
        return sum.build();
    }

    private static void checkLengths(LinearCombination[] x, LinearCombination[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("vector lengths differ: " + x.length + " and " + y.length);
        }
    }
}
