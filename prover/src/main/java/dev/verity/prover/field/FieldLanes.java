package dev.verity.prover.field;

import java.math.BigInteger;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Field arithmetic on blocks of {@link #BLOCK} elements held in SIMD lanes: one element per lane,
 * nine 29-bit limbs, so that every word product is an unsigned 32 x 32 -&gt; 64-bit lane product
 * ({@code vpmuludq}) and a column of up to 18 of them adds up without carries in 64 bits. Code that
 * keeps its intermediate values in lanes between products (see the MSM's {@code G1LaneBatch}) pays
 * for the conversion from and to four 64-bit limbs only where values enter and leave.
 *
 * <p>A lane block is {@link #SIZE} longs of an array: limb j of element l at offset + j · BLOCK + l.
 * It holds the same Montgomery form as {@link MontgomeryField} (x · 2^256 mod q), as any value
 * in [0, 2q) with normalized limbs; {@link #store} makes it canonical. Montgomery reduction on
 * 29-bit limbs divides by 2^261: {@link #mul} takes its first factor as 32·a (five bits further
 * left: free when loading, a few lane shifts by {@link #times32} otherwise), so that the product is
 * 32·a·b / 2^261 = a·b / 2^256, and with a, b &lt; 2q it stays below q·(128q/2^261 + 1) &lt; 2q:
 * no final subtraction between products. (Shifting inside the multiplication instead measured
 * half as fast: C2 then compiles the kernel worse.)
 *
 * <p>Why small methods passing limbs through arrays rather than one fused kernel: the Vector API
 * is fast only when C2 inlines every vector operation into one compiled method, and a fully
 * unrolled multiplication outgrows C2's inlining limits (it then runs boxed, many times slower).
 * The arrays stay in L1. Only for JVMs with {@code jdk.incubator.vector} (see {@link BlockMultiplier});
 * an instance owns scratch space and is <b>not thread-safe</b>.
 */
public final class FieldLanes {
    /** Elements per lane block. */
    public static final int BLOCK = BlockMultiplier.BLOCK;
    private static final int LIMBS = 9;
    /** Longs per lane block. */
    public static final int SIZE = LIMBS * BLOCK;
    private static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_PREFERRED.length() >= BLOCK
            ? LongVector.SPECIES_512 : LongVector.SPECIES_256;
    private static final int LANES = SPECIES.length();
    private static final int BITS = 29;
    private static final long MASK = (1L << BITS) - 1;
    /** Selects the low 32 bits, which tells C2 that a lane product is 32 x 32 bits (vpmuludq). */
    private static final long LOW32 = 0xFFFFFFFFL;

    private final long[] q = new long[LIMBS];
    /** 2q in limbs: the bound of the lane form, added and subtracted by {@link #add} and {@link #sub}. */
    private final long[] twoQ = new long[LIMBS];
    /** -q^-1 mod 2^29. */
    private final long qInv;
    /** Words of one block, word w of element l at w * BLOCK + l: the transposition's staging area. */
    private final long[] words = new long[MontgomeryField.LIMBS * BLOCK];

    public FieldLanes(MontgomeryField field) {
        BigInteger modulus = field.modulus();
        for (int j = 0; j < LIMBS; j++) {
            q[j] = modulus.shiftRight(BITS * j).longValue() & MASK;
            twoQ[j] = modulus.shiftLeft(1).shiftRight(BITS * j).longValue() & MASK;
        }
        BigInteger base = BigInteger.ONE.shiftLeft(BITS);
        qInv = modulus.modInverse(base).negate().mod(base).longValue();
    }

    /** Whether the preferred vectors hold at least four longs (AVX2 or AVX-512). */
    static boolean supported() {
        return LongVector.SPECIES_PREFERRED.length() >= 4;
    }

    /**
     * The BLOCK elements at x[xo + l · stride] (four-limb Montgomery form) into the lane block at
     * s[at]; as 32 times their value when {@code times32} (the form of a first factor of {@link #mul}).
     */
    public void load(long[] x, int xo, int stride, long[] s, int at, boolean times32) {
        long[] w = words;
        // transpose to words of the same rank side by side: scalar moves cost less than vector
        // gathers here
        for (int l = 0; l < BLOCK; l++) {
            int i = xo + stride * l;
            w[l] = x[i];
            w[BLOCK + l] = x[i + 1];
            w[2 * BLOCK + l] = x[i + 2];
            w[3 * BLOCK + l] = x[i + 3];
        }
        for (int h = 0; h < BLOCK; h += LANES) {
            split(w, h, times32 ? 5 : 0, s, at + h);
        }
    }

    /**
     * As {@link #load}, for elements scattered through {@code x}: lane l takes the element at
     * x[offsets[first + l] + shift] for l &lt; count, and lanes from count on take 0. Fuses the
     * gathering and the transposition, so each word moves once.
     */
    public void gather(long[] x, int[] offsets, int first, int count, int shift, long[] s, int at, boolean times32) {
        long[] w = words;
        for (int l = 0; l < count; l++) {
            int i = offsets[first + l] + shift;
            w[l] = x[i];
            w[BLOCK + l] = x[i + 1];
            w[2 * BLOCK + l] = x[i + 2];
            w[3 * BLOCK + l] = x[i + 3];
        }
        for (int l = count; l < BLOCK; l++) {
            w[l] = 0;
            w[BLOCK + l] = 0;
            w[2 * BLOCK + l] = 0;
            w[3 * BLOCK + l] = 0;
        }
        for (int h = 0; h < BLOCK; h += LANES) {
            split(w, h, times32 ? 5 : 0, s, at + h);
        }
    }

    /**
     * As {@link #store}, for destinations scattered through {@code x}: lane l, made canonical, goes
     * to x[offsets[first + l] + shift] for l &lt; count; the other lanes are dropped.
     */
    public void scatter(long[] s, int at, long[] x, int[] offsets, int first, int count, int shift) {
        long[] w = words;
        for (int h = 0; h < BLOCK; h += LANES) {
            join(s, at + h, w, h);
        }
        for (int l = 0; l < count; l++) {
            int i = offsets[first + l] + shift;
            x[i] = w[l];
            x[i + 1] = w[BLOCK + l];
            x[i + 2] = w[2 * BLOCK + l];
            x[i + 3] = w[3 * BLOCK + l];
        }
    }

    /** The lane block at s[at], made canonical, to x[xo + l · stride] in four-limb form. */
    public void store(long[] s, int at, long[] x, int xo, int stride) {
        long[] w = words;
        for (int h = 0; h < BLOCK; h += LANES) {
            join(s, at + h, w, h);
        }
        for (int l = 0; l < BLOCK; l++) {
            int i = xo + stride * l;
            x[i] = w[l];
            x[i + 1] = w[BLOCK + l];
            x[i + 2] = w[2 * BLOCK + l];
            x[i + 3] = w[3 * BLOCK + l];
        }
    }

    /**
     * s[r] = a · b, lane by lane, where s[a32] holds 32·a (from {@link #load} with times32 or
     * {@link #times32}) and s[b] holds b; r may be either operand. Code that keeps every value as
     * x·2^261 instead passes both factors as they are, and then either may be a loose sum
     * ({@link #addLoose}: limbs below 2^30, value below 4q): a column then stays below
     * 9·2^60 + 9·2^58 &lt; 2^64 (the accumulation only shifts logically, so the top bit is safe), and
     * the product below 16q^2/2^261 + q &lt; 2q.
     */
    public void mul(long[] s, int a32, int b, int r) {
        for (int h = 0; h < BLOCK; h += LANES) {
            montgomery(s, a32 + h, b + h, r + h);
        }
    }

    /** s[r] = 32 · s[a] (not reduced: a first factor for {@link #mul}, nothing else). */
    public void times32(long[] s, int a, int r) {
        for (int h = 0; h < BLOCK; h += LANES) {
            times32Lanes(s, a + h, r + h);
        }
    }

    /** s[r] = s[a] + s[b] mod q, in [0, 2q). */
    public void add(long[] s, int a, int b, int r) {
        for (int h = 0; h < BLOCK; h += LANES) {
            addLanes(s, a + h, b + h, r + h);
        }
    }

    /**
     * s[r] = s[a] + s[b] limb by limb: no carries, no reduction, so its limbs are below 2^30 and
     * its value below 4q. Such a loose sum may only be a factor of a product in the x·2^261 form
     * (see {@link #mul}); never the input of a sum, a difference, {@link #times32} or
     * {@link #store}.
     */
    public void addLoose(long[] s, int a, int b, int r) {
        for (int k = 0; k < SIZE; k += LANES) {
            LongVector.fromArray(SPECIES, s, a + k).add(LongVector.fromArray(SPECIES, s, b + k)).intoArray(s, r + k);
        }
    }

    /** s[r] = s[a] - s[b] mod q, in [0, 2q). */
    public void sub(long[] s, int a, int b, int r) {
        for (int h = 0; h < BLOCK; h += LANES) {
            subLanes(s, a + h, b + h, r + h);
        }
    }

    /** s[r] = in each lane l, s[b]'s value where bit l of {@code lanes} is set, else s[a]'s. */
    public void select(long[] s, int a, int b, int r, int lanes) {
        for (int h = 0; h < BLOCK; h += LANES) {
            VectorMask<Long> fromB = VectorMask.fromLong(SPECIES, lanes >>> h);
            for (int o = h; o < SIZE; o += BLOCK) {
                LongVector.fromArray(SPECIES, s, a + o).blend(LongVector.fromArray(SPECIES, s, b + o), fromB)
                        .intoArray(s, r + o);
            }
        }
    }

    /**
     * The lanes of s[at] whose value is 0 mod q, as bits (lane l: bit l). A value in [0, 2q) with
     * normalized limbs is 0 mod q only as 0 or as q.
     */
    public int zeroLanes(long[] s, int at) {
        int bits = 0;
        for (int h = 0; h < BLOCK; h += LANES) {
            VectorMask<Long> zero = SPECIES.maskAll(true), isQ = SPECIES.maskAll(true);
            for (int j = 0; j < LIMBS; j++) {
                LongVector limb = LongVector.fromArray(SPECIES, s, at + j * BLOCK + h);
                zero = zero.and(limb.compare(VectorOperators.EQ, 0));
                isQ = isQ.and(limb.compare(VectorOperators.EQ, q[j]));
            }
            bits |= (int) zero.or(isQ).toLong() << h;
        }
        return bits;
    }

    /**
     * Limbs of the four words at w[h + k · BLOCK] into s[at + j · BLOCK], for LANES elements: limb j
     * holds bits 29 j - k .. 29 j - k + 28 of the value (k = 5: of 32 times the value).
     */
    private static void split(long[] w, int h, int k, long[] s, int at) {
        LongVector w0 = LongVector.fromArray(SPECIES, w, h);
        LongVector w1 = LongVector.fromArray(SPECIES, w, h + BLOCK);
        LongVector w2 = LongVector.fromArray(SPECIES, w, h + 2 * BLOCK);
        LongVector w3 = LongVector.fromArray(SPECIES, w, h + 3 * BLOCK);
        w0.lanewise(VectorOperators.LSHL, k).and(MASK).intoArray(s, at);
        w0.lanewise(VectorOperators.LSHR, 29 - k).and(MASK).intoArray(s, at + BLOCK);
        w0.lanewise(VectorOperators.LSHR, 58 - k).or(w1.lanewise(VectorOperators.LSHL, 6 + k)).and(MASK).intoArray(s, at + 2 * BLOCK);
        w1.lanewise(VectorOperators.LSHR, 23 - k).and(MASK).intoArray(s, at + 3 * BLOCK);
        w1.lanewise(VectorOperators.LSHR, 52 - k).or(w2.lanewise(VectorOperators.LSHL, 12 + k)).and(MASK).intoArray(s, at + 4 * BLOCK);
        w2.lanewise(VectorOperators.LSHR, 17 - k).and(MASK).intoArray(s, at + 5 * BLOCK);
        w2.lanewise(VectorOperators.LSHR, 46 - k).or(w3.lanewise(VectorOperators.LSHL, 18 + k)).and(MASK).intoArray(s, at + 6 * BLOCK);
        w3.lanewise(VectorOperators.LSHR, 11 - k).and(MASK).intoArray(s, at + 7 * BLOCK);
        w3.lanewise(VectorOperators.LSHR, 40 - k).and(MASK).intoArray(s, at + 8 * BLOCK);
    }

    /** s[r] = 32 · s[a] for LANES elements: each limb five bits up, the top five bits of the limb below added in. */
    private static void times32Lanes(long[] s, int a, int r) {
        LongVector below = LongVector.fromArray(SPECIES, s, a);
        below.lanewise(VectorOperators.LSHL, 5).and(MASK).intoArray(s, r);
        LongVector x1 = LongVector.fromArray(SPECIES, s, a + 1 * BLOCK);
        x1.lanewise(VectorOperators.LSHL, 5).and(MASK).or(below.lanewise(VectorOperators.LSHR, 24)).intoArray(s, r + 1 * BLOCK);
        LongVector x2 = LongVector.fromArray(SPECIES, s, a + 2 * BLOCK);
        x2.lanewise(VectorOperators.LSHL, 5).and(MASK).or(x1.lanewise(VectorOperators.LSHR, 24)).intoArray(s, r + 2 * BLOCK);
        LongVector x3 = LongVector.fromArray(SPECIES, s, a + 3 * BLOCK);
        x3.lanewise(VectorOperators.LSHL, 5).and(MASK).or(x2.lanewise(VectorOperators.LSHR, 24)).intoArray(s, r + 3 * BLOCK);
        LongVector x4 = LongVector.fromArray(SPECIES, s, a + 4 * BLOCK);
        x4.lanewise(VectorOperators.LSHL, 5).and(MASK).or(x3.lanewise(VectorOperators.LSHR, 24)).intoArray(s, r + 4 * BLOCK);
        LongVector x5 = LongVector.fromArray(SPECIES, s, a + 5 * BLOCK);
        x5.lanewise(VectorOperators.LSHL, 5).and(MASK).or(x4.lanewise(VectorOperators.LSHR, 24)).intoArray(s, r + 5 * BLOCK);
        LongVector x6 = LongVector.fromArray(SPECIES, s, a + 6 * BLOCK);
        x6.lanewise(VectorOperators.LSHL, 5).and(MASK).or(x5.lanewise(VectorOperators.LSHR, 24)).intoArray(s, r + 6 * BLOCK);
        LongVector x7 = LongVector.fromArray(SPECIES, s, a + 7 * BLOCK);
        x7.lanewise(VectorOperators.LSHL, 5).and(MASK).or(x6.lanewise(VectorOperators.LSHR, 24)).intoArray(s, r + 7 * BLOCK);
        LongVector x8 = LongVector.fromArray(SPECIES, s, a + 8 * BLOCK);
        x8.lanewise(VectorOperators.LSHL, 5).or(x7.lanewise(VectorOperators.LSHR, 24)).intoArray(s, r + 8 * BLOCK);
    }

    /**
     * CIOS on limbs: for each limb b_i, t += a · b_i, then t += m · q with m making the lowest
     * limb of t zero mod 2^29, then t shifts down one limb. Columns stay below 18 · 2^58 &lt; 2^63.
     */
    private void montgomery(long[] s, int a, int b, int r) {
        LongVector x0 = LongVector.fromArray(SPECIES, s, a + 0 * BLOCK);
        LongVector x1 = LongVector.fromArray(SPECIES, s, a + 1 * BLOCK);
        LongVector x2 = LongVector.fromArray(SPECIES, s, a + 2 * BLOCK);
        LongVector x3 = LongVector.fromArray(SPECIES, s, a + 3 * BLOCK);
        LongVector x4 = LongVector.fromArray(SPECIES, s, a + 4 * BLOCK);
        LongVector x5 = LongVector.fromArray(SPECIES, s, a + 5 * BLOCK);
        LongVector x6 = LongVector.fromArray(SPECIES, s, a + 6 * BLOCK);
        LongVector x7 = LongVector.fromArray(SPECIES, s, a + 7 * BLOCK);
        LongVector x8 = LongVector.fromArray(SPECIES, s, a + 8 * BLOCK);
        LongVector a0 = x0.and(LOW32);
        LongVector a1 = x1.and(LOW32);
        LongVector a2 = x2.and(LOW32);
        LongVector a3 = x3.and(LOW32);
        LongVector a4 = x4.and(LOW32);
        LongVector a5 = x5.and(LOW32);
        LongVector a6 = x6.and(LOW32);
        LongVector a7 = x7.and(LOW32);
        LongVector a8 = x8.and(LOW32);
        // limbs of q, masked so that C2 sees 32-bit operands; written out here, not in a helper
        // returning a vector, which allocates whenever C2 does not inline it
        long[] q = this.q;
        LongVector q0 = LongVector.broadcast(SPECIES, q[0]).and(LOW32);
        LongVector q1 = LongVector.broadcast(SPECIES, q[1]).and(LOW32);
        LongVector q2 = LongVector.broadcast(SPECIES, q[2]).and(LOW32);
        LongVector q3 = LongVector.broadcast(SPECIES, q[3]).and(LOW32);
        LongVector q4 = LongVector.broadcast(SPECIES, q[4]).and(LOW32);
        LongVector q5 = LongVector.broadcast(SPECIES, q[5]).and(LOW32);
        LongVector q6 = LongVector.broadcast(SPECIES, q[6]).and(LOW32);
        LongVector q7 = LongVector.broadcast(SPECIES, q[7]).and(LOW32);
        LongVector q8 = LongVector.broadcast(SPECIES, q[8]).and(LOW32);
        LongVector qInv = LongVector.broadcast(SPECIES, this.qInv).and(LOW32);
        LongVector zero = LongVector.zero(SPECIES);
        LongVector t0 = zero, t1 = zero, t2 = zero, t3 = zero, t4 = zero, t5 = zero, t6 = zero, t7 = zero,
                t8 = zero;
        for (int i = 0; i < LIMBS; i++) {
            LongVector bi = LongVector.fromArray(SPECIES, s, b + i * BLOCK).and(LOW32);
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
        t0.and(MASK).intoArray(s, r + 0 * BLOCK);
        t1.and(MASK).intoArray(s, r + 1 * BLOCK);
        t2.and(MASK).intoArray(s, r + 2 * BLOCK);
        t3.and(MASK).intoArray(s, r + 3 * BLOCK);
        t4.and(MASK).intoArray(s, r + 4 * BLOCK);
        t5.and(MASK).intoArray(s, r + 5 * BLOCK);
        t6.and(MASK).intoArray(s, r + 6 * BLOCK);
        t7.and(MASK).intoArray(s, r + 7 * BLOCK);
        t8.intoArray(s, r + 8 * BLOCK);
    }


    /** Lanes of a + b: limb sums with carries, then 2q off where the sum reached 2q. */
    private void addLanes(long[] s, int a, int b, int r) {
        long[] m = twoQ;
        LongVector c0 = LongVector.fromArray(SPECIES, s, a + 0 * BLOCK)
                .add(LongVector.fromArray(SPECIES, s, b + 0 * BLOCK));
        LongVector c1 = LongVector.fromArray(SPECIES, s, a + 1 * BLOCK)
                .add(LongVector.fromArray(SPECIES, s, b + 1 * BLOCK)).add(c0.lanewise(VectorOperators.LSHR, BITS));
        LongVector c2 = LongVector.fromArray(SPECIES, s, a + 2 * BLOCK)
                .add(LongVector.fromArray(SPECIES, s, b + 2 * BLOCK)).add(c1.lanewise(VectorOperators.LSHR, BITS));
        LongVector c3 = LongVector.fromArray(SPECIES, s, a + 3 * BLOCK)
                .add(LongVector.fromArray(SPECIES, s, b + 3 * BLOCK)).add(c2.lanewise(VectorOperators.LSHR, BITS));
        LongVector c4 = LongVector.fromArray(SPECIES, s, a + 4 * BLOCK)
                .add(LongVector.fromArray(SPECIES, s, b + 4 * BLOCK)).add(c3.lanewise(VectorOperators.LSHR, BITS));
        LongVector c5 = LongVector.fromArray(SPECIES, s, a + 5 * BLOCK)
                .add(LongVector.fromArray(SPECIES, s, b + 5 * BLOCK)).add(c4.lanewise(VectorOperators.LSHR, BITS));
        LongVector c6 = LongVector.fromArray(SPECIES, s, a + 6 * BLOCK)
                .add(LongVector.fromArray(SPECIES, s, b + 6 * BLOCK)).add(c5.lanewise(VectorOperators.LSHR, BITS));
        LongVector c7 = LongVector.fromArray(SPECIES, s, a + 7 * BLOCK)
                .add(LongVector.fromArray(SPECIES, s, b + 7 * BLOCK)).add(c6.lanewise(VectorOperators.LSHR, BITS));
        LongVector c8 = LongVector.fromArray(SPECIES, s, a + 8 * BLOCK)
                .add(LongVector.fromArray(SPECIES, s, b + 8 * BLOCK)).add(c7.lanewise(VectorOperators.LSHR, BITS));
        c0 = c0.and(MASK);
        c1 = c1.and(MASK);
        c2 = c2.and(MASK);
        c3 = c3.and(MASK);
        c4 = c4.and(MASK);
        c5 = c5.and(MASK);
        c6 = c6.and(MASK);
        c7 = c7.and(MASK);
        // d = c - 2q; an arithmetic shift carries each borrow (0 or -1) upwards
        LongVector d0 = c0.sub(m[0]);
        LongVector d1 = c1.sub(m[1]).add(d0.lanewise(VectorOperators.ASHR, BITS));
        LongVector d2 = c2.sub(m[2]).add(d1.lanewise(VectorOperators.ASHR, BITS));
        LongVector d3 = c3.sub(m[3]).add(d2.lanewise(VectorOperators.ASHR, BITS));
        LongVector d4 = c4.sub(m[4]).add(d3.lanewise(VectorOperators.ASHR, BITS));
        LongVector d5 = c5.sub(m[5]).add(d4.lanewise(VectorOperators.ASHR, BITS));
        LongVector d6 = c6.sub(m[6]).add(d5.lanewise(VectorOperators.ASHR, BITS));
        LongVector d7 = c7.sub(m[7]).add(d6.lanewise(VectorOperators.ASHR, BITS));
        LongVector d8 = c8.sub(m[8]).add(d7.lanewise(VectorOperators.ASHR, BITS));
        VectorMask<Long> below = d8.compare(VectorOperators.LT, 0);
        d0.and(MASK).blend(c0, below).intoArray(s, r + 0 * BLOCK);
        d1.and(MASK).blend(c1, below).intoArray(s, r + 1 * BLOCK);
        d2.and(MASK).blend(c2, below).intoArray(s, r + 2 * BLOCK);
        d3.and(MASK).blend(c3, below).intoArray(s, r + 3 * BLOCK);
        d4.and(MASK).blend(c4, below).intoArray(s, r + 4 * BLOCK);
        d5.and(MASK).blend(c5, below).intoArray(s, r + 5 * BLOCK);
        d6.and(MASK).blend(c6, below).intoArray(s, r + 6 * BLOCK);
        d7.and(MASK).blend(c7, below).intoArray(s, r + 7 * BLOCK);
        d8.blend(c8, below).intoArray(s, r + 8 * BLOCK);
    }

    /** Lanes of a - b: limb differences with borrows, then 2q back where the difference went negative. */
    private void subLanes(long[] s, int a, int b, int r) {
        long[] m = twoQ;
        LongVector d0 = LongVector.fromArray(SPECIES, s, a + 0 * BLOCK)
                .sub(LongVector.fromArray(SPECIES, s, b + 0 * BLOCK));
        LongVector d1 = LongVector.fromArray(SPECIES, s, a + 1 * BLOCK)
                .sub(LongVector.fromArray(SPECIES, s, b + 1 * BLOCK)).add(d0.lanewise(VectorOperators.ASHR, BITS));
        LongVector d2 = LongVector.fromArray(SPECIES, s, a + 2 * BLOCK)
                .sub(LongVector.fromArray(SPECIES, s, b + 2 * BLOCK)).add(d1.lanewise(VectorOperators.ASHR, BITS));
        LongVector d3 = LongVector.fromArray(SPECIES, s, a + 3 * BLOCK)
                .sub(LongVector.fromArray(SPECIES, s, b + 3 * BLOCK)).add(d2.lanewise(VectorOperators.ASHR, BITS));
        LongVector d4 = LongVector.fromArray(SPECIES, s, a + 4 * BLOCK)
                .sub(LongVector.fromArray(SPECIES, s, b + 4 * BLOCK)).add(d3.lanewise(VectorOperators.ASHR, BITS));
        LongVector d5 = LongVector.fromArray(SPECIES, s, a + 5 * BLOCK)
                .sub(LongVector.fromArray(SPECIES, s, b + 5 * BLOCK)).add(d4.lanewise(VectorOperators.ASHR, BITS));
        LongVector d6 = LongVector.fromArray(SPECIES, s, a + 6 * BLOCK)
                .sub(LongVector.fromArray(SPECIES, s, b + 6 * BLOCK)).add(d5.lanewise(VectorOperators.ASHR, BITS));
        LongVector d7 = LongVector.fromArray(SPECIES, s, a + 7 * BLOCK)
                .sub(LongVector.fromArray(SPECIES, s, b + 7 * BLOCK)).add(d6.lanewise(VectorOperators.ASHR, BITS));
        LongVector d8 = LongVector.fromArray(SPECIES, s, a + 8 * BLOCK)
                .sub(LongVector.fromArray(SPECIES, s, b + 8 * BLOCK)).add(d7.lanewise(VectorOperators.ASHR, BITS));
        VectorMask<Long> negative = d8.compare(VectorOperators.LT, 0);
        d0 = d0.and(MASK);
        d1 = d1.and(MASK);
        d2 = d2.and(MASK);
        d3 = d3.and(MASK);
        d4 = d4.and(MASK);
        d5 = d5.and(MASK);
        d6 = d6.and(MASK);
        d7 = d7.and(MASK);
        LongVector e0 = d0.add(m[0]);
        LongVector e1 = d1.add(m[1]).add(e0.lanewise(VectorOperators.LSHR, BITS));
        LongVector e2 = d2.add(m[2]).add(e1.lanewise(VectorOperators.LSHR, BITS));
        LongVector e3 = d3.add(m[3]).add(e2.lanewise(VectorOperators.LSHR, BITS));
        LongVector e4 = d4.add(m[4]).add(e3.lanewise(VectorOperators.LSHR, BITS));
        LongVector e5 = d5.add(m[5]).add(e4.lanewise(VectorOperators.LSHR, BITS));
        LongVector e6 = d6.add(m[6]).add(e5.lanewise(VectorOperators.LSHR, BITS));
        LongVector e7 = d7.add(m[7]).add(e6.lanewise(VectorOperators.LSHR, BITS));
        LongVector e8 = d8.add(m[8]).add(e7.lanewise(VectorOperators.LSHR, BITS));
        d0.blend(e0.and(MASK), negative).intoArray(s, r + 0 * BLOCK);
        d1.blend(e1.and(MASK), negative).intoArray(s, r + 1 * BLOCK);
        d2.blend(e2.and(MASK), negative).intoArray(s, r + 2 * BLOCK);
        d3.blend(e3.and(MASK), negative).intoArray(s, r + 3 * BLOCK);
        d4.blend(e4.and(MASK), negative).intoArray(s, r + 4 * BLOCK);
        d5.blend(e5.and(MASK), negative).intoArray(s, r + 5 * BLOCK);
        d6.blend(e6.and(MASK), negative).intoArray(s, r + 6 * BLOCK);
        d7.blend(e7.and(MASK), negative).intoArray(s, r + 7 * BLOCK);
        d8.blend(e8, negative).intoArray(s, r + 8 * BLOCK);
    }

    /** Subtracts q where the limbs at s[at] are at least q, and packs them into four words at words[w]. */
    private void join(long[] s, int at, long[] words, int w) {
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
                .intoArray(words, w);
        t2.lanewise(VectorOperators.LSHR, 6).or(t3.lanewise(VectorOperators.LSHL, 23))
                .or(t4.lanewise(VectorOperators.LSHL, 52)).intoArray(words, w + 1 * BLOCK);
        t4.lanewise(VectorOperators.LSHR, 12).or(t5.lanewise(VectorOperators.LSHL, 17))
                .or(t6.lanewise(VectorOperators.LSHL, 46)).intoArray(words, w + 2 * BLOCK);
        t6.lanewise(VectorOperators.LSHR, 18).or(t7.lanewise(VectorOperators.LSHL, 11))
                .or(t8.lanewise(VectorOperators.LSHL, 40)).intoArray(words, w + 3 * BLOCK);
    }
}
