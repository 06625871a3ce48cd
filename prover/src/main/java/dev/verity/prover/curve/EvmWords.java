package dev.verity.prover.curve;

import dev.verity.prover.field.MontgomeryField;

/** 32-byte big-endian words of the EVM precompile encodings (EIP-196/197). */
final class EvmWords {
    private EvmWords() {
    }

    /** Writes the Montgomery element at {@code a[ao]} as a 32-byte big-endian integer. */
    static void write(MontgomeryField f, long[] a, int ao, byte[] out, int offset) {
        long[] plain = new long[MontgomeryField.LIMBS];
        f.fromMontgomery(a, ao, plain, 0);
        for (int limb = 0; limb < MontgomeryField.LIMBS; limb++) {
            long v = plain[limb];
            int end = offset + 32 - 8 * limb;   // byte after this limb's last (least significant) byte
            for (int b = 1; b <= 8; b++) {
                out[end - b] = (byte) (v >>> (8 * (b - 1)));
            }
        }
    }

    /**
     * Reads a 32-byte big-endian integer into Montgomery form at {@code r[ro]}.
     *
     * @throws IllegalArgumentException if the integer is not below the field modulus
     */
    static void read(MontgomeryField f, byte[] in, int offset, long[] r, int ro, String what) {
        long[] plain = new long[MontgomeryField.LIMBS];
        for (int limb = 0; limb < MontgomeryField.LIMBS; limb++) {
            int end = offset + 32 - 8 * limb;
            long v = 0;
            for (int b = 8; b >= 1; b--) {
                v = (v << 8) | (in[end - b] & 0xFFL);
            }
            plain[limb] = v;
        }
        if (!f.isCanonical(plain, 0)) {
            throw new IllegalArgumentException(what + " coordinate is not below the field modulus");
        }
        f.toMontgomery(plain, 0, r, ro);
    }
}
