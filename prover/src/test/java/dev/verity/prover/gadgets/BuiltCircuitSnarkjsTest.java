package dev.verity.prover.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.field.Fr;
import dev.verity.prover.groth16.Prover;
import dev.verity.prover.groth16.Setup;
import dev.verity.prover.groth16.VerificationKeys;
import dev.verity.prover.groth16.Verifier;
import dev.verity.prover.io.Fixtures;
import dev.verity.prover.io.PtauFile;
import dev.verity.prover.io.R1csFile;
import dev.verity.prover.io.SnarkjsJson;
import dev.verity.prover.io.WtnsFile;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.io.ZkeyFile;
import dev.verity.prover.r1cs.Circuit;
import dev.verity.prover.r1cs.CircuitBuilder;
import dev.verity.prover.r1cs.LinearCombination;
import dev.verity.prover.util.Progress;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A circuit built with Verity's builder and gadgets, checked by the real snarkjs CLI: its
 * {@code .r1cs} and {@code .wtns} files, a snarkjs setup that equals Verity's from the same
 * ceremony, a Verity proof that snarkjs verifies, and a snarkjs proof that Verity verifies.
 */
class BuiltCircuitSnarkjsTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    /** Outputs: Poseidon(x), [x < y], floor(x * y / 16); public input a; private x, y. Fits power 8. */
    private static Circuit circuit(long a, long x, long y) {
        CircuitBuilder b = new CircuitBuilder();
        LinearCombination pa = b.publicInput(a);
        LinearCombination px = b.privateInput(x);
        LinearCombination py = b.privateInput(y);
        b.publicOutput(PoseidonGadget.hash(b, px));
        b.publicOutput(Comparators.lessThan(b, px, py, 8));
        b.publicOutput(FixedPoint.multiply(b, px, py, 4, 16));
        b.assertProduct(pa, pa, b.mul(pa, pa)); // uses the public input in a constraint
        return b.build();
    }

    @Test
    void snarkjsChecksProvesAndVerifiesABuiltCircuit() throws Exception {
        Circuit c = circuit(0xC0FFEE, -37, 101);
        assertEquals(Poseidon.hash(BigInteger.valueOf(-37).mod(Fr.MODULUS)),
                c.publicSignals().get(0));
        assertEquals(BigInteger.ONE, c.publicSignals().get(1));
        assertEquals(BigInteger.valueOf(Math.floorDiv(-37 * 101, 16)).mod(Fr.MODULUS),
                c.publicSignals().get(2));
        R1csFile.write(c.cs(), dir.resolve("c.r1cs"));
        WtnsFile.write(c.witness(), dir.resolve("c.wtns"));
        Files.copy(Fixtures.path("pot8_final.ptau"), dir.resolve("pot8.ptau"));

        String info = Fixtures.snarkjs(dir, "r1cs", "info", "c.r1cs");
        assertTrue(info.contains("# of Constraints: " + c.cs().nConstraints()), info);
        assertTrue(info.contains("# of Private Inputs: 2"), info);
        assertTrue(info.contains("# of Public Inputs: 1"), info);
        assertTrue(info.contains("# of Outputs: 3"), info);
        String check = Fixtures.snarkjs(dir, "wtns", "check", "c.r1cs", "c.wtns");
        assertTrue(check.contains("WITNESS IS CORRECT"), check);

        // a witness whose comparison output lies fails snarkjs' check too
        WtnsFile.write(c.witnessWith(2, BigInteger.ZERO), dir.resolve("bad.wtns"));
        Fixtures.SnarkjsRun bad = Fixtures.snarkjsRun(dir, "wtns", "check", "c.r1cs", "bad.wtns");
        assertTrue(bad.output().contains("WITNESS IS NOT CORRECT"), bad.output());

        Fixtures.snarkjs(dir, "groth16", "setup", "c.r1cs", "pot8.ptau", "snarkjs.zkey");
        Zkey key;
        try (PtauFile ptau = PtauFile.open(dir.resolve("pot8.ptau"))) {
            key = Setup.fromPtau(c.cs(), ptau, Progress.NONE);
        }
        ZkeyFile.write(key, dir.resolve("verity.zkey"), ZkeyFile.NEW_ORDER);
        assertArrayEquals(Files.readAllBytes(dir.resolve("snarkjs.zkey")), Files.readAllBytes(dir.resolve("verity.zkey")));

        SnarkjsJson.writeProof(Prover.prove(key, c.witness(), RANDOM, Progress.NONE), dir.resolve("proof.json"));
        SnarkjsJson.writePublicSignals(c.witness().publicSignals(key.nPublic()), dir.resolve("public.json"));
        Fixtures.snarkjs(dir, "zkey", "export", "verificationkey", "snarkjs.zkey", "vk.json");
        String ok = Fixtures.snarkjs(dir, "groth16", "verify", "vk.json", "public.json", "proof.json");
        assertTrue(ok.contains("OK!"), ok);

        Fixtures.snarkjs(dir, "groth16", "prove", "snarkjs.zkey", "c.wtns", "sj-proof.json", "sj-public.json");
        long[] signals = SnarkjsJson.readPublicSignals(dir.resolve("sj-public.json"));
        assertArrayEquals(c.witness().publicSignals(4), signals);
        var vk = VerificationKeys.of(key);
        assertTrue(Verifier.verify(vk, signals, SnarkjsJson.readProof(dir.resolve("sj-proof.json"))));
        long[] changed = signals.clone();
        changed[4] ^= 1;
        assertFalse(Verifier.verify(vk, changed, SnarkjsJson.readProof(dir.resolve("sj-proof.json"))));
    }
}
