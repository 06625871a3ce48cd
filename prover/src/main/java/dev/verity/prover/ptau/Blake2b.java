package dev.verity.prover.ptau;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * BLAKE2b-512 (RFC 7693, no key, no salt), written here because the Powers of Tau transcript
 * needs what no library exposes: snarkjs stores the hasher's internal state in every contribution
 * ("partial hash", 216 bytes, the layout of {@code @noble/hashes}' blake2b object) so that a
 * verifier can finish the response hash from the public key alone. {@link #exportState()} and
 * {@link #importState(byte[])} read and write that layout.
 *
 * <p>As every BLAKE2 implementation must, the last buffered block is compressed only when more
 * input arrives or at {@link #digest()}, so the buffer holds 1 to 128 pending bytes once anything
 * was hashed. Not thread-safe; {@link #digest()} may be called once.
 */
public final class Blake2b {
    public static final int DIGEST_BYTES = 64;
    /** Size of an exported state: 128-byte block buffer, then 22 little-endian u32 words. */
    public static final int STATE_BYTES = 216;
    private static final int BLOCK = 128;
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long[] IV = {
        0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
        0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L,
    };
    private static final byte[][] SIGMA = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
        {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
        {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
        {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
        {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
        {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
        {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
        {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
        {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
        {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    };

    private final long[] h = new long[8];
    private final byte[] buffer = new byte[BLOCK];
    private final long[] m = new long[16];
    private final long[] v = new long[16];
    /** Bytes in {@link #buffer} not yet compressed, 0..128. */
    private int pos;
    /** Bytes compressed so far (the BLAKE2 counter t, below 2^64 here). */
    private long compressed;
    private boolean finished;

    public Blake2b() {
        System.arraycopy(IV, 0, h, 0, 8);
        h[0] ^= 0x01010000L ^ DIGEST_BYTES; // parameter block: fanout 1, depth 1, 64-byte digest
    }

    /** The digest of {@code data}. */
    public static byte[] hash(byte[] data) {
        Blake2b hasher = new Blake2b();
        hasher.update(data);
        return hasher.digest();
    }

    public Blake2b update(byte[] data) {
        return update(data, 0, data.length);
    }

    public Blake2b update(byte[] data, int offset, int length) {
        if (finished) {
            throw new IllegalStateException("digest() was already called");
        }
        Objects.checkFromIndexSize(offset, length, data.length);
        int end = offset + length;
        while (offset < end) {
            if (pos == BLOCK) {
                compressed += BLOCK;
                compress(buffer, 0, false);
                pos = 0;
            }
            if (pos == 0) {
                // whole blocks straight from the input, keeping the last one buffered
                while (end - offset > BLOCK) {
                    compressed += BLOCK;
                    compress(data, offset, false);
                    offset += BLOCK;
                }
            }
            int take = Math.min(BLOCK - pos, end - offset);
            System.arraycopy(data, offset, buffer, pos, take);
            pos += take;
            offset += take;
        }
        return this;
    }

    /** The 64-byte digest; the hasher cannot be used afterwards. */
    public byte[] digest() {
        if (finished) {
            throw new IllegalStateException("digest() was already called");
        }
        finished = true;
        Arrays.fill(buffer, pos, BLOCK, (byte) 0);
        compressed += pos;
        compress(buffer, 0, true);
        byte[] out = new byte[DIGEST_BYTES];
        for (int i = 0; i < 8; i++) {
            putLongLe(out, 8 * i, h[i]);
        }
        return out;
    }

    /** A copy of this hasher in its current state. */
    public Blake2b copy() {
        return importState(exportState());
    }

    /**
     * The state in snarkjs' partial-hash layout: the 128-byte block buffer (only its first
     * {@code pos} bytes matter; the rest is kept as noble's hasher leaves it, stale bytes of
     * earlier blocks, so that transcripts are byte-identical to snarkjs' when the input arrives in
     * the same pieces), then u32 LE words: h[0..7] as (low, high) pairs, the bytes
     * compressed so far (low, high), {@code pos} (low, high), and two zero words.
     */
    public byte[] exportState() {
        if (finished) {
            throw new IllegalStateException("digest() was already called");
        }
        byte[] out = new byte[STATE_BYTES];
        System.arraycopy(buffer, 0, out, 0, BLOCK);
        for (int i = 0; i < 8; i++) {
            putLongLe(out, BLOCK + 8 * i, h[i]);
        }
        putLongLe(out, BLOCK + 64, compressed);
        putLongLe(out, BLOCK + 72, pos);
        return out;
    }

    /**
     * A hasher resumed from {@link #exportState()} or a snarkjs partial hash.
     *
     * @throws IllegalArgumentException if the state is not 216 bytes or its counters are
     *     inconsistent (pending bytes above 128, compressed bytes not whole blocks)
     */
    public static Blake2b importState(byte[] state) {
        if (state.length != STATE_BYTES) {
            throw new IllegalArgumentException("a BLAKE2b state has " + STATE_BYTES + " bytes, got " + state.length);
        }
        long compressed = getLongLe(state, BLOCK + 64);
        long pending = getLongLe(state, BLOCK + 72);
        if (pending < 0 || pending > BLOCK || compressed < 0 || compressed % BLOCK != 0
                || (pending == 0 && compressed != 0)) {
            throw new IllegalArgumentException("inconsistent BLAKE2b state: " + compressed + " bytes compressed, "
                    + pending + " pending");
        }
        Blake2b hasher = new Blake2b();
        for (int i = 0; i < 8; i++) {
            hasher.h[i] = getLongLe(state, BLOCK + 8 * i);
        }
        System.arraycopy(state, 0, hasher.buffer, 0, BLOCK);
        hasher.pos = (int) pending;
        hasher.compressed = compressed;
        return hasher;
    }

    private void compress(byte[] block, int offset, boolean last) {
        for (int i = 0; i < 16; i++) {
            m[i] = getLongLe(block, offset + 8 * i);
        }
        System.arraycopy(h, 0, v, 0, 8);
        System.arraycopy(IV, 0, v, 8, 8);
        v[12] ^= compressed; // counter high word: inputs stay below 2^64 bytes
        if (last) {
            v[14] = ~v[14];
        }
        for (int round = 0; round < 12; round++) {
            byte[] s = SIGMA[round % 10];
            mix(0, 4, 8, 12, m[s[0]], m[s[1]]);
            mix(1, 5, 9, 13, m[s[2]], m[s[3]]);
            mix(2, 6, 10, 14, m[s[4]], m[s[5]]);
            mix(3, 7, 11, 15, m[s[6]], m[s[7]]);
            mix(0, 5, 10, 15, m[s[8]], m[s[9]]);
            mix(1, 6, 11, 12, m[s[10]], m[s[11]]);
            mix(2, 7, 8, 13, m[s[12]], m[s[13]]);
            mix(3, 4, 9, 14, m[s[14]], m[s[15]]);
        }
        for (int i = 0; i < 8; i++) {
            h[i] ^= v[i] ^ v[i + 8];
        }
    }

    private void mix(int a, int b, int c, int d, long x, long y) {
        v[a] += v[b] + x;
        v[d] = Long.rotateRight(v[d] ^ v[a], 32);
        v[c] += v[d];
        v[b] = Long.rotateRight(v[b] ^ v[c], 24);
        v[a] += v[b] + y;
        v[d] = Long.rotateRight(v[d] ^ v[a], 16);
        v[c] += v[d];
        v[b] = Long.rotateRight(v[b] ^ v[c], 63);
    }

    private static long getLongLe(byte[] b, int o) {
        return (long) LONG_LE.get(b, o);
    }

    private static void putLongLe(byte[] b, int o, long x) {
        LONG_LE.set(b, o, x);
    }
}
