package dev.verity.prover.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Products in SIMD lanes ({@link FieldLanes}) and scalar blocks ({@link BlockMultiplier}) against
 * products on BigInteger, element by element, for both BN254 fields: random elements and the edges
 * of the range (0, 1, q - 1, values just below q and 2^253, R mod q), at offsets inside larger
 * arrays, at strides and with the output aliasing an input; values kept in lanes across long
 * chains of products, sums and differences; Fp2 blocks against {@link Fp2}.
 */
class FieldLanesTest {
    private static final int B = BlockMultiplier.BLOCK, L = MontgomeryField.LIMBS;
    private final Random rnd = new Random(2026_11_22);

    /** r_i = a_i · b_i for a block at a stride. */
    private interface BlockProduct {
        void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro, int stride);
    }

    /** The scalar blocks, and a product through the lanes: in (a as 32 a), multiply, out. */
    private static List<BlockProduct> multipliers(MontgomeryField field) {
        List<BlockProduct> out = new ArrayList<>();
        out.add(new BlockMultiplier(field)::mul);
        FieldLanes lanes = new FieldLanes(field);
        long[] s = new long[3 * FieldLanes.SIZE];
        out.add((a, ao, b, bo, r, ro, stride) -> {
            lanes.load(a, ao, stride, s, 0, true);
            lanes.load(b, bo, stride, s, FieldLanes.SIZE, false);
            lanes.mul(s, 0, FieldLanes.SIZE, 2 * FieldLanes.SIZE);
            lanes.store(s, 2 * FieldLanes.SIZE, r, ro, stride);
        });
        return out;
    }

    /** Values (not Montgomery forms) to multiply: the range's edges, then random ones. */
    private BigInteger[] values(BigInteger q, int count) {
        BigInteger r = BigInteger.ONE.shiftLeft(256).mod(q);
        BigInteger[] edges = {BigInteger.ZERO, BigInteger.ONE, q.subtract(BigInteger.ONE), q.subtract(BigInteger.TWO),
            r, q.subtract(r), BigInteger.ONE.shiftLeft(253).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(252),
            BigInteger.ONE.shiftLeft(29), BigInteger.ONE.shiftLeft(29).subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(232), q.shiftRight(1)};
        BigInteger[] out = new BigInteger[count];
        for (int i = 0; i < count; i++) {
            out[i] = i < edges.length ? edges[i] : new BigInteger(q.bitLength() + 8, rnd).mod(q);
        }
        return out;
    }

    private void checkField(MontgomeryField field) {
        BigInteger q = field.modulus();
        int blocks = 40, offset = 3 * L;
        BigInteger[] x = values(q, blocks * B);
        BigInteger[] y = values(q, blocks * B);
        java.util.Collections.reverse(java.util.Arrays.asList(y)); // edges meet random values and each other
        long[] a = new long[offset + blocks * B * L], b = new long[offset + blocks * B * L];
        for (int i = 0; i < blocks * B; i++) {
            field.fromBigInteger(x[i], a, offset + i * L);
            field.fromBigInteger(y[i], b, offset + i * L);
        }
        for (BlockProduct m : multipliers(field)) {
            long[] r = new long[offset + blocks * B * L + 5];
            for (int k = 0; k < blocks; k++) {
                int at = offset + k * B * L;
                m.mul(a, at, b, at, r, at + 1, L);
            }
            for (int i = 0; i < blocks * B; i++) {
                int at = offset + i * L;
                BigInteger expected = x[i].multiply(y[i]).mod(q);
                assertEquals(expected, field.toBigInteger(r, at + 1), field.name() + " element " + i);
                long[] scalar = new long[L];
                field.mul(a, at, b, at, scalar, 0);
                assertArrayEquals(scalar, java.util.Arrays.copyOfRange(r, at + 1, at + 1 + L), "limbs of " + i);
            }
            // aliasing: r = a, and squaring with all three the same
            long[] aa = a.clone();
            long[] sq = a.clone();
            for (int k = 0; k < blocks; k++) {
                int at = offset + k * B * L;
                m.mul(aa, at, b, at, aa, at, L);
                m.mul(sq, at, sq, at, sq, at, L);
            }
            for (int i = 0; i < blocks * B; i++) {
                int at = offset + i * L;
                assertEquals(x[i].multiply(y[i]).mod(q), field.toBigInteger(aa, at), "aliased product " + i);
                assertEquals(x[i].multiply(x[i]).mod(q), field.toBigInteger(sq, at), "square " + i);
            }
        }
    }

    @Test
    void baseFieldBlocksMatchBigInteger() {
        checkField(Fp.FIELD);
    }

    @Test
    void scalarFieldBlocksMatchBigInteger() {
        checkField(Fr.FIELD);
    }

    @Test
    void stridedBlocksTouchOnlyTheirElements() {
        MontgomeryField field = Fp.FIELD;
        BigInteger q = field.modulus();
        for (int stride : new int[] {8, 12}) {
            BigInteger[] x = values(q, B), y = values(q, B);
            long[] a = new long[2 + B * stride], b = new long[5 + B * stride];
            for (int i = 0; i < B; i++) {
                field.fromBigInteger(x[i], a, 2 + i * stride);
                field.fromBigInteger(y[(i + 3) % B], b, 5 + i * stride);
            }
            for (BlockProduct m : multipliers(field)) {
                long[] r = new long[1 + B * stride];
                java.util.Arrays.fill(r, -7);
                m.mul(a, 2, b, 5, r, 1, stride);
                for (int i = 0; i < B; i++) {
                    int at = 1 + i * stride;
                    assertEquals(x[i].multiply(y[(i + 3) % B]).mod(q), field.toBigInteger(r, at), "stride " + stride);
                    for (int k = at + L; k < Math.min(r.length, at + stride); k++) {
                        assertEquals(-7, r[k], "slot between elements written, stride " + stride);
                    }
                }
            }
        }
    }

    @Test
    void gatherAndScatterMoveOnlyTheNamedElements() {
        MontgomeryField field = Fp.FIELD;
        BigInteger q = field.modulus();
        int slots = 3 * B, shift = 2;
        BigInteger[] x = values(q, slots), y = values(q, slots);
        long[] a = new long[slots * 2 * L], b = new long[slots * 2 * L];
        for (int i = 0; i < slots; i++) {
            field.fromBigInteger(x[i], a, i * 2 * L + shift);
            field.fromBigInteger(y[i], b, i * 2 * L + shift);
        }
        FieldLanes lanes = new FieldLanes(field);
        long[] s = new long[3 * FieldLanes.SIZE];
        for (int count : new int[] {B, B - 3, 1}) {
            // lane l takes slot 3l + 1 of a, and slot (5l + 2) mod slots of b: out of order, apart
            int[] aAt = new int[B + 1], bAt = new int[B + 1];
            for (int l = 0; l < count; l++) {
                aAt[1 + l] = (3 * l + 1) * 2 * L;
                bAt[1 + l] = ((5 * l + 2) % slots) * 2 * L;
            }
            lanes.gather(a, aAt, 1, count, shift, s, 0, true);
            lanes.gather(b, bAt, 1, count, shift, s, FieldLanes.SIZE, false);
            lanes.mul(s, 0, FieldLanes.SIZE, 2 * FieldLanes.SIZE);
            long[] r = a.clone();
            lanes.scatter(s, 2 * FieldLanes.SIZE, r, bAt, 1, count, shift);
            long[] stored = new long[B * L];
            lanes.store(s, 2 * FieldLanes.SIZE, stored, 0, L);
            for (int l = 0; l < B; l++) {
                BigInteger expected = l < count ? x[3 * l + 1].multiply(y[(5 * l + 2) % slots]).mod(q)
                        : BigInteger.ZERO;                      // padding lanes hold 0
                assertEquals(expected, field.toBigInteger(stored, l * L), "lane " + l + " of " + count);
            }
            int[] laneOfSlot = new int[slots];
            java.util.Arrays.fill(laneOfSlot, -1);
            for (int l = 0; l < count; l++) {
                laneOfSlot[(5 * l + 2) % slots] = l;
            }
            for (int i = 0; i < slots; i++) {
                int l = laneOfSlot[i];
                BigInteger expected = l >= 0 ? x[3 * l + 1].multiply(y[i]).mod(q) : x[i];
                assertEquals(expected, field.toBigInteger(r, i * 2 * L + shift), "slot " + i + ", count " + count);
                for (int k : new int[] {0, 1, 6, 7}) {
                    assertEquals(a[i * 2 * L + k], r[i * 2 * L + k], "word outside the element, slot " + i);
                }
            }
        }
    }

    @Test
    void zeroLanesFindZeroAndQAndSelectPicksLaneByLane() {
        MontgomeryField field = Fp.FIELD;
        BigInteger q = field.modulus();
        // lane l holds (as raw words, the lane form's range [0, 2q)): 0, q, 1, q - 1, q + 1, 2q - 1, 0, random
        BigInteger[] raw = {BigInteger.ZERO, q, BigInteger.ONE, q.subtract(BigInteger.ONE), q.add(BigInteger.ONE),
            q.shiftLeft(1).subtract(BigInteger.ONE), BigInteger.ZERO, new BigInteger(253, rnd)};
        long[] words = new long[B * L], other = new long[B * L];
        for (int l = 0; l < B; l++) {
            System.arraycopy(MontgomeryField.toLimbs(raw[l % raw.length]), 0, words, l * L, L);
            System.arraycopy(MontgomeryField.toLimbs(new BigInteger(253, rnd)), 0, other, l * L, L);
        }
        FieldLanes lanes = new FieldLanes(field);
        long[] s = new long[3 * FieldLanes.SIZE];
        lanes.load(words, 0, L, s, 0, false);
        lanes.load(other, 0, L, s, FieldLanes.SIZE, false);
        int expectedZero = 0;
        for (int l = 0; l < B; l++) {
            if (raw[l % raw.length].mod(q).signum() == 0) {
                expectedZero |= 1 << l;
            }
        }
        assertEquals(expectedZero, lanes.zeroLanes(s, 0));
        int pick = 0b10100110 & ((1 << B) - 1);
        lanes.select(s, 0, FieldLanes.SIZE, 2 * FieldLanes.SIZE, pick);
        long[] picked = new long[B * L];
        lanes.store(s, 2 * FieldLanes.SIZE, picked, 0, L);
        for (int l = 0; l < B; l++) {
            BigInteger expected = word((pick >>> l & 1) != 0 ? other : words, l).mod(q);
            assertEquals(expected, word(picked, l), "lane " + l);
        }
    }

    @Test
    void fp2BlocksAndLanesMatchFp2() {
        Fp2 f = new Fp2();
        Fp2Blocks blocks = new Fp2Blocks();
        int e = Fp2.LIMBS, n = 4 * B;
        BigInteger[] c = values(Fp.MODULUS, 4 * n);
        long[] a = new long[n * e], b = new long[n * e];
        for (int i = 0; i < n; i++) {
            Fp.FIELD.fromBigInteger(c[4 * i], a, i * e);
            Fp.FIELD.fromBigInteger(c[4 * i + 1], a, i * e + L);
            Fp.FIELD.fromBigInteger(c[4 * i + 2], b, i * e);
            Fp.FIELD.fromBigInteger(c[4 * i + 3], b, i * e + L);
        }
        long[] product = new long[n * e], square = a.clone(), expected = new long[e];
        long[] laneProduct = new long[n * e], laneSquare = new long[n * e];
        Fp2Lanes lanes = new Fp2Lanes(3 * Fp2Lanes.SIZE);
        long[] s = new long[3 * Fp2Lanes.SIZE + Fp2Lanes.SCRATCH];
        for (int k = 0; k < n; k += B) {
            blocks.mul(a, k * e, b, k * e, product, k * e);
            blocks.sqr(square, k * e, square, k * e);
            lanes.load(a, k * e, e, s, 0);
            lanes.load(b, k * e, e, s, Fp2Lanes.SIZE);
            lanes.mul(s, 0, Fp2Lanes.SIZE, 2 * Fp2Lanes.SIZE);
            lanes.store(s, 2 * Fp2Lanes.SIZE, laneProduct, k * e, e);
            lanes.sqr(s, 0, 0);
            lanes.store(s, 0, laneSquare, k * e, e);
        }
        for (int i = 0; i < n; i++) {
            f.mul(a, i * e, b, i * e, expected, 0);
            assertArrayEquals(expected, java.util.Arrays.copyOfRange(product, i * e, i * e + e), "product " + i);
            assertArrayEquals(expected, java.util.Arrays.copyOfRange(laneProduct, i * e, i * e + e), "lanes, product " + i);
            f.sqr(a, i * e, expected, 0);
            assertArrayEquals(expected, java.util.Arrays.copyOfRange(square, i * e, i * e + e), "square " + i);
            assertArrayEquals(expected, java.util.Arrays.copyOfRange(laneSquare, i * e, i * e + e), "lanes, square " + i);
        }
    }

    @Test
    void valuesKeptInLanesFollowBigInteger() {
        for (MontgomeryField field : new MontgomeryField[] {Fp.FIELD, Fr.FIELD}) {
            BigInteger q = field.modulus();
            FieldLanes lanes = new FieldLanes(field);
            int size = FieldLanes.SIZE;
            for (int block = 0; block < 6; block++) {
                BigInteger[] x = values(q, 3 * B);
                if (block % 2 == 1) {
                    java.util.Collections.shuffle(java.util.Arrays.asList(x), rnd);
                }
                long[] aos = new long[3 * B * L];
                for (int i = 0; i < 3 * B; i++) {
                    field.fromBigInteger(x[i], aos, i * L);
                }
                long[] s = new long[5 * size];  // a, 32 b, c, scratch, b
                lanes.load(aos, 0, L, s, 0, false);                 // a
                lanes.load(aos, B * L, L, s, size, true);           // 32 b
                lanes.load(aos, 2 * B * L, L, s, 2 * size, false);  // c
                lanes.load(aos, B * L, L, s, 4 * size, false);      // b
                BigInteger[] a = java.util.Arrays.copyOfRange(x, 0, B), b = java.util.Arrays.copyOfRange(x, B, 2 * B);
                BigInteger[] c = java.util.Arrays.copyOfRange(x, 2 * B, 3 * B);
                // a long chain without leaving the lanes: a = (a b + c - a)^2 - b, c = c - a b
                for (int round = 0; round < 40; round++) {
                    lanes.mul(s, size, 0, 3 * size);
                    lanes.sub(s, 2 * size, 3 * size, 2 * size);
                    lanes.add(s, 3 * size, 2 * size, 3 * size);
                    lanes.add(s, 3 * size, 2 * size, 3 * size);
                    lanes.sub(s, 3 * size, 0, 3 * size);
                    lanes.times32(s, 3 * size, 0);
                    lanes.mul(s, 0, 3 * size, 0);
                    lanes.sub(s, 0, 4 * size, 0);
                    for (int i = 0; i < B; i++) {
                        BigInteger ab = a[i].multiply(b[i]);
                        c[i] = c[i].subtract(ab).mod(q);
                        a[i] = ab.add(c[i]).add(c[i]).subtract(a[i]).pow(2).subtract(b[i]).mod(q);
                    }
                }
                long[] out = new long[2 * B * L];
                lanes.store(s, 0, out, 0, L);
                lanes.store(s, 2 * size, out, B * L, L);
                for (int i = 0; i < B; i++) {
                    // canonical Montgomery limbs, not just the same residue
                    assertArrayEquals(field.fromBigInteger(a[i]), java.util.Arrays.copyOfRange(out, i * L, i * L + L),
                            field.name() + " a, lane " + i);
                    assertArrayEquals(field.fromBigInteger(c[i]),
                            java.util.Arrays.copyOfRange(out, (B + i) * L, (B + i) * L + L), field.name() + " c, lane " + i);
                }
            }
        }
    }

    /**
     * Wide form (x·2^261, both factors as they are): products of loose sums at the top of their
     * range (values up to 4q - 2, limbs up to 2^30 - 2) are a·b / 2^261 mod q, below 2q.
     */
    @Test
    void looseSumsAreFactorsOfWideProducts() {
        for (MontgomeryField field : new MontgomeryField[] {Fp.FIELD, Fr.FIELD}) {
            BigInteger q = field.modulus(), twoQ = q.shiftLeft(1);
            BigInteger allLimbs = BigInteger.ZERO;  // every 29-bit limb all ones, cut below 2q
            for (int j = 0; j < 9; j++) {
                allLimbs = allLimbs.or(BigInteger.ONE.shiftLeft(29).subtract(BigInteger.ONE).shiftLeft(29 * j));
            }
            BigInteger[] edges = {twoQ.subtract(BigInteger.ONE), twoQ.subtract(BigInteger.TWO), q, q.subtract(BigInteger.ONE),
                BigInteger.ZERO, BigInteger.ONE, allLimbs.mod(BigInteger.ONE.shiftLeft(q.bitLength())).min(twoQ.subtract(BigInteger.ONE))};
            FieldLanes lanes = new FieldLanes(field);
            int size = FieldLanes.SIZE;
            BigInteger inverse = BigInteger.ONE.shiftLeft(261).modInverse(q);
            for (int round = 0; round < 8; round++) {
                BigInteger[][] v = new BigInteger[4][B];
                long[] s = new long[7 * size];
                for (int k = 0; k < 4; k++) {
                    long[] raw = new long[B * L];
                    for (int i = 0; i < B; i++) {
                        // values in [0, 2q) as they are (no Montgomery form: the test checks the integers)
                        v[k][i] = round < 2 ? edges[(i + k + round) % edges.length] : new BigInteger(q.bitLength() + 1, rnd).mod(twoQ);
                        for (int w = 0; w < L; w++) {
                            raw[i * L + w] = v[k][i].shiftRight(64 * w).longValue();
                        }
                    }
                    lanes.load(raw, 0, L, s, k * size, false);
                }
                lanes.addLoose(s, 0, size, 4 * size);
                lanes.addLoose(s, 2 * size, 3 * size, 5 * size);
                lanes.mul(s, 4 * size, 5 * size, 6 * size);
                lanes.mul(s, 4 * size, 4 * size, 4 * size);
                long[] out = new long[2 * B * L];
                lanes.store(s, 6 * size, out, 0, L);
                lanes.store(s, 4 * size, out, B * L, L);
                for (int i = 0; i < B; i++) {
                    BigInteger x = v[0][i].add(v[1][i]), y = v[2][i].add(v[3][i]);
                    assertEquals(x.multiply(y).multiply(inverse).mod(q), word(out, i), field.name() + " lane " + i);
                    assertEquals(x.multiply(x).multiply(inverse).mod(q), word(out, B + i), field.name() + " square, lane " + i);
                }
            }
        }
    }

    private static BigInteger word(long[] limbs, int element) {
        BigInteger v = BigInteger.ZERO;
        for (int w = L - 1; w >= 0; w--) {
            v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(limbs[element * L + w])));
        }
        return v;
    }

    @Test
    void theTestJvmHasSimdLanes() {
        // the build adds the Vector API to every test JVM and this project's machines have AVX-512:
        // the lane tests above must not be checking a configuration nobody runs
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), "module missing");
        assertTrue(Simd.available(), "SIMD lanes unavailable");
    }
}
