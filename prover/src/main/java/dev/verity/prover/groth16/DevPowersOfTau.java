package dev.verity.prover.groth16;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.io.PtauFile;
import dev.verity.prover.io.PtauWriter;
import dev.verity.prover.poly.Domain;
import dev.verity.prover.util.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * <b>UNSAFE, for development and benchmarks only.</b> Writes a complete Powers of Tau file,
 * prepared for phase 2, from one locally drawn secret (tau, alpha, beta) instead of a multi-party
 * ceremony: whoever learns the secret can forge proofs for every key made from the file, and
 * nothing shows it was forgotten. Its transcript (section 7) records no contribution, so
 * {@code snarkjs powersoftau verify} rejects it ("This file has no contribution! It cannot be used
 * in production"), while {@code snarkjs groth16 setup} and {@link Setup#fromPtau}, which do not
 * check transcripts, accept it. Use a real ceremony's file for keys anyone else relies on.
 *
 * <p>The purpose is speed: knowing tau makes every point a fixed-base multiple of a generator (a
 * table lookup and one mixed addition per scalar window, no doublings), where snarkjs needs hours
 * for a contribution and a group FFT per Lagrange block. The file has snarkjs' exact layout:
 * header with ceremonyPower = power, sections 1-7 as after {@code powersoftau new} plus
 * contributions, then the Lagrange sections 12-15 exactly as {@code powersoftau prepare phase2}
 * would compute them from sections 2-5, including its quirk in the top block of section 12 (see
 * writeLagrange): running prepare phase2 on the file gives back the same bytes.
 *
 * <p>Sections are computed and written in chunks, so memory stays far below the file size; the
 * largest allocation is the scalar side of one Lagrange block, about 100 bytes per point of the
 * top block (2^(power+1) points). Parallel over all cores.
 */
public final class DevPowersOfTau {
    /**
     * The largest power: above it the top Lagrange block would exceed 2^28, where snarkjs switches
     * to a coset layout.
     */
    public static final int MAX_POWER = 27;

    private static final MontgomeryField FR = Fr.FIELD;
    private static final int L = MontgomeryField.LIMBS;
    /** Points computed and written per piece: enough to keep the cores busy, small enough to bound memory. */
    private static final int CHUNK = 1 << 16;

    /** The secret behind a file, Montgomery Fr values; tau must not be a root of unity of order up to 2^(power+1). */
    record ToxicWaste(long[] tau, long[] alpha, long[] beta) {
    }

    private DevPowersOfTau() {
    }

    /**
     * <b>UNSAFE</b> (see the class comment): writes a Powers of Tau file of {@code power} (2^power
     * powers, circuits up to 2^power constraints plus public inputs), prepared for phase 2, to
     * {@code path}, from a secret drawn from {@code random} and dropped afterwards.
     */
    public static void generateUnsafe(Path path, int power, SecureRandom random, Progress progress)
            throws IOException {
        if (power < 1 || power > MAX_POWER) {
            throw new IllegalArgumentException("power must be in [1, " + MAX_POWER + "], got " + power);
        }
        write(path, power, draw(random, power), progress);
    }

    /** Writes the file for a given secret; tests use it to check points against the secret. */
    static void write(Path path, int power, ToxicWaste secret, Progress progress) throws IOException {
        long n = 1L << power;
        long[] one = FR.one();
        // G1: tauG1 2n, alpha and beta n each, Lagrange 4n + 2n + 2n; G2: n + 2n
        FixedBase g1 = new FixedBase(CurveGroup.G1_GROUP, CurveGroup.G1_GROUP.generator, 12 * n);
        FixedBase g2 = new FixedBase(CurveGroup.G2_GROUP, CurveGroup.G2_GROUP.generator, 3 * n);
        try (PtauWriter out = PtauWriter.create(path, power, power, true)) {
            long[] tau = secret.tau();
            writePowers(Section.begin(out, g1, PtauFile.TAU_G1, "tauG1", 2 * n - 1, progress), one, tau);
            writePowers(Section.begin(out, g2, PtauFile.TAU_G2, "tauG2", n, progress), one, tau);
            writePowers(Section.begin(out, g1, PtauFile.ALPHA_TAU_G1, "alphaTauG1", n, progress), secret.alpha(),
                    tau);
            writePowers(Section.begin(out, g1, PtauFile.BETA_TAU_G1, "betaTauG1", n, progress), secret.beta(),
                    tau);
            writePowers(Section.begin(out, g2, PtauFile.BETA_G2, "betaG2", 1, progress), secret.beta(), tau);
            out.writeContributions(new byte[4]); // u32 0: no contributions, as after powersoftau new
            writeLagrange(Section.begin(out, g1, PtauFile.LAGRANGE_G1, "Lagrange tauG1", 4 * n - 1, progress),
                    one, tau, power + 1, true);
            writeLagrange(Section.begin(out, g2, PtauFile.LAGRANGE_G2, "Lagrange tauG2", 2 * n - 1, progress),
                    one, tau, power, false);
            writeLagrange(Section.begin(out, g1, PtauFile.LAGRANGE_ALPHA_G1, "Lagrange alphaTauG1", 2 * n - 1,
                    progress), secret.alpha(), tau, power, false);
            writeLagrange(Section.begin(out, g1, PtauFile.LAGRANGE_BETA_G1, "Lagrange betaTauG1", 2 * n - 1,
                    progress), secret.beta(), tau, power, false);
            out.finish();
        }
    }

    /** [factor tau^i] G for i below the section's count. */
    private static void writePowers(Section section, long[] factor, long[] tau) throws IOException {
        long[] current = factor.clone();
        long[] chunk = new long[L * (int) Math.min(CHUNK, section.count)];
        for (long from = 0; from < section.count; from += CHUNK) {
            int m = (int) Math.min(CHUNK, section.count - from);
            for (int i = 0; i < m; i++) {
                MontgomeryField.copy(current, 0, chunk, L * i);
                FR.mul(current, 0, tau, 0, current, 0);
            }
            section.write(chunk, m);
        }
        section.end();
    }

    /**
     * Blocks p = 0 .. maxP of [factor L_j(tau)] G, L_j the Lagrange basis of the size-2^p domain.
     * snarkjs computes block p as the group IFFT of the first 2^p tauG1 points; for the top block of
     * section 12 (p = power + 1) tauG1 lacks the last power, and snarkjs puts the point at infinity in
     * its place. With {@code truncatedTop} that block matches: IFFT_j of (tau^0 .. tau^(N-2), 0) is
     * L_j(tau) - tau^(N-1) w^(-j(N-1)) / N = L_j(tau) - (tau^(N-1) / N) w^j. Groth16 keys only use
     * combinations of degree below N - 1 from it, for which both versions agree.
     */
    private static void writeLagrange(Section section, long[] factor, long[] tau, int maxP, boolean truncatedTop)
            throws IOException {
        long[] chunk = new long[L * Math.min(CHUNK, 1 << maxP)];
        for (int p = 0; p <= maxP; p++) {
            long[] basis = LagrangeBasis.evaluate(tau, p);
            if (truncatedTop && p == maxP) {
                subtractTopPower(basis, tau, p);
            }
            int size = 1 << p;
            for (int from = 0; from < size; from += CHUNK) {
                int m = Math.min(CHUNK, size - from);
                for (int i = 0; i < m; i++) {
                    FR.mul(basis, L * (from + i), factor, 0, chunk, L * i);
                }
                section.write(chunk, m);
            }
        }
        section.end();
    }

    /** basis[j] -= (tau^(N-1) / N) w^j for the size-N = 2^p domain with generator w. */
    private static void subtractTopPower(long[] basis, long[] tau, int p) {
        Domain domain = Domain.of(p);
        int size = domain.size();
        long[] coefficient = new long[L];
        FR.pow(tau, 0, new long[] {size - 1, 0, 0, 0}, coefficient, 0);
        FR.mul(coefficient, 0, domain.sizeInverse(), 0, coefficient, 0);
        long[] root = domain.root();
        for (int j = 0; j < size; j++) {
            FR.sub(basis, L * j, coefficient, 0, basis, L * j);
            FR.mul(coefficient, 0, root, 0, coefficient, 0);
        }
    }

    private static ToxicWaste draw(SecureRandom random, int power) {
        long[] tau;
        long[] order = new long[L];
        do {
            tau = FR.fromBigInteger(Prover.randomScalar(random));
            FR.pow(tau, 0, new long[] {1L << (power + 1), 0, 0, 0}, order, 0);
        } while (FR.isOne(order, 0));
        return new ToxicWaste(tau, FR.fromBigInteger(Prover.randomScalar(random)),
                FR.fromBigInteger(Prover.randomScalar(random)));
    }

    /**
     * One point section being streamed: Montgomery scalars in, [scalar] G out to the file, progress
     * reported over the whole section.
     */
    private static final class Section {
        final long count;
        private final PtauWriter out;
        private final FixedBase base;
        private final String step;
        private final Progress progress;
        private long done;

        private Section(PtauWriter out, FixedBase base, String step, long count, Progress progress) {
            this.out = out;
            this.base = base;
            this.step = step;
            this.count = count;
            this.progress = progress;
        }

        /** Opens section {@code id} of {@code count} points in the file. */
        static Section begin(PtauWriter out, FixedBase base, int id, String name, long count, Progress progress)
                throws IOException {
            out.beginSection(id);
            Section section = new Section(out, base, name + " (UNSAFE dev ptau)", count, progress);
            progress.report(section.step, 0, count);
            return section;
        }

        /** Writes [s] G for the first m scalars of {@code montgomery}, which it overwrites. */
        void write(long[] montgomery, int m) throws IOException {
            for (int i = 0; i < m; i++) {
                FR.fromMontgomery(montgomery, L * i, montgomery, L * i);
            }
            long before = done;
            long[] points = base.multiplyAll(montgomery, m, (s, d, t) -> progress.report(step, before + d, count),
                    step);
            out.writePoints(points, 0, m);
            done += m;
        }

        void end() throws IOException {
            out.endSection();
        }
    }
}
