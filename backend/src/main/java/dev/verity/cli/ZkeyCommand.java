package dev.verity.cli;

import dev.verity.prover.io.SnarkjsJson.Proof;
import dev.verity.prover.io.SnarkjsJson.VerificationKey;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.groth16.VerificationKeys;
import dev.verity.prover.io.Calldata;
import dev.verity.prover.io.SnarkjsJson;
import dev.verity.prover.io.ZkeyFile;
import dev.verity.verifier.SolidityVerifier;
import dev.verity.verifier.VerificationKeyFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "zkey", description = "Proving key tools.", subcommands = ZkeyCommand.Export.class)
final class ZkeyCommand {

    @Command(name = "export", description = "Export parts of a proving key.",
            subcommands = {Export.VerificationKeyCmd.class, Export.SolidityVerifierCmd.class, Export.CalldataCmd.class})
    static final class Export {

        @Command(name = "verificationkey", description = "Write the verification key of a .zkey as snarkjs' JSON.")
        static final class VerificationKeyCmd implements Callable<Integer> {
            @Parameters(index = "0", paramLabel = "<circuit.zkey>") Path zkey;
            @Parameters(index = "1", paramLabel = "<verification_key.json>") Path vkJson;

            @Override
            public Integer call() {
                Zkey key = Inputs.read(zkey, "proving key (.zkey)", ZkeyFile::read);
                VerificationKey vk = VerificationKeys.of(key);
                Inputs.write(vkJson, "verification key", p -> SnarkjsJson.writeVerificationKey(vk, p));
                return VerityCli.EXIT_OK;
            }
        }

        @Command(name = "solidityverifier", description = {
                "Write a Solidity Groth16 verifier for a .zkey or a snarkjs verification_key.json:",
                "verifyProof with snarkjs' ABI, a compact verifyProof(uint256[8], uint256[N]) and verifyBatch."})
        static final class SolidityVerifierCmd implements Callable<Integer> {
            @Parameters(index = "0", paramLabel = "<circuit.zkey|verification_key.json>") Path key;
            @Parameters(index = "1", paramLabel = "<Verifier.sol>") Path solidity;

            @Override
            public Integer call() {
                VerificationKey vk = Inputs.read(key, "proving key (.zkey) or verification key (JSON)",
                        VerificationKeyFiles::read);
                String source;
                try {
                    source = SolidityVerifier.source(vk);
                } catch (IllegalArgumentException e) {
                    throw new CliException(key + ": " + e.getMessage(), e);
                }
                Inputs.write(solidity, "Solidity verifier", p -> Files.writeString(p, source, StandardCharsets.UTF_8));
                return VerityCli.EXIT_OK;
            }
        }

        @Command(name = "soliditycalldata", description = "Print a proof and its public signals as Solidity calldata.")
        static final class CalldataCmd implements Callable<Integer> {
            @Spec CommandSpec spec;
            @Parameters(index = "0", paramLabel = "<public.json>") Path publicJson;
            @Parameters(index = "1", paramLabel = "<proof.json>") Path proofJson;

            @Override
            public Integer call() {
                long[] signals = Inputs.read(publicJson, "public signals (JSON)", SnarkjsJson::readPublicSignals);
                Proof proof = Inputs.read(proofJson, "proof (JSON)", SnarkjsJson::readProof);
                spec.commandLine().getOut().println(Calldata.groth16(proof, signals));
                return VerityCli.EXIT_OK;
            }
        }
    }
}
