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

/** LeNet-style networks ({@link QuantizedConvNet}): interpreter, circuit, files. */
class ConvNetCircuitTest {
    private static final BigInteger ADDRESS = new BigInteger("f39fd6e51aad88f6f4ce6ab8827279cfffb92266", 16);

    @TempDir
    Path dir;

    static ConvLayer randomConv(Random rnd, int in, int out, int kernel, int pad, int shift) {
        long[] w = new long[out * in * kernel * kernel];
        for (int k = 0; k < w.length; k++) {
            w[k] = rnd.nextInt(255) - 127;
        }
        long[] b = new long[out];
        for (int o = 0; o < out; o++) {
            b[o] = rnd.nextInt(4001) - 2000;
        }
        return new ConvLayer(in, out, kernel, pad, w, b, shift, true);
    }

    /**
     * 8 x 8 input; conv 1 -> 2 (3 x 3, pad 1) 8 x 8; max pool 4 x 4; conv 2 -> 3 (3 x 3) 2 x 2; sum
     * pool 1 x 1; dense 3 -> 4 ReLU; dense 4 -> 3.
     */
    static QuantizedConvNet miniLeNet(long seed) {
        Random rnd = new Random(seed);
        return new QuantizedConvNet(8, List.of(randomConv(rnd, 1, 2, 3, 1, 8), Pooling.MAX,
                randomConv(rnd, 2, 3, 3, 0, 9), Pooling.AVERAGE, MlpCircuitTest.randomLayer(rnd, 3, 4, 4, true, 40),
                MlpCircuitTest.randomLayer(rnd, 4, 3, 0, false, 40)));
    }

    /**
     * By hand: a 4 x 4 image, one 3 x 3 filter of ones with pad 1 (each output sums its 3 x 3
     * neighbourhood, zeros outside), shift 2, ReLU; max pool; dense 4 -> 2.
     */
    @Test
    void interpreterComputesByHand() {
        long[] ones = new long[9];
        java.util.Arrays.fill(ones, 1);
        ConvLayer conv = new ConvLayer(1, 1, 3, 1, ones, new long[] {0}, 2, true);
        DenseLayer dense = new DenseLayer(4, 2, new long[] {1, 0, 0, 0, 0, 1, 1, -1}, new long[] {0, 5}, 0, false);
        QuantizedConvNet net = new QuantizedConvNet(4, List.of(conv, Pooling.MAX, dense));
        int[] px = {
            1, 2, 3, 4,
            5, 6, 7, 8,
            9, 10, 11, 12,
            13, 14, 15, 16};
        // neighbourhood sums: row 0: 14 24 30 22; row 1: 33 54 63 45; row 2: 57 90 99 69; row 3: 46 72 78 54
        // / 4 (floor): 3 6 7 5 / 8 13 15 11 / 14 22 24 17 / 11 18 19 13
        // max pools: 13 15 / 22 24; logits: 13, 5 + 15 + 22 - 24 = 18
        assertArrayEquals(new long[] {13, 18}, net.logits(px));
    }

    @Test
    void circuitEqualsTheInterpreterWithFixedAndPrivateWeights() {
        QuantizedConvNet net = miniLeNet(1);
        Random rnd = new Random(2);
        for (int trial = 0; trial < 4; trial++) {
            int[] px = MlpCircuitTest.randomInput(rnd, 64);
            long[] logits = net.logits(px);
            for (ModelCircuit.Weights weights : List.of(ModelCircuit.Weights.FIXED,
                    ModelCircuit.Weights.committed(BigInteger.valueOf(trial + 3)))) {
                ModelCircuit.Result r = ModelCircuit.build(net, px, BigInteger.valueOf(trial), ADDRESS,
                        ModelCircuit.Outputs.CLASS_AND_LOGITS, weights);
                Circuit c = r.circuit();
                assertEquals(-1, c.cs().firstUnsatisfied(c.witness()));
                assertArrayEquals(logits, r.logits());
                List<BigInteger> signals = c.publicSignals();
                int first = weights == ModelCircuit.Weights.FIXED ? 1 : 2;
                assertEquals(BigInteger.valueOf(QuantizedModel.argmax(logits)), signals.get(first));
                for (int j = 0; j < logits.length; j++) {
                    assertEquals(BigInteger.valueOf(logits[j]).mod(Fr.MODULUS), signals.get(first + 1 + j));
                }
            }
            ModelCircuit.Result open = ModelCircuit.buildPublicInput(net, px, ADDRESS);
            assertArrayEquals(logits, open.logits());
        }
    }

    @Test
    void everyHintIsChecked() {
        Random rnd = new Random(3);
        QuantizedConvNet net = new QuantizedConvNet(4, List.of(randomConv(rnd, 1, 2, 3, 1, 7), Pooling.MAX,
                MlpCircuitTest.randomLayer(rnd, 8, 3, 0, false, 40)));
        int[] px = MlpCircuitTest.randomInput(rnd, 16);
        int checked = CheatingProver.assertEveryHintChecked(override -> ModelCircuit.buildWith(net, px,
                BigInteger.valueOf(77), ADDRESS, ModelCircuit.Outputs.CLASS_AND_LOGITS, ModelCircuit.Weights.FIXED,
                override).circuit(), px.length * QuantizedModel.INPUT_BITS);
        assertTrue(checked > 150, "checked " + checked);
    }

    @Test
    void filesRoundTripAndShapesAreChecked() throws Exception {
        QuantizedConvNet net = miniLeNet(4);
        int[] px = MlpCircuitTest.randomInput(new Random(5), 64);
        for (String name : new String[] {"net.json", "net.safetensors"}) {
            ModelFile.write(net, dir.resolve(name));
            QuantizedModel back = ModelFile.read(dir.resolve(name));
            assertEquals(ModelFile.toJson(net), ModelFile.toJson(back));
            assertArrayEquals(net.logits(px), back.logits(px));
        }
        String json = ModelFile.toJson(net);
        FormatException e = assertThrows(FormatException.class, () -> ModelFile.parse("n.json",
                json.replace("\"type\":\"pool\"", "\"type\":\"lstm\"")));
        assertTrue(e.getMessage().contains("type must be \"conv\", \"pool\" or \"dense\""), e.getMessage());
        e = assertThrows(FormatException.class, () -> ModelFile.parse("n.json", json.replaceFirst("\"pad\":1",
                "\"pad\":0")));
        assertTrue(e.getMessage().contains("layer 3: 2 x 2 pooling needs an even side, got 1"), e.getMessage());

        Random rnd = new Random(6);
        List<QuantizedConvNet.Layer> wrongChannels = new ArrayList<>(List.of(randomConv(rnd, 1, 2, 3, 1, 8),
                randomConv(rnd, 3, 2, 3, 1, 8), MlpCircuitTest.randomLayer(rnd, 128, 3, 0, false, 40)));
        assertThrows(IllegalArgumentException.class, () -> new QuantizedConvNet(8, wrongChannels));
        assertThrows(IllegalArgumentException.class, () -> new QuantizedConvNet(8, List.of(Pooling.MAX)));
    }
}
