package dev.verity.prover.groth16;

import dev.verity.prover.curve.G1;
import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.io.SnarkjsJson.Proof;
import dev.verity.prover.io.SnarkjsJson.VerificationKey;
import dev.verity.prover.msm.Msm;
import dev.verity.prover.pairing.Pairing;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;

/**
 * Verifies n proofs of one verification key together with a random linear combination: with
 * independent random rho_i,
 * <pre>  prod_i e(rho_i A_i, B_i) = e((sum rho_i) alpha, beta) e(sum rho_i vk_x_i, gamma) e(sum rho_i C_i, delta)</pre>
 * which costs n + 3 Miller loops and one final exponentiation instead of 4n pairings. A batch
 * holding an invalid proof passes with probability at most 2^-128 (rho_i are 128-bit, drawn
 * after the proofs are fixed).
 */
public final class BatchVerifier {
    private static final int L = MontgomeryField.LIMBS;
    private static final int RHO_BITS = 128;

    private BatchVerifier() {
    }

    public static boolean verify(VerificationKey vk, List<long[]> publicSignals, List<Proof> proofs,
            SecureRandom random) {
        int n = proofs.size();
        if (publicSignals.size() != n) {
            throw new IllegalArgumentException(n + " proofs but " + publicSignals.size() + " sets of public signals");
        }
        if (n == 0) {
            throw new IllegalArgumentException("no proofs to verify");
        }
        Verifier.checkKey(vk);
        int nPublic = vk.nPublic();
        long[] rho = new long[L * n];            // plain limbs, MSM scalars
        long[] icScalars = new long[L * (nPublic + 1)]; // Montgomery while summing
        long[] cPoints = new long[8 * n];
        long[] tmp = new long[L];
        for (int i = 0; i < n; i++) {
            Proof proof = proofs.get(i);
            long[] signals = publicSignals.get(i);
            Verifier.checkProof(proof);
            Verifier.checkPublicSignals(nPublic, signals);
            BigInteger r = new BigInteger(RHO_BITS, random).setBit(RHO_BITS); // never zero
            System.arraycopy(MontgomeryField.toLimbs(r), 0, rho, L * i, L);
            long[] rhoMont = Fr.FIELD.fromBigInteger(r);
            Fr.FIELD.add(icScalars, 0, rhoMont, 0, icScalars, 0);
            for (int j = 0; j < nPublic; j++) {
                Fr.FIELD.toMontgomery(signals, L * j, tmp, 0);
                Fr.FIELD.mul(tmp, 0, rhoMont, 0, tmp, 0);
                Fr.FIELD.add(icScalars, L * (j + 1), tmp, 0, icScalars, L * (j + 1));
            }
            System.arraycopy(proof.c(), 0, cPoints, 8 * i, 8);
        }
        for (int j = 0; j <= nPublic; j++) {
            Fr.FIELD.fromMontgomery(icScalars, L * j, icScalars, L * j);
        }

        G1 g1 = new G1();
        long[] g1Points = new long[8 * (n + 3)];
        long[] g2Points = new long[16 * (n + 3)];
        for (int i = 0; i < n; i++) {
            Proof proof = proofs.get(i);
            long[] scaled = Msm.g1(proof.a(), 0, rho, i, 1);
            g1.toAffine(scaled, 0, g1Points, 8 * i);
            G1.negAffine(g1Points, 8 * i, g1Points, 8 * i);
            System.arraycopy(proof.b(), 0, g2Points, 16 * i, 16);
        }
        long[] alphaScaled = Msm.g1(vk.alpha1(), 0, icScalars, 0, 1);
        g1.toAffine(alphaScaled, 0, g1Points, 8 * n);
        System.arraycopy(vk.beta2(), 0, g2Points, 16 * n, 16);
        g1.toAffine(Msm.g1(vk.ic(), 0, icScalars, 0, nPublic + 1), 0, g1Points, 8 * (n + 1));
        System.arraycopy(vk.gamma2(), 0, g2Points, 16 * (n + 1), 16);
        g1.toAffine(Msm.g1(cPoints, 0, rho, 0, n), 0, g1Points, 8 * (n + 2));
        System.arraycopy(vk.delta2(), 0, g2Points, 16 * (n + 2), 16);

        // The pairing product must be one: the scaled A's are negated, the right side is not.
        return Pairing.pairingProductIsOne(g1Points, g2Points, n + 3);
    }
}
