package dev.verity.prover.zkml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.field.Fr;
import dev.verity.prover.groth16.DevSetup;
import dev.verity.prover.groth16.Prover;
import dev.verity.prover.groth16.VerificationKeys;
import dev.verity.prover.groth16.Verifier;
import dev.verity.prover.io.Fixtures;
import dev.verity.prover.io.R1csFile;
import dev.verity.prover.io.SnarkjsJson;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.r1cs.Circuit;
import dev.verity.prover.util.Progress;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Private weights behind a public Poseidon commitment ({@link ModelCircuit.Weights#committed}). */
class CommittedWeightsTest {
    private static final BigInteger R = Fr.MODULUS;
    private static final BigInteger ADDRESS = new BigInteger("70997970c51812dc3a010c7d01b50e0d17dc79c8", 16);
    private static final BigInteger BLINDING = BigInteger.valueOf(4242);
    private static final BigInteger SALT = new BigInteger("98765432109876543210987654321");
    private static final ModelCircuit.Weights COMMITTED = ModelCircuit.Weights.committed(SALT);

    @TempDir
    Path dir;

    static QuantizedMlp smallMlp(long seed) {
        Random rnd = new Random(seed);
        return new QuantizedMlp(12, List.of(MlpCircuitTest.randomLayer(rnd, 12, 5, 7, true, 40),
                MlpCircuitTest.randomLayer(rnd, 5, 3, 1, false, 40)));
    }

    private static List<BigInteger> expectedSignals(BigInteger inputCommitment, BigInteger modelCommitment,
            long[] logits) {
        List<BigInteger> expected = new ArrayList<>();
        expected.add(inputCommitment);
        expected.add(modelCommitment);
        expected.add(BigInteger.valueOf(QuantizedModel.argmax(logits)));
        for (long v : logits) {
            expected.add(BigInteger.valueOf(v).mod(R));
        }
        expected.add(ADDRESS);
        return expected;
    }

    @Test
    void committedMlpComputesTheInterpretersLogitsAndPublishesBothCommitments() {
        QuantizedMlp model = smallMlp(1);
        Random rnd = new Random(2);
        for (int k = 0; k < 5; k++) {
            int[] px = MlpCircuitTest.randomInput(rnd, 12);
            ModelCircuit.Result r = ModelCircuit.build(model, px, BLINDING, ADDRESS,
                    ModelCircuit.Outputs.CLASS_AND_LOGITS, COMMITTED);
            Circuit c = r.circuit();
            assertEquals(-1, c.cs().firstUnsatisfied(c.witness()));
            long[] logits = model.logits(px);
            assertArrayEquals(logits, r.logits());
            BigInteger modelCommitment = ModelCommitment.commit(model, SALT);
            assertEquals(modelCommitment, r.modelCommitment());
            assertEquals(expectedSignals(InputCommitment.commit(px, BLINDING), modelCommitment, logits),
                    c.publicSignals());
            assertEquals(2, c.cs().nPrvIn(), "the blinding and the salt");
        }
    }

    @Test
    void committedCnnComputesTheInterpretersLogits() {
        Random rnd = new Random(3);
        QuantizedCnn cnn = CnnCircuitTest.randomCnn(rnd, 8, 2, 3, 8);
        for (int k = 0; k < 3; k++) {
            int[] px = MlpCircuitTest.randomInput(rnd, 64);
            ModelCircuit.Result r = ModelCircuit.buildPublicInput(cnn, px, ADDRESS,
                    ModelCircuit.Outputs.CLASS_AND_LOGITS, COMMITTED);
            Circuit c = r.circuit();
            assertEquals(-1, c.cs().firstUnsatisfied(c.witness()));
            assertArrayEquals(cnn.logits(px), r.logits());
            assertNull(r.commitment());
            assertEquals(ModelCommitment.commit(cnn, SALT), r.modelCommitment());
            assertEquals(r.modelCommitment(), c.publicSignals().get(0), "the model commitment comes first");
        }
    }

    /** The key must not leak the weights: two models of one shape and widths give the same R1CS byte for byte. */
    @Test
    void constraintSystemDependsOnlyOnTheArchitectureAndWidths() throws Exception {
        QuantizedMlp a = smallMlp(4);
        QuantizedMlp b = smallMlp(5);
        assertNotEquals(ModelCommitment.commit(a, SALT), ModelCommitment.commit(b, SALT));
        assertEquals(ModelCommitment.Widths.of(a), ModelCommitment.Widths.of(b));
        int[] px = MlpCircuitTest.randomInput(new Random(6), 12);
        R1csFile.write(ModelCircuit.build(a, px, BLINDING, ADDRESS, ModelCircuit.Outputs.CLASS_AND_LOGITS,
                COMMITTED).circuit().cs(), dir.resolve("a.r1cs"));
        R1csFile.write(ModelCircuit.build(b, px, BigInteger.TEN, BigInteger.TWO, ModelCircuit.Outputs.CLASS_AND_LOGITS,
                ModelCircuit.Weights.committed(BigInteger.ONE)).circuit().cs(), dir.resolve("b.r1cs"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.r1cs")), Files.readAllBytes(dir.resolve("b.r1cs")));
        // with fixed weights the circuit holds them
        R1csFile.write(ModelCircuit.build(a, px, BLINDING, ADDRESS).circuit().cs(), dir.resolve("fa.r1cs"));
        R1csFile.write(ModelCircuit.build(b, px, BLINDING, ADDRESS).circuit().cs(), dir.resolve("fb.r1cs"));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("fa.r1cs")),
                Files.readAllBytes(dir.resolve("fb.r1cs"))));
    }

    @Test
    void widthsFollowTheLargestParameterAndStartAtInt8AndInt32() {
        assertEquals(new ModelCommitment.Widths(8, 32), ModelCommitment.Widths.of(smallMlp(7)));
        DenseLayer wide = new DenseLayer(2, 1, new long[] {300, -1}, new long[] {-(1L << 35)}, 0, false);
        assertEquals(new ModelCommitment.Widths(10, 36), ModelCommitment.Widths.of(new QuantizedMlp(2, List.of(wide))));
        DenseLayer edge = new DenseLayer(2, 1, new long[] {-128, 127}, new long[] {(1L << 31) - 1}, 0, false);
        assertEquals(new ModelCommitment.Widths(8, 32), ModelCommitment.Widths.of(new QuantizedMlp(2, List.of(edge))));
    }

    @Test
    void commitmentChangesWithEveryParameterAndTheSalt() {
        QuantizedMlp model = smallMlp(8);
        BigInteger reference = ModelCommitment.commit(model, SALT);
        assertNotEquals(reference, ModelCommitment.commit(model, SALT.add(BigInteger.ONE)));
        java.util.Set<BigInteger> seen = new java.util.HashSet<>();
        seen.add(reference);
        for (int l = 0; l < model.layers().size(); l++) {
            DenseLayer d = model.layers().get(l);
            for (int k = 0; k < d.weights().length; k += 7) {
                long[] w = d.weights();
                w[k] += w[k] == 127 ? -1 : 1;
                assertTrue(seen.add(ModelCommitment.commit(replace(model, l, new DenseLayer(d.in(), d.out(), w,
                        d.bias(), d.shift(), d.relu())), SALT)), "layer " + l + " weight " + k);
            }
            long[] bias = d.bias();
            bias[0]--;
            assertTrue(seen.add(ModelCommitment.commit(replace(model, l, new DenseLayer(d.in(), d.out(), d.weights(),
                    bias, d.shift(), d.relu())), SALT)), "layer " + l + " bias");
        }
        assertThrows(IllegalArgumentException.class, () -> ModelCommitment.commit(model, R));
        assertThrows(IllegalArgumentException.class, () -> ModelCircuit.Weights.committed(BigInteger.ONE.negate()));
    }

    private static QuantizedMlp replace(QuantizedMlp model, int layer, DenseLayer with) {
        List<DenseLayer> layers = new ArrayList<>(model.layers());
        layers.set(layer, with);
        return new QuantizedMlp(model.inputSize(), layers);
    }

    /**
     * Every hint changed in turn, a weight's bits included: the witness is rejected, or it proves
     * other public signals (another model commitment for a changed weight, another input
     * commitment for a changed pixel).
     */
    @Test
    void everyHintIsCheckedOrChangesThePublicSignals() {
        Random rnd = new Random(9);
        QuantizedMlp model = new QuantizedMlp(4, List.of(MlpCircuitTest.randomLayer(rnd, 4, 3, 5, true, 40),
                MlpCircuitTest.randomLayer(rnd, 3, 2, 0, false, 40)));
        int[] px = MlpCircuitTest.randomInput(rnd, 4);
        int checked = CheatingProver.assertEveryHintChecked(override -> ModelCircuit.buildWith(model, px, BLINDING,
                ADDRESS, ModelCircuit.Outputs.CLASS_AND_LOGITS, COMMITTED, override).circuit(), 0);
        // 32 input bits + 18 weights x 8 + 5 biases x 32 bits, and the network's own hints
        assertTrue(checked > 32 + 18 * 8 + 5 * 32, "checked " + checked + " hints");
    }

    /**
     * One key serves two models of one shape; each proof verifies only with its own model's
     * commitment among the public signals, so the verifier's check of that commitment is what
     * tells the models apart.
     */
    @Test
    void proofVerifiesOnlyWithItsOwnModelCommitment() {
        QuantizedMlp a = smallMlp(10);
        QuantizedMlp b = smallMlp(11);
        int[] px = MlpCircuitTest.randomInput(new Random(12), 12);
        Circuit ca = ModelCircuit.build(a, px, BLINDING, ADDRESS, ModelCircuit.Outputs.CLASS_AND_LOGITS, COMMITTED)
                .circuit();
        Circuit cb = ModelCircuit.build(b, px, BLINDING, ADDRESS, ModelCircuit.Outputs.CLASS_AND_LOGITS, COMMITTED)
                .circuit();
        SecureRandom random = new SecureRandom();
        Zkey key = DevSetup.generate(ca.cs(), random, Progress.NONE);
        var vk = VerificationKeys.of(key);
        SnarkjsJson.Proof pa = Prover.prove(key, ca.witness(), random, Progress.NONE);
        SnarkjsJson.Proof pb = Prover.prove(key, cb.witness(), random, Progress.NONE);
        long[] sa = ca.witness().publicSignals(key.nPublic());
        long[] sb = cb.witness().publicSignals(key.nPublic());
        assertTrue(Verifier.verify(vk, sa, pa));
        assertTrue(Verifier.verify(vk, sb, pb));
        // model b's proof presented as model a's: only the model commitment (signal 1) differs
        long[] claimed = sb.clone();
        System.arraycopy(sa, 4, claimed, 4, 4);
        assertFalse(Verifier.verify(vk, claimed, pb));
    }

    /** The packing and the chain, recomputed in node with circomlibjs' Poseidon. */
    @Test
    void commitmentEqualsCircomlibjsOverTheSpecifiedPacking() throws Exception {
        QuantizedCnn cnn = CnnCircuitTest.randomCnn(new Random(13), 10, 3, 3, 8);
        StringBuilder values = new StringBuilder("[");
        for (QuantizedModel.Tensor t : cnn.tensors()) {
            values.append(values.length() == 1 ? "" : ",").append("[").append(t.bias() ? 32 : 8);
            for (long v : t.values()) {
                values.append(",").append(v);
            }
            values.append("]");
        }
        values.append("]");
        String script = """
                import { buildPoseidon } from "circomlibjs";
                const poseidon = await buildPoseidon();
                const tensors = JSON.parse(process.argv[1]);
                const e = [];
                let cur = 0n, used = 0;
                for (const [width, ...vs] of tensors) {
                  for (const v of vs) {
                    if (used + width > 253) { e.push(cur); cur = 0n; used = 0; }
                    cur += (BigInt(v) + (1n << BigInt(width - 1))) << BigInt(used);
                    used += width;
                  }
                }
                e.push(cur);
                e.push(BigInt(process.argv[2]));
                let h = poseidon(e.slice(0, 16));
                for (let from = 16; from < e.length; from += 15) h = poseidon([h, ...e.slice(from, from + 15)]);
                console.log(poseidon.F.toString(h));
                """;
        String out = Fixtures.interopNode("circomlibjs", script, values.toString(), SALT.toString());
        assertEquals(new BigInteger(out), ModelCommitment.commit(cnn, SALT));
    }

    /** The MNIST-shaped MLP with private weights: satisfiable, exact, and what it costs by stage. */
    @Test
    void mnistShapedMlpWithPrivateWeights() {
        QuantizedMlp model = MlpCircuitTest.mnistShaped(14);
        int[] px = MlpCircuitTest.randomInput(new Random(15), 784);
        ModelCircuit.Result r = ModelCircuit.build(model, px, BLINDING, ADDRESS, ModelCircuit.Outputs.CLASS_AND_LOGITS,
                COMMITTED);
        Circuit c = r.circuit();
        assertEquals(-1, c.cs().firstUnsatisfied(c.witness()));
        assertArrayEquals(model.logits(px), r.logits());
        for (ModelCircuit.Cost cost : r.costs()) {
            System.out.printf("  %-75s %7d%n", cost.stage(), cost.constraints());
        }
        int parameters = 784 * 56 + 56 + 56 * 10 + 10;
        // 8 bits per weight, 32 per bias, one constraint per product: the floor of this design
        int floor = 8 * (784 * 56 + 56 * 10) + 32 * (56 + 10) + (784 * 56 + 56 * 10);
        assertTrue(c.cs().nConstraints() > floor, c.cs().nConstraints() + " constraints");
        assertTrue(c.cs().nConstraints() < floor + 80_000, c.cs().nConstraints() + " constraints for " + parameters
                + " parameters");
    }
}
