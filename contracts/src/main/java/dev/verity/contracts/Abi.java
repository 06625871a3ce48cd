package dev.verity.contracts;

import java.math.BigInteger;
import java.util.List;

/** 32-byte big-endian words, as the EVM and the ABI lay out uint256 values. */
final class Abi {
    private Abi() {
    }

    static byte[] words(List<BigInteger> values) {
        byte[] out = new byte[32 * values.size()];
        for (int i = 0; i < values.size(); i++) {
            BigInteger v = values.get(i);
            if (v.signum() < 0 || v.bitLength() > 256) {
                throw new IllegalArgumentException("not a 256-bit word: " + v);
            }
            byte[] raw = v.toByteArray();
            int len = Math.min(raw.length, 32);
            System.arraycopy(raw, raw.length - len, out, 32 * i + 32 - len, len);
        }
        return out;
    }
}
