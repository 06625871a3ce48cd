package dev.verity.prover.zkml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.verity.prover.io.WtnsFile;
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

class MlpCircuitTest {
    private static final BigInteger R = Fr.MODULUS;
    private static final BigInteger ADDRESS = new BigInteger("f39fd6e51aad88f6f4ce6ab8827279cfffb92266", 16);

    @TempDir
    Path dir;

    /** int8 weights, roughly Gaussian, biases of a few thousand: the shape of a quantized MNIST MLP. */
    static DenseLayer randomLayer(Random rnd, int in, int out, int shift, boolean relu, int weightScale) {
        long[] w = new long[in * out];
        for (int k = 0; k < w.length; k++) {
            w[k] = Math.max(-127, Math.min(127, Math.round(rnd.nextGaussian() * weightScale)));
        }
        long[] bias = new long[out];
        for (int j = 0; j < out; j++) {
            bias[j] = rnd.nextInt(8001) - 4000;
        }
        return new DenseLayer(in, out, w, bias, shift, relu);
    }

    static QuantizedMlp mnistShaped(long seed) {
        Random rnd = new Random(seed);
        return new QuantizedMlp(784, List.of(randomLayer(rnd, 784, 56, 10, true, 20),
                randomLayer(rnd, 56, 10, 0, false, 40)));
    }

    static int[] randomInput(Random rnd, int n) {
        int[] px = new int[n];
        for (int i = 0; i < n; i++) {
            px[i] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(256); // MNIST-like: many zeros
        }
        return px;
    }

    @Test
    void circuitOutputsEqualTheIntegerInterpreter() {
        QuantizedMlp model = mnistShaped(1);
        Random rnd = new Random(2);
        List<int[]> inputs = new ArrayList<>();
        inputs.add(new int[784]);
        int[] white = new int[784];
        java.util.Arrays.fill(white, 255);
        inputs.add(white);
        for (int k = 0; k < 4; k++) {
            inputs.add(randomInput(rnd, 784));
        }
        for (int[] px : inputs) {
            BigInteger blinding = new BigInteger(250, rnd);
            ModelCircuit.Result result = ModelCircuit.build(model, px, blinding, ADDRESS);
            Circuit c = result.circuit();
            assertEquals(-1, c.cs().firstUnsatisfied(c.witness()));
            long[] logits = model.logits(px);
            int predicted = QuantizedMlp.argmax(logits);
            assertArrayEquals(logits, result.logits());
            assertEquals(predicted, result.predictedClass());
            BigInteger commitment = InputCommitment.commit(px, blinding);
            List<BigInteger> expected = new ArrayList<>();
            expected.add(commitment);
            expected.add(BigInteger.valueOf(predicted));
            for (long v : logits) {
                expected.add(BigInteger.valueOf(v).mod(R));
            }
            expected.add(ADDRESS);
            assertEquals(expected, c.publicSignals());
            assertEquals(12, c.cs().nPubOut());
            assertEquals(1, c.cs().nPubIn());
            assertEquals(1, c.cs().nPrvIn(), "the blinding; the input enters as bits");
            assertTrue(c.cs().nConstraints() <= 15_000, "constraints: " + c.cs().nConstraints());
        }
        for (ModelCircuit.Cost cost : ModelCircuit.build(model, inputs.get(2), BigInteger.ONE, ADDRESS).costs()) {
            System.out.printf("  %-55s %6d%n", cost.stage(), cost.constraints());
        }
    }

    @Test
    void constraintSystemDoesNotDependOnTheInput() throws Exception {
        QuantizedMlp model = mnistShaped(3);
        Random rnd = new Random(4);
        Circuit a = ModelCircuit.build(model, randomInput(rnd, 784), BigInteger.ONE, ADDRESS).circuit();
        Circuit b = ModelCircuit.build(model, randomInput(rnd, 784), BigInteger.TEN, BigInteger.TWO).circuit();
        R1csFile.write(a.cs(), dir.resolve("a.r1cs"));
        R1csFile.write(b.cs(), dir.resolve("b.r1cs"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.r1cs")), Files.readAllBytes(dir.resolve("b.r1cs")));
        // the witness of one input is not accepted with the public signals of another
        long[] wa = a.witness().limbs().clone();
        System.arraycopy(b.witness().limbs(), 4, wa, 4, 4 * 13);
        assertTrue(a.cs().firstUnsatisfied(new dev.verity.prover.r1cs.Witness(wa)) >= 0);
    }

    /** snarkjs reads the 784-56-10 circuit and accepts its witness; a wrong logit it rejects. */
    @Test
    void snarkjsChecksTheMlpCircuitAndWitness() throws Exception {
        ModelCircuit.Result r = ModelCircuit.build(mnistShaped(12), randomInput(new Random(13), 784), BigInteger.TWO, ADDRESS);
        Circuit c = r.circuit();
        R1csFile.write(c.cs(), dir.resolve("mlp.r1cs"));
        WtnsFile.write(c.witness(), dir.resolve("mlp.wtns"));
        WtnsFile.write(c.witnessWith(3, c.witness().get(3).add(BigInteger.ONE)), dir.resolve("bad.wtns"));
        String info = Fixtures.snarkjs(dir, "r1cs", "info", "mlp.r1cs");
        assertTrue(info.contains("# of Constraints: " + c.cs().nConstraints()), info);
        assertTrue(info.contains("# of Outputs: 12"), info);
        String ok = Fixtures.snarkjs(dir, "wtns", "check", "mlp.r1cs", "mlp.wtns");
        assertTrue(ok.contains("WITNESS IS CORRECT"), ok);
        String bad = Fixtures.snarkjsRun(dir, "wtns", "check", "mlp.r1cs", "bad.wtns").output();
        assertTrue(bad.contains("WITNESS IS NOT CORRECT"), bad);
    }

    /** The commitment circuit against circomlibjs: packing and the Poseidon chain done in node. */
    @Test
    void commitmentEqualsCircomlibjsPoseidonChain() throws Exception {
        int[] px = randomInput(new Random(9), 784);
        BigInteger blinding = new BigInteger("123456789012345678901234567890");
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < px.length; i++) {
            json.append(i == 0 ? "" : ",").append(px[i]);
        }
        json.append("]");
        String script = """
                import { buildPoseidon } from "circomlibjs";
                const poseidon = await buildPoseidon();
                const px = JSON.parse(process.argv[1]);
                const e = [];
                for (let from = 0; from < px.length; from += 31) {
                  let v = 0n;
                  for (let i = Math.min(px.length, from + 31) - 1; i >= from; i--) v = v * 256n + BigInt(px[i]);
                  e.push(v);
                }
                e.push(BigInt(process.argv[2]));
                let h = poseidon(e.slice(0, 16));
                for (let from = 16; from < e.length; from += 15) h = poseidon([h, ...e.slice(from, from + 15)]);
                console.log(poseidon.F.toString(h));
                """;
        String out = Fixtures.interopNode("circomlibjs", script, json.toString(), blinding.toString());
        BigInteger expected = new BigInteger(out);
        assertEquals(expected, InputCommitment.commit(px, blinding));
        ModelCircuit.Result r = ModelCircuit.build(mnistShaped(5), px, blinding, ADDRESS);
        assertEquals(expected, r.commitment());
        assertEquals(expected, r.circuit().publicSignals().get(0));
    }

    /**
     * A small network with every single hint changed in turn: none gives a witness that is accepted
     * with the honest public signals. (Changing an input bit is choosing another input, which the
     * circuit then proves with another commitment, so those witnesses may well be valid.)
     */
    @Test
    void everyHintOfASmallNetworkIsChecked() {
        Random rnd = new Random(6);
        QuantizedMlp model = new QuantizedMlp(10, List.of(randomLayer(rnd, 10, 4, 6, true, 30),
                randomLayer(rnd, 4, 3, 2, false, 30)));
        int[] px = randomInput(rnd, 10);
        int checked = CheatingProver.assertEveryHintChecked(override -> build(model, px, override), 0);
        assertTrue(checked > 100, "checked " + checked + " hints");
    }

    /**
     * Neurons whose bounds decide the ReLU statically: one that is never positive costs nothing
     * and outputs 0, one that is never negative costs only its rescale; the outputs still equal
     * the interpreter's and every hint is still checked.
     */
    @Test
    void boundsDecideReluStatically() {
        // out 0: weights > 0, bias > 0 (always active); out 1: weights < 0, bias < 0 (always dead);
        // out 2: mixed signs (needs the sign bit)
        DenseLayer hidden = new DenseLayer(3, 3, new long[] {5, 7, 9, -5, -7, -9, 5, -7, 9}, new long[] {3, -3, 0},
                2, true);
        DenseLayer out = new DenseLayer(3, 2, new long[] {1, 1, 1, 1, -2, -1}, new long[] {0, 0}, 0, false);
        QuantizedMlp model = new QuantizedMlp(3, List.of(hidden, out));
        // active: acc in [3, 3 + 21 * 255] = [3, 5358], 14 signed bits, floor-div only: 15 constraints;
        // mixed: acc in [-7 * 255, 14 * 255] = [-1785, 3570], 13 bits: 15 constraints; dead: none
        ModelCircuit.Result r = ModelCircuit.build(model, new int[] {200, 13, 77}, BigInteger.ONE, ADDRESS);
        assertEquals(30, r.costs().get(2).constraints(), r.costs().toString());
        for (int[] px : new int[][] {{200, 13, 77}, {0, 255, 0}, {255, 255, 255}, {0, 0, 0}, {1, 200, 3}}) {
            ModelCircuit.Result result = ModelCircuit.build(model, px, BigInteger.ONE, ADDRESS);
            assertEquals(-1, result.circuit().cs().firstUnsatisfied(result.circuit().witness()));
            assertArrayEquals(model.logits(px), result.logits());
            assertEquals(model.predict(px), result.predictedClass());
        }
        int[] px = {1, 200, 3};
        int checked = CheatingProver.assertEveryHintChecked(override -> build(model, px, override), 0);
        assertTrue(checked > 50, "checked " + checked);
    }

    private static Circuit build(QuantizedMlp model, int[] px, dev.verity.prover.r1cs.HintOverride override) {
        return ModelCircuit.buildWith(model, px, BigInteger.valueOf(77), ADDRESS, ModelCircuit.Outputs.CLASS_AND_LOGITS,
                ModelCircuit.Weights.FIXED, override).circuit();
    }

    /**
     * Groth16 end to end on a small network of the same kind (the 784-56-10 one takes about half a
     * minute to set up and prove on a shared 2-core machine): a proof verifies; other logits or
     * another address do not.
     */
    @Test
    void proofOfAnMlpVerifiesOnlyWithItsPublicSignals() throws Exception {
        Random rnd = new Random(8);
        QuantizedMlp model = new QuantizedMlp(40, List.of(randomLayer(rnd, 40, 6, 8, true, 30),
                randomLayer(rnd, 6, 3, 0, false, 30)));
        ModelCircuit.Result r = ModelCircuit.build(model, randomInput(rnd, 40), BigInteger.valueOf(5), ADDRESS);
        Circuit c = r.circuit();
        SecureRandom random = new SecureRandom();
        long start = System.nanoTime();
        Zkey key = DevSetup.generate(c.cs(), random, Progress.NONE);
        long setup = System.nanoTime();
        SnarkjsJson.Proof proof = Prover.prove(key, c.witness(), random, Progress.NONE);
        long proved = System.nanoTime();
        System.out.printf("MLP 40-6-3 (%d constraints) Groth16: dev setup %d ms, prove %d ms%n", c.cs().nConstraints(), (setup - start) / 1_000_000,
                (proved - setup) / 1_000_000);
        var vk = VerificationKeys.of(key);
        long[] signals = c.witness().publicSignals(key.nPublic());
        assertTrue(Verifier.verify(vk, signals, proof));
        long[] otherLogit = signals.clone();
        otherLogit[4 * 3] ^= 1;
        assertFalse(Verifier.verify(vk, otherLogit, proof));
        long[] otherAddress = signals.clone();
        otherAddress[4 * 5] ^= 1;
        assertFalse(Verifier.verify(vk, otherAddress, proof));
    }

    /**
     * Public input: the same logits and class, the pixels among the public signals, none of the
     * private input's bits and commitment; a proof does not verify for another pixel.
     */
    @Test
    void publicInputCircuitProvesTheSameLogitsWithoutTheInputsCost() throws Exception {
        QuantizedMlp model = mnistShaped(4);
        int[] px = randomInput(new Random(9), 784);
        ModelCircuit.Result open = ModelCircuit.buildPublicInput(model, px, ADDRESS);
        ModelCircuit.Result committed = ModelCircuit.build(model, px, BigInteger.TEN, ADDRESS);
        Circuit c = open.circuit();
        assertEquals(-1, c.cs().firstUnsatisfied(c.witness()));
        assertArrayEquals(model.logits(px), open.logits());
        List<BigInteger> expected = new ArrayList<>();
        expected.add(BigInteger.valueOf(model.predict(px)));
        for (long v : model.logits(px)) {
            expected.add(BigInteger.valueOf(v).mod(R));
        }
        expected.add(ADDRESS);
        for (int p : px) {
            expected.add(BigInteger.valueOf(p));
        }
        assertEquals(expected, c.publicSignals());
        // gone: the private input's 784 x 8 bits and its Poseidon commitment (the first two stages,
        // less the address's one constraint that both have) and the commitment's output constraint
        int inputStages = committed.costs().get(0).constraints() + committed.costs().get(1).constraints();
        assertEquals(committed.circuit().cs().nConstraints() - inputStages + 1 - 1, c.cs().nConstraints(),
                open.costs().toString());

        QuantizedMlp small = new QuantizedMlp(40, List.of(randomLayer(new Random(10), 40, 6, 8, true, 30),
                randomLayer(new Random(11), 6, 3, 0, false, 30)));
        Circuit sc = ModelCircuit.buildPublicInput(small, randomInput(new Random(12), 40), ADDRESS).circuit();
        SecureRandom random = new SecureRandom();
        Zkey key = DevSetup.generate(sc.cs(), random, Progress.NONE);
        SnarkjsJson.Proof proof = Prover.prove(key, sc.witness(), random, Progress.NONE);
        var vk = VerificationKeys.of(key);
        long[] signals = sc.witness().publicSignals(key.nPublic());
        assertTrue(Verifier.verify(vk, signals, proof));
        long[] otherPixel = signals.clone();
        otherPixel[4 * (4 + 1 + 7)] ^= 1; // class, 3 logits, address, then pixel 7
        assertFalse(Verifier.verify(vk, otherPixel, proof));
    }

    /** Class only: the logits leave the public signals; a proof binds the class, commitment and address. */
    @Test
    void classOnlyKeepsTheLogitsPrivate() throws Exception {
        Random rnd = new Random(14);
        QuantizedMlp model = new QuantizedMlp(40, List.of(randomLayer(rnd, 40, 6, 8, true, 30),
                randomLayer(rnd, 6, 3, 0, false, 30)));
        int[] px = randomInput(rnd, 40);
        BigInteger blinding = BigInteger.valueOf(21);
        ModelCircuit.Result r = ModelCircuit.build(model, px, blinding, ADDRESS, ModelCircuit.Outputs.CLASS_ONLY);
        Circuit c = r.circuit();
        assertEquals(-1, c.cs().firstUnsatisfied(c.witness()));
        assertEquals(List.of(InputCommitment.commit(px, blinding), BigInteger.valueOf(model.predict(px)), ADDRESS),
                c.publicSignals());
        assertArrayEquals(model.logits(px), r.logits(), "the prover still learns them");
        ModelCircuit.Result open = ModelCircuit.buildPublicInput(model, px, ADDRESS, ModelCircuit.Outputs.CLASS_ONLY,
                ModelCircuit.Weights.FIXED);
        assertEquals(2 + 40, open.circuit().publicSignals().size());

        SecureRandom random = new SecureRandom();
        Zkey key = DevSetup.generate(c.cs(), random, Progress.NONE);
        SnarkjsJson.Proof proof = Prover.prove(key, c.witness(), random, Progress.NONE);
        var vk = VerificationKeys.of(key);
        long[] signals = c.witness().publicSignals(key.nPublic());
        assertTrue(Verifier.verify(vk, signals, proof));
        for (int k = 0; k < 3; k++) {
            long[] changed = signals.clone();
            changed[4 * k] ^= 1;
            assertFalse(Verifier.verify(vk, changed, proof), "signal " + k);
        }
    }

    @Test
    void badInputsAreRefused() {
        QuantizedMlp model = mnistShaped(1);
        int[] px = new int[784];
        assertThrows(IllegalArgumentException.class, () -> ModelCircuit.build(model, new int[783], BigInteger.ONE, ADDRESS));
        px[3] = 256;
        assertThrows(IllegalArgumentException.class, () -> ModelCircuit.build(model, px, BigInteger.ONE, ADDRESS));
        px[3] = -1;
        assertThrows(IllegalArgumentException.class, () -> model.logits(px));
        px[3] = 0;
        assertThrows(IllegalArgumentException.class, () -> ModelCircuit.build(model, px, R, ADDRESS));
        assertThrows(IllegalArgumentException.class,
                () -> ModelCircuit.build(model, px, BigInteger.ONE, BigInteger.ONE.shiftLeft(160)));
        assertThrows(IllegalArgumentException.class, () -> new QuantizedMlp(10, List.of(model.layers().get(0))));
        assertThrows(IllegalArgumentException.class, () -> new DenseLayer(2, 2, new long[3], new long[2], 0, false));
        assertThrows(IllegalArgumentException.class,
                () -> new DenseLayer(1, 1, new long[] {1L << 25}, new long[1], 0, false));
        long[] big = new long[128];
        java.util.Arrays.fill(big, 1L << 24);
        DenseLayer wide = new DenseLayer(128, 1, big, new long[1], 0, false); // reaches 255 * 2^31
        DenseLayer amplify = new DenseLayer(1, 1, new long[] {1L << 24}, new long[1], 0, false); // then 255 * 2^55
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new QuantizedMlp(128, List.of(wide, amplify)));
        assertTrue(e.getMessage().contains("beyond 2^62"), e.getMessage());
        new QuantizedMlp(128, List.of(wide)); // fine on its own
    }
}
