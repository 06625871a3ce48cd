package dev.verity.prover.groth16;

import dev.verity.prover.field.Fp12;
import dev.verity.prover.io.SnarkjsJson.VerificationKey;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.pairing.Pairing;
import java.math.BigInteger;

/** Verification keys of proving keys, with e(alpha, beta) computed as snarkjs exports it. */
public final class VerificationKeys {
    private VerificationKeys() {
    }

    public static VerificationKey of(Zkey zkey) {
        return VerificationKey.of(zkey, alphaBeta(zkey.alpha1(), zkey.beta2()));
    }

    /** e(alpha, beta) as nested decimals [c0, c1] of Fp6 [a, b, c] of Fp2 [x0, x1]. */
    static BigInteger[][][] alphaBeta(long[] alpha1, long[] beta2) {
        String[][][] decimals = Fp12.toDecimalStrings(Pairing.pairing(alpha1, beta2), 0);
        BigInteger[][][] out = new BigInteger[decimals.length][][];
        for (int i = 0; i < decimals.length; i++) {
            out[i] = new BigInteger[decimals[i].length][];
            for (int j = 0; j < decimals[i].length; j++) {
                out[i][j] = new BigInteger[decimals[i][j].length];
                for (int k = 0; k < decimals[i][j].length; k++) {
                    out[i][j][k] = new BigInteger(decimals[i][j][k]);
                }
            }
        }
        return out;
    }
}
