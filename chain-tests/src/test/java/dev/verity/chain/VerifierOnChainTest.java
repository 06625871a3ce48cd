package dev.verity.chain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.contracts.Chain.CallResult;
import dev.verity.prover.curve.G1;
import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fr;
import dev.verity.verifier.VerifierCalls;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated verifiers on a Hardhat chain with proofs made by Verity's prover: good proofs pass in
 * all three entry points, and every kind of bad input is refused (returns false, or reverts for a
 * malformed batch), never accepted. The verifier snarkjs generates for the same key is the
 * reference for single proofs: it must agree, and Verity's must not use more gas.
 */
class VerifierOnChainTest {
    private static final BigInteger P = Fp.MODULUS;
    private static final BigInteger R = Fr.MODULUS;
    private static final int PROOFS = 5;

    private static LocalChain chain;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startChain() throws Exception {
        chain = LocalChain.start("verifier");
    }

    @AfterAll
    static void stopChain() throws Exception {
        if (chain != null) {
            chain.close();
        }
    }

    /** A key's circuit and proofs with both verifiers deployed, shared by the tests of one input count. */
    private record Deployed(ProvedCircuit circuit, DeployedVerifier verity, DeployedVerifier snarkjs) {
    }

    private static final Map<Integer, Deployed> DEPLOYED = new HashMap<>();

    private static Deployed deployed(int nPublic) throws Exception {
        Deployed d = DEPLOYED.get(nPublic);
        if (d == null) {
            ProvedCircuit circuit = ProvedCircuit.make(nPublic, PROOFS, new Random(nPublic));
            d = new Deployed(circuit, DeployedVerifier.verity(chain, circuit, dir),
                    DeployedVerifier.snarkjs(chain, circuit, dir));
            DEPLOYED.put(nPublic, d);
        }
        return d;
    }

    @ParameterizedTest(name = "{0} public inputs")
    @ValueSource(ints = {1, 4, 16})
    void verifierAcceptsGoodProofsRejectsBadOnesAndAgreesWithSnarkjs(int nPublic) throws Exception {
        Deployed deployed = deployed(nPublic);
        ProvedCircuit circuit = deployed.circuit();
        DeployedVerifier verity = deployed.verity();
        DeployedVerifier snarkjs = deployed.snarkjs();
        VerifierCalls calls = new VerifierCalls(nPublic);
        Single single = new Single(calls, verity.address(), snarkjs.address());

        for (int i = 0; i < PROOFS; i++) {
            List<BigInteger> proof = VerifierCalls.proofWords(circuit.proofs().get(i));
            List<BigInteger> inputs = VerifierCalls.signalWords(circuit.signals().get(i));
            single.expect(true, "good proof " + i, proof, inputs);
        }
        List<BigInteger> proof = VerifierCalls.proofWords(circuit.proofs().get(0));
        List<BigInteger> inputs = VerifierCalls.signalWords(circuit.signals().get(0));
        List<BigInteger> other = VerifierCalls.proofWords(circuit.proofs().get(1));

        // wrong statements
        single.expect(false, "input changed", proof, with(inputs, nPublic - 1, v -> v.add(BigInteger.ONE).mod(R)));
        single.expect(false, "inputs of another proof", proof, VerifierCalls.signalWords(circuit.signals().get(1)));
        single.expect(false, "A of another proof", replaced(proof, 0, other.subList(0, 2)), inputs);
        single.expect(false, "C of another proof", replaced(proof, 6, other.subList(6, 8)), inputs);
        single.expect(false, "A is infinity", replaced(proof, 0, List.of(BigInteger.ZERO, BigInteger.ZERO)), inputs);
        // public inputs >= r that equal a good input mod r
        single.expect(false, "input + r", proof, with(inputs, 0, v -> v.add(R)));
        single.expect(false, "input = r", proof, with(inputs, nPublic - 1, v -> R));
        // malformed points
        single.expect(false, "A off the curve", with(proof, 1, v -> v.add(BigInteger.ONE).mod(P)), inputs);
        single.expect(false, "A.y + p (non-canonical, same point mod p)", with(proof, 1, v -> v.add(P)), inputs);
        single.expect(false, "A.x + p", with(proof, 0, v -> v.add(P)), inputs);
        single.expect(false, "B off the twist", with(proof, 2, v -> v.add(BigInteger.ONE).mod(P)), inputs);
        single.expect(false, "B.x.re + p", with(proof, 3, v -> v.add(P)), inputs);
        single.expect(false, "C off the curve", with(proof, 7, v -> v.add(BigInteger.ONE).mod(P)), inputs);
        single.expect(false, "C.y + p", with(proof, 7, v -> v.add(P)), inputs);
        BigInteger[] twist = TwistPoints.outsideSubgroup();
        single.expect(false, "B on the twist but outside G2",
                replaced(proof, 2, List.of(twist[1], twist[0], twist[3], twist[2])), inputs);

        byte[] call = calls.verifyProof(circuit.proofs().get(0), circuit.signals().get(0));
        BigInteger verityGas = chain.deployer.estimateGas(verity.address(), call);
        BigInteger snarkjsGas = chain.deployer.estimateGas(snarkjs.address(), call);
        assertTrue(verityGas.compareTo(snarkjsGas) <= 0,
                () -> "Verity's verifier uses " + verityGas + " gas, snarkjs' " + snarkjsGas);
    }

    @ParameterizedTest(name = "{0} public inputs")
    @ValueSource(ints = {1, 4, 16})
    void batchAcceptsGoodBatchesAndRejectsOneBadProofAmongGoodOnes(int nPublic) throws Exception {
        Deployed deployed = deployed(nPublic);
        Batch batch = new Batch(new VerifierCalls(nPublic), deployed.verity().address());
        List<List<BigInteger>> proofs = new ArrayList<>();
        List<List<BigInteger>> inputs = new ArrayList<>();
        for (int i = 0; i < PROOFS; i++) {
            proofs.add(VerifierCalls.proofWords(deployed.circuit().proofs().get(i)));
            inputs.add(VerifierCalls.signalWords(deployed.circuit().signals().get(i)));
        }
        batch.expect(true, "all good", proofs, inputs);
        batch.expect(true, "one good proof", proofs.subList(0, 1), inputs.subList(0, 1));
        batch.expect(true, "the same good proof twice", List.of(proofs.get(2), proofs.get(2)),
                List.of(inputs.get(2), inputs.get(2)));

        for (int bad : new int[] {0, 2, PROOFS - 1}) {
            batch.expect(false, "input changed in proof " + bad, proofs,
                    set(inputs, bad, with(inputs.get(bad), 0, v -> v.add(BigInteger.ONE).mod(R))));
            batch.expect(false, "input + r in proof " + bad, proofs, set(inputs, bad, with(inputs.get(bad), 0, v -> v.add(R))));
            batch.expect(false, "A off the curve in proof " + bad,
                    set(proofs, bad, with(proofs.get(bad), 1, v -> v.add(BigInteger.ONE).mod(P))), inputs);
            batch.expect(false, "A.y + p in proof " + bad, set(proofs, bad, with(proofs.get(bad), 1, v -> v.add(P))), inputs);
            batch.expect(false, "C.x + p in proof " + bad, set(proofs, bad, with(proofs.get(bad), 6, v -> v.add(P))), inputs);
            BigInteger[] twist = TwistPoints.outsideSubgroup();
            batch.expect(false, "B outside G2 in proof " + bad,
                    set(proofs, bad, replaced(proofs.get(bad), 2, List.of(twist[1], twist[0], twist[3], twist[2]))), inputs);
        }
        // A points swapped between two proofs: each proof is wrong
        List<List<BigInteger>> swapped = set(set(proofs, 1, replaced(proofs.get(1), 0, proofs.get(3).subList(0, 2))),
                3, replaced(proofs.get(3), 0, proofs.get(1).subList(0, 2)));
        batch.expect(false, "A swapped between proofs 1 and 3", swapped, inputs);
        // C_0 + G and C_4 - G: an unweighted sum of the C points is unchanged, the random combination is not
        List<List<BigInteger>> cancelling = set(set(proofs, 0, replaced(proofs.get(0), 6, shifted(proofs.get(0), false))),
                PROOFS - 1, replaced(proofs.get(PROOFS - 1), 6, shifted(proofs.get(PROOFS - 1), true)));
        batch.expect(false, "errors that cancel in an unweighted sum", cancelling, inputs);

        CallResult empty = chain.deployer.call(batch.verifier(), batch.calls().verifyBatchWords(List.of(), List.of()));
        assertTrue(empty.reverted(), "an empty batch must revert");
        CallResult mismatched = chain.deployer.call(batch.verifier(),
                batch.calls().verifyBatchWords(proofs, inputs.subList(0, PROOFS - 1)));
        assertTrue(mismatched.reverted(), "a batch with fewer input arrays than proofs must revert");
    }

    private record Batch(VerifierCalls calls, String verifier) {
        void expect(boolean expected, String what, List<List<BigInteger>> proofs, List<List<BigInteger>> inputs)
                throws Exception {
            check(expected, "batch: " + what, chain.deployer.call(verifier, calls.verifyBatchWords(proofs, inputs)));
        }
    }

    /** The C point (words 6, 7) of a proof plus or minus the generator (1, 2), as EVM words. */
    private static List<BigInteger> shifted(List<BigInteger> proof, boolean minus) {
        long[] c = G1.fromBigIntegers(proof.get(6), proof.get(7));
        long[] g = G1.fromBigIntegers(BigInteger.ONE, BigInteger.TWO);
        if (minus) {
            G1.negAffine(g, 0, g, 0);
        }
        G1 group = new G1();
        long[] sum = new long[G1.JACOBIAN];
        G1.fromAffine(c, 0, sum, 0);
        group.addAffine(sum, 0, g, 0, sum, 0);
        long[] affine = new long[G1.AFFINE];
        group.toAffine(sum, 0, affine, 0);
        return List.of(G1.toBigIntegers(affine, 0));
    }

    private static <T> List<T> set(List<T> list, int index, T value) {
        List<T> out = new ArrayList<>(list);
        out.set(index, value);
        return out;
    }

    /** Calls both verifiers (both forms for Verity's) and checks that each returns {@code expected}. */
    private record Single(VerifierCalls calls, String verity, String snarkjs) {
        void expect(boolean expected, String what, List<BigInteger> proof, List<BigInteger> inputs) throws Exception {
            check(expected, what + " (snarkjs ABI)", chain.deployer.call(verity, calls.verifyProofWords(true, proof, inputs)));
            check(expected, what + " (compact)", chain.deployer.call(verity, calls.verifyProofWords(false, proof, inputs)));
            check(expected, what + " (snarkjs' verifier)",
                    chain.deployer.call(snarkjs, calls.verifyProofWords(true, proof, inputs)));
        }
    }

    static void check(boolean expected, String what, CallResult result) {
        if (expected) {
            assertTrue(result.isTrue(), () -> what + ": expected true, got " + describe(result));
        } else {
            // refused: false, or a revert; never true
            assertTrue(result.isFalse() || result.reverted(), () -> what + ": expected a refusal, got " + describe(result));
        }
    }

    static String describe(CallResult r) {
        return r.reverted() ? "revert (" + r.error() + ")" : new BigInteger(1, r.returned()).toString(16);
    }

    /** {@code words} with one word changed. */
    static List<BigInteger> with(List<BigInteger> words, int index, UnaryOperator<BigInteger> change) {
        List<BigInteger> out = new ArrayList<>(words);
        out.set(index, change.apply(out.get(index)));
        return out;
    }

    /** {@code words} with the words from {@code from} on replaced by {@code replacement}. */
    static List<BigInteger> replaced(List<BigInteger> words, int from, List<BigInteger> replacement) {
        List<BigInteger> out = new ArrayList<>(words);
        for (int i = 0; i < replacement.size(); i++) {
            out.set(from + i, replacement.get(i));
        }
        return out;
    }
}
