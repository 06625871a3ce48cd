package dev.verity.cli;

import dev.verity.prover.groth16.BatchVerifier;
import dev.verity.prover.groth16.Prover;
import dev.verity.prover.groth16.Setup;
import dev.verity.prover.groth16.VerificationKeys;
import dev.verity.prover.groth16.Verifier;
import dev.verity.prover.io.Calldata;
import dev.verity.prover.io.PtauFile;
import dev.verity.prover.io.R1csFile;
import dev.verity.prover.io.SnarkjsJson;
import dev.verity.prover.io.SnarkjsJson.Proof;
import dev.verity.prover.io.SnarkjsJson.VerificationKey;
import dev.verity.prover.io.WtnsFile;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.io.ZkeyFile;
import dev.verity.prover.r1cs.ConstraintSystem;
import dev.verity.prover.r1cs.Witness;
import dev.verity.prover.util.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job on embedded defaults: a circom-compiled Poseidon circuit goes through setup from a
 * Powers of Tau file, proving, verification and batch verification, writing the same files
 * snarkjs would into a data directory.
 */
@Command(name = "demo", description = "Run the whole Groth16 pipeline on an embedded circom circuit (Poseidon).")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--dir", defaultValue = "verity-data/demo", description = "output directory (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--batch", defaultValue = "8", description = "proofs in the batch verification (default: ${DEFAULT-VALUE})")
    int batch;

    @Override
    public Integer call() throws IOException {
        if (batch < 1) {
            throw new CliException("--batch must be at least 1");
        }
        Files.createDirectories(dir);
        Path r1cs = extract("poseidon.r1cs");
        Path wtns = extract("poseidon.wtns");
        Path ptau = extract("pot8_final.ptau");
        SecureRandom random = new SecureRandom();

        ConstraintSystem cs = R1csFile.read(r1cs);
        System.out.printf("circuit   %s: %d constraints, %d wires, %d public signals (circomlib Poseidon(2), compiled by circom)%n",
                r1cs, cs.nConstraints(), cs.nWires(), cs.nPublic());
        long t = System.nanoTime();
        Zkey key;
        try (PtauFile tau = PtauFile.open(ptau)) {
            key = Setup.fromPtau(cs, tau, Progress.NONE);
        }
        Path zkey = dir.resolve("poseidon.zkey");
        ZkeyFile.write(key, zkey);
        System.out.printf("setup     %s from %s (demo ceremony) in %.2f s%n", zkey, ptau, seconds(t));

        VerificationKey vk = VerificationKeys.of(key);
        Path vkJson = dir.resolve("verification_key.json");
        SnarkjsJson.writeVerificationKey(vk, vkJson);
        System.out.println("vkey      " + vkJson);

        Witness witness = WtnsFile.read(wtns);
        t = System.nanoTime();
        Proof proof = Prover.prove(key, witness, random, Progress.NONE);
        long[] signals = witness.publicSignals(key.nPublic());
        SnarkjsJson.writeProof(proof, dir.resolve("proof.json"));
        SnarkjsJson.writePublicSignals(signals, dir.resolve("public.json"));
        System.out.printf("prove     %s, %s in %.2f s (cold JVM)%n", dir.resolve("proof.json"), dir.resolve("public.json"),
                seconds(t));

        t = System.nanoTime();
        boolean valid = Verifier.verify(vk, signals, proof);
        System.out.printf("verify    %s in %.1f ms%n", valid ? "OK" : "INVALID", (System.nanoTime() - t) / 1e6);

        List<Proof> proofs = new ArrayList<>();
        List<long[]> publics = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            proofs.add(Prover.prove(key, witness, random, Progress.NONE));
            publics.add(signals);
        }
        t = System.nanoTime();
        boolean batchValid = BatchVerifier.verify(vk, publics, proofs, random);
        System.out.printf("batch     %d proofs verified together (%d pairings instead of %d): %s in %.1f ms%n", batch,
                batch + 3, 4 * batch, batchValid ? "OK" : "INVALID", (System.nanoTime() - t) / 1e6);
        System.out.println("calldata  " + Calldata.groth16(proof, signals).replace("\n", ""));
        System.out.println("check with snarkjs: snarkjs groth16 verify " + vkJson + " " + dir.resolve("public.json") + " "
                + dir.resolve("proof.json"));
        return valid && batchValid ? VerityCli.EXIT_OK : VerityCli.EXIT_INVALID_PROOF;
    }

    private Path extract(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo resource " + name + " missing from the jar");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
