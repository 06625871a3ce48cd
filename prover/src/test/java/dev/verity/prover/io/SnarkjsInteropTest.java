package dev.verity.prover.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.r1cs.ConstraintSystem;
import dev.verity.prover.r1cs.Witness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** snarkjs reads what we write (needs the interop tools that ./test.sh installs). */
class SnarkjsInteropTest {
    @TempDir
    Path dir;

    private Path copy(String fixture) throws IOException {
        return Files.copy(Fixtures.path(fixture), dir.resolve(fixture));
    }

    /** A key we write in another section order verifies against its circuit and ceremony. */
    @Test
    void snarkjsVerifiesAndExportsAZkeyWeWrote() throws Exception {
        Fixtures.snarkjsCli();
        copy("multiplier.r1cs");
        copy("pot8_final.ptau");
        ZkeyFile.write(ZkeyFile.read(Fixtures.path("multiplier.zkey")), dir.resolve("ours.zkey"), ZkeyFile.NEW_ORDER);
        String out = Fixtures.snarkjs(dir, "zkey", "verify", "multiplier.r1cs", "pot8_final.ptau", "ours.zkey");
        assertTrue(out.contains("ZKey Ok!"), out);
        Fixtures.snarkjs(dir, "zkey", "export", "verificationkey", "ours.zkey", "vk.json");
        assertEquals(Fixtures.text("multiplier.vkey.json"), Files.readString(dir.resolve("vk.json")));
    }

    /** r1cs and wtns files we write are read by snarkjs and agree with each other. */
    @Test
    void snarkjsReadsOurR1csAndWitness() throws Exception {
        Fixtures.snarkjsCli();
        ConstraintSystem cs = R1csFile.read(Fixtures.path("poseidon.r1cs"));
        Witness w = WtnsFile.read(Fixtures.path("poseidon.wtns"));
        R1csFile.write(cs, dir.resolve("ours.r1cs"), R1csFile.SNARKJS_ORDER);
        WtnsFile.write(w, dir.resolve("ours.wtns"));
        String out = Fixtures.snarkjs(dir, "wtns", "check", "ours.r1cs", "ours.wtns");
        assertTrue(out.contains("WITNESS IS CORRECT"), out);
    }

    /**
     * For a circuit whose domain is the ceremony's full size (2^8), setup takes H from section
     * 12's extra block (power 9): our reader finds the same points there.
     */
    @Test
    void freshSetupOfAFullSizeCircuitTakesHFromTheExtraBlock() throws Exception {
        Fixtures.snarkjsCli();
        copy("poseidon.r1cs");
        copy("pot8_final.ptau");
        Fixtures.snarkjs(dir, "groth16", "setup", "poseidon.r1cs", "pot8_final.ptau", "fresh.zkey");
        Zkey z = ZkeyFile.read(dir.resolve("fresh.zkey"));
        assertEquals(256, z.domainSize());
        try (PtauFile ptau = PtauFile.open(dir.resolve("pot8_final.ptau"))) {
            long[] doubled = ptau.lagrangeG1(9);
            long[] odd = new long[8 * 256];
            for (int i = 0; i < 256; i++) {
                System.arraycopy(doubled, 8 * (2 * i + 1), odd, 8 * i, 8);
            }
            assertArrayEquals(odd, z.h());
        }
        Path ours = dir.resolve("ours.zkey");
        ZkeyFile.write(z, ours);
        assertArrayEquals(Files.readAllBytes(dir.resolve("fresh.zkey")), Files.readAllBytes(ours));
    }
}
