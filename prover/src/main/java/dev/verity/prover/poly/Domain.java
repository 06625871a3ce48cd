package dev.verity.prover.poly;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;

/**
 * The multiplicative subgroup of Fr of size 2^k (a radix-2 evaluation domain), with the roots of
 * unity that ffjavascript, and therefore snarkjs, uses.
 *
 * <p>ffjavascript derives its roots as follows, and so does this class: the non-residue {@code g}
 * is the smallest integer from 2 up that is a quadratic non-residue mod r (for BN254 that is 5);
 * writing r - 1 = 2^28 · t with t odd, {@code w[28] = g^t} generates the subgroup of order 2^28,
 * and {@code w[k-1] = w[k]^2}. {@code w[k]} is the generator of the domain of size 2^k. The same
 * library's coset shift is {@code g^2 = 25}.
 */
public final class Domain {
    /** The largest k with 2^k dividing r - 1. */
    public static final int TWO_ADICITY;
    /** The smallest quadratic non-residue mod r searched from 2 (ffjavascript's {@code Fr.nqr}). */
    public static final BigInteger NON_RESIDUE;
    /** ffjavascript's {@code Fr.shift}: the square of {@link #NON_RESIDUE}, generating a coset off every domain. */
    public static final BigInteger COSET_SHIFT;

    /** ROOTS[k] generates the subgroup of order 2^k. */
    private static final BigInteger[] ROOTS;

    static {
        BigInteger r = Fr.MODULUS;
        BigInteger rMinusOne = r.subtract(BigInteger.ONE);
        BigInteger half = rMinusOne.shiftRight(1);
        BigInteger g = BigInteger.TWO;
        while (g.modPow(half, r).equals(BigInteger.ONE)) {
            g = g.add(BigInteger.ONE);
        }
        int s = rMinusOne.getLowestSetBit();
        BigInteger t = rMinusOne.shiftRight(s);
        BigInteger[] roots = new BigInteger[s + 1];
        roots[s] = g.modPow(t, r);
        for (int k = s - 1; k >= 0; k--) {
            roots[k] = roots[k + 1].multiply(roots[k + 1]).mod(r);
        }
        if (!roots[0].equals(BigInteger.ONE) || roots[1].equals(BigInteger.ONE)) {
            throw new IllegalStateException("roots of unity of Fr are inconsistent");
        }
        TWO_ADICITY = s;
        NON_RESIDUE = g;
        COSET_SHIFT = g.multiply(g).mod(r);
        ROOTS = roots;
    }

    private final int log2Size;
    private final long[] root;
    private final long[] rootInverse;
    private final long[] sizeInverse;

    private Domain(int log2Size) {
        this.log2Size = log2Size;
        MontgomeryField f = Fr.FIELD;
        BigInteger w = ROOTS[log2Size];
        this.root = f.fromBigInteger(w);
        this.rootInverse = f.fromBigInteger(w.modInverse(Fr.MODULUS));
        this.sizeInverse = f.fromBigInteger(BigInteger.ONE.shiftLeft(log2Size).modInverse(Fr.MODULUS));
    }

    /** The domain of size 2^log2Size, 0 &lt;= log2Size &lt;= {@link #TWO_ADICITY}. */
    public static Domain of(int log2Size) {
        checkLog2Size(log2Size);
        return new Domain(log2Size);
    }

    /** The generator of the subgroup of order 2^log2Size: ffjavascript's {@code Fr.w[log2Size]}. */
    public static BigInteger rootOfUnity(int log2Size) {
        checkLog2Size(log2Size);
        return ROOTS[log2Size];
    }

    static void checkLog2Size(int log2Size) {
        if (log2Size < 0 || log2Size > TWO_ADICITY) {
            throw new IllegalArgumentException(
                    "log2 of the domain size must be in [0, " + TWO_ADICITY + "], got " + log2Size);
        }
    }

    public int log2Size() {
        return log2Size;
    }

    public int size() {
        return 1 << log2Size;
    }

    /** The generator w of this domain, Montgomery form (a fresh copy). */
    public long[] root() {
        return root.clone();
    }

    /** w^-1, Montgomery form (a fresh copy). */
    public long[] rootInverse() {
        return rootInverse.clone();
    }

    /** 1/size, Montgomery form (a fresh copy). */
    public long[] sizeInverse() {
        return sizeInverse.clone();
    }

    /**
     * The shift of the coset on which snarkjs' Groth16 prover evaluates A, B and C to get H: the
     * generator of the domain twice this size (so the coset is the odd powers of that root), except
     * for the largest domain, which has no double, where snarkjs uses {@link #COSET_SHIFT}.
     * Montgomery form.
     */
    public long[] quotientCosetShift() {
        BigInteger shift = log2Size == TWO_ADICITY ? COSET_SHIFT : ROOTS[log2Size + 1];
        return Fr.FIELD.fromBigInteger(shift);
    }
}
