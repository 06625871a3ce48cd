package dev.verity.prover.ptau;

/**
 * The ChaCha20 keystream as a random number generator, word for word the one of ffjavascript
 * ({@code ChaCha}), which snarkjs seeds from hashes to derive ceremony keys and the G2 points of
 * the proofs of knowledge: a contribution made here verifies in snarkjs only if both draw the same
 * numbers. Eight 32-bit seed words form the key; the 128-bit block counter starts at zero and
 * there is no nonce.
 */
public final class ChaChaRng {
    private final int[] state = new int[16];
    private final int[] block = new int[16];
    private int next = 16;

    /** @param seed eight 32-bit words */
    public ChaChaRng(int[] seed) {
        if (seed.length != 8) {
            throw new IllegalArgumentException("a ChaCha seed has 8 words, got " + seed.length);
        }
        state[0] = 0x61707865;
        state[1] = 0x3320646E;
        state[2] = 0x79622D32;
        state[3] = 0x6B206574;
        System.arraycopy(seed, 0, state, 4, 8);
    }

    /** Seeded with the first 32 bytes of {@code hash} read as big-endian words, as snarkjs does. */
    public static ChaChaRng fromHash(byte[] hash) {
        if (hash.length < 32) {
            throw new IllegalArgumentException("a ChaCha seed needs 32 bytes, got " + hash.length);
        }
        int[] seed = new int[8];
        for (int i = 0; i < 8; i++) {
            seed[i] = ((hash[4 * i] & 0xFF) << 24) | ((hash[4 * i + 1] & 0xFF) << 16)
                    | ((hash[4 * i + 2] & 0xFF) << 8) | (hash[4 * i + 3] & 0xFF);
        }
        return new ChaChaRng(seed);
    }

    public int nextU32() {
        if (next == 16) {
            refill();
        }
        return block[next++];
    }

    /** Two words, the first one high, as ffjavascript's {@code nextU64}. */
    public long nextU64() {
        long high = nextU32() & 0xFFFFFFFFL;
        return (high << 32) | (nextU32() & 0xFFFFFFFFL);
    }

    public boolean nextBool() {
        return (nextU32() & 1) == 1;
    }

    private void refill() {
        System.arraycopy(state, 0, block, 0, 16);
        for (int i = 0; i < 10; i++) {
            quarterRound(0, 4, 8, 12);
            quarterRound(1, 5, 9, 13);
            quarterRound(2, 6, 10, 14);
            quarterRound(3, 7, 11, 15);
            quarterRound(0, 5, 10, 15);
            quarterRound(1, 6, 11, 12);
            quarterRound(2, 7, 8, 13);
            quarterRound(3, 4, 9, 14);
        }
        for (int i = 0; i < 16; i++) {
            block[i] += state[i];
        }
        next = 0;
        // 128-bit little-endian block counter in words 12..15
        for (int i = 12; i < 16 && ++state[i] == 0; i++) {
            // carry into the next word
        }
    }

    private void quarterRound(int a, int b, int c, int d) {
        int[] x = block;
        x[a] += x[b];
        x[d] = Integer.rotateLeft(x[d] ^ x[a], 16);
        x[c] += x[d];
        x[b] = Integer.rotateLeft(x[b] ^ x[c], 12);
        x[a] += x[b];
        x[d] = Integer.rotateLeft(x[d] ^ x[a], 8);
        x[c] += x[d];
        x[b] = Integer.rotateLeft(x[b] ^ x[c], 7);
    }
}
