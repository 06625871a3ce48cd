package dev.verity.chain;

import static dev.verity.chain.ChainAssertions.assertReverts;
import static dev.verity.chain.ChainAssertions.with;
import static dev.verity.chain.ChainAssertions.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.contracts.Chain;
import dev.verity.contracts.RegistryCalls;
import dev.verity.contracts.SolcJs;
import dev.verity.prover.groth16.DevSetup;
import dev.verity.prover.groth16.Prover;
import dev.verity.prover.groth16.VerificationKeys;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.r1cs.Circuit;
import dev.verity.prover.util.Progress;
import dev.verity.prover.zkml.DenseLayer;
import dev.verity.prover.zkml.ModelCircuit;
import dev.verity.prover.zkml.ModelCommitment;
import dev.verity.prover.zkml.QuantizedMlp;
import dev.verity.verifier.SolidityVerifier;
import dev.verity.verifier.VerifierCalls;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models with private weights on chain: one key and one generated verifier serve two models of one
 * architecture (the circuit depends only on the shape), so the Registry tells them apart by the
 * weights commitment each proof carries. A proof of model B is refused as model A's result and
 * recorded as model B's.
 *
 * <p>Public signals (see ModelCircuit): {@code [input commitment, model commitment, class, logit_0
 * .. logit_2, address]}.
 */
class CommittedModelRegistryTest {
    private static final int N_PUBLIC = 7;
    private static final int INPUT = 0;
    private static final int WEIGHTS = 1;
    private static final int CLASS = 2;
    private static final int SUBMITTER = 6;

    @TempDir
    Path dir;

    private static QuantizedMlp model(long seed) {
        Random rnd = new Random(seed);
        return new QuantizedMlp(16, List.of(layer(rnd, 16, 5, 6, true), layer(rnd, 5, 3, 0, false)));
    }

    private static DenseLayer layer(Random rnd, int in, int out, int shift, boolean relu) {
        long[] w = new long[in * out];
        for (int k = 0; k < w.length; k++) {
            w[k] = rnd.nextInt(255) - 127;
        }
        long[] b = new long[out];
        for (int j = 0; j < out; j++) {
            b[j] = rnd.nextInt(2001) - 1000;
        }
        return new DenseLayer(in, out, w, b, shift, relu);
    }

    @Test
    void registryBindsEachProofToItsModelsWeightsCommitment() throws Exception {
        QuantizedMlp a = model(1);
        QuantizedMlp b = model(2);
        SecureRandom random = new SecureRandom();
        BigInteger saltA = new BigInteger(250, random);
        BigInteger saltB = new BigInteger(250, random);
        int[] pixels = new int[16];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = 16 * i;
        }
        try (LocalChain chain = LocalChain.start("committed");
                Chain operator = RegistryDeployment.account(chain, RegistryDeployment.OPERATOR_KEY)) {
            BigInteger submitter = new BigInteger(operator.address().substring(2), 16);
            Circuit circuitA = build(a, pixels, BigInteger.ONE, submitter, saltA);
            Circuit circuitB = build(b, pixels, BigInteger.TWO, submitter, saltB);
            Zkey zkey = DevSetup.generate(circuitA.cs(), random, Progress.NONE);
            List<BigInteger> proofA = VerifierCalls.proofWords(Prover.prove(zkey, circuitA.witness(), random,
                    Progress.NONE));
            List<BigInteger> proofB = VerifierCalls.proofWords(Prover.prove(zkey, circuitB.witness(), random,
                    Progress.NONE));
            List<BigInteger> signalsA = circuitA.publicSignals();
            List<BigInteger> signalsB = circuitB.publicSignals();
            BigInteger weightsA = ModelCommitment.commit(a, saltA);
            BigInteger weightsB = ModelCommitment.commit(b, saltB);
            assertEquals(weightsA, signalsA.get(WEIGHTS));
            assertEquals(weightsB, signalsB.get(WEIGHTS));
            assertNotEquals(weightsA, weightsB);

            Path source = dir.resolve("Verifier.sol");
            Files.writeString(source, SolidityVerifier.source(VerificationKeys.of(zkey)), StandardCharsets.UTF_8);
            SolcJs.Artifact artifact = chain.solc().compile(source, SolidityVerifier.CONTRACT_NAME, dir.resolve("solc-v"));
            String verifier = chain.deployer.deploy(artifact.bytecode()).contractAddress();
            VerifierCalls calls = new VerifierCalls(N_PUBLIC);
            assertTrue(chain.deployer.call(verifier, calls.verifyProofWords(false, proofA, signalsA)).isTrue());
            assertTrue(chain.deployer.call(verifier, calls.verifyProofWords(false, proofB, signalsB)).isTrue(),
                    "one key verifies both models' proofs");

            String registry = new RegistryDeployment(chain, dir.resolve("solc-registry")).deploy(chain.deployer.address());
            for (BigInteger weights : List.of(weightsA, weightsB)) {
                assertTrue(chain.deployer.send(registry, RegistryCalls.registerCommittedModel(weights, verifier,
                        N_PUBLIC, SUBMITTER, INPUT, CLASS, WEIGHTS), BigInteger.ZERO).success());
            }
            // model B's valid proof presented as model A's result
            assertReverts(operator.call(registry, RegistryCalls.submitPacked(1, proofB, signalsB)),
                    "WeightsMismatch(uint256,uint256)");
            assertReverts(operator.call(registry, RegistryCalls.submit(1, proofB, signalsB)),
                    "WeightsMismatch(uint256,uint256)");
            // or with model A's commitment written in: the proof no longer verifies
            assertReverts(operator.call(registry, RegistryCalls.submitPacked(1, proofB,
                    with(signalsB, WEIGHTS, weightsA))), "InvalidProof()");

            assertTrue(operator.send(registry, RegistryCalls.submitPacked(1, proofA, signalsA), BigInteger.ZERO)
                    .success());
            assertTrue(operator.send(registry, RegistryCalls.submit(2, proofB, signalsB), BigInteger.ZERO).success());
            assertEquals(List.of(BigInteger.ONE, signalsA.get(CLASS)), words(operator.call(registry,
                    RegistryCalls.resultOf(1, signalsA.get(INPUT)))));
            assertEquals(List.of(BigInteger.ONE, signalsB.get(CLASS)), words(operator.call(registry,
                    RegistryCalls.resultOf(2, signalsB.get(INPUT)))));
        }
    }

    private static Circuit build(QuantizedMlp model, int[] pixels, BigInteger blinding, BigInteger submitter,
            BigInteger salt) {
        Circuit c = ModelCircuit.build(model, pixels, blinding, submitter, ModelCircuit.Outputs.CLASS_AND_LOGITS,
                ModelCircuit.Weights.committed(salt)).circuit();
        assertEquals(-1, c.cs().firstUnsatisfied(c.witness()));
        assertEquals(N_PUBLIC, c.publicSignals().size());
        return c;
    }
}
