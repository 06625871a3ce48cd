package dev.verity.prover.curve;

import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fp2;
import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;

/**
 * Variable-base scalar multiplication [k] P in G1 or G2 with a cheap endomorphism E that acts on
 * the group as multiplication by a fixed eigenvalue e: k is split into k = a + b·e (mod r) with a
 * and b of about 127 bits ({@link #split}), and [k] P = [a] P + [b] E(P) runs one shared chain of
 * about 127 doublings instead of 254, adding width-5 NAF digits from tables of odd multiples.
 *
 * <ul>
 *   <li>G1 (GLV): E(x, y) = (beta·x, y) with beta a cube root of unity in Fp, e = lambda a cube root
 *       of unity in Fr (the one that matches beta, found at class load). The split reduces k
 *       against a short basis of the lattice {(a, b) : a + b·lambda = 0 mod r}.
 *   <li>G2: E = psi (untwist-Frobenius-twist), which acts on G2 as multiplication by 6x^2, x the
 *       BN parameter; 6x^2 has 127 bits, so the split is plain division k = a + b·6x^2. Valid for
 *       points of G2 only (psi is not multiplication by 6x^2 elsewhere on the twist).
 * </ul>
 *
 * <p>{@link #multiply} works on batches: the tables of all points of a batch go to affine
 * coordinates with one field inversion, and the chain uses mixed additions. An instance owns
 * scratch space and is <b>not thread-safe</b>: use one per thread.
 */
public final class EndomorphismMul {
    /** G1: beta, Montgomery Fp; E(x, y) = (beta x, y) = [lambda] (x, y). */
    static final long[] BETA;
    /** G1: the cube root of unity in Fr matching {@link #BETA}. */
    public static final BigInteger LAMBDA;
    /** G2: psi acts as multiplication by 6x^2 on G2. */
    public static final BigInteger PSI_EIGENVALUE =
            new BigInteger("4965661367192848881").pow(2).multiply(BigInteger.valueOf(6));
    /** G1: reduced basis (A1, B1), (A2, B2) of the GLV lattice, and its determinant. */
    private static final BigInteger A1, B1, A2, B2, DET;
    /**
     * G1: round(2^SHIFT · B2 / DET) and round(-2^SHIFT · B1 / DET), so the split rounds with a
     * multiplication and a shift instead of a division. The rounding may then be off by one for
     * scalars within 2^-120 of a half-integer quotient; the split stays exact, only a half grows by
     * at most the basis length.
     */
    private static final BigInteger G1_C1, G1_C2;
    private static final int SHIFT = 384;
    private static final BigInteger HALF = BigInteger.ONE.shiftLeft(SHIFT - 1);
    /** G2: floor(2^SHIFT / 6x^2), for the quotient of the psi split without a division. */
    private static final BigInteger PSI_RECIPROCAL = BigInteger.ONE.shiftLeft(SHIFT).divide(PSI_EIGENVALUE);

    private static final BigInteger R = Fr.MODULUS;
    private static final MontgomeryField FP = Fp.FIELD;
    private static final int T = SplitScalar.TABLE_SIZE;

    static {
        BigInteger lambda = primitiveCubeRoot(R);
        long[] image = new long[G1.AFFINE];
        G1 g = new G1();
        g.toAffine(g.mul(G1.GENERATOR, 0, lambda), 0, image, 0);
        // the generator has x = 1, so [lambda] G = (beta, 2) names the matching beta
        BigInteger beta = FP.toBigInteger(image, 0);
        if (!beta.modPow(BigInteger.valueOf(3), Fp.MODULUS).equals(BigInteger.ONE)
                || !FP.toBigInteger(image, 4).equals(BigInteger.TWO)) {
            throw new IllegalStateException("G1 endomorphism constants are inconsistent");
        }
        BETA = FP.fromBigInteger(beta);
        LAMBDA = lambda;
        BigInteger[][] basis = reducedBasis(lambda);
        A1 = basis[0][0];
        B1 = basis[0][1];
        A2 = basis[1][0];
        B2 = basis[1][1];
        DET = A1.multiply(B2).subtract(A2.multiply(B1));
        G1_C1 = roundDiv(B2.shiftLeft(SHIFT), DET);
        G1_C2 = roundDiv(B1.negate().shiftLeft(SHIFT), DET);
    }

    private final boolean isG1;
    private final G1 g1;
    private final G2 g2;
    private final CurveArithmetic group;
    private final int affine;
    private final int jacobian;
    private long[] tableJacobian = new long[0];
    private long[] table = new long[0];
    private long[] endoTable = new long[0];
    private final long[] negated;
    private final long[] psiScratch = new long[G2.JACOBIAN];

    private EndomorphismMul(boolean isG1) {
        this.isG1 = isG1;
        this.g1 = isG1 ? new G1() : null;
        this.g2 = isG1 ? null : new G2();
        this.group = isG1 ? g1 : g2;
        this.affine = isG1 ? G1.AFFINE : G2.AFFINE;
        this.jacobian = isG1 ? G1.JACOBIAN : G2.JACOBIAN;
        this.negated = new long[affine];
    }

    public static EndomorphismMul g1() {
        return new EndomorphismMul(true);
    }

    public static EndomorphismMul g2() {
        return new EndomorphismMul(false);
    }

    /** The group law of this instance's group (same scratch rules: this thread only). */
    public CurveArithmetic group() {
        return group;
    }

    public int affineLimbs() {
        return affine;
    }

    public int jacobianLimbs() {
        return jacobian;
    }

    /** Splits a scalar k in [0, r) for this group. Thread-safe. */
    public SplitScalar split(BigInteger k) {
        return isG1 ? splitG1(k) : splitG2(k);
    }

    /** The GLV split: k = a + b·lambda (mod r) with |a|, |b| about sqrt(r). */
    public static SplitScalar splitG1(BigInteger k) {
        requireScalar(k);
        BigInteger c1 = k.multiply(G1_C1).add(HALF).shiftRight(SHIFT);
        BigInteger c2 = k.multiply(G1_C2).add(HALF).shiftRight(SHIFT);
        BigInteger a = k.subtract(c1.multiply(A1)).subtract(c2.multiply(A2));
        BigInteger b = c1.multiply(B1).add(c2.multiply(B2)).negate();
        return SplitScalar.of(a, b);
    }

    /** The psi split: k = a + b·6x^2 with 0 &lt;= a &lt; 6x^2. */
    public static SplitScalar splitG2(BigInteger k) {
        requireScalar(k);
        // the estimate is at most one below the quotient
        BigInteger q = k.multiply(PSI_RECIPROCAL).shiftRight(SHIFT);
        BigInteger rest = k.subtract(q.multiply(PSI_EIGENVALUE));
        if (rest.compareTo(PSI_EIGENVALUE) >= 0) {
            q = q.add(BigInteger.ONE);
            rest = rest.subtract(PSI_EIGENVALUE);
        }
        return SplitScalar.of(rest, q);
    }

    /**
     * For i &lt; count: the Jacobian point at {@code out[outOffset + i * jacobianLimbs()]} becomes
     * [k_i] P_i, where P_i is the affine point at {@code points[offsets[i]]} and k_i the scalar
     * {@code scalars[i]} was split from. The output must not overlap the input points.
     */
    public void multiply(long[] points, int[] offsets, SplitScalar[] scalars, int count, long[] out, int outOffset) {
        ensureCapacity(count);
        int j = jacobian;
        int a = affine;
        long[] tj = tableJacobian;
        for (int i = 0; i < count; i++) {
            int base = i * T * j;
            if (scalars[i].isZero() || isInfinityAffine(points, offsets[i])) {
                java.util.Arrays.fill(tj, base, base + T * j, 0L);
                continue;
            }
            fromAffine(points, offsets[i], tj, base);
            // 2P in the output slot, which is free until the chain starts
            int two = outOffset + i * j;
            group.dbl(tj, base, out, two);
            for (int e = 1; e < T; e++) {
                group.add(tj, base + (e - 1) * j, out, two, tj, base + e * j);
            }
        }
        group.toAffine(tj, 0, count * T, table, 0);
        for (int e = 0; e < count * T; e++) {
            endomorphism(table, e * a, endoTable, e * a);
        }
        for (int i = 0; i < count; i++) {
            int acc = outOffset + i * j;
            java.util.Arrays.fill(out, acc, acc + j, 0L);
            SplitScalar s = scalars[i];
            if (s.isZero() || isInfinityAffine(points, offsets[i])) {
                continue;
            }
            int base = i * T * a;
            byte[] first = s.first;
            byte[] second = s.second;
            for (int bit = s.length - 1; bit >= 0; bit--) {
                group.dbl(out, acc, out, acc);
                int d = first[bit];
                if (d != 0) {
                    addDigit(out, acc, table, base, d);
                }
                d = second[bit];
                if (d != 0) {
                    addDigit(out, acc, endoTable, base, d);
                }
            }
        }
    }

    /** acc += [d] P for an odd digit d, taking |d| P from the table of odd multiples. */
    private void addDigit(long[] out, int acc, long[] tab, int base, int d) {
        int entry = base + ((Math.abs(d) - 1) >> 1) * affine;
        if (d > 0) {
            group.addAffine(out, acc, tab, entry, out, acc);
        } else {
            negateAffine(tab, entry, negated, 0);
            group.addAffine(out, acc, negated, 0, out, acc);
        }
    }

    private void endomorphism(long[] p, int po, long[] r, int ro) {
        if (isG1) {
            FP.mul(p, po, BETA, 0, r, ro);
            MontgomeryField.copy(p, po + 4, r, ro + 4);
            return;
        }
        if (G2.isInfinityAffine(p, po)) {
            G2.setInfinityAffine(r, ro);
            return;
        }
        // psi on the Jacobian form with Z = 1 keeps Z = 1 (conj(1) = 1): X, Y are the affine image
        System.arraycopy(p, po, psiScratch, 0, G2.AFFINE);
        Fp2.setOne(psiScratch, G2.AFFINE);
        g2.psi(psiScratch, 0, psiScratch, 0);
        System.arraycopy(psiScratch, 0, r, ro, G2.AFFINE);
    }

    private boolean isInfinityAffine(long[] p, int po) {
        return isG1 ? G1.isInfinityAffine(p, po) : G2.isInfinityAffine(p, po);
    }

    private void fromAffine(long[] p, int po, long[] r, int ro) {
        if (isG1) {
            G1.fromAffine(p, po, r, ro);
        } else {
            G2.fromAffine(p, po, r, ro);
        }
    }

    private void negateAffine(long[] p, int po, long[] r, int ro) {
        if (isG1) {
            G1.negAffine(p, po, r, ro);
        } else {
            G2.negAffine(p, po, r, ro);
        }
    }

    private void ensureCapacity(int count) {
        if (table.length < count * T * affine) {
            tableJacobian = new long[count * T * jacobian];
            table = new long[count * T * affine];
            endoTable = new long[count * T * affine];
        }
    }

    private static void requireScalar(BigInteger k) {
        if (k.signum() < 0 || k.compareTo(R) >= 0) {
            throw new IllegalArgumentException("scalar must be in [0, r)");
        }
    }

    /** A primitive cube root of unity mod the prime m (m = 1 mod 3): c^((m-1)/3) for the first c that gives one. */
    private static BigInteger primitiveCubeRoot(BigInteger m) {
        BigInteger e = m.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3));
        for (BigInteger c = BigInteger.TWO; ; c = c.add(BigInteger.ONE)) {
            BigInteger root = c.modPow(e, m);
            if (!root.equals(BigInteger.ONE)) {
                return root;
            }
        }
    }

    /** Lagrange-Gauss reduction of the lattice spanned by (r, 0) and (-lambda, 1). */
    private static BigInteger[][] reducedBasis(BigInteger lambda) {
        BigInteger[] u = {R, BigInteger.ZERO};
        BigInteger[] v = {lambda.negate(), BigInteger.ONE};
        if (norm(u).compareTo(norm(v)) < 0) {
            BigInteger[] t = u;
            u = v;
            v = t;
        }
        while (true) {
            BigInteger q = roundDiv(dot(u, v), norm(v));
            BigInteger[] w = {u[0].subtract(q.multiply(v[0])), u[1].subtract(q.multiply(v[1]))};
            if (norm(w).compareTo(norm(v)) >= 0) {
                return new BigInteger[][] {v, w};
            }
            u = v;
            v = w;
        }
    }

    private static BigInteger dot(BigInteger[] a, BigInteger[] b) {
        return a[0].multiply(b[0]).add(a[1].multiply(b[1]));
    }

    private static BigInteger norm(BigInteger[] a) {
        return dot(a, a);
    }

    /** n / d rounded to the nearest integer (halves up), any signs. */
    private static BigInteger roundDiv(BigInteger n, BigInteger d) {
        if (d.signum() < 0) {
            n = n.negate();
            d = d.negate();
        }
        BigInteger twice = n.shiftLeft(1).add(d);
        BigInteger d2 = d.shiftLeft(1);
        BigInteger[] qr = twice.divideAndRemainder(d2);
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }
}
