package dev.verity.prover.field;

import java.math.BigInteger;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BlockMultiplier} in SIMD lanes: each lane multiplies one element, in nine 29-bit limbs
 * so that every word product is an unsigned 32 x 32 -&gt; 64-bit lane multiplication
 * ({@code vpmuludq}) and a column of up to 18 of them adds up without carries in 64 bits.
 *
 * <p>Montgomery reduction on 29-bit limbs divides by 2^261, not by the 2^256 of the four-limb
 * form. Reading the first operand as 32·a (its limbs are taken five bits further left, which costs
 * nothing) makes the result 32·a·b / 2^261 = a·b / 2^256, the four-limb Montgomery product. With
 * 32a &lt; 32q and b &lt; q the result is below q·(32q/2^261 + 1) &lt; 2q, so one conditional
 * subtraction makes it canonical.
 *
 * <p>Why three small methods that pass limbs through a scratch array, rather than one: the Vector
 * API is fast only when C2 inlines every vector operation into one compiled method, and a fully
 * unrolled multiplication outgrows C2's inlining limits (it then runs boxed, many times slower).
 * The scratch array stays in L1.
 */
final class VectorBlockMultiplier implements BlockMultiplier {
    private static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_PREFERRED.length() >= BLOCK
            ? LongVector.SPECIES_512 : LongVector.SPECIES_256;
    private static final int LANES = SPECIES.length();
    private static final int LIMBS = 9;
    private static final int BITS = 29;
    private static final long MASK = (1L << BITS) - 1;
    /** Selects the low 32 bits, which tells C2 that a lane product is 32 x 32 bits (vpmuludq). */
    private static final long LOW32 = 0xFFFFFFFFL;
    /**
     * Scratch layout: limb j of lane l of an operand at base + j * BLOCK + l (A, B, the result R);
     * word w of lane l at base + w * BLOCK + l (WA, WB; WA also takes the result's words).
     */
    private static final int A = 0, B = LIMBS * BLOCK, R = 2 * LIMBS * BLOCK, WA = 3 * LIMBS * BLOCK,
            WB = WA + MontgomeryField.LIMBS * BLOCK;

    private final long[] q = new long[LIMBS];
    /** -q^-1 mod 2^29. */
    private final long qInv;
    private final long[] s = new long[WB + MontgomeryField.LIMBS * BLOCK];

    VectorBlockMultiplier(MontgomeryField field) {
        BigInteger modulus = field.modulus();
        for (int j = 0; j < LIMBS; j++) {
            q[j] = modulus.shiftRight(BITS * j).longValue() & MASK;
        }
        BigInteger base = BigInteger.ONE.shiftLeft(BITS);
        qInv = modulus.modInverse(base).negate().mod(base).longValue();
    }

    /** Whether the preferred vectors hold at least four longs (AVX2 or AVX-512). */
    static boolean supported() {
        return LongVector.SPECIES_PREFERRED.length() >= 4;
    }

    @Override
    public boolean vectorized() {
        return true;
    }

    @Override
    public void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        mul(a, ao, b, bo, r, ro, MontgomeryField.LIMBS);
    }

    @Override
    public void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro, int stride) {
        long[] s = this.s;
        // transpose the blocks to words of the same rank side by side: scalar moves cost less than
        // vector gathers and scatters here
        for (int l = 0; l < BLOCK; l++) {
            int x = ao + stride * l, y = bo + stride * l;
            s[WA + l] = a[x];
            s[WA + BLOCK + l] = a[x + 1];
            s[WA + 2 * BLOCK + l] = a[x + 2];
            s[WA + 3 * BLOCK + l] = a[x + 3];
            s[WB + l] = b[y];
            s[WB + BLOCK + l] = b[y + 1];
            s[WB + 2 * BLOCK + l] = b[y + 2];
            s[WB + 3 * BLOCK + l] = b[y + 3];
        }
        for (int l = 0; l < BLOCK; l += LANES) {
            split(WA + l, true, A + l);
            split(WB + l, false, B + l);
            montgomery(l);
            join(R + l, WA + l);
        }
        for (int l = 0; l < BLOCK; l++) {
            int z = ro + stride * l;
            r[z] = s[WA + l];
            r[z + 1] = s[WA + BLOCK + l];
            r[z + 2] = s[WA + 2 * BLOCK + l];
            r[z + 3] = s[WA + 3 * BLOCK + l];
        }
    }

    /**
     * Nine 29-bit limbs of x (of 32x when {@code times32}) for LANES elements, from the four words
     * at s[words + w * BLOCK] to s[at + j * BLOCK].
     */
    private void split(int words, boolean times32, int at) {
        long[] s = this.s;
        LongVector w0 = LongVector.fromArray(SPECIES, s, words);
        LongVector w1 = LongVector.fromArray(SPECIES, s, words + BLOCK);
        LongVector w2 = LongVector.fromArray(SPECIES, s, words + 2 * BLOCK);
        LongVector w3 = LongVector.fromArray(SPECIES, s, words + 3 * BLOCK);
        int k = times32 ? 5 : 0; // limb j holds bits 29 j - k .. 29 j - k + 28 of x
        limb(w0.lanewise(VectorOperators.LSHL, k), at);
        limb(w0.lanewise(VectorOperators.LSHR, 29 - k), at + BLOCK);
        limb(w0.lanewise(VectorOperators.LSHR, 58 - k).or(w1.lanewise(VectorOperators.LSHL, 6 + k)), at + 2 * BLOCK);
        limb(w1.lanewise(VectorOperators.LSHR, 23 - k), at + 3 * BLOCK);
        limb(w1.lanewise(VectorOperators.LSHR, 52 - k).or(w2.lanewise(VectorOperators.LSHL, 12 + k)), at + 4 * BLOCK);
        limb(w2.lanewise(VectorOperators.LSHR, 17 - k), at + 5 * BLOCK);
        limb(w2.lanewise(VectorOperators.LSHR, 46 - k).or(w3.lanewise(VectorOperators.LSHL, 18 + k)), at + 6 * BLOCK);
        limb(w3.lanewise(VectorOperators.LSHR, 11 - k), at + 7 * BLOCK);
        limb(w3.lanewise(VectorOperators.LSHR, 40 - k), at + 8 * BLOCK);
    }

    private void limb(LongVector v, int at) {
        v.and(MASK).intoArray(s, at);
    }

    /**
     * CIOS on limbs: for each limb b_i, t += a · b_i, then t += m · q with m making the lowest
     * limb of t zero mod 2^29, then t shifts down one limb. Columns stay below 18 · 2^58 &lt; 2^63.
     */
    private void montgomery(int lane) {
        long[] s = this.s;
        LongVector a0 = LongVector.fromArray(SPECIES, s, A + lane).and(LOW32);
        LongVector a1 = LongVector.fromArray(SPECIES, s, A + BLOCK + lane).and(LOW32);
        LongVector a2 = LongVector.fromArray(SPECIES, s, A + 2 * BLOCK + lane).and(LOW32);
        LongVector a3 = LongVector.fromArray(SPECIES, s, A + 3 * BLOCK + lane).and(LOW32);
        LongVector a4 = LongVector.fromArray(SPECIES, s, A + 4 * BLOCK + lane).and(LOW32);
        LongVector a5 = LongVector.fromArray(SPECIES, s, A + 5 * BLOCK + lane).and(LOW32);
        LongVector a6 = LongVector.fromArray(SPECIES, s, A + 6 * BLOCK + lane).and(LOW32);
        LongVector a7 = LongVector.fromArray(SPECIES, s, A + 7 * BLOCK + lane).and(LOW32);
        LongVector a8 = LongVector.fromArray(SPECIES, s, A + 8 * BLOCK + lane).and(LOW32);
        LongVector q0 = modulusLimb(0), q1 = modulusLimb(1), q2 = modulusLimb(2), q3 = modulusLimb(3),
                q4 = modulusLimb(4), q5 = modulusLimb(5), q6 = modulusLimb(6), q7 = modulusLimb(7),
                q8 = modulusLimb(8), qInv = LongVector.broadcast(SPECIES, this.qInv).and(LOW32);
        LongVector zero = LongVector.zero(SPECIES);
        LongVector t0 = zero, t1 = zero, t2 = zero, t3 = zero, t4 = zero, t5 = zero, t6 = zero, t7 = zero,
                t8 = zero;
        for (int i = 0; i < LIMBS; i++) {
            LongVector bi = LongVector.fromArray(SPECIES, s, B + i * BLOCK + lane).and(LOW32);
            t0 = t0.add(a0.mul(bi));
            t1 = t1.add(a1.mul(bi));
            t2 = t2.add(a2.mul(bi));
            t3 = t3.add(a3.mul(bi));
            t4 = t4.add(a4.mul(bi));
            t5 = t5.add(a5.mul(bi));
            t6 = t6.add(a6.mul(bi));
            t7 = t7.add(a7.mul(bi));
            t8 = t8.add(a8.mul(bi));
            LongVector m = t0.and(LOW32).mul(qInv).and(MASK);
            t0 = t0.add(m.mul(q0));
            t1 = t1.add(m.mul(q1));
            t2 = t2.add(m.mul(q2));
            t3 = t3.add(m.mul(q3));
            t4 = t4.add(m.mul(q4));
            t5 = t5.add(m.mul(q5));
            t6 = t6.add(m.mul(q6));
            t7 = t7.add(m.mul(q7));
            t8 = t8.add(m.mul(q8));
            // t0 is now divisible by 2^29: shift the whole value down one limb
            t0 = t1.add(t0.lanewise(VectorOperators.LSHR, BITS));
            t1 = t2;
            t2 = t3;
            t3 = t4;
            t4 = t5;
            t5 = t6;
            t6 = t7;
            t7 = t8;
            t8 = zero;
        }
        // carries, leaving nine 29-bit limbs (the value is below 2q < 2^255)
        t1 = t1.add(t0.lanewise(VectorOperators.LSHR, BITS));
        t2 = t2.add(t1.lanewise(VectorOperators.LSHR, BITS));
        t3 = t3.add(t2.lanewise(VectorOperators.LSHR, BITS));
        t4 = t4.add(t3.lanewise(VectorOperators.LSHR, BITS));
        t5 = t5.add(t4.lanewise(VectorOperators.LSHR, BITS));
        t6 = t6.add(t5.lanewise(VectorOperators.LSHR, BITS));
        t7 = t7.add(t6.lanewise(VectorOperators.LSHR, BITS));
        t8 = t8.add(t7.lanewise(VectorOperators.LSHR, BITS));
        t0.and(MASK).intoArray(s, R + lane);
        t1.and(MASK).intoArray(s, R + BLOCK + lane);
        t2.and(MASK).intoArray(s, R + 2 * BLOCK + lane);
        t3.and(MASK).intoArray(s, R + 3 * BLOCK + lane);
        t4.and(MASK).intoArray(s, R + 4 * BLOCK + lane);
        t5.and(MASK).intoArray(s, R + 5 * BLOCK + lane);
        t6.and(MASK).intoArray(s, R + 6 * BLOCK + lane);
        t7.and(MASK).intoArray(s, R + 7 * BLOCK + lane);
        t8.intoArray(s, R + 8 * BLOCK + lane);
    }

    /** Limb j of q in every lane, masked so that C2 sees a 32-bit operand. */
    private LongVector modulusLimb(int j) {
        return LongVector.broadcast(SPECIES, q[j]).and(LOW32);
    }

    /** Subtracts q where the limbs at s[at] are at least q, and packs them into four words at s[words]. */
    private void join(int at, int words) {
        long[] s = this.s;
        long[] q = this.q;
        LongVector t0 = LongVector.fromArray(SPECIES, s, at);
        LongVector t1 = LongVector.fromArray(SPECIES, s, at + BLOCK);
        LongVector t2 = LongVector.fromArray(SPECIES, s, at + 2 * BLOCK);
        LongVector t3 = LongVector.fromArray(SPECIES, s, at + 3 * BLOCK);
        LongVector t4 = LongVector.fromArray(SPECIES, s, at + 4 * BLOCK);
        LongVector t5 = LongVector.fromArray(SPECIES, s, at + 5 * BLOCK);
        LongVector t6 = LongVector.fromArray(SPECIES, s, at + 6 * BLOCK);
        LongVector t7 = LongVector.fromArray(SPECIES, s, at + 7 * BLOCK);
        LongVector t8 = LongVector.fromArray(SPECIES, s, at + 8 * BLOCK);
        // d = t - q limb by limb; an arithmetic shift carries each borrow (0 or -1) upwards
        LongVector d0 = t0.sub(q[0]);
        LongVector d1 = t1.sub(q[1]).add(d0.lanewise(VectorOperators.ASHR, BITS));
        LongVector d2 = t2.sub(q[2]).add(d1.lanewise(VectorOperators.ASHR, BITS));
        LongVector d3 = t3.sub(q[3]).add(d2.lanewise(VectorOperators.ASHR, BITS));
        LongVector d4 = t4.sub(q[4]).add(d3.lanewise(VectorOperators.ASHR, BITS));
        LongVector d5 = t5.sub(q[5]).add(d4.lanewise(VectorOperators.ASHR, BITS));
        LongVector d6 = t6.sub(q[6]).add(d5.lanewise(VectorOperators.ASHR, BITS));
        LongVector d7 = t7.sub(q[7]).add(d6.lanewise(VectorOperators.ASHR, BITS));
        LongVector d8 = t8.sub(q[8]).add(d7.lanewise(VectorOperators.ASHR, BITS));
        VectorMask<Long> below = d8.compare(VectorOperators.LT, 0); // t < q: keep t
        t0 = d0.and(MASK).blend(t0, below);
        t1 = d1.and(MASK).blend(t1, below);
        t2 = d2.and(MASK).blend(t2, below);
        t3 = d3.and(MASK).blend(t3, below);
        t4 = d4.and(MASK).blend(t4, below);
        t5 = d5.and(MASK).blend(t5, below);
        t6 = d6.and(MASK).blend(t6, below);
        t7 = d7.and(MASK).blend(t7, below);
        t8 = d8.blend(t8, below);
        // limb j sits at bit 29 j: words of 64 bits take limbs (0,1,2), (2,3,4), (4,5,6), (6,7,8)
        t0.or(t1.lanewise(VectorOperators.LSHL, 29)).or(t2.lanewise(VectorOperators.LSHL, 58))
                .intoArray(s, words);
        t2.lanewise(VectorOperators.LSHR, 6).or(t3.lanewise(VectorOperators.LSHL, 23))
                .or(t4.lanewise(VectorOperators.LSHL, 52)).intoArray(s, words + 1 * BLOCK);
        t4.lanewise(VectorOperators.LSHR, 12).or(t5.lanewise(VectorOperators.LSHL, 17))
                .or(t6.lanewise(VectorOperators.LSHL, 46)).intoArray(s, words + 2 * BLOCK);
        t6.lanewise(VectorOperators.LSHR, 18).or(t7.lanewise(VectorOperators.LSHL, 11))
                .or(t8.lanewise(VectorOperators.LSHL, 40)).intoArray(s, words + 3 * BLOCK);
    }
}
