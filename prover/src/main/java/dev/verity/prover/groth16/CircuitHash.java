package dev.verity.prover.groth16;

import dev.verity.prover.field.Fp;
import dev.verity.prover.field.MontgomeryField;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * The 64-byte circuit hash of a Groth16 key (section 10 of a zkey), computed as
 * {@code snarkjs groth16 setup} does: BLAKE2b-512 over the key's points in uncompressed
 * big-endian form (G2 as x.c1, x.c0, y.c1, y.c0; infinity as zeros), each section preceded by
 * its point count as a big-endian u32.
 */
final class CircuitHash {
    /** snarkjs hashes the H points in chunks of this size (see {@link #hashHPoints}). */
    private static final int SNARKJS_CHUNK = 1 << 14;

    private final Blake2bDigest digest = new Blake2bDigest(512);
    private final byte[] buffer = new byte[128];
    private final long[] plain = new long[MontgomeryField.LIMBS];

    void g1(long[] points, int index) {
        writeCoordinate(points, 8 * index, 0);
        writeCoordinate(points, 8 * index + 4, 32);
        digest.update(buffer, 0, 64);
    }

    void g2(long[] points, int index) {
        int at = 16 * index;
        writeCoordinate(points, at + 4, 0);
        writeCoordinate(points, at, 32);
        writeCoordinate(points, at + 12, 64);
        writeCoordinate(points, at + 8, 96);
        digest.update(buffer, 0, 128);
    }

    void count(long n) {
        buffer[0] = (byte) (n >>> 24);
        buffer[1] = (byte) (n >>> 16);
        buffer[2] = (byte) (n >>> 8);
        buffer[3] = (byte) n;
        digest.update(buffer, 0, 4);
    }

    void g1Section(long[] points, int count) {
        count(count);
        for (int i = 0; i < count; i++) {
            g1(points, i);
        }
    }

    void g2Section(long[] points, int count) {
        count(count);
        for (int i = 0; i < count; i++) {
            g2(points, i);
        }
    }

    /**
     * The H part: (tau^n - 1) tau^i G1 points, announced as n - 1 of them. snarkjs' chunked loop
     * hashes n - 1 points when n is at most 2^14 and all n points beyond that; reproduced here so
     * that the hashes agree.
     */
    void hashHPoints(long[] points, int domainSize) {
        count(domainSize - 1);
        int hashed = hashedHPoints(domainSize);
        for (int i = 0; i < hashed; i++) {
            g1(points, i);
        }
    }

    /** How many H-hash points {@link #hashHPoints} reads for a domain of this size. */
    static int hashedHPoints(int domainSize) {
        return domainSize <= SNARKJS_CHUNK ? domainSize - 1 : domainSize;
    }

    byte[] finish() {
        byte[] out = new byte[64];
        digest.doFinal(out, 0);
        return out;
    }

    /** One Montgomery Fp coordinate as 32 big-endian bytes of its plain value. */
    private void writeCoordinate(long[] p, int po, int bo) {
        Fp.FIELD.fromMontgomery(p, po, plain, 0);
        for (int limb = 0; limb < 4; limb++) {
            long v = plain[3 - limb];
            for (int k = 0; k < 8; k++) {
                buffer[bo + 8 * limb + k] = (byte) (v >>> (56 - 8 * k));
            }
        }
    }
}
