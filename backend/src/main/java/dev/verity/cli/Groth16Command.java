package dev.verity.cli;

import dev.verity.prover.curve.G2;
import dev.verity.prover.field.Simd;
import dev.verity.prover.groth16.DevSetup;
import dev.verity.prover.groth16.InvalidWitnessException;
import dev.verity.prover.io.SnarkjsJson.Proof;
import dev.verity.prover.msm.Msm;
import dev.verity.prover.groth16.Prover;
import dev.verity.prover.groth16.Setup;
import dev.verity.prover.io.SnarkjsJson.VerificationKey;
import dev.verity.prover.groth16.Verifier;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.io.FormatException;
import dev.verity.prover.io.PtauFile;
import dev.verity.prover.io.R1csFile;
import dev.verity.prover.io.SnarkjsJson;
import dev.verity.prover.io.WtnsFile;
import dev.verity.prover.io.ZkeyFile;
import dev.verity.prover.r1cs.ConstraintSystem;
import dev.verity.prover.r1cs.Witness;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "groth16", description = "Groth16 setup, prove and verify (snarkjs' argument order).",
        subcommands = {Groth16Command.SetupCmd.class, Groth16Command.DevSetupCmd.class,
                Groth16Command.ProveCmd.class, Groth16Command.VerifyCmd.class})
final class Groth16Command {

    @Command(name = "setup", description = "Make a proving key (.zkey) from a circuit and a prepared Powers of Tau file.")
    static final class SetupCmd implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<circuit.r1cs>") Path r1cs;
        @Parameters(index = "1", paramLabel = "<pot.ptau>") Path ptau;
        @Parameters(index = "2", paramLabel = "<circuit.zkey>") Path zkey;

        @Override
        public Integer call() throws Exception {
            StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
            progress.begin("reading " + r1cs);
            ConstraintSystem cs = Inputs.read(r1cs, "circuit (.r1cs)", R1csFile::read);
            Zkey key;
            try (PtauFile tau = Inputs.read(ptau, "Powers of Tau file (.ptau)", PtauFile::open)) {
                key = Inputs.read(ptau, "Powers of Tau file (.ptau)", p -> Setup.fromPtau(cs, tau, progress));
            }
            progress.begin("writing " + zkey);
            Inputs.write(zkey, "proving key", p -> ZkeyFile.write(key, p));
            progress.finish();
            spec.commandLine().getErr().println("[verity] circuit hash " + java.util.HexFormat.of().formatHex(key.csHash()));
            return VerityCli.EXIT_OK;
        }
    }

    @Command(name = "devsetup", description = {
            "UNSAFE: make a proving key from locally drawn toxic waste, for development and benchmarks only.",
            "Whoever has this machine's memory could forge proofs; use 'groth16 setup' with a ceremony's .ptau for real keys."})
    static final class DevSetupCmd implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<circuit.r1cs>") Path r1cs;
        @Parameters(index = "1", paramLabel = "<circuit.zkey>") Path zkey;

        @Override
        public Integer call() {
            spec.commandLine().getErr().println("[verity] WARNING: devsetup makes an UNSAFE key (local toxic waste); never use it for real proofs");
            StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
            progress.begin("reading " + r1cs);
            ConstraintSystem cs = Inputs.read(r1cs, "circuit (.r1cs)", R1csFile::read);
            Zkey key = DevSetup.generate(cs, new SecureRandom(), progress);
            progress.begin("writing " + zkey);
            Inputs.write(zkey, "proving key", p -> ZkeyFile.write(key, p));
            progress.finish();
            return VerityCli.EXIT_OK;
        }
    }

    @Command(name = "prove", description = "Prove with a .zkey and a witness (.wtns); writes proof.json and public.json.")
    static final class ProveCmd implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<circuit.zkey>") Path zkey;
        @Parameters(index = "1", paramLabel = "<witness.wtns>") Path wtns;
        @Parameters(index = "2", paramLabel = "<proof.json>") Path proofJson;
        @Parameters(index = "3", paramLabel = "<public.json>") Path publicJson;

        @Override
        public Integer call() {
            StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
            progress.begin("reading " + zkey);
            // the lane kernels compile while the rest of the key loads, on the core that reading leaves idle
            Zkey key = Inputs.read(zkey, "proving key (.zkey)", path -> ZkeyFile.read(path, domainSize -> {
                if (Msm.usesSimd(domainSize)) {
                    Simd.warmUpInBackground();
                }
            }));
            progress.begin("reading " + wtns);
            Witness witness = Inputs.read(wtns, "witness (.wtns)", WtnsFile::read);
            if (witness.size() != key.nVars()) {
                throw new CliException(wtns + ": the witness has " + witness.size() + " values but " + zkey
                        + " is for a circuit of " + key.nVars() + " wires (another circuit's witness?)");
            }
            Proof proof;
            try {
                proof = Prover.prove(key, witness, new SecureRandom(), progress);
            } catch (InvalidWitnessException e) {
                // the prover's self-check cannot tell a bad witness from a damaged key
                throw new CliException(wtns + ": the proof made from this witness with " + zkey
                        + " fails verification: the witness does not satisfy the key's circuit (or the key is corrupt)", e);
            } catch (IllegalArgumentException e) {
                // the witness was checked when read: a malformed result comes from the key's points
                throw new CliException(zkey + ": corrupt proving key: the proof computed from it is malformed ("
                        + e.getMessage() + ")", e);
            }
            long[] publicSignals = witness.publicSignals(key.nPublic());
            Inputs.writeAll(
                    new Inputs.Output(proofJson, "proof", p -> SnarkjsJson.writeProof(proof, p)),
                    new Inputs.Output(publicJson, "public signals", p -> SnarkjsJson.writePublicSignals(publicSignals, p)));
            progress.finish();
            return VerityCli.EXIT_OK;
        }
    }

    @Command(name = "verify", description = "Verify a proof; exit code 0 if valid, 1 if not.")
    static final class VerifyCmd implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<verification_key.json>") Path vkJson;
        @Parameters(index = "1", paramLabel = "<public.json>") Path publicJson;
        @Parameters(index = "2", paramLabel = "<proof.json>") Path proofJson;

        @Override
        public Integer call() {
            VerificationKey vk = Inputs.read(vkJson, "verification key (JSON)",
                    p -> requireG2Subgroup(SnarkjsJson.readVerificationKey(p), p));
            long[] signals = Inputs.read(publicJson, "public signals (JSON)", SnarkjsJson::readPublicSignals);
            Proof proof = Inputs.read(proofJson, "proof (JSON)", p -> requireG2Subgroup(SnarkjsJson.readProof(p), p));
            if (signals.length / 4 != vk.nPublic()) {
                throw new CliException(publicJson + ": " + signals.length / 4 + " public signals but " + vkJson
                        + " expects " + vk.nPublic());
            }
            if (Verifier.verify(vk, signals, proof)) {
                spec.commandLine().getOut().println("OK: the proof is valid");
                return VerityCli.EXIT_OK;
            }
            spec.commandLine().getOut().println("INVALID: the proof does not verify for these public signals and key");
            return VerityCli.EXIT_INVALID_PROOF;
        }

        /*
         * The JSON readers check that points are on their curves; the verifier also rejects G2
         * points outside the order-r subgroup, but by then it cannot tell which file held them.
         * Checking here lets the report name the file.
         */
        private static VerificationKey requireG2Subgroup(VerificationKey vk, Path file) throws FormatException {
            requireG2Subgroup(vk.beta2(), "vk_beta_2", file);
            requireG2Subgroup(vk.gamma2(), "vk_gamma_2", file);
            requireG2Subgroup(vk.delta2(), "vk_delta_2", file);
            return vk;
        }

        private static Proof requireG2Subgroup(Proof proof, Path file) throws FormatException {
            requireG2Subgroup(proof.b(), "pi_b", file);
            return proof;
        }

        private static void requireG2Subgroup(long[] point, String name, Path file) throws FormatException {
            if (!G2.isInSubgroup(point, 0)) {
                throw new FormatException(file, name + " is on the twist curve but not in the subgroup of order r");
            }
        }
    }
}
