package dev.verity.prover.gadgets;

import dev.verity.prover.r1cs.CircuitBuilder;
import dev.verity.prover.r1cs.LinearCombination;
import java.math.BigInteger;

/** Maximum and argmax of signed n-bit values ({@code -2^(n-1) <= x < 2^(n-1)}). */
public final class Selection {
    private Selection() {
    }

    /** {@code max(x, y)}: n + 3 constraints. */
    public static LinearCombination max(CircuitBuilder b, LinearCombination x, LinearCombination y, int n) {
        LinearCombination xAtLeastY = Comparators.lessOrEqual(b, y, x, n);
        return y.add(b.mul(xAtLeastY, x.sub(y)));
    }

    /** The first index of a largest value and that value. */
    public record Argmax(LinearCombination index, LinearCombination max) {
    }

    /**
     * The first index of a largest value: a one-hot selector s (m booleans, one constraint that
     * they sum to 1), {@code max = sum s_j x_j} (m products) and, for every j, a range check
     * {@code 0 <= max - x_j - [j < index] < 2^n} (m (n + 1)), which makes the selected value at
     * least every other and strictly greater than those before it. Total m (n + 3) + 1.
     */
    public static Argmax argmax(CircuitBuilder b, LinearCombination[] xs, int n) {
        if (xs.length == 0) {
            throw new IllegalArgumentException("argmax of no values");
        }
        Bits.checkWidth(n);
        int best = 0;
        BigInteger bestValue = b.signedValue(xs[0]);
        for (int j = 1; j < xs.length; j++) {
            BigInteger v = b.signedValue(xs[j]);
            if (v.compareTo(bestValue) > 0) {
                best = j;
                bestValue = v;
            }
        }
        LinearCombination[] select = new LinearCombination[xs.length];
        LinearCombination.Sum total = new LinearCombination.Sum();
        LinearCombination.Sum index = new LinearCombination.Sum();
        LinearCombination.Sum max = new LinearCombination.Sum();
        for (int j = 0; j < xs.length; j++) {
            select[j] = b.hint(j == best ? 1 : 0);
            b.assertBoolean(select[j]);
            total.add(select[j]);
            index.add(select[j], j);
            max.add(b.mul(select[j], xs[j]));
        }
        b.assertEqual(total.build(), b.one());
        LinearCombination maxValue = max.build();
        // after[j] = sum_{i > j} s_i: 1 exactly for the indices before the selected one
        LinearCombination after = LinearCombination.ZERO;
        LinearCombination[] before = new LinearCombination[xs.length];
        for (int j = xs.length - 1; j >= 0; j--) {
            before[j] = after;
            after = after.add(select[j]);
        }
        for (int j = 0; j < xs.length; j++) {
            Bits.rangeCheck(b, maxValue.sub(xs[j]).sub(before[j]), n);
        }
        return new Argmax(index.build(), maxValue);
    }
}
