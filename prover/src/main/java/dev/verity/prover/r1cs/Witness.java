package dev.verity.prover.r1cs;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;
import java.util.List;

/**
 * An assignment of values to the wires of a constraint system.
 *
 * <p>Values are PLAIN (not Montgomery) canonical integers below r, four little-endian 64-bit
 * limbs each, wire {@code i} at limbs {@code 4i .. 4i+3}: exactly the {@code .wtns} encoding and
 * the scalar layout multi-scalar multiplication takes, so no conversion is needed on the way.
 * Wire 0 is the constant one.
 */
public final class Witness {
    private static final int L = MontgomeryField.LIMBS;

    private final long[] limbs;

    /**
     * Takes ownership of {@code limbs} (no copy: witnesses can be large). Checks that every value
     * is below r and that wire 0 holds 1.
     */
    public Witness(long[] limbs) {
        if (limbs.length == 0 || limbs.length % L != 0) {
            throw new IllegalArgumentException("witness needs a positive multiple of " + L + " limbs, got "
                    + limbs.length);
        }
        for (int i = 0; i < limbs.length / L; i++) {
            if (!Fr.FIELD.isCanonical(limbs, L * i)) {
                throw new IllegalArgumentException("witness value " + i + " is not below r");
            }
        }
        if (limbs[0] != 1 || limbs[1] != 0 || limbs[2] != 0 || limbs[3] != 0) {
            throw new IllegalArgumentException("witness value 0 must be 1 (the constant wire), got "
                    + MontgomeryField.limbsToBigInteger(limbs, 0));
        }
        this.limbs = limbs;
    }

    public static Witness of(List<BigInteger> values) {
        long[] limbs = new long[L * values.size()];
        for (int i = 0; i < values.size(); i++) {
            BigInteger v = values.get(i);
            if (!Fr.FIELD.isCanonical(v)) {
                throw new IllegalArgumentException("witness value " + i + " is not in [0, r): " + v);
            }
            System.arraycopy(MontgomeryField.toLimbs(v), 0, limbs, L * i, L);
        }
        return new Witness(limbs);
    }

    /** Number of wires. */
    public int size() {
        return limbs.length / L;
    }

    /** The backing array (plain limbs, 4 per wire); do not modify. */
    public long[] limbs() {
        return limbs;
    }

    public BigInteger get(int wire) {
        return MontgomeryField.limbsToBigInteger(limbs, L * wire);
    }

    /**
     * The public signals, wires {@code 1 .. nPublic} (circom order: outputs, then public inputs),
     * as plain limbs, 4 per signal.
     */
    public long[] publicSignals(int nPublic) {
        if (nPublic < 0 || nPublic >= size()) {
            throw new IllegalArgumentException("nPublic " + nPublic + " out of range for " + size() + " wires");
        }
        long[] out = new long[L * nPublic];
        System.arraycopy(limbs, L, out, 0, out.length);
        return out;
    }
}
