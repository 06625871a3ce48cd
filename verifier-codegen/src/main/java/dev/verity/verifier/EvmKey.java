package dev.verity.verifier;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.io.SnarkjsJson.VerificationKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A verification key as the EVM precompiles take it: 32-byte big-endian words, G1 points as
 * (x, y), G2 points as (x.im, x.re, y.im, y.re), infinity as zeros.
 */
record EvmKey(int nPublic, BigInteger[] alpha, BigInteger[] beta, BigInteger[] gamma, BigInteger[] delta,
        BigInteger[][] ic) {

    static EvmKey of(VerificationKey vk) {
        BigInteger[][] ic = new BigInteger[vk.nPublic() + 1][];
        for (int i = 0; i <= vk.nPublic(); i++) {
            ic[i] = Words.of(G1.encodeEvm(vk.ic(), G1.AFFINE * i));
        }
        return new EvmKey(vk.nPublic(), Words.of(G1.encodeEvm(vk.alpha1(), 0)), Words.of(G2.encodeEvm(vk.beta2(), 0)),
                Words.of(G2.encodeEvm(vk.gamma2(), 0)), Words.of(G2.encodeEvm(vk.delta2(), 0)), ic);
    }

    /** All words in the order alpha, beta, gamma, delta, IC[0..nPublic]. */
    List<BigInteger> words() {
        List<BigInteger> out = new ArrayList<>(List.of(alpha));
        out.addAll(List.of(beta));
        out.addAll(List.of(gamma));
        out.addAll(List.of(delta));
        for (BigInteger[] point : ic) {
            out.addAll(List.of(point));
        }
        return out;
    }

    /** keccak256 of {@link #words()}: binds the batch verifier's Fiat–Shamir randomness to this key. */
    BigInteger hash() {
        return new BigInteger(1, Keccak.hash(Words.bytes(words())));
    }
}
