package dev.verity.prover.ptau;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.curve.G2;
import dev.verity.prover.groth16.DevPowersOfTau;
import dev.verity.prover.io.BinFile;
import dev.verity.prover.io.Fixtures;
import dev.verity.prover.io.FormatException;
import dev.verity.prover.util.Progress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** prepare phase2 against the snarkjs CLI (interop/node_modules) and the dev Powers of Tau. */
class PreparePhase2Test {
    @TempDir
    Path dir;

    /** A snarkjs ceremony file of {@code power} with one contribution, not prepared. */
    private Path snarkjsCeremony(int power) throws Exception {
        Fixtures.snarkjs(dir, "powersoftau", "new", "bn128", String.valueOf(power), "pot0.ptau");
        Fixtures.snarkjs(dir, "powersoftau", "contribute", "pot0.ptau", "pot1.ptau", "--name=verity test",
                "-e=some entropy for the test");
        return dir.resolve("pot1.ptau");
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 5})
    void matchesSnarkjsPreparePhase2ByteForByte(int power) throws Exception {
        Path in = snarkjsCeremony(power);
        Fixtures.snarkjs(dir, "powersoftau", "prepare", "phase2", "pot1.ptau", "snarkjs.ptau");
        Path ours = dir.resolve("verity.ptau");
        PreparePhase2.run(in, ours, Progress.NONE);
        assertArrayEquals(Files.readAllBytes(dir.resolve("snarkjs.ptau")), Files.readAllBytes(ours));

        // a prepared file is prepared again from its sections 2-6: same bytes
        Path again = dir.resolve("again.ptau");
        PreparePhase2.run(dir.resolve("snarkjs.ptau"), again, Progress.NONE);
        assertArrayEquals(Files.readAllBytes(ours), Files.readAllBytes(again));
    }

    /**
     * The dev file's Lagrange sections come from the known secret (scalar arithmetic, then one
     * fixed-base multiplication per point), not from group NTTs: preparing its sections 2-6 gives
     * back the same file.
     */
    @Test
    void reproducesTheLagrangeSectionsOfTheDevPowersOfTau() throws Exception {
        Path dev = dir.resolve("dev.ptau");
        DevPowersOfTau.generateUnsafe(dev, 6, new SecureRandom(), Progress.NONE);
        Path ours = dir.resolve("verity.ptau");
        PreparePhase2.run(dev, ours, Progress.NONE);
        assertArrayEquals(Files.readAllBytes(dev), Files.readAllBytes(ours));
    }

    @Test
    void aTruncatedInputIsAFormatErrorAndLeavesNoOutput() throws Exception {
        Path dev = dir.resolve("dev.ptau");
        DevPowersOfTau.generateUnsafe(dev, 2, new SecureRandom(), Progress.NONE);
        byte[] all = Files.readAllBytes(dev);
        Path cut = dir.resolve("cut.ptau");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        Path out = dir.resolve("out.ptau");
        Fixtures.assertFormatError(cut, () -> PreparePhase2.run(cut, out, Progress.NONE));
        assertFalse(Files.exists(out));
    }

    @Test
    void aPointOffTheCurveIsAFormatErrorNamingTheFileAndPoint() throws Exception {
        Path dev = dir.resolve("dev.ptau");
        DevPowersOfTau.generateUnsafe(dev, 2, new SecureRandom(), Progress.NONE);
        long tauG1;
        try (BinFile f = BinFile.open(dev, "ptau", 1, 1)) {
            tauG1 = f.section(2, "tauG1").offset();
        }
        byte[] bytes = Files.readAllBytes(dev);
        // y of point 1 of tauG1 := y + 1 (still below p for a random y, off the curve)
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int at = (int) tauG1 + 64 + 32;
        b.put(at, (byte) (b.get(at) ^ 1));
        Path bad = dir.resolve("bad.ptau");
        Files.write(bad, bytes);
        Path out = dir.resolve("out.ptau");
        Fixtures.assertFormatError(bad, () -> PreparePhase2.run(bad, out, Progress.NONE), "section 2", "point 1",
                "not on the curve");
        assertFalse(Files.exists(out));
    }

    /** A tauG2 point on the twist but outside G2 would make the psi-based multiplication wrong: refused. */
    @Test
    void aTauG2PointOutsideG2IsAFormatError() throws Exception {
        Path dev = dir.resolve("dev.ptau");
        DevPowersOfTau.generateUnsafe(dev, 2, new SecureRandom(), Progress.NONE);
        long tauG2;
        try (BinFile f = BinFile.open(dev, "ptau", 1, 1)) {
            tauG2 = f.section(3, "tauG2").offset();
        }
        long[] twist = TwistPoints.random(new java.util.Random(9));
        assertTrue(G2.isOnCurve(twist, 0) && !G2.isInSubgroup(twist, 0));
        byte[] bytes = Files.readAllBytes(dev);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < G2.AFFINE; i++) {
            b.putLong((int) tauG2 + 2 * 128 + 8 * i, twist[i]); // point 2
        }
        Path bad = dir.resolve("bad.ptau");
        Files.write(bad, bytes);
        Path out = dir.resolve("out.ptau");
        Fixtures.assertFormatError(bad, () -> PreparePhase2.run(bad, out, Progress.NONE), "section 3", "point 2",
                "not in G2");
        assertFalse(Files.exists(out));
    }

    @Test
    void refusesToOverwriteItsInput() throws Exception {
        Path dev = dir.resolve("dev.ptau");
        DevPowersOfTau.generateUnsafe(dev, 1, new SecureRandom(), Progress.NONE);
        byte[] before = Files.readAllBytes(dev);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PreparePhase2.run(dev, dev, Progress.NONE));
        assertTrue(e.getMessage().contains("must not be the input"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(dev));
    }
}
