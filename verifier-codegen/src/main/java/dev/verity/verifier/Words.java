package dev.verity.verifier;

import java.math.BigInteger;
import java.util.List;

/** 32-byte big-endian EVM words to and from integers. */
final class Words {
    static final int WORD = 32;

    private Words() {
    }

    /** Splits {@code bytes} (a multiple of 32 long) into unsigned words. */
    static BigInteger[] of(byte[] bytes) {
        if (bytes.length % WORD != 0) {
            throw new IllegalArgumentException("not a whole number of 32-byte words: " + bytes.length + " bytes");
        }
        BigInteger[] out = new BigInteger[bytes.length / WORD];
        for (int i = 0; i < out.length; i++) {
            byte[] w = new byte[WORD];
            System.arraycopy(bytes, WORD * i, w, 0, WORD);
            out[i] = new BigInteger(1, w);
        }
        return out;
    }

    static byte[] bytes(List<BigInteger> words) {
        byte[] out = new byte[WORD * words.size()];
        for (int i = 0; i < words.size(); i++) {
            put(out, WORD * i, words.get(i));
        }
        return out;
    }

    /** Writes {@code v} (0 <= v < 2^256) as one word at {@code offset}. */
    static void put(byte[] out, int offset, BigInteger v) {
        if (v.signum() < 0 || v.bitLength() > 256) {
            throw new IllegalArgumentException("not a 256-bit word: " + v);
        }
        byte[] raw = v.toByteArray();
        int len = Math.min(raw.length, WORD);
        System.arraycopy(raw, raw.length - len, out, offset + WORD - len, len);
    }

    /** 0x and 64 lowercase hex digits. */
    static String hex(BigInteger v) {
        String digits = v.toString(16);
        return "0x" + "0".repeat(64 - digits.length()) + digits;
    }
}
