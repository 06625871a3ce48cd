package dev.verity.prover.zkml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.field.Fr;
import dev.verity.prover.io.FormatException;
import dev.verity.prover.r1cs.Circuit;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quantized CNN: its interpreter by hand, its circuit against the interpreter, every hint checked, its file. */
class CnnCircuitTest {
    private static final BigInteger ADDRESS = new BigInteger("f39fd6e51aad88f6f4ce6ab8827279cfffb92266", 16);

    @TempDir
    Path dir;

    /**
     * A 4 x 4 image, two 3 x 3 filters (outputs 2 x 2, pooled to one value each), two logits.
     * Filter 0 sums the window's centre column, filter 1 subtracts the top-left pixel; shift 1.
     */
    @Test
    void interpreterComputesByHand() {
        long[] conv = {0, 1, 0, 0, 1, 0, 0, 1, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0};
        DenseLayer dense = new DenseLayer(2, 2, new long[] {1, 2, -1, 1}, new long[] {0, 3}, 0, false);
        QuantizedCnn cnn = new QuantizedCnn(4, 2, 3, conv, new long[] {1, 9}, 1, dense);
        int[] px = {
            1, 2, 3, 4,
            5, 6, 7, 8,
            9, 10, 11, 12,
            13, 14, 15, 16};
        // filter 0 (bias 1): centre columns 2+6+10, 3+7+11, 6+10+14, 7+11+15 -> 19, 22, 31, 34 -> /2: 9, 11, 15, 17 -> max 17
        // filter 1 (bias 9): 9 - 1, 9 - 2, 9 - 5, 9 - 6 -> 8, 7, 4, 3 -> /2: 4, 3, 2, 1 -> max 4
        // logits: 17 + 2 * 4 = 25, 3 - 17 + 4 = -10
        assertArrayEquals(new long[] {25, -10}, cnn.logits(px));
        assertEquals(0, cnn.predict(px));
        // a negative activation is cut by the ReLU: filter 1 with bias -20 gives 0 everywhere
        QuantizedCnn dead = new QuantizedCnn(4, 2, 3, conv, new long[] {1, -20}, 1, dense);
        assertArrayEquals(new long[] {17, -14}, dead.logits(px));
    }

    static QuantizedCnn randomCnn(Random rnd, int side, int channels, int kernel, int shift) {
        long[] w = new long[channels * kernel * kernel];
        for (int k = 0; k < w.length; k++) {
            w[k] = rnd.nextInt(255) - 127;
        }
        long[] b = new long[channels];
        for (int c = 0; c < channels; c++) {
            b[c] = rnd.nextInt(4001) - 2000;
        }
        int pooled = (side - kernel + 1) / 2;
        int in = channels * pooled * pooled;
        long[] dw = new long[10 * in];
        for (int k = 0; k < dw.length; k++) {
            dw[k] = rnd.nextInt(255) - 127;
        }
        long[] db = new long[10];
        for (int j = 0; j < 10; j++) {
            db[j] = rnd.nextInt(2001) - 1000;
        }
        return new QuantizedCnn(side, channels, kernel, w, b, shift, new DenseLayer(in, 10, dw, db, 0, false));
    }

    static QuantizedCnn withPooling(QuantizedCnn cnn, Pooling pooling) {
        return new QuantizedCnn(cnn.side(), cnn.channels(), cnn.kernel(), cnn.convWeights(), cnn.convBias(),
                cnn.convShift(), pooling, cnn.dense());
    }

    /** Sum pooling on the hand-computed example: activations 9, 11, 15, 17 and 4, 3, 2, 1 sum to 52 and 10. */
    @Test
    void sumPoolingInterpreterComputesByHand() {
        long[] conv = {0, 1, 0, 0, 1, 0, 0, 1, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0};
        DenseLayer dense = new DenseLayer(2, 2, new long[] {1, 2, -1, 1}, new long[] {0, 3}, 0, false);
        QuantizedCnn cnn = new QuantizedCnn(4, 2, 3, conv, new long[] {1, 9}, 1, Pooling.AVERAGE, dense);
        int[] px = new int[16];
        for (int i = 0; i < 16; i++) {
            px[i] = i + 1;
        }
        // logits: 52 + 2 * 10 = 72, 3 - 52 + 10 = -39
        assertArrayEquals(new long[] {72, -39}, cnn.logits(px));
    }

    @Test
    void circuitOutputsEqualTheInterpreter() {
        for (Pooling pooling : Pooling.values()) {
            circuitOutputsEqualTheInterpreter(pooling);
        }
    }

    private void circuitOutputsEqualTheInterpreter(Pooling pooling) {
        Random rnd = new Random(31);
        QuantizedCnn cnn = withPooling(randomCnn(rnd, 9, 3, 4, 6), pooling);
        for (int trial = 0; trial < 6; trial++) {
            int[] px = new int[81];
            for (int i = 0; i < px.length; i++) {
                px[i] = trial == 0 ? 0 : trial == 1 ? 255 : rnd.nextInt(256);
            }
            BigInteger blinding = new BigInteger(250, rnd);
            ModelCircuit.Result r = ModelCircuit.build(cnn, px, blinding, ADDRESS);
            Circuit c = r.circuit();
            assertEquals(-1, c.cs().firstUnsatisfied(c.witness()));
            long[] logits = cnn.logits(px);
            List<BigInteger> expected = new ArrayList<>();
            expected.add(InputCommitment.commit(px, blinding));
            expected.add(BigInteger.valueOf(QuantizedModel.argmax(logits)));
            for (long v : logits) {
                expected.add(BigInteger.valueOf(v).mod(Fr.MODULUS));
            }
            expected.add(ADDRESS);
            assertEquals(expected, c.publicSignals());
        }
    }

    /**
     * A cheating prover that changes any one hint after the input's bits (those are the MLP's too,
     * checked in MlpCircuitTest): a pool's comparison bits, the rescale's bits, the argmax's
     * selectors. Each change breaks the circuit or the outputs.
     */
    @Test
    void everyHintOfASmallCnnIsChecked() {
        for (Pooling pooling : Pooling.values()) {
            everyHintOfASmallCnnIsChecked(pooling);
        }
    }

    private void everyHintOfASmallCnnIsChecked(Pooling pooling) {
        Random rnd = new Random(32);
        QuantizedCnn cnn = withPooling(randomCnn(rnd, 5, 2, 2, 5), pooling);
        int[] px = new int[25];
        for (int i = 0; i < px.length; i++) {
            px[i] = rnd.nextInt(256);
        }
        // from the first hint after the input's bits (those are the MLP's too, checked in MlpCircuitTest)
        int checked = CheatingProver.assertEveryHintChecked(override -> ModelCircuit.buildWith(cnn, px,
                BigInteger.valueOf(77), ADDRESS, ModelCircuit.Outputs.CLASS_AND_LOGITS, ModelCircuit.Weights.FIXED,
                override).circuit(), px.length * QuantizedModel.INPUT_BITS);
        assertTrue(checked > 200, pooling + ": checked " + checked);
    }

    @Test
    void fileRoundTripAndErrors() throws Exception {
        QuantizedCnn cnn = randomCnn(new Random(33), 9, 3, 4, 6);
        Path file = dir.resolve("cnn.json");
        ModelFile.write(cnn, file);
        QuantizedCnn back = (QuantizedCnn) ModelFile.read(file);
        assertArrayEquals(cnn.convWeights(), back.convWeights());
        assertArrayEquals(cnn.dense().weights(), back.dense().weights());
        int[] px = new int[81];
        java.util.Arrays.fill(px, 200);
        assertArrayEquals(cnn.logits(px), back.logits(px));
        QuantizedCnn summed = withPooling(cnn, Pooling.AVERAGE);
        for (String name : new String[] {"sum.json", "sum.safetensors"}) {
            ModelFile.write(summed, dir.resolve(name));
            QuantizedCnn read = (QuantizedCnn) ModelFile.read(dir.resolve(name));
            assertEquals(Pooling.AVERAGE, read.pooling());
            assertArrayEquals(summed.logits(px), read.logits(px));
        }

        String good = ModelFile.toJson(cnn);
        assertProblem(good.replace("\"pool\":\"max2x2\"", "\"pool\":\"avg2x2\""),
                "pool must be \"max2x2\" or \"sum2x2\"");
        assertProblem(good.replace("\"kernel\":4", "\"kernel\":3"), "must be even for 2 x 2 pooling");
        assertProblem(good.replace("\"channels\":3", "\"channels\":2"), "convolution weights");
        assertProblem(good.replace("\"inputSide\":9", "\"inputSide\":11"), "the dense layer must take the 48");
        assertProblem(good.replace("\"conv\":{", "\"conv\":7,\"x\":{"), "conv must be an object");
    }

    private static void assertProblem(String json, String fragment) {
        FormatException e = assertThrows(FormatException.class, () -> ModelFile.parse("c.json", json));
        assertTrue(e.getMessage().startsWith("c.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
