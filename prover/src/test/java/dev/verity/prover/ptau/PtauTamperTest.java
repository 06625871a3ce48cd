package dev.verity.prover.ptau;

import static dev.verity.prover.io.Fixtures.snarkjs;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.io.BinFile;
import dev.verity.prover.io.Fixtures;
import dev.verity.prover.io.FormatException;
import dev.verity.prover.io.PtauFile;
import dev.verity.prover.util.Progress;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of tampering with a ceremony file is caught by {@link PtauVerifier}, with a message
 * that says which check failed; malformed files and broken chains are refused with the file named.
 */
class PtauTamperTest {
    private static final int POWER = 3;
    /** Offsets inside one section 7 record. */
    private static final int RECORD_TAU_G1 = 0;
    private static final int RECORD_KEY = 64 + 128 + 64 + 64 + 128;
    private static final int RECORD_NEXT = RECORD_KEY + PublicKey.BYTES + Blake2b.STATE_BYTES;

    @TempDir
    static Path dir;
    static Path good;

    @BeforeAll
    static void ceremony() throws Exception {
        PowersOfTau.newAccumulator(dir.resolve("p0.ptau"), POWER, Progress.NONE);
        PowersOfTau.contribute(dir.resolve("p0.ptau"), dir.resolve("p1.ptau"), "one", null, Progress.NONE);
        PowersOfTau.beacon(dir.resolve("p1.ptau"), dir.resolve("p2.ptau"), "beacon",
                HexFormat.of().parseHex("aabbccdd"), 10, Progress.NONE);
        snarkjs(dir, "powersoftau", "prepare", "phase2", "p2.ptau", "good.ptau");
        good = dir.resolve("good.ptau");
        assertNull(PtauVerifier.verify(good, Progress.NONE).failure());
    }

    private static Path tampered(String name, int section, long offsetInSection, byte[] replacement)
            throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        BinFile.Section s = Fixtures.section(good, "ptau", section);
        System.arraycopy(replacement, 0, bytes, (int) (s.offset() + offsetInSection), replacement.length);
        Path out = dir.resolve(name);
        Files.write(out, bytes);
        return out;
    }

    private static byte[] g1(long k) {
        long[] p = new long[G1.AFFINE];
        new G1().toAffine(new G1().mul(G1.GENERATOR, 0, BigInteger.valueOf(k)), 0, p, 0);
        byte[] b = new byte[G1.AFFINE * 8];
        LemPoints.toLittleEndian(p, b, 0);
        return b;
    }

    private static byte[] g2(long k) {
        long[] p = new long[G2.AFFINE];
        new G2().toAffine(new G2().mul(G2.GENERATOR, 0, BigInteger.valueOf(k)), 0, p, 0);
        byte[] b = new byte[G2.AFFINE * 8];
        LemPoints.toLittleEndian(p, b, 0);
        return b;
    }

    private static void assertFails(Path file, String fragment) throws IOException {
        PtauVerifier.Report report = PtauVerifier.verify(file, Progress.NONE);
        assertFalse(report.ok(), file + " passed verification");
        assertTrue(report.failure().contains(fragment), () -> "failure lacks \"" + fragment + "\": " + report.failure());
    }

    @Test
    void aWrongPowerInEachSectionIsCaught() throws IOException {
        assertFails(tampered("s2.ptau", PtauFile.TAU_G1, 3L * 64, g1(7)), "tauG1 section");
        assertFails(tampered("s3.ptau", PtauFile.TAU_G2, 2L * 128, g2(7)), "tauG2 section");
        assertFails(tampered("s4.ptau", PtauFile.ALPHA_TAU_G1, 5L * 64, g1(7)), "alphaTauG1 section");
        assertFails(tampered("s5.ptau", PtauFile.BETA_TAU_G1, 0, g1(7)), "betaTauG1 section");
        assertFails(tampered("s6.ptau", PtauFile.BETA_G2, 0, g2(7)), "betaG2 section");
    }

    @Test
    void aPointOffTheCurveIsCaught() throws IOException {
        byte[] point = g1(5);
        point[40] ^= 1; // y changes: no longer on the curve
        assertFails(tampered("off.ptau", PtauFile.BETA_TAU_G1, 64, point), "not on the curve");
    }

    @Test
    void aTwistPointOutsideTheSubgroupIsCaught() throws IOException {
        long[] outside = twistPointOutsideG2();
        byte[] b = new byte[G2.AFFINE * 8];
        LemPoints.toLittleEndian(outside, b, 0);
        assertFails(tampered("torsion3.ptau", PtauFile.TAU_G2, 2L * 128, b), "tauG2 section: some points are not in the subgroup");
        assertFails(tampered("torsion13.ptau", PtauFile.LAGRANGE_G2, 3L * 128, b),
                "Lagrange tauG2 block 2^2: some points are not in the subgroup");
    }

    private static long[] twistPointOutsideG2() {
        long[] p = TwistPoints.random(new java.util.Random(7));
        assertTrue(G2.isOnCurve(p, 0) && !G2.isInSubgroup(p, 0));
        return p;
    }

    @Test
    void aWrongLagrangePointIsCaught() throws IOException {
        // block p = 2 of section 14 starts at point 2^2 - 1 = 3
        assertFails(tampered("l14.ptau", PtauFile.LAGRANGE_ALPHA_G1, 4L * 64, g1(3)), "Lagrange alphaTauG1 block 2^2");
        assertFails(tampered("l13.ptau", PtauFile.LAGRANGE_G2, 1L * 128, g2(3)), "Lagrange tauG2 block 2^1");
        assertFails(tampered("l15.ptau", PtauFile.LAGRANGE_BETA_G1, 8L * 64, g1(3)), "Lagrange betaTauG1 block 2^3");
        // the top block of section 12 (p = power + 1) is checked too
        long top = (1L << (POWER + 1)) - 1;
        assertFails(tampered("l12.ptau", PtauFile.LAGRANGE_G1, (top + 2) * 64, g1(3)),
                "Lagrange tauG1 block 2^" + (POWER + 1));
    }

    @Test
    void transcriptTamperingIsCaught() throws IOException {
        int firstRecord = 4;
        byte[] bytes = Files.readAllBytes(good);
        BinFile.Section s7 = Fixtures.section(good, "ptau", PtauFile.CONTRIBUTIONS);
        int recordLength = RECORD_NEXT + 64 + 8 + paramsLength(bytes, (int) s7.offset() + firstRecord);
        int secondRecord = firstRecord + recordLength;
        // a contribution's first point that does not follow from its own key
        assertFails(tampered("c1.ptau", PtauFile.CONTRIBUTIONS, firstRecord + RECORD_TAU_G1, g1(2)),
                "contribution #1 (one): [tau] G1 does not follow");
        // a proof of knowledge for another secret
        assertFails(tampered("key.ptau", PtauFile.CONTRIBUTIONS, firstRecord + RECORD_KEY + 64, g1(9)),
                "contribution #1 (one): invalid proof of knowledge of tau");
        // the beacon's key no longer matches its parameters
        assertFails(tampered("beacon.ptau", PtauFile.CONTRIBUTIONS, secondRecord + RECORD_KEY, g1(11)),
                "beacon key is not the one");
        // the recorded next challenge
        byte[] hash = new byte[64];
        assertFails(tampered("next.ptau", PtauFile.CONTRIBUTIONS, secondRecord + RECORD_NEXT, hash),
                "do not hash to the next challenge");
    }

    private static int paramsLength(byte[] file, int record) {
        int at = record + RECORD_NEXT + 64 + 4;
        return (file[at] & 0xFF) | (file[at + 1] & 0xFF) << 8 | (file[at + 2] & 0xFF) << 16 | (file[at + 3] & 0xFF) << 24;
    }

    @Test
    void aFileWithoutContributionsIsNotAccepted() throws IOException {
        assertFails(dir.resolve("p0.ptau"), "no contribution");
    }

    @Test
    void truncatedFilesAreRefusedWithTheFileNamed() throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.ptau");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        FormatException e = assertThrows(FormatException.class, () -> PtauVerifier.verify(cut, Progress.NONE));
        assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
        assertThrows(FormatException.class,
                () -> PowersOfTau.contribute(cut, dir.resolve("never.ptau"), "x", null, Progress.NONE));
        assertFalse(Files.exists(dir.resolve("never.ptau")));
    }

    @Test
    void aResponseToAnotherChallengeIsRefused() throws IOException {
        PowersOfTau.exportChallenge(dir.resolve("p0.ptau"), dir.resolve("c0"), Progress.NONE);
        PowersOfTau.challengeContribute(dir.resolve("c0"), dir.resolve("r0"), null, Progress.NONE);
        // r0 answers p0's challenge; p1 already has a contribution, so its challenge differs
        FormatException e = assertThrows(FormatException.class, () -> PowersOfTau.importResponse(
                dir.resolve("p1.ptau"), dir.resolve("r0"), dir.resolve("never.ptau"), "late", Progress.NONE));
        assertTrue(e.getMessage().contains("answers another challenge"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("never.ptau")));
        // the right base accepts it, and the result verifies
        PowersOfTau.importResponse(dir.resolve("p0.ptau"), dir.resolve("r0"), dir.resolve("imported.ptau"), "ok",
                Progress.NONE);
        assertTrue(PtauVerifier.verify(dir.resolve("imported.ptau"), Progress.NONE).ok());
    }

    @Test
    void powersOutsideTheFieldsTwoAdicityAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> PowersOfTau.newAccumulator(dir.resolve("big.ptau"), PowersOfTau.MAX_POWER + 1, Progress.NONE));
        assertThrows(IllegalArgumentException.class,
                () -> PowersOfTau.newAccumulator(dir.resolve("zero.ptau"), 0, Progress.NONE));
    }
}
