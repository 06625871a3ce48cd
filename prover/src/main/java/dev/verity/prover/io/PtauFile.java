package dev.verity.prover.io;

import dev.verity.prover.field.Fp;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A snarkjs Powers of Tau file ({@code .ptau}, version 1) for BN254, opened for reading parts of
 * it on demand: these files reach gigabytes and a setup needs only the slices for its circuit size.
 *
 * <pre>
 * 1  header:      u32 n8 (32) | q | u32 power | u32 ceremonyPower
 * 2  tauG1:       2^(power+1) - 1 G1   [tau^i] G1
 * 3  tauG2:       2^power G2           [tau^i] G2
 * 4  alphaTauG1:  2^power G1           [alpha tau^i] G1
 * 5  betaTauG1:   2^power G1           [beta tau^i] G1
 * 6  betaG2:      1 G2                 [beta] G2
 * 7  contributions (kept verbatim)
 * prepared for phase 2 only ({@code snarkjs powersoftau prepare phase2}):
 * 12 Lagrange tauG1:      blocks for p = 0 .. power + 1
 * 13 Lagrange tauG2:      blocks for p = 0 .. power
 * 14 Lagrange alphaTauG1: blocks for p = 0 .. power
 * 15 Lagrange betaTauG1:  blocks for p = 0 .. power
 * </pre>
 *
 * Each prepared section concatenates, for p = 0, 1, 2, ..., the 2^p points {@code [L_j(tau)]}
 * (times alpha or beta for 14 and 15) of the Lagrange basis of the size-2^p domain, so the block
 * for power p starts at point {@code 2^p - 1} (the sum of the smaller blocks) and has 2^p points.
 * Section 12 has one extra block, p = power + 1, which {@code zkey new} reads for the H points
 * (odd entries of the power cirPower + 1 block; when cirPower is 28 it reads the second half of
 * the p = 29 block instead).
 *
 * <p>Points use the zkey encoding (affine, Montgomery coordinates, infinity all zeros) and come
 * back as flat {@code long[]} in the shared layouts. Coordinates are checked to be below p; curve
 * and subgroup membership are not checked here.
 */
public final class PtauFile implements Closeable {
    public static final int HEADER = 1;
    public static final int TAU_G1 = 2;
    public static final int TAU_G2 = 3;
    public static final int ALPHA_TAU_G1 = 4;
    public static final int BETA_TAU_G1 = 5;
    public static final int BETA_G2 = 6;
    public static final int CONTRIBUTIONS = 7;
    public static final int LAGRANGE_G1 = 12;
    public static final int LAGRANGE_G2 = 13;
    public static final int LAGRANGE_ALPHA_G1 = 14;
    public static final int LAGRANGE_BETA_G1 = 15;

    /** Largest power accepted: 2^(power+2) G1 points must be addressable. */
    static final int MAX_POWER = 30;
    private static final int G1 = CurveCheck.G1_LIMBS;
    private static final int G2 = CurveCheck.G2_LIMBS;

    private final BinFile file;
    private final int power;
    private final int ceremonyPower;

    private PtauFile(BinFile file, int power, int ceremonyPower) {
        this.file = file;
        this.power = power;
        this.ceremonyPower = ceremonyPower;
    }

    /** Opens {@code path} and checks its header and the sizes of all its sections. */
    public static PtauFile open(Path path) throws IOException {
        BinFile file = BinFile.open(path, "ptau", 1, 1);
        try {
            SectionInput in = file.open(HEADER, "header");
            FieldHeader.read(in, Fp.MODULUS, "powers of tau for another curve");
            int power = in.readU32AtMost(MAX_POWER, "power");
            int ceremonyPower = in.readU32AtMost(MAX_POWER, "ceremonyPower");
            in.expectEnd();
            if (ceremonyPower < power) {
                throw in.error("ceremonyPower " + ceremonyPower + " is below power " + power);
            }
            PtauFile ptau = new PtauFile(file, power, ceremonyPower);
            ptau.checkSizes();
            file = null; // owned by ptau now
            return ptau;
        } finally {
            if (file != null) {
                file.close();
            }
        }
    }

    private void checkSizes() throws FormatException {
        long n = 1L << power;
        expectSize(TAU_G1, "tauG1", (2 * n - 1) * G1);
        expectSize(TAU_G2, "tauG2", n * G2);
        expectSize(ALPHA_TAU_G1, "alphaTauG1", n * G1);
        expectSize(BETA_TAU_G1, "betaTauG1", n * G1);
        expectSize(BETA_G2, "betaG2", G2);
        file.section(CONTRIBUTIONS, "contributions");
        boolean anyPrepared = file.has(LAGRANGE_G1) || file.has(LAGRANGE_G2) || file.has(LAGRANGE_ALPHA_G1)
                || file.has(LAGRANGE_BETA_G1);
        if (anyPrepared) {
            expectSize(LAGRANGE_G1, "Lagrange tauG1", (4 * n - 1) * G1);
            expectSize(LAGRANGE_G2, "Lagrange tauG2", (2 * n - 1) * G2);
            expectSize(LAGRANGE_ALPHA_G1, "Lagrange alphaTauG1", (2 * n - 1) * G1);
            expectSize(LAGRANGE_BETA_G1, "Lagrange betaTauG1", (2 * n - 1) * G1);
        }
    }

    private void expectSize(int id, String name, long longs) throws FormatException {
        long size = file.section(id, name).size();
        if (size != 8 * longs) {
            throw file.error("section " + id + " (" + name + ") has " + size + " bytes, expected " + 8 * longs
                    + " for power " + power);
        }
    }

    public Path path() {
        return file.path();
    }

    /** The power of this file: it holds 2^power powers (and 2^(power+1) - 1 in tauG1). */
    public int power() {
        return power;
    }

    /** The power of the ceremony this file was cut from ({@code powersoftau truncate}); at least {@link #power()}. */
    public int ceremonyPower() {
        return ceremonyPower;
    }

    /** Whether the Lagrange sections 12-15 are present ({@code snarkjs powersoftau prepare phase2}). */
    public boolean isPreparedForPhase2() {
        return file.has(LAGRANGE_G1);
    }

    /**
     * Checks that this file can set up a circuit whose domain has 2^{@code cirPower} points: it
     * must be prepared for phase 2 and have at least that power (snarkjs' "circuit too big for
     * this power of tau ceremony").
     */
    public void requireDomainPower(int cirPower) throws FormatException {
        requirePrepared();
        if (cirPower > power) {
            throw file.error("the circuit needs a domain of 2^" + cirPower + " points but this powers of tau file has"
                    + " power " + power + "; use a file of power " + cirPower + " or more");
        }
    }

    /** {@code count} points [tau^i] G1 from i = {@code first}. */
    public long[] tauG1(long first, int count) throws IOException {
        return points(TAU_G1, "tauG1", G1, first, count);
    }

    /** {@code count} points [tau^i] G2 from i = {@code first}. */
    public long[] tauG2(long first, int count) throws IOException {
        return points(TAU_G2, "tauG2", G2, first, count);
    }

    public long[] alphaTauG1(long first, int count) throws IOException {
        return points(ALPHA_TAU_G1, "alphaTauG1", G1, first, count);
    }

    public long[] betaTauG1(long first, int count) throws IOException {
        return points(BETA_TAU_G1, "betaTauG1", G1, first, count);
    }

    public long[] betaG2() throws IOException {
        return points(BETA_G2, "betaG2", G2, 0, 1);
    }

    /** Section 7 verbatim. */
    public byte[] contributions() throws IOException {
        return file.readAll(CONTRIBUTIONS, "contributions");
    }

    /** The 2^p points [L_j(tau)] G1 of the size-2^p domain; p may go up to power + 1. */
    public long[] lagrangeG1(int p) throws IOException {
        return lagrange(LAGRANGE_G1, "Lagrange tauG1", G1, p, power + 1);
    }

    /** The 2^p points [L_j(tau)] G2; p up to power. */
    public long[] lagrangeG2(int p) throws IOException {
        return lagrange(LAGRANGE_G2, "Lagrange tauG2", G2, p, power);
    }

    /** The 2^p points [alpha L_j(tau)] G1; p up to power. */
    public long[] lagrangeAlphaG1(int p) throws IOException {
        return lagrange(LAGRANGE_ALPHA_G1, "Lagrange alphaTauG1", G1, p, power);
    }

    /** The 2^p points [beta L_j(tau)] G1; p up to power. */
    public long[] lagrangeBetaG1(int p) throws IOException {
        return lagrange(LAGRANGE_BETA_G1, "Lagrange betaTauG1", G1, p, power);
    }

    /**
     * {@code count} points of prepared section {@code id} from point index {@code first} (counted
     * from the start of the section, all blocks together), for reading part of a block.
     */
    public long[] lagrangePoints(int id, long first, int count) throws IOException {
        requirePrepared();
        return switch (id) {
            case LAGRANGE_G1 -> points(id, "Lagrange tauG1", G1, first, count);
            case LAGRANGE_G2 -> points(id, "Lagrange tauG2", G2, first, count);
            case LAGRANGE_ALPHA_G1 -> points(id, "Lagrange alphaTauG1", G1, first, count);
            case LAGRANGE_BETA_G1 -> points(id, "Lagrange betaTauG1", G1, first, count);
            default -> throw new IllegalArgumentException("not a Lagrange section: " + id);
        };
    }

    private long[] lagrange(int id, String name, int limbs, int p, int maxPower) throws IOException {
        requirePrepared();
        if (p < 0 || p > maxPower) {
            throw file.error("the circuit needs power " + p + " (" + name + ") but this file only goes up to "
                    + maxPower + "; use a powers of tau file of a larger power");
        }
        return points(id, name, limbs, (1L << p) - 1, 1 << p);
    }

    private void requirePrepared() throws FormatException {
        if (!isPreparedForPhase2()) {
            throw file.error("not prepared for phase 2 (no Lagrange sections 12-15); run snarkjs powersoftau prepare"
                    + " phase2 on it first");
        }
    }

    private long[] points(int id, String name, int limbs, long first, int count) throws IOException {
        if (first < 0 || count < 0) {
            throw new IllegalArgumentException("negative range: first " + first + ", count " + count);
        }
        if ((long) limbs * count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(count + " points do not fit in one array");
        }
        long bytesPerPoint = 8L * limbs;
        long[] out = new long[limbs * count];
        SectionInput in = file.open(id, name, first * bytesPerPoint, count * bytesPerPoint);
        in.readLongs(out, 0, out.length);
        long bad = CurveCheck.firstNonCanonical(out, 0, out.length / 4);
        if (bad >= 0) {
            throw file.error("section " + id + " (" + name + "): point " + (first + bad / (limbs / 4))
                    + " has a coordinate not below p");
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
