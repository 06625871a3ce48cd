package dev.verity.prover.ptau;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fp2;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.field.SquareRoots;
import java.math.BigInteger;

/**
 * Draws field elements and curve points from a {@link ChaChaRng} exactly as ffjavascript's
 * {@code fromRng} does, so that keys derived from a seed (beacons) and the G2 points of proofs of
 * knowledge ({@code hashToG2}) are the same here as in snarkjs.
 *
 * <p>ffjavascript's quirks are kept on purpose: a field element is the first 254-bit value below
 * the modulus built from four {@code nextU64} words (least significant first), and those limbs are
 * taken as the element's <em>Montgomery</em> representation; a point takes a random x until
 * x^3 + b is a square and the y whose sign matches a random bit; G2 points are multiplied by the
 * twist's cofactor. Not thread-safe.
 */
public final class SnarkjsSampling {
    /** Cofactor of the G2 twist, as ffjavascript's {@code cofactorG2}. */
    static final BigInteger G2_COFACTOR =
            new BigInteger("30644e72e131a029b85045b68181585e06ceecda572a2489345f2299c0f9fa8d", 16);
    private static final MontgomeryField F = Fp.FIELD;
    private static final long[] B1 = F.fromBigInteger(BigInteger.valueOf(3));
    private static final long[] B2 = twistB();

    private final Fp2 fp2 = new Fp2();
    private final SquareRoots roots = new SquareRoots();
    private final G2 g2 = new G2();
    private final long[] t = new long[32];

    /** A field element of {@code field} in Montgomery form, as {@code F.fromRng(rng)}. */
    public static long[] fieldElement(MontgomeryField field, ChaChaRng rng) {
        if (field.bitLength() <= 192 || field.bitLength() > 256) {
            throw new IllegalArgumentException("expected a 4-limb field, got " + field.bitLength() + " bits");
        }
        long topMask = field.bitLength() == 256 ? -1L : (1L << (field.bitLength() - 192)) - 1;
        long[] limbs = new long[4];
        do {
            for (int i = 0; i < 4; i++) {
                limbs[i] = rng.nextU64();
            }
            limbs[3] &= topMask;
        } while (!field.isCanonical(limbs, 0));
        return limbs;
    }

    /** A G1 point as {@code G1.fromRng(rng)}, affine. */
    public long[] g1(ChaChaRng rng) {
        long[] p = new long[G1.AFFINE];
        boolean greatest;
        do {
            long[] x = fieldElement(F, rng);
            MontgomeryField.copy(x, 0, p, 0);
            greatest = rng.nextBool();
            F.sqr(p, 0, t, 0);
            F.mul(t, 0, p, 0, t, 0);
            F.add(t, 0, B1, 0, t, 0);
        } while (!roots.isSquare(t, 0));
        roots.sqrt(t, 0, p, 4);
        if (greatest != FieldSigns.isNegative(p, 4, t)) {
            F.neg(p, 4, p, 4);
        }
        return p;
    }

    /** A G2 point as {@code G2.fromRng(rng)}: random on the twist, then times the cofactor; affine. */
    public long[] g2(ChaChaRng rng) {
        long[] p = new long[G2.AFFINE];
        boolean greatest;
        do {
            long[] c0 = fieldElement(F, rng);
            long[] c1 = fieldElement(F, rng);
            MontgomeryField.copy(c0, 0, p, 0);
            MontgomeryField.copy(c1, 0, p, 4);
            greatest = rng.nextBool();
            fp2.sqr(p, 0, t, 0);
            fp2.mul(t, 0, p, 0, t, 0);
            fp2.add(t, 0, B2, 0, t, 0);
        } while (!roots.isSquareFp2(t, 0));
        roots.sqrtFp2(t, 0, p, 8);
        if (greatest != FieldSigns.isNegativeFp2(p, 8, t)) {
            fp2.neg(p, 8, p, 8);
        }
        long[] cleared = new long[G2.AFFINE];
        g2.toAffine(g2.mul(p, 0, G2_COFACTOR), 0, cleared, 0);
        return cleared;
    }

    /**
     * snarkjs' {@code hashToG2}: a G2 point drawn from ChaCha seeded with the first 32 bytes of
     * {@code hash}. Proofs of knowledge pair it with the contributor's G1 points.
     */
    public long[] hashToG2(byte[] hash) {
        return g2(ChaChaRng.fromHash(hash));
    }

    private static long[] twistB() {
        Fp2 f = new Fp2();
        long[] b = Fp2.of(BigInteger.valueOf(9), BigInteger.ONE);
        f.inv(b, 0, b, 0);
        f.mul(b, 0, Fp2.of(BigInteger.valueOf(3), BigInteger.ZERO), 0, b, 0);
        return b;
    }
}
