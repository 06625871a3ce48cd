package dev.verity.prover.groth16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.io.Fixtures;
import dev.verity.prover.io.PtauFile;
import dev.verity.prover.io.R1csFile;
import dev.verity.prover.io.ZkeyFile;
import dev.verity.prover.util.Progress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The unsafe development Powers of Tau file against the snarkjs CLI (interop/node_modules). */
class DevPowersOfTauInteropTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    /**
     * snarkjs recomputes the Lagrange sections 12-15 from sections 2-5 by group FFTs; a file made
     * here comes back byte for byte, so layout, header and all sections agree with snarkjs.
     */
    @Test
    void snarkjsPreparePhase2ReproducesTheFileByteForByte() throws Exception {
        Path ours = dir.resolve("dev.ptau");
        DevPowersOfTau.generateUnsafe(ours, 5, RANDOM, Progress.NONE);
        Fixtures.snarkjs(dir, "powersoftau", "prepare", "phase2", "dev.ptau", "snarkjs.ptau");
        assertArrayEquals(Files.readAllBytes(dir.resolve("snarkjs.ptau")), Files.readAllBytes(ours));
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiplier", "many_public"})
    void snarkjsGroth16SetupGivesTheSameKeyAsVerity(String circuit) throws Exception {
        Path ptauPath = dir.resolve("dev.ptau");
        DevPowersOfTau.generateUnsafe(ptauPath, 7, RANDOM, Progress.NONE);
        Files.copy(Fixtures.path(circuit + ".r1cs"), dir.resolve("circuit.r1cs"));
        Fixtures.snarkjs(dir, "groth16", "setup", "circuit.r1cs", "dev.ptau", "snarkjs.zkey");
        Path ours = dir.resolve("verity.zkey");
        try (PtauFile ptau = PtauFile.open(ptauPath)) {
            ZkeyFile.write(Setup.fromPtau(R1csFile.read(dir.resolve("circuit.r1cs")), ptau, Progress.NONE), ours,
                    ZkeyFile.NEW_ORDER);
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("snarkjs.zkey")), Files.readAllBytes(ours));
    }

    /** The file is no ceremony: snarkjs' transcript verification refuses it. */
    @Test
    void snarkjsPowersOfTauVerifyRejectsIt() throws Exception {
        DevPowersOfTau.generateUnsafe(dir.resolve("dev.ptau"), 2, RANDOM, Progress.NONE);
        Process p = new ProcessBuilder("node", Fixtures.snarkjsCli().toAbsolutePath().toString(), "powersoftau",
                "verify", "dev.ptau").directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "snarkjs timed out");
        assertNotEquals(0, p.exitValue(), out);
        assertTrue(out.contains("no contribution"), out);
    }
}
