package dev.verity.prover.groth16;

import dev.verity.prover.curve.CurveArithmetic;
import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.util.Progress;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Key generation from a ceremony: for each wire s, sum over matrices j and the rows of wire s of
 * coef * P_j[row], where P_j are Lagrange-basis points from the Powers of Tau file. Circuit
 * coefficients are mostly small (1, -1, powers of two), so each term costs a few additions, and a
 * full-size coefficient falls back to a windowed scalar multiplication. Parallel over wires.
 */
final class SparseCombination {
    private static final int L = MontgomeryField.LIMBS;
    private static final int CHUNK = 1024;
    /** Columns with at least this many terms go to Pippenger instead of term-by-term multiplication. */
    private static final int MSM_TERMS = 256;
    private static final long[] HALF_R = MontgomeryField.toLimbs(Fr.MODULUS.shiftRight(1));
    private static final long[] R = MontgomeryField.toLimbs(Fr.MODULUS);

    private SparseCombination() {
    }

    /**
     * Affine points out[i] = sum_j sum_{(row, coef) in column firstWire + i of columns[j]}
     * coef * points[j][row], for i in [0, count).
     */
    static long[] combine(CurveGroup group, int firstWire, int count, SparseColumns[] columns, long[][] points,
            Progress progress, String step) {
        long[] out = new long[count * group.affine];
        int chunks = (count + CHUNK - 1) / CHUNK;
        AtomicLong done = new AtomicLong();
        progress.begin(step);
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            int from = chunk * CHUNK;
            int to = Math.min(count, from + CHUNK);
            Worker worker = new Worker(group);
            long[] sums = new long[(to - from) * group.jacobian];
            for (int i = from; i < to; i++) {
                int wire = firstWire + i;
                if (terms(columns, wire) >= MSM_TERMS) {
                    continue; // below, with Pippenger
                }
                int at = (i - from) * group.jacobian;
                for (int j = 0; j < columns.length; j++) {
                    SparseColumns m = columns[j];
                    for (int k = m.columnStart[wire]; k < m.columnStart[wire + 1]; k++) {
                        worker.addMultiple(sums, at, points[j], m.rows[k] * group.affine, m.coefficients, L * k);
                    }
                }
            }
            worker.arithmetic.toAffine(sums, 0, to - from, out, from * group.affine);
            progress.report(step, done.addAndGet(to - from), count);
        });
        CurveArithmetic arithmetic = group.arithmetic();
        for (int i = 0; i < count; i++) {
            int wire = firstWire + i;
            if (terms(columns, wire) >= MSM_TERMS) {
                arithmetic.toAffine(multiScalar(group, wire, columns, points), 0, 1, out, i * group.affine);
            }
        }
        return out;
    }

    private static long terms(SparseColumns[] columns, int wire) {
        long terms = 0;
        for (SparseColumns m : columns) {
            terms += m.columnStart[wire + 1] - m.columnStart[wire];
        }
        return terms;
    }

    /**
     * A wire used by many constraints (the constant wire above all, often with arbitrary
     * coefficients) is one multi-scalar multiplication over its rows' points: term by term it
     * would cost a full scalar multiplication per row on a single thread.
     */
    private static long[] multiScalar(CurveGroup group, int wire, SparseColumns[] columns, long[][] points) {
        int n = (int) terms(columns, wire);
        long[] bases = new long[n * group.affine];
        long[] scalars = new long[L * n];
        int t = 0;
        for (int j = 0; j < columns.length; j++) {
            SparseColumns m = columns[j];
            for (int k = m.columnStart[wire]; k < m.columnStart[wire + 1]; k++, t++) {
                System.arraycopy(points[j], m.rows[k] * group.affine, bases, t * group.affine, group.affine);
                System.arraycopy(m.coefficients, L * k, scalars, L * t, L);
            }
        }
        return group.msm(bases, scalars);
    }

    /** Per-thread state: group arithmetic and scratch. */
    private static final class Worker {
        final CurveGroup group;
        final CurveArithmetic arithmetic;
        final long[] signed;
        final long[] term;
        final long[] magnitude = new long[L];

        Worker(CurveGroup group) {
            this.group = group;
            this.arithmetic = group.arithmetic();
            this.signed = new long[group.affine];
            this.term = new long[group.jacobian];
        }

        /** acc += coef * point, coef given as plain canonical limbs. */
        void addMultiple(long[] acc, int ao, long[] points, int po, long[] coef, int co) {
            if ((coef[co] | coef[co + 1] | coef[co + 2] | coef[co + 3]) == 0) {
                return;
            }
            // coef above r/2 is a small negative number more often than not: use -(r - coef)
            if (greaterThan(coef, co, HALF_R)) {
                subtract(R, coef, co, magnitude);
                group.negAffine(points, po, signed, 0);
            } else {
                System.arraycopy(coef, co, magnitude, 0, L);
                System.arraycopy(points, po, signed, 0, group.affine);
            }
            if ((magnitude[1] | magnitude[2] | magnitude[3]) == 0) {
                long k = magnitude[0];
                if (k == 1) {
                    arithmetic.addAffine(acc, ao, signed, 0, acc, ao);
                    return;
                }
                group.fromAffine(signed, 0, term, 0);
                for (int bit = 62 - Long.numberOfLeadingZeros(k); bit >= 0; bit--) {
                    arithmetic.dbl(term, 0, term, 0);
                    if (((k >>> bit) & 1) != 0) {
                        arithmetic.addAffine(term, 0, signed, 0, term, 0);
                    }
                }
            } else {
                long[] product = arithmetic.mul(signed, 0, MontgomeryField.limbsToBigInteger(magnitude, 0));
                System.arraycopy(product, 0, term, 0, group.jacobian);
            }
            arithmetic.add(acc, ao, term, 0, acc, ao);
        }

        private static boolean greaterThan(long[] a, int ao, long[] b) {
            for (int i = L - 1; i >= 0; i--) {
                int c = Long.compareUnsigned(a[ao + i], b[i]);
                if (c != 0) {
                    return c > 0;
                }
            }
            return false;
        }

        /** r = a - b for a >= b (limbs). */
        private static void subtract(long[] a, long[] b, int bo, long[] r) {
            long borrow = 0;
            for (int i = 0; i < L; i++) {
                long x = a[i];
                long y = b[bo + i];
                long d = x - y - borrow;
                borrow = ((~x & y) | ((~x | y) & d)) >>> 63;
                r[i] = d;
            }
        }
    }
}
