package dev.verity.cli;

import dev.verity.prover.groth16.DevSetup;
import dev.verity.prover.groth16.Setup;
import dev.verity.prover.groth16.VerificationKeys;
import dev.verity.prover.io.PtauFile;
import dev.verity.prover.io.SnarkjsJson;
import dev.verity.prover.io.SnarkjsJson.VerificationKey;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.io.ZkeyFile;
import dev.verity.prover.r1cs.ConstraintSystem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The proving and verification keys of a model, cached next to the model file:
 * {@code <model>.<hash>.<variant><setup>.zkey} and {@code <model>.<hash>.<variant><setup>.vkey.json}
 * (variant names the statement when it is not the default: {@code public-input.},
 * {@code class-only.}), where hash is the
 * first 16 hex digits of the model file's SHA-256 (a changed model never meets a stale key) and
 * setup is {@code ptau} (made from a Powers of Tau file) or {@code dev} (UNSAFE local toxic
 * waste, for development). A ptau key, once made, is the one used from then on.
 */
final class ModelKeys {
    enum Kind {
        PTAU, DEV;

        String suffix() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Path model;
    private final String stem;

    ModelKeys(Path model, String variant) {
        this.model = model;
        this.stem = model.getFileName() + "." + Inputs.read(model, "quantized model", ModelKeys::sha256Prefix)
                + "." + variant;
    }

    Path zkey(Kind kind) {
        return model.resolveSibling(stem + kind.suffix() + ".zkey");
    }

    Path vkey(Kind kind) {
        return model.resolveSibling(stem + kind.suffix() + ".vkey.json");
    }

    /** The kind of key to use when none is asked for: ptau if one was made, else dev. */
    Kind existing() {
        return Files.exists(zkey(Kind.PTAU)) ? Kind.PTAU : Kind.DEV;
    }

    /**
     * The proving key, read from the cache or made now (and cached with its verification key):
     * from {@code ptau} when given, else the ptau key if cached, else a dev key.
     */
    Zkey provingKey(ConstraintSystem cs, Path ptau, StderrProgress progress, PrintWriter err) {
        Kind kind = ptau != null ? Kind.PTAU : existing();
        Path zkey = zkey(kind);
        if (kind == Kind.DEV) {
            err.println("[verity] WARNING: using a dev key (UNSAFE local toxic waste, for development only); "
                    + "pass --ptau <file> for a key from a Powers of Tau ceremony");
        }
        if (Files.exists(zkey)) {
            err.println("[verity] using the cached " + kind.suffix() + " proving key " + zkey);
            progress.begin("reading " + zkey);
            return Inputs.read(zkey, "proving key (.zkey)", ZkeyFile::read);
        }
        err.println("[verity] no proving key for this model yet: making " + zkey + " (" + kind.suffix() + " setup)");
        Zkey key;
        if (kind == Kind.PTAU) {
            try (PtauFile tau = Inputs.read(ptau, "Powers of Tau file (.ptau)", PtauFile::open)) {
                key = Inputs.read(ptau, "Powers of Tau file (.ptau)", p -> Setup.fromPtau(cs, tau, progress));
            } catch (IOException e) {
                throw new CliException(ptau + ": " + e.getMessage(), e);
            }
        } else {
            key = DevSetup.generate(cs, new SecureRandom(), progress);
        }
        VerificationKey vk = VerificationKeys.of(key);
        progress.begin("writing " + zkey);
        Inputs.writeAll(new Inputs.Output(zkey, "proving key", p -> ZkeyFile.write(key, p)),
                new Inputs.Output(vkey(kind), "verification key", p -> SnarkjsJson.writeVerificationKey(vk, p)));
        return key;
    }

    private static String sha256Prefix(Path file) throws IOException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
