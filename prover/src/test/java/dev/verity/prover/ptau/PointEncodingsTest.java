package dev.verity.prover.ptau;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.field.Fp;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Compressed and uncompressed encodings: uncompressed G1 is the EIP-196 encoding and uncompressed
 * G2 the EIP-197 one (independent encoders in the curve package); compression round-trips, keeps
 * the sign convention, and decoding refuses what is not a valid point.
 */
class PointEncodingsTest {
    private final PointEncodings codec = new PointEncodings();
    private final Random random = new Random(5);

    private long[] g1(BigInteger k) {
        long[] p = new long[G1.AFFINE];
        new G1().toAffine(new G1().mul(G1.GENERATOR, 0, k), 0, p, 0);
        return p;
    }

    private long[] g2(BigInteger k) {
        long[] p = new long[G2.AFFINE];
        new G2().toAffine(new G2().mul(G2.GENERATOR, 0, k), 0, p, 0);
        return p;
    }

    @Test
    void uncompressedIsTheEvmEncoding() {
        for (int i = 0; i < 5; i++) {
            BigInteger k = new BigInteger(250, random);
            byte[] u1 = new byte[64];
            codec.g1ToUncompressed(g1(k), 0, 1, u1, 0);
            assertArrayEquals(G1.encodeEvm(g1(k), 0), u1);
            byte[] u2 = new byte[128];
            codec.g2ToUncompressed(g2(k), 0, 1, u2, 0);
            assertArrayEquals(G2.encodeEvm(g2(k), 0), u2);
            long[] back = new long[G2.AFFINE];
            codec.g2FromUncompressed(u2, 0, 1, back, 0);
            assertArrayEquals(g2(k), back);
        }
    }

    @Test
    void compressionRoundTripsBothSignsAndInfinity() {
        int negative = 0;
        for (int i = 0; i < 20; i++) {
            BigInteger k = new BigInteger(250, random);
            long[] p = g1(k);
            byte[] c = new byte[32];
            codec.g1ToCompressed(p, 0, 1, c, 0);
            boolean yHigh = Fp.FIELD.toBigInteger(p, 4).compareTo(Fp.MODULUS.shiftRight(1)) > 0;
            assertEquals(yHigh, (c[0] & 0x80) != 0);
            negative += yHigh ? 1 : 0;
            long[] back = new long[G1.AFFINE];
            codec.g1FromCompressed(c, 0, 1, back, 0);
            assertArrayEquals(p, back);
            long[] q = g2(k);
            byte[] c2 = new byte[64];
            codec.g2ToCompressed(q, 0, 1, c2, 0);
            long[] back2 = new long[G2.AFFINE];
            codec.g2FromCompressed(c2, 0, 1, back2, 0);
            assertArrayEquals(q, back2);
        }
        assertTrue(negative > 0 && negative < 20, "both signs must occur");
        byte[] inf = new byte[32];
        codec.g1ToCompressed(new long[G1.AFFINE], 0, 1, inf, 0);
        assertEquals(0x40, inf[0]);
        long[] back = g1(BigInteger.TWO);
        codec.g1FromCompressed(inf, 0, 1, back, 0);
        assertTrue(G1.isInfinityAffine(back, 0));
    }

    @Test
    void invalidEncodingsAreRefused() {
        // x = 0: 0^3 + 3 = 3 is not a square mod p, so no point has it
        assertThrows(IllegalArgumentException.class, () -> codec.g1FromCompressed(new byte[32], 0, 1, new long[8], 0));
        byte[] big = new byte[32];
        byte[] p = Fp.MODULUS.toByteArray();
        System.arraycopy(p, p.length - 32, big, 0, 32);
        assertThrows(IllegalArgumentException.class, () -> codec.g1FromCompressed(big, 0, 1, new long[8], 0));
        byte[] off = G1.encodeEvm(g1(BigInteger.TEN), 0);
        off[63] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> codec.g1FromUncompressed(off, 0, 1, new long[8], 0));
        // decoding checks the twist equation, not the subgroup: that is G2SubgroupCheck's job
        long[] outside = TwistPoints.random(random);
        byte[] c = new byte[64];
        codec.g2ToCompressed(outside, 0, 1, c, 0);
        long[] decoded = new long[G2.AFFINE];
        codec.g2FromCompressed(c, 0, 1, decoded, 0);
        assertArrayEquals(outside, decoded);
        long[] batch = new long[4 * G2.AFFINE];
        for (int i = 0; i < 4; i++) {
            System.arraycopy(g2(BigInteger.valueOf(i + 2)), 0, batch, i * G2.AFFINE, G2.AFFINE);
        }
        G2SubgroupCheck clean = new G2SubgroupCheck(new java.security.SecureRandom());
        clean.absorb(batch, 4);
        assertTrue(clean.holds());
        System.arraycopy(outside, 0, batch, 2 * G2.AFFINE, G2.AFFINE);
        G2SubgroupCheck dirty = new G2SubgroupCheck(new java.security.SecureRandom());
        dirty.absorb(batch, 4);
        assertFalse(dirty.holds());
    }
}
