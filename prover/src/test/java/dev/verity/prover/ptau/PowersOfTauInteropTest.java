package dev.verity.prover.ptau;

import static dev.verity.prover.io.Fixtures.snarkjs;
import static dev.verity.prover.io.Fixtures.snarkjsRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.groth16.Prover;
import dev.verity.prover.io.Fixtures;
import dev.verity.prover.io.SnarkjsJson;
import dev.verity.prover.io.WtnsFile;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.io.ZkeyFile;
import dev.verity.prover.r1cs.Witness;
import dev.verity.prover.util.Progress;
import java.security.SecureRandom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ceremony files pass both ways between Verity and the real snarkjs 0.7.6: each tool verifies
 * the other's transcripts, and the deterministic steps (new, beacon, export challenge) give
 * byte-identical files.
 */
class PowersOfTauInteropTest {
    private static final int POWER = 3;
    private static final String BEACON = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";

    @TempDir
    Path dir;

    @Test
    void newAccumulatorIsByteIdenticalToSnarkjs() throws Exception {
        PowersOfTau.newAccumulator(dir.resolve("verity.ptau"), POWER, Progress.NONE);
        snarkjs(dir, "powersoftau", "new", "bn128", String.valueOf(POWER), "snarkjs.ptau");
        assertArrayEquals(Files.readAllBytes(dir.resolve("snarkjs.ptau")), Files.readAllBytes(dir.resolve("verity.ptau")));
    }

    @Test
    void beaconIsByteIdenticalToSnarkjsAfterAVerityContribution() throws Exception {
        PowersOfTau.newAccumulator(dir.resolve("p0.ptau"), POWER, Progress.NONE);
        PowersOfTau.contribute(dir.resolve("p0.ptau"), dir.resolve("p1.ptau"), "verity one", new byte[] {1, 2},
                Progress.NONE);
        PowersOfTau.beacon(dir.resolve("p1.ptau"), dir.resolve("verity.ptau"), "final", HexFormat.of().parseHex(BEACON),
                10, Progress.NONE);
        snarkjs(dir, "powersoftau", "beacon", "p1.ptau", "snarkjs.ptau", BEACON, "10", "-n=final");
        assertArrayEquals(Files.readAllBytes(dir.resolve("snarkjs.ptau")), Files.readAllBytes(dir.resolve("verity.ptau")));
    }

    @Test
    void snarkjsVerifiesAVerityCeremonyAndItsPreparedFile() throws Exception {
        PowersOfTau.newAccumulator(dir.resolve("p0.ptau"), POWER, Progress.NONE);
        PowersOfTau.contribute(dir.resolve("p0.ptau"), dir.resolve("p1.ptau"), "alice", null, Progress.NONE);
        snarkjs(dir, "powersoftau", "contribute", "p1.ptau", "p2.ptau", "-n=bob", "-e=some entropy");
        PowersOfTau.contribute(dir.resolve("p2.ptau"), dir.resolve("p3.ptau"), "carol", "x".getBytes(), Progress.NONE);
        PowersOfTau.beacon(dir.resolve("p3.ptau"), dir.resolve("p4.ptau"), "beacon", HexFormat.of().parseHex(BEACON),
                10, Progress.NONE);
        String out = snarkjs(dir, "powersoftau", "verify", "p4.ptau");
        assertTrue(out.contains("Powers Of tau file OK!"), out);
        assertTrue(PtauVerifier.verify(dir.resolve("p4.ptau"), Progress.NONE).ok());
    }

    /**
     * A ceremony made entirely by Verity (new, contribute, beacon, prepare phase2) verifies in
     * snarkjs, and snarkjs' groth16 setup accepts it: the key proves with Verity and snarkjs
     * verifies the proof.
     */
    @Test
    void aVerityCeremonyKeysSnarkjsGroth16() throws Exception {
        int power = 5;
        PowersOfTau.newAccumulator(dir.resolve("p0.ptau"), power, Progress.NONE);
        PowersOfTau.contribute(dir.resolve("p0.ptau"), dir.resolve("p1.ptau"), "alice", null, Progress.NONE);
        PowersOfTau.beacon(dir.resolve("p1.ptau"), dir.resolve("p2.ptau"), "beacon", HexFormat.of().parseHex(BEACON),
                10, Progress.NONE);
        PreparePhase2.run(dir.resolve("p2.ptau"), dir.resolve("final.ptau"), Progress.NONE);
        String verified = snarkjs(dir, "powersoftau", "verify", "final.ptau");
        assertTrue(verified.contains("Powers Of tau file OK!"), verified);
        assertTrue(PtauVerifier.verify(dir.resolve("final.ptau"), Progress.NONE).ok());

        Files.copy(Fixtures.path("multiplier.r1cs"), dir.resolve("multiplier.r1cs"));
        snarkjs(dir, "groth16", "setup", "multiplier.r1cs", "final.ptau", "multiplier.zkey");
        Zkey key = ZkeyFile.read(dir.resolve("multiplier.zkey"));
        Witness witness = WtnsFile.read(Fixtures.path("multiplier.wtns"));
        SnarkjsJson.writeProof(Prover.prove(key, witness, new SecureRandom(), Progress.NONE), dir.resolve("proof.json"));
        SnarkjsJson.writePublicSignals(witness.publicSignals(key.nPublic()), dir.resolve("public.json"));
        snarkjs(dir, "zkey", "export", "verificationkey", "multiplier.zkey", "vk.json");
        String ok = snarkjs(dir, "groth16", "verify", "vk.json", "public.json", "proof.json");
        assertTrue(ok.contains("OK!"), ok);
    }

    @Test
    void verityVerifiesASnarkjsCeremony() throws Exception {
        snarkjs(dir, "powersoftau", "new", "bn128", String.valueOf(POWER), "p0.ptau");
        snarkjs(dir, "powersoftau", "contribute", "p0.ptau", "p1.ptau", "-n=first", "-e=entropy one");
        snarkjs(dir, "powersoftau", "contribute", "p1.ptau", "p2.ptau", "-n=second", "-e=entropy two");
        snarkjs(dir, "powersoftau", "beacon", "p2.ptau", "p3.ptau", BEACON, "10", "-n=final");
        snarkjs(dir, "powersoftau", "prepare", "phase2", "p3.ptau", "final.ptau");
        PtauVerifier.Report report = PtauVerifier.verify(dir.resolve("final.ptau"), Progress.NONE);
        assertNull(report.failure(), () -> String.join("\n", report.log()));
        assertTrue(report.log().stream().anyMatch(l -> l.contains("Lagrange sections match")), report.log()::toString);
    }

    @Test
    void challengeAndResponseRoundTripThroughBothTools() throws Exception {
        snarkjs(dir, "powersoftau", "new", "bn128", String.valueOf(POWER), "p0.ptau");
        snarkjs(dir, "powersoftau", "contribute", "p0.ptau", "p1.ptau", "-n=first", "-e=entropy one");
        // the exported challenge is byte-identical
        PowersOfTau.exportChallenge(dir.resolve("p1.ptau"), dir.resolve("verity.challenge"), Progress.NONE);
        snarkjs(dir, "powersoftau", "export", "challenge", "p1.ptau", "snarkjs.challenge");
        assertArrayEquals(Files.readAllBytes(dir.resolve("snarkjs.challenge")),
                Files.readAllBytes(dir.resolve("verity.challenge")));
        // Verity answers it; snarkjs imports the response and verifies the transcript
        PowersOfTau.challengeContribute(dir.resolve("verity.challenge"), dir.resolve("verity.response"), null,
                Progress.NONE);
        snarkjs(dir, "powersoftau", "import", "response", "p1.ptau", "verity.response", "p2.ptau", "-n=offline");
        assertTrue(snarkjs(dir, "powersoftau", "verify", "p2.ptau").contains("Powers Of tau file OK!"));
        // snarkjs answers the next challenge; Verity imports that response and verifies
        snarkjs(dir, "powersoftau", "export", "challenge", "p2.ptau", "c2");
        snarkjs(dir, "powersoftau", "challenge", "contribute", "bn128", "c2", "r2", "-e=more entropy");
        PowersOfTau.importResponse(dir.resolve("p2.ptau"), dir.resolve("r2"), dir.resolve("p3.ptau"), "snarkjs offline",
                Progress.NONE);
        PtauVerifier.Report report = PtauVerifier.verify(dir.resolve("p3.ptau"), Progress.NONE);
        assertNull(report.failure(), () -> String.join("\n", report.log()));
        assertEquals(0, snarkjsRun(dir, "powersoftau", "verify", "p3.ptau").exitCode());
    }
}
