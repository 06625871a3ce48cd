package dev.verity.prover.groth16;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.io.SnarkjsJson.Proof;
import dev.verity.prover.io.SnarkjsJson.VerificationKey;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.msm.Msm;
import dev.verity.prover.pairing.Pairing;

/**
 * Groth16 verification: e(A, B) = e(alpha, beta) e(vk_x, gamma) e(C, delta) with
 * vk_x = IC_0 + sum_i s_i IC_i, checked as one product of four pairings with one final
 * exponentiation.
 *
 * <p>Malformed input (a public signal at or above r, a point off its curve or outside the
 * subgroup, a wrong signal count) is an {@link IllegalArgumentException}, never a "false" that a
 * caller might confuse with a well-formed invalid proof, and never an accepted proof.
 */
public final class Verifier {
    private static final int L = MontgomeryField.LIMBS;

    private Verifier() {
    }

    /**
     * @param publicSignals plain canonical limbs, four per signal, in the circuit's order
     * @return whether the proof is valid for these public signals
     */
    public static boolean verify(VerificationKey vk, long[] publicSignals, Proof proof) {
        checkKey(vk);
        return verify(vk.nPublic(), vk.alpha1(), vk.beta2(), vk.gamma2(), vk.delta2(), vk.ic(), publicSignals, proof);
    }

    /** Verifies against the verification part of a proving key (whose points the key format checked). */
    static boolean verify(Zkey zkey, long[] publicSignals, Proof proof) {
        return verify(zkey.nPublic(), zkey.alpha1(), zkey.beta2(), zkey.gamma2(), zkey.delta2(), zkey.ic(),
                publicSignals, proof);
    }

    private static boolean verify(int nPublic, long[] alpha1, long[] beta2, long[] gamma2, long[] delta2, long[] ic,
            long[] publicSignals, Proof proof) {
        checkProof(proof);
        long[] vkx = publicInputCombination(nPublic, ic, publicSignals);
        long[] g1 = new long[4 * 8];
        long[] g2 = new long[4 * 16];
        G1.negAffine(proof.a(), 0, g1, 0);
        System.arraycopy(proof.b(), 0, g2, 0, 16);
        System.arraycopy(alpha1, 0, g1, 8, 8);
        System.arraycopy(beta2, 0, g2, 16, 16);
        System.arraycopy(vkx, 0, g1, 16, 8);
        System.arraycopy(gamma2, 0, g2, 32, 16);
        System.arraycopy(proof.c(), 0, g1, 24, 8);
        System.arraycopy(delta2, 0, g2, 48, 16);
        return Pairing.pairingProductIsOne(g1, g2, 4);
    }

    /** vk_x = IC_0 + sum_i s_i IC_i as an affine G1 point; checks the signals first. */
    private static long[] publicInputCombination(int nPublic, long[] ic, long[] publicSignals) {
        checkPublicSignals(nPublic, publicSignals);
        G1 g1 = new G1();
        long[] sum = Msm.g1(ic, 1, publicSignals, 0, nPublic);
        g1.addAffine(sum, 0, ic, 0, sum, 0);
        long[] affine = new long[8];
        g1.toAffine(sum, 0, affine, 0);
        return affine;
    }

    static void checkPublicSignals(int nPublic, long[] publicSignals) {
        if (publicSignals.length != L * nPublic) {
            throw new IllegalArgumentException("the key expects " + nPublic + " public signals, got "
                    + publicSignals.length / L);
        }
        for (int i = 0; i < nPublic; i++) {
            if (!Fr.FIELD.isCanonical(publicSignals, L * i)) {
                throw new IllegalArgumentException("public signal " + i + " is not below the field order r");
            }
        }
    }

    static void checkProof(Proof proof) {
        requireG1("proof point A", proof.a());
        requireG2("proof point B", proof.b());
        requireG1("proof point C", proof.c());
    }

    static void checkKey(VerificationKey vk) {
        requireG1("verification key alpha", vk.alpha1());
        requireG2("verification key beta", vk.beta2());
        requireG2("verification key gamma", vk.gamma2());
        requireG2("verification key delta", vk.delta2());
        for (int i = 0; i <= vk.nPublic(); i++) {
            if (!G1.isOnCurve(vk.ic(), 8 * i)) {
                throw new IllegalArgumentException("verification key IC[" + i + "] is not on the curve");
            }
        }
    }

    private static void requireG1(String what, long[] p) {
        if (!G1.isOnCurve(p, 0)) {
            throw new IllegalArgumentException(what + " is not on the curve");
        }
    }

    private static void requireG2(String what, long[] p) {
        if (!G2.isOnCurve(p, 0)) {
            throw new IllegalArgumentException(what + " is not on the curve");
        }
        if (!G2.isInSubgroup(p, 0)) {
            throw new IllegalArgumentException(what + " is not in the subgroup of order r");
        }
    }
}
