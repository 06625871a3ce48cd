package dev.verity.prover.ptau;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.field.Fp;
import dev.verity.prover.field.MontgomeryField;
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

    private final PointEncodings codec = new PointEncodings();
    private final G2 g2 = new G2();

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

    /** A G1 point as {@code G1.fromRng(rng)}, affine: a random x until one is on the curve. */
    public long[] g1(ChaChaRng rng) {
        long[] p = new long[G1.AFFINE];
        do {
            MontgomeryField.copy(fieldElement(F, rng), 0, p, 0);
        } while (!codec.completeG1(p, 0, rng.nextBool()));
        return p;
    }

    /** A G2 point as {@code G2.fromRng(rng)}: random on the twist, then times the cofactor; affine. */
    public long[] g2(ChaChaRng rng) {
        long[] p = new long[G2.AFFINE];
        do {
            MontgomeryField.copy(fieldElement(F, rng), 0, p, 0);
            MontgomeryField.copy(fieldElement(F, rng), 0, p, 4);
        } while (!codec.completeG2(p, 0, rng.nextBool()));
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
}
