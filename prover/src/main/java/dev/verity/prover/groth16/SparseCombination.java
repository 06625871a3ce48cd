package dev.verity.prover.groth16;

import dev.verity.prover.curve.CurveArithmetic;
import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.msm.AffineBatch;
import dev.verity.prover.util.Progress;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Key generation from a ceremony: for each wire s, sum over matrices j and the rows of wire s of
 * coef * P_j[row], where P_j are Lagrange-basis points from the Powers of Tau file. Parallel over
 * chunks of wires. Terms with coefficient 1 or -1 (most of them in most circuits) are summed in
 * affine coordinates, in rounds that take the next such term of every wire of the chunk as one
 * batch of additions sharing a field inversion ({@link AffineBatch}). Other small coefficients
 * (powers of two above all) cost a few Jacobian doublings and additions, and a full-size
 * coefficient a windowed scalar multiplication.
 */
final class SparseCombination {
    private static final int L = MontgomeryField.LIMBS;
    private static final int CHUNK = 1024;
    /** Columns with at least this many terms go to Pippenger instead of term-by-term multiplication. */
    private static final int MSM_TERMS = 256;
    /** Fewer unit-coefficient additions than this in a round are done in Jacobian coordinates. */
    private static final int MIN_BATCH = 16;
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
            int size = Math.min(count, from + CHUNK) - from;
            Worker worker = new Worker(group);
            boolean[] heavy = new boolean[size];
            for (int i = 0; i < size; i++) {
                heavy[i] = terms(columns, firstWire + from + i) >= MSM_TERMS; // below, with Pippenger
            }
            ChunkSums sums = new ChunkSums(group, size);
            for (int j = 0; j < columns.length; j++) {
                worker.addUnitTerms(columns[j], points[j], firstWire + from, heavy, sums);
            }
            for (int i = 0; i < size; i++) {
                if (heavy[i]) {
                    continue;
                }
                int wire = firstWire + from + i;
                for (int j = 0; j < columns.length; j++) {
                    SparseColumns m = columns[j];
                    for (int k = m.columnStart[wire]; k < m.columnStart[wire + 1]; k++) {
                        if (unitSign(m.coefficients, L * k) == 0) {
                            worker.addMultiple(sums.jacobian, i * group.jacobian, points[j], m.rows[k] * group.affine,
                                    m.coefficients, L * k);
                            sums.usesJacobian[i] = true;
                        }
                    }
                }
            }
            sums.toAffine(worker.arithmetic, out, from * group.affine);
            progress.report(step, done.addAndGet(size), count);
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

    /** 1 for the coefficient 1, -1 for r - 1, 0 for any other (plain canonical limbs). */
    private static int unitSign(long[] coef, int co) {
        if ((coef[co + 1] | coef[co + 2] | coef[co + 3]) == 0 && coef[co] == 1) {
            return 1;
        }
        return coef[co] == R[0] - 1 && coef[co + 1] == R[1] && coef[co + 2] == R[2] && coef[co + 3] == R[3] ? -1 : 0;
    }

    /**
     * The sums of one chunk of wires: the unit terms in affine points (zeros while empty), the
     * others, where a wire has any, in Jacobian points.
     */
    private static final class ChunkSums {
        final CurveGroup group;
        final long[] affine;
        final long[] jacobian;
        final boolean[] usesJacobian;

        ChunkSums(CurveGroup group, int size) {
            this.group = group;
            this.affine = new long[size * group.affine];
            this.jacobian = new long[size * group.jacobian];
            this.usesJacobian = new boolean[size];
        }

        /** Writes the affine sums to {@code out} from {@code outAt}, one inversion for the Jacobian ones. */
        void toAffine(CurveArithmetic arithmetic, long[] out, int outAt) {
            int size = usesJacobian.length;
            boolean anyJacobian = false;
            for (int i = 0; i < size; i++) {
                if (usesJacobian[i]) {
                    arithmetic.addAffine(jacobian, i * group.jacobian, affine, i * group.affine, jacobian,
                            i * group.jacobian);
                    anyJacobian = true;
                }
            }
            long[] converted = affine;
            if (anyJacobian) {
                converted = new long[size * group.affine];
                arithmetic.toAffine(jacobian, 0, size, converted, 0);
            }
            for (int i = 0; i < size; i++) {
                long[] source = usesJacobian[i] ? converted : affine;
                System.arraycopy(source, i * group.affine, out, outAt + i * group.affine, group.affine);
            }
        }
    }

    /** Per-thread state: group arithmetic and scratch. */
    private static final class Worker {
        final CurveGroup group;
        final CurveArithmetic arithmetic;
        final long[] signed;
        final long[] term;
        final long[] magnitude = new long[L];
        final AffineBatch batch;
        final int[] dstAt = new int[CHUNK];
        final int[] srcAt = new int[CHUNK];

        Worker(CurveGroup group) {
            this.group = group;
            this.arithmetic = group.arithmetic();
            this.signed = new long[group.affine];
            this.term = new long[group.jacobian];
            this.batch = group.affineBatch(CHUNK);
        }

        /**
         * Adds the terms with coefficient 1 or -1 of matrix {@code m} into the affine sums of the
         * chunk's wires (from {@code firstWire}; heavy wires are skipped). Round t takes the t-th
         * such term of every wire: the first lands in an empty sum by a copy, the others form one
         * batch (each wire at most once). A round with fewer than {@link #MIN_BATCH} additions,
         * where the shared inversion would cost more than it saves, goes to the Jacobian sums.
         */
        void addUnitTerms(SparseColumns m, long[] points, int firstWire, boolean[] heavy, ChunkSums sums) {
            int size = heavy.length, a = group.affine;
            int[] next = new int[size];
            for (int i = 0; i < size; i++) {
                next[i] = m.columnStart[firstWire + i];
            }
            boolean more = true;
            while (more) {
                more = false;
                int n = 0;
                for (int i = 0; i < size; i++) {
                    if (heavy[i]) {
                        continue;
                    }
                    int end = m.columnStart[firstWire + i + 1];
                    int k = next[i];
                    int sign = 0;
                    while (k < end && (sign = unitSign(m.coefficients, L * k)) == 0) {
                        k++;
                    }
                    if (k == end) {
                        next[i] = end;
                        continue;
                    }
                    next[i] = k + 1;
                    more |= k + 1 < end;
                    int po = m.rows[k] * a;
                    if (isZero(points, po, a)) {
                        continue; // the point at infinity adds nothing
                    }
                    if (isZero(sums.affine, i * a, a)) {
                        if (sign > 0) {
                            System.arraycopy(points, po, sums.affine, i * a, a);
                        } else {
                            group.negAffine(points, po, sums.affine, i * a);
                        }
                    } else {
                        dstAt[n] = i * a;
                        srcAt[n++] = sign > 0 ? po : ~po;
                    }
                }
                if (n >= MIN_BATCH) {
                    batch.add(sums.affine, dstAt, points, srcAt, n);
                } else {
                    for (int t = 0; t < n; t++) {
                        int i = dstAt[t] / a;
                        addSigned(sums.jacobian, i * group.jacobian, points, srcAt[t]);
                        sums.usesJacobian[i] = true;
                    }
                }
            }
        }

        /** acc (Jacobian) += the affine point at {@code at}, or -= it where {@code at} is complemented. */
        private void addSigned(long[] acc, int ao, long[] points, int at) {
            if (at >= 0) {
                arithmetic.addAffine(acc, ao, points, at, acc, ao);
            } else {
                group.negAffine(points, ~at, signed, 0);
                arithmetic.addAffine(acc, ao, signed, 0, acc, ao);
            }
        }

        private static boolean isZero(long[] a, int from, int length) {
            for (int i = from; i < from + length; i++) {
                if (a[i] != 0) {
                    return false;
                }
            }
            return true;
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
