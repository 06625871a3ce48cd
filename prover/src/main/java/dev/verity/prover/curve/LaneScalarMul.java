package dev.verity.prover.curve;

import dev.verity.prover.field.FieldLanes;
import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fp2Lanes;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.IdentityHashMap;

/**
 * Variable-base scalar multiplication [k_i] P_i in G1 or G2 for batches of points with different
 * scalars, eight at a time in the SIMD lanes of {@link FieldLanes}: the results of
 * {@link EndomorphismMul#multiply}, about four times faster where the Vector API runs (the group
 * NTT of {@code powersoftau prepare phase2} spends nearly all its time here).
 *
 * <p>All lanes must run the same sequence of doublings and additions, so the parts of the
 * endomorphism split (2 on G1, 4 on G2; made odd by {@link EndomorphismMul#oddParts}) are recoded
 * regularly instead of in NAF ({@link RegularDigits}): every digit odd in [-15, 15], the same
 * number of digits in every lane of a batch. The chain then adds, after every four doublings, one
 * entry of each part's table of odd multiples (P, 3P, .., 15P, and their images under the
 * endomorphism for the other parts), entry and sign chosen per lane. The tables are affine, built
 * in Jacobian coordinates and normalized with one field inversion per batch.
 *
 * <p>Jobs that share a scalar (the same {@link SplitScalar} object, as the group NTT's twiddles
 * are) are put side by side, eight to a lane block, before the rest. A block whose lanes all
 * share one scalar is recoded once and adds its table entries straight from the tables, with no
 * per-lane gather.
 *
 * <p>Lane values are kept as x·2^261 mod q per component (see {@link LaneField}) and converted
 * on the way in and out. Sums that only ever become factors of products (2YZ, 2B, 3A, 2H, ...)
 * are {@link LaneField#addForProduct}: loose on G1, without a carry chain; that includes every
 * Z coordinate. The formulas are the a = 0 Jacobian ones of the Explicit-Formulas
 * Database (dbl-2009-l, madd-2007-bl, add-2007-bl, mdbl-2007-bl), which do not handle equal or
 * opposite inputs. Such a step leaves the lane's Z at zero, where it stays through every later
 * step, and that lane is recomputed with {@link EndomorphismMul}. For valid points it needs a
 * partial sum of the split scalar to meet a table entry, which random-looking scalars such as
 * twiddles do not do.
 *
 * <p>Inputs must be points on the curve (in G2 for G2), or infinity. An instance owns scratch
 * space and is <b>not thread-safe</b>: use one per thread. Only for JVMs with the Vector API
 * ({@link dev.verity.prover.field.Simd#available}).
 */
public final class LaneScalarMul implements BatchMultiplier {
    private static final int BLOCK = FieldLanes.BLOCK, FP = FieldLanes.SIZE, FP_LIMBS = MontgomeryField.LIMBS;
    /** Table entries: the odd multiples 1, 3, .., 15 of a point (digits of four bits). */
    private static final int ENTRIES = 8;
    /** Lane blocks per batch, which share one field inversion. */
    private static final int MAX_BLOCKS = 8;
    /** Digits per part at most: parts are below 2^190 (see {@link SplitScalar}). */
    private static final int MAX_WINDOWS = 49;
    /** Coordinates per part of a table entry: x, y, -y. */
    private static final int TX = 0, TY = 1, TNY = 2, COORDS = 3;
    /** Fp constants (one FieldLanes block each): conversions in and out, the inverse's correction. */
    private static final int ENTER = 0, TO_STANDARD = FP, INVERSE_FIX = 2 * FP, BETA = 3 * FP, FP_CONSTANTS = 4 * FP;

    private final boolean isG1;
    private final LaneField field;
    /** Fp operations on single components (constants, conjugation). */
    private final FieldLanes fp = new FieldLanes(Fp.FIELD);
    /** Parts of a split scalar: 2 on G1, 4 on G2. */
    private final int dimension;
    /** Longs of one lane block of a coordinate, and of a coordinate in four-limb form. */
    private final int e, limbs;
    /** Offsets of lane blocks in s: constants, accumulator, gathered entry, 2P with Z^2, Z^3, temporaries. */
    private final int one, zero, psiX, psiY, ax, ay, az, gx, gy, qx, qy, qz, qzz, qzzz, t0, t1, t2, t3, t4, t5, t6,
            t7, t8, t9;
    /** Per batch: the affine tables, the Jacobian entries 3P .. 15P and the running products of their Z. */
    private final int tables, jacobian, prefix;
    private final long[] s;
    /** Four-limb staging: one coordinate of a block, Jacobian results of a block, the lane totals. */
    private final long[] staged;
    private final long[] results;
    private final long[] totals;
    /** Per lane of the batch: whether it holds a real job, and the sign and magnitude of each part. */
    private final boolean[] valid = new boolean[MAX_BLOCKS * BLOCK];
    /** Per block of the batch: whether all its lanes run one scalar (then its digits are lane 0's). */
    private final boolean[] uniform = new boolean[MAX_BLOCKS];
    private final boolean[] negative;
    private final BigInteger[] magnitudes;
    /** digits[((block · dimension + part) · windows + window) · BLOCK + lane]. */
    private final byte[] digits;
    private EndomorphismMul fallback;

    private LaneScalarMul(boolean isG1) {
        this.isG1 = isG1;
        this.dimension = isG1 ? 2 : 4;
        int next = FP_CONSTANTS;
        int scratch = 0;
        if (!isG1) {
            scratch = next;
            next += Fp2Lanes.SCRATCH;
        }
        this.field = isG1 ? new LaneField.Base() : new LaneField.Quadratic(scratch);
        this.e = field.size();
        this.limbs = field.limbs();
        int[] at = new int[24];
        for (int i = 0; i < at.length; i++) {
            at[i] = next;
            next += e;
        }
        one = at[0];
        zero = at[1];
        psiX = at[2];
        psiY = at[3];
        ax = at[4];
        ay = at[5];
        az = at[6];
        gx = at[7];
        gy = at[8];
        qx = at[9];
        qy = at[10];
        qz = at[11];
        qzz = at[12];
        qzzz = at[13];
        t0 = at[14];
        t1 = at[15];
        t2 = at[16];
        t3 = at[17];
        t4 = at[18];
        t5 = at[19];
        t6 = at[20];
        t7 = at[21];
        t8 = at[22];
        t9 = at[23];
        tables = next;
        jacobian = tables + MAX_BLOCKS * ENTRIES * dimension * COORDS * e;
        prefix = jacobian + MAX_BLOCKS * (ENTRIES - 1) * 3 * e;
        s = new long[prefix + MAX_BLOCKS * (ENTRIES - 1) * e];
        staged = new long[BLOCK * limbs];
        results = new long[BLOCK * 3 * limbs];
        totals = new long[BLOCK * limbs];
        negative = new boolean[dimension * MAX_BLOCKS * BLOCK];
        magnitudes = new BigInteger[dimension * MAX_BLOCKS * BLOCK];
        digits = new byte[MAX_BLOCKS * dimension * MAX_WINDOWS * BLOCK];
        constants();
    }

    public static LaneScalarMul g1() {
        return new LaneScalarMul(true);
    }

    public static LaneScalarMul g2() {
        return new LaneScalarMul(false);
    }

    private void constants() {
        BigInteger q = Fp.MODULUS;
        // a four-limb Montgomery word x·2^256 times 2^266 / 2^261 is x·2^261
        fp.load(words(BigInteger.ONE.shiftLeft(266).mod(q), FP_LIMBS), 0, 0, s, ENTER, false);
        fp.load(words(BigInteger.ONE.shiftLeft(256).mod(q), FP_LIMBS), 0, 0, s, TO_STANDARD, false);
        // the four-limb inverse of a lane value t·2^261, read as Montgomery, is t^-1·2^251
        fp.load(words(BigInteger.ONE.shiftLeft(271).mod(q), FP_LIMBS), 0, 0, s, INVERSE_FIX, false);
        field.load(words(BigInteger.ONE.shiftLeft(261).mod(q), limbs), 0, 0, s, one);
        field.load(new long[limbs], 0, 0, s, zero);
        if (isG1) {
            fp.load(EndomorphismMul.BETA, 0, 0, s, BETA, false);
            fp.mul(s, BETA, ENTER, BETA);
        } else {
            field.load(G2.PSI_X, 0, 0, s, psiX);
            field.scale(s, psiX, ENTER, psiX);
            field.load(G2.PSI_Y, 0, 0, s, psiY);
            field.scale(s, psiY, ENTER, psiY);
        }
    }

    /** The integer c (not in Montgomery form) as the first four longs of {@code count}, the rest zero. */
    private static long[] words(BigInteger c, int count) {
        long[] words = new long[count];
        for (int j = 0; j < FP_LIMBS; j++) {
            words[j] = c.shiftRight(64 * j).longValue();
        }
        return words;
    }

    /** {@inheritDoc} The scalars are split by {@link EndomorphismMul#split} for this group. */
    @Override
    public void multiply(long[] points, int[] offsets, SplitScalar[] scalars, int count, long[] out, int outOffset) {
        int[] order = blocksOfEqualScalars(scalars, count);
        for (int from = 0; from < count; from += MAX_BLOCKS * BLOCK) {
            int n = Math.min(MAX_BLOCKS * BLOCK, count - from);
            batch(points, offsets, scalars, order, from, n, out, outOffset);
        }
    }

    /**
     * The jobs in the order they take lanes: for every scalar object, its jobs in whole lane blocks
     * of eight, first; then the jobs left over, in their given order.
     */
    static int[] blocksOfEqualScalars(SplitScalar[] scalars, int count) {
        // per scalar: its number of jobs, then the next and the end of its slots in whole blocks
        IdentityHashMap<SplitScalar, int[]> slots = new IdentityHashMap<>();
        for (int i = 0; i < count; i++) {
            slots.computeIfAbsent(scalars[i], k -> new int[3])[0]++;
        }
        int inBlocks = 0;
        for (int[] slot : slots.values()) {
            slot[1] = inBlocks;
            inBlocks += slot[0] / BLOCK * BLOCK;
            slot[2] = inBlocks;
        }
        int[] order = new int[count];
        int rest = inBlocks;
        for (int i = 0; i < count; i++) {
            int[] slot = slots.get(scalars[i]);
            order[slot[1] < slot[2] ? slot[1]++ : rest++] = i;
        }
        return order;
    }

    /** Jobs order[from .. from + n) in lanes; job j's result goes to out at outOffset + j · 3 · limbs. */
    private void batch(long[] points, int[] offsets, SplitScalar[] scalars, int[] order, int from, int n, long[] out,
            int outOffset) {
        int blocks = (n + BLOCK - 1) / BLOCK;
        int windows = recodeAll(points, offsets, scalars, order, from, n, blocks);
        for (int b = 0; b < blocks; b++) {
            loadPoints(points, offsets, order, from, b);
            buildTable(b);
        }
        normalizeTables(blocks);
        for (int b = 0; b < blocks; b++) {
            chain(b, windows);
            writeResults(points, offsets, scalars, order, from, n, b, out, outOffset);
        }
    }

    /**
     * Makes every lane's parts odd and recodes them, once for a block whose lanes share a scalar
     * (lanes without a job take it too, on the generator); returns the digits per part.
     */
    private int recodeAll(long[] points, int[] offsets, SplitScalar[] scalars, int[] order, int from, int n,
            int blocks) {
        int windows = 1;
        BigInteger[] dummy = new BigInteger[dimension];
        Arrays.fill(dummy, BigInteger.ONE);
        for (int b = 0; b < blocks; b++) {
            SplitScalar shared = scalars[order[from + b * BLOCK]];
            uniform[b] = true;
            for (int lane = 0; lane < BLOCK; lane++) {
                int i = b * BLOCK + lane;
                valid[i] = i < n && !scalars[order[from + i]].isZero()
                        && !isInfinityAffine(points, offsets[order[from + i]]);
                uniform[b] &= i < n && scalars[order[from + i]] == shared;
            }
            uniform[b] &= !shared.isZero();
            for (int lane = 0; lane < (uniform[b] ? 1 : BLOCK); lane++) {
                int i = b * BLOCK + lane;
                // a lane without a job multiplies the generator by 1 + e + ..; its result is dropped
                BigInteger[] parts = uniform[b] || valid[i] ? EndomorphismMul.oddParts(scalars[order[from + i]])
                        : dummy;
                for (int part = 0; part < dimension; part++) {
                    negative[dimension * i + part] = parts[part].signum() < 0;
                    magnitudes[dimension * i + part] = parts[part].abs();
                    windows = Math.max(windows, RegularDigits.windows(magnitudes[dimension * i + part]));
                }
            }
        }
        for (int b = 0; b < blocks; b++) {
            for (int lane = 0; lane < (uniform[b] ? 1 : BLOCK); lane++) {
                int i = b * BLOCK + lane;
                for (int part = 0; part < dimension; part++) {
                    RegularDigits.recode(magnitudes[dimension * i + part], windows, digits,
                            (b * dimension + part) * windows * BLOCK + lane, BLOCK);
                }
            }
        }
        return windows;
    }

    /** Entry P of block b's tables (the generator in lanes without a job) and its images. */
    private void loadPoints(long[] points, int[] offsets, int[] order, int from, int b) {
        long[] generator = isG1 ? G1.GENERATOR : G2.GENERATOR;
        for (int c = 0; c < 2; c++) {
            for (int lane = 0; lane < BLOCK; lane++) {
                int i = b * BLOCK + lane;
                long[] source = valid[i] ? points : generator;
                int at = valid[i] ? offsets[order[from + i]] : 0;
                System.arraycopy(source, at + c * limbs, staged, lane * limbs, limbs);
            }
            int to = table(b, 0, 0, c == 0 ? TX : TY);
            field.load(staged, 0, limbs, s, to);
            field.scale(s, to, ENTER, to);
        }
        images(b, 0);
    }

    /** -y of entry e's part 0, then the other parts' coordinates: the endomorphism's images. */
    private void images(int b, int entry) {
        field.sub(s, zero, table(b, entry, 0, TY), table(b, entry, 0, TNY));
        for (int part = 1; part < dimension; part++) {
            int x = table(b, entry, part, TX), y = table(b, entry, part, TY);
            if (isG1) {
                // (beta x, y)
                field.scale(s, table(b, entry, 0, TX), BETA, x);
                System.arraycopy(s, table(b, entry, 0, TY), s, y, e);
            } else {
                // psi: (conj(x) psiX, conj(y) psiY) of the part before
                conjugate(table(b, entry, part - 1, TX), x);
                field.mul(s, x, psiX, x);
                conjugate(table(b, entry, part - 1, TY), y);
                field.mul(s, y, psiY, y);
            }
            field.sub(s, zero, y, table(b, entry, part, TNY));
        }
    }

    /** Fp2 conjugation: (c0, -c1). */
    private void conjugate(int a, int r) {
        System.arraycopy(s, a, s, r, FP);
        fp.sub(s, zero, a + FP, r + FP);
    }

    /** Entries 3P .. 15P of block b in Jacobian coordinates: 2P, then 3P = 2P + P, then +2P each. */
    private void buildTable(int b) {
        int px = table(b, 0, 0, TX), py = table(b, 0, 0, TY);
        doubleAffine(px, py);
        field.sqr(s, qz, qzz);
        field.mul(s, qz, qzz, qzzz);
        int first = jacobianEntry(b, 1);
        System.arraycopy(s, qx, s, first, 3 * e);
        addAffine(first, first + e, first + 2 * e, px, py);
        for (int entry = 2; entry < ENTRIES; entry++) {
            addDoubled(jacobianEntry(b, entry - 1), jacobianEntry(b, entry));
        }
    }

    /**
     * Entries 3P .. 15P of every block to affine: the running products of their Z lane by lane,
     * one inversion of the eight lane totals, then back through the products. No Z is zero, even
     * for a twist point outside G2: G1 has prime order, and every other point of the twist has
     * order at least 10069 (the smallest prime factor of its cofactor 2p - r), so none of 2P ..
     * 15P, nor the sums that build them, meets infinity.
     */
    private void normalizeTables(int blocks) {
        int count = blocks * (ENTRIES - 1);
        for (int k = 0; k < count; k++) {
            int z = jacobianOf(k) + 2 * e;
            if (k == 0) {
                System.arraycopy(s, z, s, prefix, e);
            } else {
                field.mul(s, prefix + (k - 1) * e, z, prefix + k * e);
            }
        }
        field.store(s, prefix + (count - 1) * e, totals, 0, limbs);
        field.invert(totals);
        field.load(totals, 0, limbs, s, t0);
        field.scale(s, t0, INVERSE_FIX, t1);                                // 1 / (all Z so far), lane by lane
        for (int k = count - 1; k >= 0; k--) {
            int x = jacobianOf(k), y = x + e, z = x + 2 * e;
            if (k > 0) {
                field.mul(s, t1, prefix + (k - 1) * e, t2);                 // 1 / Z_k
                field.mul(s, t1, z, t1);
            } else {
                System.arraycopy(s, t1, s, t2, e);
            }
            int b = k / (ENTRIES - 1), entry = k % (ENTRIES - 1) + 1;
            field.sqr(s, t2, t3);
            field.mul(s, x, t3, table(b, entry, 0, TX));
            field.mul(s, t3, t2, t3);
            field.mul(s, y, t3, table(b, entry, 0, TY));
            images(b, entry);
        }
    }

    /** The chain of block b: the top digits, then per window four doublings and one addition per part. */
    private void chain(int b, int windows) {
        int top = windows - 1;
        int x = entryX(b, 0, top, windows);
        System.arraycopy(s, x, s, ax, e);
        System.arraycopy(s, entryY(b, 0, top, windows, x), s, ay, e);
        System.arraycopy(s, one, s, az, e);
        for (int part = 1; part < dimension; part++) {
            x = entryX(b, part, top, windows);
            addAffine(ax, ay, az, x, entryY(b, part, top, windows, x));
        }
        for (int w = top - 1; w >= 0; w--) {
            for (int d = 0; d < 4; d++) {
                doubleInPlace();
            }
            for (int part = 0; part < dimension; part++) {
                x = entryX(b, part, w, windows);
                addAffine(ax, ay, az, x, entryY(b, part, w, windows, x));
            }
        }
    }

    /**
     * Where the x of digit w's entry for the part is: in a block of one scalar, that entry of the
     * table itself; else each lane's entry gathered into gx (and gy, see {@link #entryY}).
     */
    private int entryX(int b, int part, int w, int windows) {
        if (!uniform[b]) {
            gather(b, part, w, windows);
            return gx;
        }
        int d = digits[((b * dimension + part) * windows + w) * BLOCK];
        return table(b, (Math.abs(d) - 1) >> 1, part, TX);
    }

    /** The y that goes with {@code x} from {@link #entryX}: -y for a negative term. */
    private int entryY(int b, int part, int w, int windows, int x) {
        if (x == gx) {
            return gy;
        }
        int d = digits[((b * dimension + part) * windows + w) * BLOCK];
        boolean minus = d < 0 ^ negative[dimension * b * BLOCK + part];
        return x + (minus ? TNY : TY) * e;
    }

    /** Each lane's entry for digit w of the part into gx, gy (-y for a negative term). */
    private void gather(int b, int part, int w, int windows) {
        long[] s = this.s;
        int row = ((b * dimension + part) * windows + w) * BLOCK;
        for (int lane = 0; lane < BLOCK; lane++) {
            int d = digits[row + lane];
            int entry = (Math.abs(d) - 1) >> 1;
            boolean minus = d < 0 ^ negative[dimension * (b * BLOCK + lane) + part];
            int x = table(b, entry, part, TX) + lane;
            int y = table(b, entry, part, minus ? TNY : TY) + lane;
            for (int j = 0; j < e; j += BLOCK) {
                s[gx + lane + j] = s[x + j];
                s[gy + lane + j] = s[y + j];
            }
        }
    }

    /** Block b's accumulator to four-limb Jacobian points in {@code out}; infinity for lanes without a job. */
    private void writeResults(long[] points, int[] offsets, SplitScalar[] scalars, int[] order, int from, int n, int b,
            long[] out, int outOffset) {
        int jacobianLimbs = 3 * limbs;
        for (int c = 0; c < 3; c++) {
            int at = ax + c * e;
            field.scale(s, at, TO_STANDARD, at);
            field.store(s, at, results, c * limbs, jacobianLimbs);
        }
        for (int lane = 0; lane < BLOCK && b * BLOCK + lane < n; lane++) {
            int i = b * BLOCK + lane;
            int job = order[from + i];
            int o = outOffset + job * jacobianLimbs;
            if (!valid[i]) {
                Arrays.fill(out, o, o + jacobianLimbs, 0L);
            } else if (field.isZero(results, lane * jacobianLimbs + 2 * limbs)) {
                // an exceptional step (see the class comment): this lane again, in scalar code
                if (fallback == null) {
                    fallback = isG1 ? EndomorphismMul.g1() : EndomorphismMul.g2();
                }
                fallback.multiply(points, new int[] {offsets[job]}, new SplitScalar[] {scalars[job]}, 1, out, o);
            } else {
                System.arraycopy(results, lane * jacobianLimbs, out, o, jacobianLimbs);
            }
        }
    }

    private boolean isInfinityAffine(long[] p, int po) {
        return isG1 ? G1.isInfinityAffine(p, po) : G2.isInfinityAffine(p, po);
    }

    // ------------------------------------------------------------ formulas on lane blocks (a = 0)

    /**
     * (ax, ay, az) doubled in place: dbl-2009-l with D = 2((X + B)^2 - A - C) taken as 2 X (2B)
     * and 8C as 2 (2B)^2: the same seven products (a lane square costs a product), four fewer
     * sums and differences.
     */
    private void doubleInPlace() {
        LaneField f = field;
        long[] s = this.s;
        f.sqr(s, ax, t0);               // A = X^2
        f.sqr(s, ay, t1);               // B = Y^2
        f.mul(s, ay, az, az);
        f.addForProduct(s, az, az, az); // Z3 = 2 Y Z
        f.addForProduct(s, t1, t1, t1); // 2B
        f.sqr(s, t1, t2);               // 4C
        f.mul(s, ax, t1, t3);
        f.add(s, t3, t3, t3);           // D = 4 X B
        f.add(s, t0, t0, t4);
        f.addForProduct(s, t4, t0, t4); // E = 3A
        f.sqr(s, t4, t5);               // F = E^2
        f.sub(s, t5, t3, ax);
        f.sub(s, ax, t3, ax);           // X3 = F - 2D
        f.sub(s, t3, ax, t3);
        f.mul(s, t4, t3, ay);           // E (D - X3)
        f.add(s, t2, t2, t2);           // 8C
        f.sub(s, ay, t2, ay);           // Y3
    }

    /** (qx, qy, qz) = 2 (x, y) for an affine point: mdbl-2007-bl, 1M + 5S. */
    private void doubleAffine(int x, int y) {
        LaneField f = field;
        long[] s = this.s;
        f.sqr(s, x, t0);                // XX
        f.sqr(s, y, t1);                // YY
        f.sqr(s, t1, t2);               // YYYY
        f.addForProduct(s, x, t1, t3);
        f.sqr(s, t3, t3);
        f.sub(s, t3, t0, t3);
        f.sub(s, t3, t2, t3);
        f.add(s, t3, t3, t3);           // S = 2((x + YY)^2 - XX - YYYY)
        f.add(s, t0, t0, t4);
        f.addForProduct(s, t4, t0, t4); // M = 3 XX
        f.sqr(s, t4, qx);
        f.sub(s, qx, t3, qx);
        f.sub(s, qx, t3, qx);           // X3 = M^2 - 2S
        f.sub(s, t3, qx, t3);
        f.mul(s, t4, t3, qy);
        f.add(s, t2, t2, t2);
        f.add(s, t2, t2, t2);
        f.add(s, t2, t2, t2);
        f.sub(s, qy, t2, qy);           // Y3 = M (S - X3) - 8 YYYY
        f.addForProduct(s, y, y, qz);   // Z3 = 2y
    }

    /**
     * (x, y, z) += the affine (px, py), in place: madd-2007-bl (7M + 4S) with I = (2H)^2 and
     * Z3 = Z1 (2H), two sums fewer.
     */
    private void addAffine(int x, int y, int z, int px, int py) {
        LaneField f = field;
        long[] s = this.s;
        f.sqr(s, z, t0);                // Z1Z1
        f.mul(s, px, t0, t1);           // U2
        f.mul(s, z, t0, t2);
        f.mul(s, py, t2, t2);           // S2
        f.sub(s, t1, x, t3);            // H
        f.addForProduct(s, t3, t3, t8); // 2H
        f.sqr(s, t8, t4);               // I = 4 HH
        f.mul(s, t3, t4, t5);           // J = H I
        f.sub(s, t2, y, t6);
        f.addForProduct(s, t6, t6, t6); // r = 2 (S2 - Y1)
        f.mul(s, x, t4, t7);            // V = X1 I
        f.mul(s, z, t8, z);             // Z3 = 2 Z1 H
        finishAddition(t6, t5, t7, y, x, y);
    }

    /**
     * The Jacobian point at {@code r} = the one at {@code p} + (qx, qy, qz), with qzz = qz^2 and
     * qzzz = qz^3 precomputed: add-2007-bl, 11M + 5S less the two for Q's Z.
     */
    private void addDoubled(int p, int r) {
        LaneField f = field;
        long[] s = this.s;
        int x1 = p, y1 = p + e, z1 = p + 2 * e, x3 = r, y3 = r + e, z3 = r + 2 * e;
        f.sqr(s, z1, t0);               // Z1Z1
        f.mul(s, x1, qzz, t1);          // U1
        f.mul(s, qx, t0, t2);           // U2
        f.mul(s, y1, qzzz, t3);         // S1
        f.mul(s, z1, t0, t4);
        f.mul(s, qy, t4, t4);           // S2
        f.sub(s, t2, t1, t5);           // H
        f.addForProduct(s, t5, t5, t6);
        f.sqr(s, t6, t6);               // I = (2H)^2
        f.mul(s, t5, t6, t7);           // J = H I
        f.sub(s, t4, t3, t8);
        f.addForProduct(s, t8, t8, t8); // r = 2 (S2 - S1)
        f.mul(s, t1, t6, t9);           // V = U1 I
        f.mul(s, z1, qz, z3);
        f.mul(s, z3, t5, z3);
        f.addForProduct(s, z3, z3, z3); // Z3 = 2 Z1 Z2 H
        finishAddition(t8, t7, t9, t3, x3, y3);
    }

    /**
     * The common end of both additions: X3 = r^2 - J - 2V, Y3 = r (V - X3) - 2 S J, where S is
     * Y1 (mixed) or S1 (Jacobian). Overwrites the blocks of S and V; S's block may be Y3's.
     */
    private void finishAddition(int r, int j, int v, int sj, int x3, int y3) {
        LaneField f = field;
        long[] s = this.s;
        f.mul(s, sj, j, sj);
        f.add(s, sj, sj, sj);           // 2 S J
        f.sqr(s, r, x3);
        f.sub(s, x3, j, x3);
        f.sub(s, x3, v, x3);
        f.sub(s, x3, v, x3);            // X3 = r^2 - J - 2V
        f.sub(s, v, x3, v);
        f.mul(s, r, v, v);
        f.sub(s, v, sj, y3);            // Y3 = r (V - X3) - 2 S J
    }

    /** Coordinate c of part {@code part} of entry {@code entry} of block b's affine tables. */
    private int table(int b, int entry, int part, int c) {
        return tables + (((b * ENTRIES + entry) * dimension + part) * COORDS + c) * e;
    }

    /** Jacobian entry 1 .. 7 (3P .. 15P) of block b. */
    private int jacobianEntry(int b, int entry) {
        return jacobianOf(b * (ENTRIES - 1) + entry - 1);
    }

    private int jacobianOf(int k) {
        return jacobian + k * 3 * e;
    }
}
