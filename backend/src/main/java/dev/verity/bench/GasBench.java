package dev.verity.bench;

import dev.verity.contracts.Chain;
import dev.verity.contracts.HardhatNode;
import dev.verity.contracts.NodeTools;
import dev.verity.contracts.RegistryCalls;
import dev.verity.contracts.SolcJs;
import dev.verity.prover.groth16.DevSetup;
import dev.verity.prover.groth16.Prover;
import dev.verity.prover.groth16.VerificationKeys;
import dev.verity.prover.io.SnarkjsJson.Proof;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.io.ZkeyFile;
import dev.verity.prover.r1cs.Witness;
import dev.verity.prover.util.Progress;
import dev.verity.verifier.SolidityVerifier;
import dev.verity.verifier.VerifierCalls;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code verity bench gas}: on one local Hardhat chain, the gas of Verity's generated verifier
 * against the verifier {@code snarkjs zkey export solidityverifier} writes for the same key, and
 * the gas per proof of {@code verifyBatch}. Every figure is a mined transaction's gasUsed (the
 * 21,000 base and calldata included); "execution" leaves out that intrinsic part. Every measured
 * call is first checked to return true. Keys come from the (unsafe, bench-only) dev setup. Last,
 * the Registry's direct submissions against the bare verification they contain.
 */
public final class GasBench {
    private static final int G_TX = 21_000;

    private final NodeTools tools;
    private final Path dir;
    private final List<String> snarkjsCommand;
    private final PrintStream out;

    public GasBench(NodeTools tools, Path dir, List<String> snarkjsCommand, PrintStream out) {
        this.tools = tools;
        this.dir = dir;
        this.snarkjsCommand = snarkjsCommand;
        this.out = out;
    }

    public void run(List<Integer> inputCounts, List<Integer> batchSizes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int maxBatch = batchSizes.stream().mapToInt(Integer::intValue).max().orElse(1);
        try (HardhatNode node = HardhatNode.start(tools, dir.resolve("hardhat.log"));
                Chain chain = new Chain(node.url(), HardhatNode.DEV_KEY_0)) {
            out.println("# verity bench gas: Hardhat node (EVM osaka), solcjs --optimize --optimize-runs "
                    + SolcJs.OPTIMIZE_RUNS + "; gas = transaction gasUsed, execution = gasUsed - 21000 - calldata");
            List<String> batchRows = new ArrayList<>();
            out.printf("%n## verifyProof, one proof (snarkjs ABI)%n");
            out.printf("%-7s %14s %14s %8s %16s %16s%n", "inputs", "verity", "snarkjs", "saved", "verity compact",
                    "verity exec");
            for (int nPublic : inputCounts) {
                Key key = Key.make(nPublic, Math.max(maxBatch, 1));
                String verity = deploy(chain, key, false);
                String snarkjs = deploy(chain, key, true);
                VerifierCalls calls = new VerifierCalls(nPublic);
                byte[] call = calls.verifyProof(key.proofs.get(0), key.signals.get(0));
                long verityGas = measure(chain, verity, call);
                long snarkjsGas = measure(chain, snarkjs, call);
                long compactGas = measure(chain, verity, calls.verifyProofCompact(key.proofs.get(0), key.signals.get(0)));
                out.printf("%-7d %14d %14d %8d %16d %16d%n", nPublic, verityGas, snarkjsGas, snarkjsGas - verityGas,
                        compactGas, verityGas - intrinsic(call));
                for (int n : batchSizes) {
                    byte[] batch = calls.verifyBatch(key.proofs.subList(0, n), key.signals.subList(0, n));
                    long gas = measure(chain, verity, batch);
                    batchRows.add(String.format("%-7d %5d %12d %12d %16d", nPublic, n, gas, gas / n,
                            (gas - intrinsic(batch)) / n));
                }
            }
            out.printf("%n## verifyBatch (verity), n proofs of one key%n");
            out.printf("%-7s %5s %12s %12s %16s%n", "inputs", "n", "gas", "gas/proof", "exec gas/proof");
            batchRows.forEach(out::println);
            registrySubmission(chain);
        }
    }

    /**
     * Registry.submit and Registry.submitPacked of a model with public inputs [submitter, input
     * commitment, output] against the same proof sent to its verifier alone (the compact
     * {@code verifyProof(uint256[8], uint256[3])} the Registry calls): what recording a result costs
     * on top. Each submission records a fresh statement, so both pay for a new result slot.
     */
    private void registrySubmission(Chain chain) throws IOException, InterruptedException {
        PublicInputsCircuit circuit = PublicInputsCircuit.of(3);
        SecureRandom random = new SecureRandom();
        Zkey zkey = DevSetup.generate(circuit.constraints(), random, Progress.NONE);
        BigInteger submitter = new BigInteger(chain.address().substring(2), 16);
        List<List<BigInteger>> statements = new ArrayList<>();
        List<List<BigInteger>> proofs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            List<BigInteger> inputs = List.of(submitter, new BigInteger(250, random), new BigInteger(250, random));
            Witness witness = circuit.witness(inputs, new BigInteger(250, random));
            statements.add(inputs);
            proofs.add(VerifierCalls.proofWords(Prover.prove(zkey, witness, random, Progress.NONE)));
        }
        String verifier = deploy(chain, new Key(3, zkey, List.of(), List.of()), false);
        SolcJs.Artifact registry = new SolcJs(tools).compile(tools.home().resolve("contracts/src/main/solidity/Registry.sol"),
                "Registry", dir.resolve("solc-registry"));
        String address = chain.deploy(registry.bytecode(), RegistryCalls.constructorArguments(600, 300,
                BigInteger.TEN.pow(18), 5000, chain.address())).contractAddress();
        chain.send(address, RegistryCalls.registerModel(new byte[32], verifier, 3, 0, 1, 2), BigInteger.ZERO);
        out.printf("%n## Registry direct submission (records the result) vs the bare verifyProof(uint256[8], uint256[3])%n");
        out.printf("%-14s %14s %14s %10s%n", "call", "gas", "verifyProof", "overhead");
        for (int i = 0; i < 2; i++) {
            boolean packed = i == 1;
            List<BigInteger> proofWords = proofs.get(i);
            List<BigInteger> inputs = statements.get(i);
            long bare = measure(chain, verifier, new VerifierCalls(3).verifyProofWords(false, proofWords, inputs));
            byte[] call = packed ? RegistryCalls.submitPacked(1, proofWords, inputs)
                    : RegistryCalls.submit(1, proofWords, inputs);
            Chain.Receipt submitted = chain.send(address, call, BigInteger.ZERO);
            if (!submitted.success()) {
                throw new IllegalStateException("Registry." + (packed ? "submitPacked" : "submit") + " failed in "
                        + submitted.hash());
            }
            long gas = submitted.gasUsed().longValueExact();
            out.printf("%-14s %14d %14d %10d%n", packed ? "submitPacked" : "submit", gas, bare, gas - bare);
        }
    }

    /** A dev-setup key for a circuit with {@code nPublic} inputs and {@code count} proofs of random statements. */
    private record Key(int nPublic, Zkey zkey, List<Proof> proofs, List<long[]> signals) {
        static Key make(int nPublic, int count) {
            PublicInputsCircuit circuit = PublicInputsCircuit.of(nPublic);
            SecureRandom random = new SecureRandom();
            Zkey zkey = DevSetup.generate(circuit.constraints(), random, Progress.NONE);
            List<Proof> proofs = new ArrayList<>();
            List<long[]> signals = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Witness witness = circuit.randomWitness(random);
                proofs.add(Prover.prove(zkey, witness, random, Progress.NONE));
                signals.add(witness.publicSignals(nPublic));
            }
            return new Key(nPublic, zkey, proofs, signals);
        }
    }

    private String deploy(Chain chain, Key key, boolean snarkjs) throws IOException, InterruptedException {
        String name = (snarkjs ? "SnarkjsVerifier" : "VerityVerifier") + key.nPublic();
        Path source = dir.resolve(name + ".sol");
        if (snarkjs) {
            Path zkey = dir.resolve("gas-" + key.nPublic() + ".zkey");
            ZkeyFile.write(key.zkey(), zkey);
            runSnarkjs("zkey", "export", "solidityverifier", zkey.toString(), source.toString());
        } else {
            Files.writeString(source, SolidityVerifier.source(VerificationKeys.of(key.zkey())), StandardCharsets.UTF_8);
        }
        SolcJs.Artifact artifact = new SolcJs(tools).compile(source, SolidityVerifier.CONTRACT_NAME,
                dir.resolve("solc-" + name));
        return chain.deploy(artifact.bytecode()).contractAddress();
    }

    /** Checks that the call returns true, then mines it as a transaction and returns its gasUsed. */
    private static long measure(Chain chain, String verifier, byte[] call) throws IOException {
        Chain.CallResult result = chain.call(verifier, call);
        if (!result.isTrue()) {
            throw new IllegalStateException("the verifier at " + verifier + " did not accept a valid call"
                    + (result.reverted() ? " (reverted: " + result.error() + ")" : ""));
        }
        Chain.Receipt receipt = chain.send(verifier, call, BigInteger.ZERO);
        if (!receipt.success()) {
            throw new IllegalStateException("transaction " + receipt.hash() + " failed");
        }
        return receipt.gasUsed().longValueExact();
    }

    /** The 21,000 base plus calldata at 4 gas per zero byte and 16 per other byte. */
    static long intrinsic(byte[] data) {
        long gas = G_TX;
        for (byte b : data) {
            gas += b == 0 ? 4 : 16;
        }
        return gas;
    }

    private void runSnarkjs(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(snarkjsCommand);
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("snarkjs " + String.join(" ", args) + " failed:\n" + output.strip());
        }
    }
}
