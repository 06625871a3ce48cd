package dev.verity.prover.r1cs;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * An immutable linear combination {@code sum c_i * w_i} of the wires of a circuit under
 * construction, with Fr coefficients. The constant term is the coefficient of wire 0 (the wire
 * that always holds 1). Adding, subtracting and scaling linear combinations costs no constraint.
 *
 * <p>Terms are stored in two primitive arrays (wire ids and Montgomery coefficient limbs, four per
 * term), sorted by wire, with no repeated wire and no zero coefficient, so combining two of them is
 * a linear merge. Wire ids are the {@link CircuitBuilder}'s own; a linear combination only makes
 * sense with the builder that made its wires.
 */
public final class LinearCombination {
    private static final int L = MontgomeryField.LIMBS;
    private static final MontgomeryField F = Fr.FIELD;

    /** The empty combination, 0. */
    public static final LinearCombination ZERO = new LinearCombination(new int[0], new long[0]);

    final int[] wires;
    final long[] coefficients;

    /** Takes ownership; the terms must already be sorted, distinct and non-zero. */
    LinearCombination(int[] wires, long[] coefficients) {
        this.wires = wires;
        this.coefficients = coefficients;
    }

    /** Wire {@code wire} with coefficient 1. */
    static LinearCombination ofWire(int wire) {
        return new LinearCombination(new int[] {wire}, F.one());
    }

    public static LinearCombination constant(long value) {
        if (value == 0) {
            return ZERO;
        }
        long[] c = new long[L];
        FieldValues.fromLong(value, c, 0);
        return new LinearCombination(new int[] {CircuitBuilder.ONE_WIRE}, c);
    }

    /** The constant {@code value mod r} (negative values are taken modulo r). */
    public static LinearCombination constant(BigInteger value) {
        long[] c = F.fromBigInteger(value);
        if (F.isZero(c, 0)) {
            return ZERO;
        }
        return new LinearCombination(new int[] {CircuitBuilder.ONE_WIRE}, c);
    }

    /** Number of terms, the constant counting as one. */
    public int terms() {
        return wires.length;
    }

    /** Whether no wire other than the constant one appears. */
    public boolean isConstant() {
        return wires.length == 0 || (wires.length == 1 && wires[0] == CircuitBuilder.ONE_WIRE);
    }

    /** The value of a constant combination, in {@code [0, r)}. */
    public BigInteger constantValue() {
        if (!isConstant()) {
            throw new IllegalStateException("not a constant: " + wires.length + " terms");
        }
        return wires.length == 0 ? BigInteger.ZERO : F.toBigInteger(coefficients, 0);
    }

    /** The wire of a combination that is one wire with coefficient 1, or -1. */
    int singleWire() {
        if (wires.length == 1 && wires[0] != CircuitBuilder.ONE_WIRE && F.isOne(coefficients, 0)) {
            return wires[0];
        }
        return -1;
    }

    public LinearCombination add(LinearCombination other) {
        return merge(other, false);
    }

    public LinearCombination sub(LinearCombination other) {
        return merge(other, true);
    }

    public LinearCombination add(long constant) {
        return add(constant(constant));
    }

    public LinearCombination add(BigInteger constant) {
        return add(constant(constant));
    }

    public LinearCombination negate() {
        long[] c = new long[coefficients.length];
        for (int t = 0; t < wires.length; t++) {
            F.neg(coefficients, L * t, c, L * t);
        }
        return new LinearCombination(wires, c);
    }

    public LinearCombination times(long factor) {
        long[] k = new long[L];
        FieldValues.fromLong(factor, k, 0);
        return timesMontgomery(k);
    }

    public LinearCombination times(BigInteger factor) {
        return timesMontgomery(F.fromBigInteger(factor));
    }

    private LinearCombination timesMontgomery(long[] k) {
        if (F.isZero(k, 0)) {
            return ZERO;
        }
        if (F.isOne(k, 0)) {
            return this;
        }
        long[] c = new long[coefficients.length];
        for (int t = 0; t < wires.length; t++) {
            F.mul(coefficients, L * t, k, 0, c, L * t);
        }
        return new LinearCombination(wires, c); // k != 0 in a field keeps every coefficient non-zero
    }

    private LinearCombination merge(LinearCombination o, boolean negateOther) {
        if (o.wires.length == 0) {
            return this;
        }
        if (wires.length == 0 && !negateOther) {
            return o;
        }
        int n = wires.length + o.wires.length;
        int[] w = new int[n];
        long[] c = new long[L * n];
        int i = 0, j = 0, k = 0;
        while (i < wires.length || j < o.wires.length) {
            int wi = i < wires.length ? wires[i] : Integer.MAX_VALUE;
            int wj = j < o.wires.length ? o.wires[j] : Integer.MAX_VALUE;
            if (wi < wj) {
                w[k] = wi;
                MontgomeryField.copy(coefficients, L * i, c, L * k);
                i++;
                k++;
            } else if (wj < wi) {
                w[k] = wj;
                if (negateOther) {
                    F.neg(o.coefficients, L * j, c, L * k);
                } else {
                    MontgomeryField.copy(o.coefficients, L * j, c, L * k);
                }
                j++;
                k++;
            } else {
                if (negateOther) {
                    F.sub(coefficients, L * i, o.coefficients, L * j, c, L * k);
                } else {
                    F.add(coefficients, L * i, o.coefficients, L * j, c, L * k);
                }
                i++;
                j++;
                if (!F.isZero(c, L * k)) {
                    w[k] = wi;
                    k++;
                }
            }
        }
        return new LinearCombination(k == n ? w : Arrays.copyOf(w, k), k == n ? c : Arrays.copyOf(c, L * k));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int t = 0; t < wires.length; t++) {
            if (t > 0) {
                s.append(" + ");
            }
            s.append(F.toBigInteger(coefficients, L * t)).append("*w").append(wires[t]);
        }
        return s.length() == 0 ? "0" : s.toString();
    }

    /**
     * Accumulates a sum of many scaled combinations (a dot product with fixed weights, the binary
     * expansion of a bit vector) in one pass: terms are appended and merged once by a sort, instead
     * of a quadratic chain of pairwise additions.
     */
    public static final class Sum {
        private int[] wires = new int[16];
        private long[] coefficients = new long[16 * L];
        private int n;
        private final long[] factor = new long[L];

        public Sum add(LinearCombination lc) {
            for (int t = 0; t < lc.wires.length; t++) {
                append(lc.wires[t], lc.coefficients, L * t);
            }
            return this;
        }

        public Sum add(LinearCombination lc, long k) {
            FieldValues.fromLong(k, factor, 0);
            return addScaled(lc);
        }

        public Sum add(LinearCombination lc, BigInteger k) {
            F.fromBigInteger(k, factor, 0);
            return addScaled(lc);
        }

        public Sum addConstant(long c) {
            return add(constant(c));
        }

        private Sum addScaled(LinearCombination lc) {
            if (F.isZero(factor, 0)) {
                return this;
            }
            for (int t = 0; t < lc.wires.length; t++) {
                append(lc.wires[t], lc.coefficients, L * t);
                F.mul(coefficients, L * (n - 1), factor, 0, coefficients, L * (n - 1));
            }
            return this;
        }

        private void append(int wire, long[] c, int off) {
            if (n == wires.length) {
                wires = Arrays.copyOf(wires, 2 * n);
                coefficients = Arrays.copyOf(coefficients, 2 * L * n);
            }
            wires[n] = wire;
            MontgomeryField.copy(c, off, coefficients, L * n);
            n++;
        }

        public LinearCombination build() {
            long[] keys = new long[n];
            for (int t = 0; t < n; t++) {
                keys[t] = ((long) wires[t] << 32) | t;
            }
            Arrays.sort(keys);
            int[] w = new int[n];
            long[] c = new long[L * n];
            int k = -1;
            for (int s = 0; s < n; s++) {
                int wire = (int) (keys[s] >>> 32);
                int t = (int) keys[s];
                if (k >= 0 && w[k] == wire) {
                    F.add(c, L * k, coefficients, L * t, c, L * k);
                } else {
                    if (k >= 0 && F.isZero(c, L * k)) {
                        k--; // the previous wire cancelled out
                    }
                    k++;
                    w[k] = wire;
                    MontgomeryField.copy(coefficients, L * t, c, L * k);
                }
            }
            if (k >= 0 && F.isZero(c, L * k)) {
                k--;
            }
            int size = k + 1;
            return new LinearCombination(Arrays.copyOf(w, size), Arrays.copyOf(c, L * size));
        }
    }
}
