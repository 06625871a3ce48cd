package dev.verity.prover.ptau;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.Test;

/**
 * ffjavascript's ChaCha is the original 20-round ChaCha keystream with the seed as key, a zero
 * nonce and the block counter from zero: Bouncy Castle's ChaChaEngine with the same key must give
 * the same words, across several blocks.
 */
class ChaChaRngTest {
    @Test
    void wordsAreTheChaCha20Keystream() {
        int[] seed = {0x01234567, 0x89abcdef, 0xdeadbeef, 0, -1, 42, 0x7fffffff, 0x80000000};
        byte[] key = new byte[32];
        for (int i = 0; i < 8; i++) {
            for (int b = 0; b < 4; b++) {
                key[4 * i + b] = (byte) (seed[i] >>> (8 * b));
            }
        }
        ChaChaEngine engine = new ChaChaEngine(20);
        engine.init(true, new ParametersWithIV(new KeyParameter(key), new byte[8]));
        byte[] stream = new byte[4 * 100];
        engine.processBytes(new byte[stream.length], 0, stream.length, stream, 0);
        ChaChaRng rng = new ChaChaRng(seed);
        for (int i = 0; i < 100; i++) {
            int expected = (stream[4 * i] & 0xFF) | (stream[4 * i + 1] & 0xFF) << 8 | (stream[4 * i + 2] & 0xFF) << 16
                    | (stream[4 * i + 3] & 0xFF) << 24;
            assertEquals(expected, rng.nextU32(), "word " + i);
        }
    }

    @Test
    void u64TakesTheFirstWordAsHigh() {
        int[] seed = new int[8];
        ChaChaRng a = new ChaChaRng(seed);
        ChaChaRng b = new ChaChaRng(seed);
        long high = b.nextU32() & 0xFFFFFFFFL;
        long low = b.nextU32() & 0xFFFFFFFFL;
        assertEquals((high << 32) | low, a.nextU64());
    }
}
