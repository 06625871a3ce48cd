package dev.verity.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verity zkey export solidityverifier}; the contract itself is tested on a chain in chain-tests. */
class CliSolidityVerifierTest {
    @TempDir
    Path dir;

    @Test
    void zkeyAndVerificationKeyJsonGiveTheSameContract() throws IOException {
        Path fromZkey = dir.resolve("FromZkey.sol");
        Path fromJson = dir.resolve("FromJson.sol");
        CliResult.run("zkey", "export", "solidityverifier", CliFiles.copy(dir, "many_public.zkey"), fromZkey).assertOk();
        CliResult.run("zkey", "export", "solidityverifier", CliFiles.copy(dir, "many_public.vkey.json"), fromJson)
                .assertOk();
        String source = Files.readString(fromZkey);
        assertEquals(source, Files.readString(fromJson));
        assertTrue(source.contains("contract Groth16Verifier"));
        assertTrue(source.contains("uint256[17] calldata input"));
    }

    @Test
    void aFileThatIsNoKeyIsBadInputAndWritesNothing() throws IOException {
        Path proof = CliFiles.copy(dir, "multiplier.proof.json");
        Path out = dir.resolve("Verifier.sol");
        CliResult.run("zkey", "export", "solidityverifier", proof, out).assertBadInput(proof, "missing \"nPublic\"");
        assertFalse(Files.exists(out));
    }
}
