package dev.verity.prover.ptau;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.field.Fr;
import dev.verity.prover.io.PtauFile;
import dev.verity.prover.msm.Msm;
import dev.verity.prover.pairing.Pairing;
import dev.verity.prover.poly.Ntt;
import dev.verity.prover.util.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code powersoftau verify}: checks a whole {@code .ptau} transcript as snarkjs does, and says
 * which check failed.
 * <ul>
 *   <li>every contribution's proofs of knowledge of tau, alpha and beta, its first points
 *       following the previous contribution's by the same secrets, and a beacon's key being the
 *       one its public parameters derive;</li>
 *   <li>the points of the file are successive powers (random linear combinations checked with
 *       pairings), start with the generators and match the last contribution;</li>
 *   <li>they hash to the last contribution's next challenge (unless the file was truncated);</li>
 *   <li>every point is on its curve, and G2 points are in the subgroup of order r (checked on
 *       random combinations, {@link G2SubgroupCheck});</li>
 *   <li>when prepared for phase 2, each Lagrange block is the inverse NTT of the powers (checked
 *       on a random combination).</li>
 * </ul>
 * Randomness comes from {@link SecureRandom}; a file that passes is sound except with negligible
 * probability. A file with no contribution fails: its secrets are all one.
 */
public final class PtauVerifier {
    private static final int CHUNK = 1 << 16;

    private final SnarkjsSampling sampling = new SnarkjsSampling();
    private final SecureRandom random = new SecureRandom();
    private final List<String> log = new ArrayList<>();
    private final Progress progress;

    /** What verification found: {@code failure} is null when every check passed. */
    public record Report(String failure, List<String> log) {
        public boolean ok() {
            return failure == null;
        }
    }

    private PtauVerifier(Progress progress) {
        this.progress = progress;
    }

    private static final class Failed extends Exception {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    public static Report verify(Path path, Progress progress) throws IOException {
        PtauVerifier verifier = new PtauVerifier(progress);
        try (PtauFile file = PtauFile.open(path)) {
            verifier.verify(file);
            return new Report(null, List.copyOf(verifier.log));
        } catch (Failed e) {
            return new Report(e.getMessage(), List.copyOf(verifier.log));
        }
    }

    private void verify(PtauFile file) throws IOException, Failed {
        List<Contribution> contributions = PowersOfTau.transcript(file);
        log.add("power 2^" + file.power() + (file.ceremonyPower() != file.power()
                ? ", cut from a ceremony of power " + file.ceremonyPower() : ""));
        if (contributions.isEmpty()) {
            throw new Failed("the file has no contribution: its secrets are known, it must not be used");
        }
        Previous initial = new Previous(G1.GENERATOR, G2.GENERATOR, G1.GENERATOR, G1.GENERATOR, G2.GENERATOR,
                PowersOfTau.firstChallengeHash(file.ceremonyPower()));
        for (int i = 0; i < contributions.size(); i++) {
            Contribution current = contributions.get(i);
            Previous previous = i == 0 ? initial : Previous.of(contributions.get(i - 1));
            verifyContribution(current, previous, i + 1);
            log.add("contribution #" + (i + 1) + (current.name() == null ? "" : " " + current.name())
                    + (current.type() == Contribution.Type.BEACON ? " (beacon " + HexFormat.of().formatHex(
                            current.beaconHash()) + ", 2^" + current.iterationsExp() + " iterations)" : "")
                    + ": response hash " + HexFormat.of().formatHex(current.responseHash()));
        }
        Contribution last = contributions.get(contributions.size() - 1);
        verifyPoints(file, last);
        if (file.isPreparedForPhase2()) {
            verifyLagrange(file);
            log.add("phase 2 Lagrange sections match the powers");
        } else {
            log.add("not prepared for phase 2 (run powersoftau prepare phase2 before groth16 setup)");
        }
    }

    private record Previous(long[] tauG1, long[] tauG2, long[] alphaG1, long[] betaG1, long[] betaG2,
            byte[] nextChallenge) {
        static Previous of(Contribution c) {
            return new Previous(c.tauG1(), c.tauG2(), c.alphaG1(), c.betaG1(), c.betaG2(), c.nextChallenge());
        }
    }

    private void verifyContribution(Contribution cur, Previous prev, int id) throws Failed {
        String who = "contribution #" + id + (cur.name() == null ? "" : " (" + cur.name() + ")");
        PublicKey key = cur.key();
        if (cur.type() == Contribution.Type.BEACON) {
            PublicKey expected = PowersOfTau.beaconKey(prev.nextChallenge(), cur.beaconHash(), cur.iterationsExp())
                    .publicKey();
            if (!Arrays.equals(expected.toBytes(true), key.toBytes(true))) {
                throw new Failed(who + ": the beacon key is not the one its beacon hash and iterations derive");
            }
        }
        long[] tauSp = KeyPair.proofPoint(sampling, 0, prev.nextChallenge(), key.tau().g1s(), key.tau().g1sx());
        long[] alphaSp = KeyPair.proofPoint(sampling, 1, prev.nextChallenge(), key.alpha().g1s(),
                key.alpha().g1sx());
        long[] betaSp = KeyPair.proofPoint(sampling, 2, prev.nextChallenge(), key.beta().g1s(), key.beta().g1sx());
        require(sameRatio(key.tau().g1s(), key.tau().g1sx(), tauSp, key.tau().g2spx()),
                who + ": invalid proof of knowledge of tau");
        require(sameRatio(key.alpha().g1s(), key.alpha().g1sx(), alphaSp, key.alpha().g2spx()),
                who + ": invalid proof of knowledge of alpha");
        require(sameRatio(key.beta().g1s(), key.beta().g1sx(), betaSp, key.beta().g2spx()),
                who + ": invalid proof of knowledge of beta");
        require(sameRatio(prev.tauG1(), cur.tauG1(), tauSp, key.tau().g2spx()),
                who + ": [tau] G1 does not follow the previous contribution");
        require(sameRatio(key.tau().g1s(), key.tau().g1sx(), prev.tauG2(), cur.tauG2()),
                who + ": [tau] G2 does not follow the previous contribution");
        require(sameRatio(prev.alphaG1(), cur.alphaG1(), alphaSp, key.alpha().g2spx()),
                who + ": [alpha] G1 does not follow the previous contribution");
        require(sameRatio(prev.betaG1(), cur.betaG1(), betaSp, key.beta().g2spx()),
                who + ": [beta] G1 does not follow the previous contribution");
        require(sameRatio(key.beta().g1s(), key.beta().g1sx(), prev.betaG2(), cur.betaG2()),
                who + ": [beta] G2 does not follow the previous contribution");
    }

    private void verifyPoints(PtauFile file, Contribution last) throws IOException, Failed {
        Blake2b next = new Blake2b().update(last.responseHash());
        PointEncodings codec = new PointEncodings();
        for (PointSection section : PointSection.values()) {
            long count = section.count(file.power());
            long[] r1 = null;
            long[] r2 = null;
            G2SubgroupCheck subgroup = section.g1 ? null : new G2SubgroupCheck(random);
            long[] firstTwo = new long[2 * section.limbs()];
            byte[] encoded = new byte[(int) Math.min(CHUNK + 1, count) * section.uncompressedBytes()];
            progress.report("verify " + section.label, 0, count);
            // chunks overlap by one point so that sum r_i P_i and sum r_i P_(i+1) cover every pair
            for (long start = 0; start < count; start += CHUNK) {
                int n = (int) Math.min(CHUNK + 1, count - start);
                long[] points = section.read(file, start, n);
                requireOnCurve(section, points, n, start);
                int fresh = (int) Math.min(CHUNK, count - start);
                if (subgroup != null) {
                    subgroup.absorb(points, fresh);
                }
                section.uncompressed(codec, points, fresh, encoded);
                next.update(encoded, 0, fresh * section.uncompressedBytes());
                if (start == 0) {
                    System.arraycopy(points, 0, firstTwo, 0, Math.min(2, n) * section.limbs());
                }
                if (n > 1) {
                    long[] scalars = randomScalars(n - 1, 32);
                    long[] a = msm(section, points, 0, scalars, n - 1);
                    long[] b = msm(section, points, 1, scalars, n - 1);
                    r1 = r1 == null ? a : add(section, r1, a);
                    r2 = r2 == null ? b : add(section, r2, b);
                }
                progress.report("verify " + section.label, start + fresh, count);
            }
            require(subgroup == null || subgroup.holds(),
                    section.label + " section: some points are not in the subgroup of order r");
            int g1 = G1.AFFINE;
            int g2 = G2.AFFINE;
            switch (section) {
                case TAU_G1 -> {
                    require(r1 != null && sameRatio(r1, r2, G2.GENERATOR, last.tauG2()),
                            "tauG1 section: the points are not successive powers of tau");
                    require(Arrays.equals(Arrays.copyOf(firstTwo, g1), G1.GENERATOR),
                            "tauG1 section: the first point is not the generator");
                    require(Arrays.equals(Arrays.copyOfRange(firstTwo, g1, 2 * g1), last.tauG1()),
                            "tauG1 section: [tau] G1 differs from the last contribution's");
                }
                case TAU_G2 -> {
                    require(r1 != null && sameRatio(G1.GENERATOR, last.tauG1(), r1, r2),
                            "tauG2 section: the points are not successive powers of tau");
                    require(Arrays.equals(Arrays.copyOf(firstTwo, g2), G2.GENERATOR),
                            "tauG2 section: the first point is not the generator");
                    require(Arrays.equals(Arrays.copyOfRange(firstTwo, g2, 2 * g2), last.tauG2()),
                            "tauG2 section: [tau] G2 differs from the last contribution's");
                }
                case ALPHA_TAU_G1 -> {
                    require(r1 != null && sameRatio(r1, r2, G2.GENERATOR, last.tauG2()),
                            "alphaTauG1 section: the points are not alpha times successive powers of tau");
                    require(Arrays.equals(Arrays.copyOf(firstTwo, g1), last.alphaG1()),
                            "alphaTauG1 section: [alpha] G1 differs from the last contribution's");
                }
                case BETA_TAU_G1 -> {
                    require(r1 != null && sameRatio(r1, r2, G2.GENERATOR, last.tauG2()),
                            "betaTauG1 section: the points are not beta times successive powers of tau");
                    require(Arrays.equals(Arrays.copyOf(firstTwo, g1), last.betaG1()),
                            "betaTauG1 section: [beta] G1 differs from the last contribution's");
                }
                case BETA_G2 -> require(Arrays.equals(Arrays.copyOf(firstTwo, g2), last.betaG2()),
                        "betaG2 section: [beta] G2 differs from the last contribution's");
            }
        }
        byte[] hash = next.digest();
        if (file.power() == file.ceremonyPower()) {
            require(Arrays.equals(hash, last.nextChallenge()),
                    "the points do not hash to the next challenge recorded by the last contribution");
        }
        log.add("next challenge hash " + HexFormat.of().formatHex(hash));
    }

    /**
     * For each block p: sum r_i [tau^i] == sum NTT(r)_j [L_j(tau)], since the block is the inverse
     * NTT of the powers. The top block of section 12 has [tau^(2^(p)-1)] replaced by infinity.
     */
    private void verifyLagrange(PtauFile file) throws IOException, Failed {
        int power = file.power();
        record Block(int id, PointSection powers, String label, int maxPower) {
        }
        Block[] blocks = {
            new Block(PtauFile.LAGRANGE_G1, PointSection.TAU_G1, "Lagrange tauG1", power + 1),
            new Block(PtauFile.LAGRANGE_G2, PointSection.TAU_G2, "Lagrange tauG2", power),
            new Block(PtauFile.LAGRANGE_ALPHA_G1, PointSection.ALPHA_TAU_G1, "Lagrange alphaTauG1", power),
            new Block(PtauFile.LAGRANGE_BETA_G1, PointSection.BETA_TAU_G1, "Lagrange betaTauG1", power),
        };
        for (Block block : blocks) {
            progress.report("verify " + block.label, 0, block.maxPower + 1);
            for (int p = 0; p <= block.maxPower; p++) {
                int m = 1 << p;
                boolean top = p == power + 1;
                int real = top ? m - 1 : m;
                long[] powers = block.powers.read(file, 0, real);
                long[] lagrange = file.lagrangePoints(block.id, m - 1L, m);
                requireOnCurve(block.powers, lagrange, m, m - 1L);
                if (!block.powers.g1) {
                    G2SubgroupCheck subgroup = new G2SubgroupCheck(random);
                    subgroup.absorb(lagrange, m);
                    require(subgroup.holds(), block.label + " block 2^" + p
                            + ": some points are not in the subgroup of order r");
                }
                long[] scalars = randomScalars(m, 64);
                if (top) {
                    Arrays.fill(scalars, 4 * (m - 1), 4 * m, 0);
                }
                long[] left = msm(block.powers, powers, 0, scalars, real);
                long[] transformed = toMontgomery(scalars, m);
                Ntt.forward(transformed, p);
                long[] right = msm(block.powers, lagrange, 0, fromMontgomery(transformed, m), m);
                require(Arrays.equals(left, right), block.label + " block 2^" + p
                        + " is not the Lagrange basis of the powers");
                progress.report("verify " + block.label, p + 1, block.maxPower + 1);
            }
        }
    }

    // ---------------------------------------------------------------- group helpers

    private boolean sameRatio(long[] g1s, long[] g1sx, long[] g2s, long[] g2sx) {
        if (G1.isInfinityAffine(g1s, 0) || G1.isInfinityAffine(g1sx, 0) || G2.isInfinityAffine(g2s, 0)
                || G2.isInfinityAffine(g2sx, 0)) {
            return false;
        }
        long[] g1 = new long[2 * G1.AFFINE];
        System.arraycopy(g1s, 0, g1, 0, G1.AFFINE);
        G1.negAffine(g1sx, 0, g1, G1.AFFINE);
        long[] g2 = new long[2 * G2.AFFINE];
        System.arraycopy(g2sx, 0, g2, 0, G2.AFFINE);
        System.arraycopy(g2s, 0, g2, G2.AFFINE, G2.AFFINE);
        return Pairing.pairingProductIsOne(g1, g2, 2);
    }

    /** Affine sum of {@code count} scalars times the points from index {@code first}. */
    private static long[] msm(PointSection section, long[] points, int first, long[] scalars, int count) {
        long[] jacobian = section.g1 ? Msm.g1(points, first, scalars, 0, count) : Msm.g2(points, first, scalars, 0,
                count);
        return affine(section, jacobian);
    }

    private static long[] add(PointSection section, long[] a, long[] b) {
        if (section.g1) {
            long[] j = new long[G1.JACOBIAN];
            G1.fromAffine(a, 0, j, 0);
            new G1().addAffine(j, 0, b, 0, j, 0);
            return affine(section, j);
        }
        long[] j = new long[G2.JACOBIAN];
        G2.fromAffine(a, 0, j, 0);
        new G2().addAffine(j, 0, b, 0, j, 0);
        return affine(section, j);
    }

    private static long[] affine(PointSection section, long[] jacobian) {
        long[] out = new long[section.limbs()];
        if (section.g1) {
            new G1().toAffine(jacobian, 0, out, 0);
        } else {
            new G2().toAffine(jacobian, 0, out, 0);
        }
        return out;
    }

    private static void requireOnCurve(PointSection section, long[] points, int count, long firstIndex)
            throws Failed {
        for (int i = 0; i < count; i++) {
            boolean ok = section.g1 ? G1.isOnCurve(points, i * G1.AFFINE) : G2.isOnCurve(points, i * G2.AFFINE);
            if (!ok) {
                throw new Failed(section.label + ": point " + (firstIndex + i) + " is not on the curve");
            }
        }
    }

    /** {@code count} plain scalars of {@code bits} random bits (4 limbs each). */
    private long[] randomScalars(int count, int bits) {
        long[] scalars = new long[4 * count];
        for (int i = 0; i < count; i++) {
            long v = random.nextLong();
            scalars[4 * i] = bits == 64 ? v : v & ((1L << bits) - 1);
        }
        return scalars;
    }

    private static long[] toMontgomery(long[] plain, int count) {
        long[] out = new long[4 * count];
        for (int i = 0; i < count; i++) {
            Fr.FIELD.toMontgomery(plain, 4 * i, out, 4 * i);
        }
        return out;
    }

    private static long[] fromMontgomery(long[] mont, int count) {
        long[] out = new long[4 * count];
        for (int i = 0; i < count; i++) {
            Fr.FIELD.fromMontgomery(mont, 4 * i, out, 4 * i);
        }
        return out;
    }

    private static void require(boolean condition, String failure) throws Failed {
        if (!condition) {
            throw new Failed(failure);
        }
    }
}
