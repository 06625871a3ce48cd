package dev.verity.verifier;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.KeccakDigest;

/** Ethereum's keccak256 (the original Keccak padding, not SHA3-256) and function selectors. */
public final class Keccak {
    private Keccak() {
    }

    public static byte[] hash(byte[] data) {
        KeccakDigest digest = new KeccakDigest(256);
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    /** The 4-byte selector of a canonical function signature such as {@code "f(uint256[2])"}. */
    public static byte[] selector(String signature) {
        return Arrays.copyOf(hash(signature.getBytes(StandardCharsets.US_ASCII)), 4);
    }
}
