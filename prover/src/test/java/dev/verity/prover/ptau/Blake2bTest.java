package dev.verity.prover.ptau;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;

/** BLAKE2b-512 against Bouncy Castle's, including inputs fed in uneven pieces and resumed states. */
class Blake2bTest {
    private static byte[] reference(byte[] data) {
        Blake2bDigest d = new Blake2bDigest(512);
        d.update(data, 0, data.length);
        byte[] out = new byte[64];
        d.doFinal(out, 0);
        return out;
    }

    @Test
    void matchesBouncyCastleOnEveryLengthAroundBlockBoundaries() {
        Random random = new Random(1);
        for (int length : new int[] {0, 1, 63, 127, 128, 129, 255, 256, 257, 1000, 4096, 100_003}) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            assertArrayEquals(reference(data), Blake2b.hash(data), "length " + length);
        }
    }

    @Test
    void piecewiseUpdatesAndResumedStatesGiveTheSameDigest() {
        Random random = new Random(2);
        for (int trial = 0; trial < 50; trial++) {
            byte[] data = new byte[random.nextInt(2000)];
            random.nextBytes(data);
            Blake2b hasher = new Blake2b();
            int pos = 0;
            while (pos < data.length) {
                int n = Math.min(data.length - pos, random.nextInt(300));
                hasher.update(data, pos, n);
                pos += n;
                if (random.nextBoolean()) {
                    hasher = Blake2b.importState(hasher.exportState());
                }
            }
            assertArrayEquals(reference(data), hasher.digest(), "trial " + trial);
        }
    }

    @Test
    void rejectsInconsistentStates() {
        byte[] state = new Blake2b().update(new byte[300]).exportState();
        state[128 + 72] = (byte) 200; // 200 pending bytes in a 128-byte buffer
        assertThrows(IllegalArgumentException.class, () -> Blake2b.importState(state));
        assertThrows(IllegalArgumentException.class, () -> Blake2b.importState(new byte[100]));
    }
}
