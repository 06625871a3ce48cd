package dev.verity.prover.curve;

import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fp2;
import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;

/**
 * Variable-base scalar multiplication [k] P in G1 or G2 with a cheap endomorphism E that acts on
 * the group as multiplication by a fixed eigenvalue e: k is split into k = sum_j a_j e^j (mod r)
 * with short parts a_j ({@link SplitScalar}), and [k] P = sum_j [a_j] E^j(P) runs one shared chain
 * of doublings as long as the longest part, adding width-5 NAF digits from tables of odd multiples.
 *
 * <ul>
 *   <li>G1 (GLV, 2 parts of about 127 bits): E(x, y) = (beta·x, y) with beta a cube root of unity
 *       in Fp, e = lambda a cube root of unity in Fr (the one that matches beta, found at class
 *       load). The split reduces k against a short basis of the lattice
 *       {(a, b) : a + b·lambda = 0 mod r}.
 *   <li>G2 (GLS, 4 parts of at most 64 bits): E = psi (untwist-Frobenius-twist), which acts on G2
 *       as multiplication by e = 6x^2 (x the BN parameter; e = p mod r, a root of e^4 - e^2 + 1).
 *       The split rounds k against the basis of Galbraith and Scott for BN curves, whose vectors
 *       (a_0 .. a_3) have entries of the size of x and satisfy sum_j a_j e^j = 0 mod r. Valid for
 *       points of G2 only (psi is not multiplication by e elsewhere on the twist).
 * </ul>
 *
 * <p>{@link #multiply} works on batches: the tables of all points of a batch go to affine
 * coordinates with one field inversion, and the chain uses mixed additions. An instance owns
 * scratch space and is <b>not thread-safe</b>: use one per thread.
 */
public final class EndomorphismMul implements BatchMultiplier {
    private static final BigInteger R = Fr.MODULUS;
    private static final MontgomeryField FP = Fp.FIELD;
    private static final int T = SplitScalar.TABLE_SIZE;

    /** G1: beta, Montgomery Fp; E(x, y) = (beta x, y) = [lambda] (x, y). */
    static final long[] BETA;
    /** G1: the cube root of unity in Fr matching {@link #BETA}. */
    public static final BigInteger LAMBDA;
    /** The BN parameter x. */
    private static final BigInteger BN_X = new BigInteger("4965661367192848881");
    /** G2: psi acts as multiplication by 6x^2 on G2. */
    public static final BigInteger PSI_EIGENVALUE = BN_X.pow(2).multiply(BigInteger.valueOf(6));
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
    /** G2: the rows of the GLS lattice basis. */
    private static final BigInteger[][] GLS_BASIS = glsBasis(BN_X);
    /** G2: round(2^SHIFT · c_j) for the first row c of the inverse of the basis matrix. */
    private static final BigInteger[] GLS_ROUNDING = glsRounding(GLS_BASIS);

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
    /** Parts of a split: 2 on G1, 4 on G2. */
    private final int dimension;
    private long[] tableJacobian = new long[0];
    /** tables[j]: the affine odd multiples of E^j(P) for every point of the batch. */
    private final long[][] tables;
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
        this.dimension = isG1 ? 2 : 4;
        this.tables = new long[dimension][0];
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

    /**
     * Another split of the same scalar with every part odd: the parts of {@code split} plus the sum
     * of a subset of the lattice basis (GLV on G1, GLS on G2) that fixes all parities. One exists
     * because the bases' determinants (+-r, -3r) are odd, so they are invertible mod 2. Each part
     * grows by at most the sum of the basis' entries in its column (about 2^128 on G1, 2^66 on
     * G2). For recodings that need odd scalars ({@link LaneScalarMul}).
     */
    static BigInteger[] oddParts(SplitScalar split) {
        BigInteger[][] basis = split.values.length == 2 ? new BigInteger[][] {{A1, B1}, {A2, B2}} : GLS_BASIS;
        int d = basis.length;
        for (int subset = 0; subset < 1 << d; subset++) {
            BigInteger[] parts = split.values.clone();
            boolean odd = true;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    if ((subset >> j & 1) != 0) {
                        parts[i] = parts[i].add(basis[j][i]);
                    }
                }
                odd &= parts[i].testBit(0);
            }
            if (odd) {
                return parts;
            }
        }
        throw new IllegalStateException("the lattice basis is singular mod 2");
    }

    /**
     * The GLS split: k = a_0 + a_1 e + a_2 e^2 + a_3 e^3 (mod r), e = 6x^2, parts of at most about
     * 64 bits: (k, 0, 0, 0) minus the lattice vector that Babai rounding finds next to it.
     */
    public static SplitScalar splitG2(BigInteger k) {
        requireScalar(k);
        BigInteger[] parts = {k, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
        for (int j = 0; j < 4; j++) {
            BigInteger c = k.multiply(GLS_ROUNDING[j]).add(HALF).shiftRight(SHIFT);
            for (int i = 0; i < 4; i++) {
                parts[i] = parts[i].subtract(c.multiply(GLS_BASIS[j][i]));
            }
        }
        return SplitScalar.of(parts);
    }

    @Override
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
        group.toAffine(tj, 0, count * T, tables[0], 0);
        for (int d = 1; d < dimension; d++) {
            for (int e = 0; e < count * T; e++) {
                endomorphism(tables[d - 1], e * a, tables[d], e * a);
            }
        }
        for (int i = 0; i < count; i++) {
            int acc = outOffset + i * j;
            java.util.Arrays.fill(out, acc, acc + j, 0L);
            SplitScalar s = scalars[i];
            if (s.isZero() || isInfinityAffine(points, offsets[i])) {
                continue;
            }
            int base = i * T * a;
            byte[][] parts = s.parts;
            for (int bit = s.length - 1; bit >= 0; bit--) {
                group.dbl(out, acc, out, acc);
                for (int d = 0; d < dimension; d++) {
                    int digit = parts[d][bit];
                    if (digit != 0) {
                        addDigit(out, acc, tables[d], base, digit);
                    }
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
        if (tables[0].length < count * T * affine) {
            tableJacobian = new long[count * T * jacobian];
            for (int d = 0; d < dimension; d++) {
                tables[d] = new long[count * T * affine];
            }
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

    /**
     * Galbraith-Scott's basis for BN curves (rows): (x+1, x, x, -2x), (2x+1, -x, -(x+1), -x),
     * (2x, 2x+1, 2x+1, 2x+1), (x-1, 4x+2, -2x+1, x-1). Its determinant is -3r (a sublattice of
     * index 3); checked at class load to consist of lattice vectors for e = 6x^2.
     */
    private static BigInteger[][] glsBasis(BigInteger x) {
        BigInteger one = BigInteger.ONE;
        BigInteger two = BigInteger.TWO;
        BigInteger x2 = x.multiply(two);
        BigInteger[][] basis = {
            {x.add(one), x, x, x2.negate()},
            {x2.add(one), x.negate(), x.add(one).negate(), x.negate()},
            {x2, x2.add(one), x2.add(one), x2.add(one)},
            {x.subtract(one), x2.multiply(two).add(two), one.subtract(x2), x.subtract(one)}};
        for (BigInteger[] v : basis) {
            BigInteger sum = BigInteger.ZERO;
            for (int i = 3; i >= 0; i--) {
                sum = sum.multiply(PSI_EIGENVALUE).add(v[i]);
            }
            if (sum.mod(R).signum() != 0) {
                throw new IllegalStateException("G2 lattice basis is inconsistent");
            }
        }
        return basis;
    }

    /** round(2^SHIFT · c_j) for c = first row of basis^-1 = (cofactors C_j0) / det. */
    private static BigInteger[] glsRounding(BigInteger[][] v) {
        BigInteger det = BigInteger.ZERO;
        BigInteger[] cofactors = new BigInteger[4];
        for (int j = 0; j < 4; j++) {
            cofactors[j] = minor3(v, j, 0);
            if ((j & 1) != 0) {
                cofactors[j] = cofactors[j].negate();
            }
            det = det.add(v[j][0].multiply(cofactors[j]));
        }
        BigInteger[] out = new BigInteger[4];
        for (int j = 0; j < 4; j++) {
            out[j] = roundDiv(cofactors[j].shiftLeft(SHIFT), det);
        }
        return out;
    }

    /** The determinant of the 3x3 matrix left after removing row {@code row} and column {@code col}. */
    private static BigInteger minor3(BigInteger[][] v, int row, int col) {
        BigInteger[][] m = new BigInteger[3][3];
        for (int i = 0, mi = 0; i < 4; i++) {
            if (i == row) {
                continue;
            }
            for (int j = 0, mj = 0; j < 4; j++) {
                if (j != col) {
                    m[mi][mj++] = v[i][j];
                }
            }
            mi++;
        }
        return m[0][0].multiply(m[1][1].multiply(m[2][2]).subtract(m[1][2].multiply(m[2][1])))
                .subtract(m[0][1].multiply(m[1][0].multiply(m[2][2]).subtract(m[1][2].multiply(m[2][0]))))
                .add(m[0][2].multiply(m[1][0].multiply(m[2][1]).subtract(m[1][1].multiply(m[2][0]))));
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
