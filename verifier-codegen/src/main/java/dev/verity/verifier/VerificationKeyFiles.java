package dev.verity.verifier;

import dev.verity.prover.groth16.VerificationKeys;
import dev.verity.prover.io.SnarkjsJson;
import dev.verity.prover.io.SnarkjsJson.VerificationKey;
import dev.verity.prover.io.ZkeyFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads a verification key from a Groth16 {@code .zkey} or from snarkjs' {@code verification_key.json}. */
public final class VerificationKeyFiles {
    private static final byte[] ZKEY_MAGIC = "zkey".getBytes(StandardCharsets.US_ASCII);

    private VerificationKeyFiles() {
    }

    /** Tells the two formats apart by the zkey magic bytes, not by the file name. */
    public static VerificationKey read(Path path) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(ZKEY_MAGIC.length);
        }
        if (Arrays.equals(head, ZKEY_MAGIC)) {
            return VerificationKeys.of(ZkeyFile.read(path));
        }
        return SnarkjsJson.readVerificationKey(path);
    }
}
