package dev.verity.prover.ptau;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.io.FormatException;
import dev.verity.prover.io.PtauFile;
import dev.verity.prover.io.PtauWriter;
import dev.verity.prover.util.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.stream.IntStream;

/**
 * {@code snarkjs powersoftau prepare phase2}: adds to a Powers of Tau file the Lagrange sections
 * 12-15 that {@code groth16 setup} reads, byte for byte as snarkjs 0.7.6 writes them.
 *
 * <p>The output has the header (with ceremonyPower = power, as snarkjs rewrites it), sections 2-7
 * copied unchanged, then for section 12 the blocks p = 0 .. power + 1 and for sections 13, 14, 15
 * the blocks p = 0 .. power, block p being the inverse group NTT ({@link GroupNtt}) of the first
 * 2^p points of section 2, 3, 4 or 5: [L_j(tau)] for the Lagrange basis of the size-2^p domain.
 * Section 2 has only 2^(power+1) - 1 points, so for the top block of section 12 the missing last
 * input is the point at infinity, as in snarkjs. A file that is already prepared is prepared again
 * from its sections 2-6 (its old sections 12-15 are ignored).
 *
 * <p>Input points are checked to be on their curves, and the tauG2 points to be in G2 (the
 * psi-based multiplication of {@link GroupNtt} is only valid there; checked with random
 * combinations, {@link G2SubgroupCheck}). One block is in memory at a time, at most 2^(power+1)
 * G1 points (128 MiB at power 20).
 */
public final class PreparePhase2 {
    /**
     * The largest power: the top block of section 12 has 2^(power+1) points and Fr's 2-adicity is
     * 28. Power 28 files (whose 2^29 block snarkjs computes with a coset split) are refused with an
     * error saying so; no circuit this machine can prove needs them.
     */
    public static final int MAX_POWER = 27;
    /** Points copied per piece for sections 2-6. */
    private static final int COPY_CHUNK = 1 << 16;

    private PreparePhase2() {
    }

    /**
     * Reads {@code in}, writes the prepared file to {@code out} (created or replaced; deleted again
     * if anything fails). Progress steps: "copy", then "Lagrange tauG1 2^p" etc. per block.
     *
     * @throws FormatException          for a truncated or malformed input (the message names it)
     * @throws IllegalArgumentException if {@code out} is the input file or the power is above {@link #MAX_POWER}
     */
    public static void run(Path in, Path out, Progress progress) throws IOException {
        if (Files.exists(out) && Files.exists(in) && Files.isSameFile(in, out)) {
            throw new IllegalArgumentException(out + ": the output must not be the input file");
        }
        try (PtauFile ptau = PtauFile.open(in)) {
            int power = ptau.power();
            if (power > MAX_POWER) {
                throw new IllegalArgumentException(in + ": power " + power + " is above " + MAX_POWER
                        + ", where snarkjs prepares the top block on a coset; not supported");
            }
            try (PtauWriter writer = PtauWriter.create(out, power, power, true)) {
                copy(ptau, writer, progress);
                writer.writeContributions(ptau.contributions());
                lagrange(ptau, writer, PtauFile.LAGRANGE_G1, "Lagrange tauG1", power + 1, progress);
                lagrange(ptau, writer, PtauFile.LAGRANGE_G2, "Lagrange tauG2", power, progress);
                lagrange(ptau, writer, PtauFile.LAGRANGE_ALPHA_G1, "Lagrange alphaTauG1", power, progress);
                lagrange(ptau, writer, PtauFile.LAGRANGE_BETA_G1, "Lagrange betaTauG1", power, progress);
                writer.finish();
            }
        }
    }

    private static void copy(PtauFile ptau, PtauWriter writer, Progress progress) throws IOException {
        long n = 1L << ptau.power();
        long total = 2 * n - 1 + 3 * n + 1;
        long[] done = {0};
        copySection(ptau, writer, PtauFile.TAU_G1, 2 * n - 1, total, done, progress);
        copySection(ptau, writer, PtauFile.TAU_G2, n, total, done, progress);
        copySection(ptau, writer, PtauFile.ALPHA_TAU_G1, n, total, done, progress);
        copySection(ptau, writer, PtauFile.BETA_TAU_G1, n, total, done, progress);
        copySection(ptau, writer, PtauFile.BETA_G2, 1, total, done, progress);
    }

    private static void copySection(PtauFile ptau, PtauWriter writer, int id, long count, long total, long[] done,
            Progress progress) throws IOException {
        writer.beginSection(id);
        for (long from = 0; from < count; from += COPY_CHUNK) {
            int m = (int) Math.min(COPY_CHUNK, count - from);
            long[] points = read(ptau, id, from, m);
            if (id == PtauFile.TAU_G2) {
                requireG2(ptau, points, from);
            }
            writer.writePoints(points, 0, m);
            done[0] += m;
            progress.report("copy", done[0], total);
        }
        writer.endSection();
    }

    /** Blocks p = 0 .. maxP of Lagrange section {@code id} from the matching section of powers. */
    private static void lagrange(PtauFile ptau, PtauWriter writer, int id, String name, int maxP, Progress progress)
            throws IOException {
        int source = switch (id) {
            case PtauFile.LAGRANGE_G1 -> PtauFile.TAU_G1;
            case PtauFile.LAGRANGE_G2 -> PtauFile.TAU_G2;
            case PtauFile.LAGRANGE_ALPHA_G1 -> PtauFile.ALPHA_TAU_G1;
            default -> PtauFile.BETA_TAU_G1;
        };
        boolean g2 = id == PtauFile.LAGRANGE_G2;
        int limbs = g2 ? G2.AFFINE : G1.AFFINE;
        writer.beginSection(id);
        for (int p = 0; p <= maxP; p++) {
            int size = 1 << p;
            // section 2 lacks the last power of the top block: its slot stays the point at infinity
            int available = p == ptau.power() + 1 ? size - 1 : size;
            long[] block = read(ptau, source, 0, available);
            if (available < size) {
                block = java.util.Arrays.copyOf(block, size * limbs);
            }
            String step = name + " 2^" + p;
            if (g2) {
                GroupNtt.inverseG2(block, p, progress, step);
            } else {
                GroupNtt.inverseG1(block, p, progress, step);
            }
            writer.writePoints(block, 0, size);
        }
        writer.endSection();
    }

    /**
     * Random combinations of the chunk must be in G2 ({@link G2SubgroupCheck}: a few short MSMs,
     * measured three to five times cheaper than a check per point). Only a chunk that fails is
     * searched point by point, to name the first bad point.
     */
    private static void requireG2(PtauFile ptau, long[] points, long first) throws FormatException {
        G2SubgroupCheck combinations = new G2SubgroupCheck(new SecureRandom());
        combinations.absorb(points, points.length / G2.AFFINE);
        if (combinations.holds()) {
            return;
        }
        int bad = IntStream.range(0, points.length / G2.AFFINE).parallel()
                .filter(i -> !G2.isInSubgroup(points, i * G2.AFFINE)).min().orElse(-1);
        throw new FormatException(ptau.path(), "section " + PtauFile.TAU_G2 + ": "
                + (bad >= 0 ? "point " + (first + bad) : "a point") + " is on the twist but not in G2");
    }

    /** {@code count} points of section {@code id} from {@code first}, checked to be on the curve. */
    private static long[] read(PtauFile ptau, int id, long first, int count) throws IOException {
        boolean g2 = id == PtauFile.TAU_G2 || id == PtauFile.BETA_G2;
        long[] points = switch (id) {
            case PtauFile.TAU_G1 -> ptau.tauG1(first, count);
            case PtauFile.TAU_G2 -> ptau.tauG2(first, count);
            case PtauFile.ALPHA_TAU_G1 -> ptau.alphaTauG1(first, count);
            case PtauFile.BETA_TAU_G1 -> ptau.betaTauG1(first, count);
            default -> ptau.betaG2();
        };
        int limbs = g2 ? G2.AFFINE : G1.AFFINE;
        for (int i = 0; i < count; i++) {
            boolean onCurve = g2 ? G2.isOnCurve(points, i * limbs) : G1.isOnCurve(points, i * limbs);
            if (!onCurve) {
                throw new FormatException(ptau.path(), "section " + id + ": point " + (first + i)
                        + " is not on the curve");
            }
        }
        return points;
    }
}
