package dev.verity.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed command leaves nothing behind: no output file, no partial file, no temporary file. */
class CliOutputsTest {
    /** Offset of wire 3 (multiplier's private input) in the .wtns: 76 header bytes, 32 bytes a value. */
    private static final int WIRE_3 = 76 + 3 * 32;

    @TempDir
    Path dir;

    private Set<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void failedProofWritesNothing() throws IOException {
        Path zkey = CliFiles.copy(dir, "multiplier.zkey");
        Path wtns = CliFiles.patched(dir, "multiplier.wtns", "bad.wtns", b -> b[WIRE_3] ^= 1);
        Set<String> before = files();
        CliResult.run("groth16", "prove", zkey, wtns, dir.resolve("proof.json"), dir.resolve("public.json"))
                .assertBadInput(wtns, "does not satisfy");
        assertEquals(before, files());
    }

    @Test
    void failedProofKeepsEarlierOutputsUnchanged() throws IOException {
        Path proof = CliFiles.write(dir, "proof.json", "earlier proof");
        Path publicJson = CliFiles.write(dir, "public.json", "earlier signals");
        Path zkey = CliFiles.copy(dir, "multiplier.zkey");
        Path wtns = CliFiles.copy(dir, "many_public.wtns");
        CliResult.run("groth16", "prove", zkey, wtns, proof, publicJson).assertBadInput(wtns, "66 values");
        assertEquals("earlier proof", Files.readString(proof));
        assertEquals("earlier signals", Files.readString(publicJson));
        assertEquals(Set.of("proof.json", "public.json", "multiplier.zkey", "many_public.wtns"), files());
    }

    /** The proof is made, but public.json cannot be written: proof.json must not appear alone. */
    @Test
    void unwritablePublicJsonLeavesNoProof() throws IOException {
        Path publicJson = Files.createDirectory(dir.resolve("public.json"));
        Path zkey = CliFiles.copy(dir, "multiplier.zkey");
        Path wtns = CliFiles.copy(dir, "multiplier.wtns");
        Set<String> before = files();
        CliResult.run("groth16", "prove", zkey, wtns, dir.resolve("proof.json"), publicJson)
                .assertBadInput(publicJson, "cannot write public signals", "directory");
        assertEquals(before, files());
    }

    @Test
    void successfulProofReplacesEarlierOutputsAndLeavesNoTemporaryFile() throws IOException {
        Path proof = CliFiles.write(dir, "proof.json", "earlier proof");
        Path publicJson = dir.resolve("public.json");
        CliResult.run("groth16", "prove", CliFiles.copy(dir, "multiplier.zkey"), CliFiles.copy(dir, "multiplier.wtns"),
                proof, publicJson).assertOk();
        assertEquals(CliFiles.text("multiplier.public.json"), Files.readString(publicJson));
        assertFalse(Files.readString(proof).contains("earlier"));
        assertEquals(Set.of("proof.json", "public.json", "multiplier.zkey", "multiplier.wtns"), files());
    }

    @Test
    void failedSetupWritesNoKey() throws IOException {
        Path ptau = CliFiles.truncated(dir, "pot8_final.ptau", 200_000);
        Path r1cs = CliFiles.copy(dir, "multiplier.r1cs");
        Set<String> before = files();
        CliResult.run("groth16", "setup", r1cs, ptau, dir.resolve("multiplier.zkey")).assertBadInput(ptau, "truncated");
        assertEquals(before, files());
    }

    @Test
    void failedExportWritesNoVerificationKey() throws IOException {
        Path zkey = CliFiles.truncated(dir, "multiplier.zkey", 2000);
        Set<String> before = files();
        CliResult.run("zkey", "export", "verificationkey", zkey, dir.resolve("vk.json")).assertBadInput(zkey, "truncated");
        assertEquals(before, files());
    }

    @Test
    void outputDirectoriesAreCreated() throws IOException {
        Path key = dir.resolve("a/b/multiplier.zkey");
        CliResult.run("groth16", "setup", CliFiles.copy(dir, "multiplier.r1cs"), CliFiles.copy(dir, "pot8_final.ptau"), key)
                .assertOk();
        assertArrayEquals(CliFiles.bytes("multiplier_0000.zkey"), Files.readAllBytes(key));
        try (Stream<Path> s = Files.list(key.getParent())) {
            assertEquals(List.of(key), s.toList());
        }
    }
}
