package dev.verity.prover.zkml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.field.Fr;
import dev.verity.prover.r1cs.Circuit;
import dev.verity.prover.zkml.InputCommitment;
import dev.verity.prover.zkml.ModelCircuit;
import dev.verity.prover.zkml.Pooling;
import dev.verity.prover.zkml.QuantizedCnn;
import dev.verity.prover.zkml.QuantizedModel;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The small CNN trained on the real digits (1 epoch keeps the test short), quantized, compiled. */
class MnistCnnTest {
    private static final BigInteger ADDRESS = new BigInteger("f39fd6e51aad88f6f4ce6ab8827279cfffb92266", 16);
    private static MnistCnn.Trained trained;

    @BeforeAll
    static void train() {
        trained = MnistCnn.train(MnistData.split(), 1, 7);
        System.out.println("CNN 6 x 5x5, 1 epoch: " + trained.evaluation());
    }

    @Test
    void quantizedModelKeepsTheFloatModelsAccuracy() {
        Evaluation e = trained.evaluation();
        assertTrue(e.floatAccuracy() > 0.85, e.toString());
        assertTrue(Math.abs(e.floatAccuracy() - e.quantizedAccuracy()) <= 0.01, e.toString());
        assertTrue(e.agreement() >= 0.98, e.toString());
        Dataset test = MnistData.split().test();
        int right = 0;
        for (int k = 0; k < test.size(); k++) {
            right += trained.quantized().predict(test.images()[k]) == test.labels()[k] ? 1 : 0;
        }
        assertEquals(right / 2000.0, e.quantizedAccuracy());
    }

    /** The float model's own forward pass agrees with a direct computation of conv, ReLU, pool, dense. */
    @Test
    void floatForwardPassIsConvReluPoolDense() {
        FloatCnn f = trained.floatModel();
        double[] x = MnistData.split().test().scaled(3);
        double[] cw = f.convWeights();
        double[] dw = f.denseWeights();
        double[] pooled = new double[6 * 12 * 12];
        for (int c = 0; c < 6; c++) {
            for (int py = 0; py < 12; py++) {
                for (int px = 0; px < 12; px++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            double acc = f.convBias()[c];
                            for (int u = 0; u < 5; u++) {
                                for (int v = 0; v < 5; v++) {
                                    acc += cw[c * 25 + u * 5 + v] * x[(2 * py + dy + u) * 28 + 2 * px + dx + v];
                                }
                            }
                            max = Math.max(max, Math.max(acc, 0));
                        }
                    }
                    pooled[c * 144 + py * 12 + px] = max;
                }
            }
        }
        double[] logits = f.logits(x);
        for (int j = 0; j < 10; j++) {
            double acc = f.denseBias()[j];
            for (int i = 0; i < pooled.length; i++) {
                acc += dw[j * pooled.length + i] * pooled[i];
            }
            assertEquals(acc, logits[j], 1e-9);
        }
    }

    /** Two held-out digits through the circuit (a few seconds each here): the public outputs are the interpreter's. */
    @Test
    void circuitReproducesTheIntegerInterpreterOnRealDigits() {
        Dataset test = MnistData.split().test();
        QuantizedCnn model = trained.quantized();
        for (int k = 0; k < 2_000; k += 1_000) {
            int[] px = test.images()[k];
            BigInteger blinding = BigInteger.valueOf(31L * k + 1);
            ModelCircuit.Result result = ModelCircuit.build(model, px, blinding, ADDRESS);
            Circuit c = result.circuit();
            assertEquals(-1, c.cs().firstUnsatisfied(c.witness()), "digit " + k);
            long[] logits = model.logits(px);
            List<BigInteger> expected = new ArrayList<>();
            expected.add(InputCommitment.commit(px, blinding));
            expected.add(BigInteger.valueOf(QuantizedModel.argmax(logits)));
            for (long v : logits) {
                expected.add(BigInteger.valueOf(v).mod(Fr.MODULUS));
            }
            expected.add(ADDRESS);
            assertEquals(expected, c.publicSignals(), "digit " + k);
            assertTrue(c.cs().nConstraints() <= 100_000, "constraints " + c.cs().nConstraints());
            if (k == 0) {
                System.out.println("CNN circuit: " + c.cs().nConstraints() + " constraints " + result.costs());
            }
        }
    }

    /**
     * Average pooling: trained on the real digits, quantized (the 1/4 folded into the dense layer,
     * the circuit summing the four activations), as accurate as max pooling's model, and the
     * circuit reproduces its interpreter.
     */
    @Test
    void averagePoolingTrainsQuantizesAndCompiles() {
        MnistCnn.Trained avg = MnistCnn.train(MnistData.split(), 1, 7, Pooling.AVERAGE);
        System.out.println("CNN 6 x 5x5 average pooling, 1 epoch: " + avg.evaluation());
        Evaluation e = avg.evaluation();
        assertEquals(Pooling.AVERAGE, avg.quantized().pooling());
        assertTrue(e.floatAccuracy() > 0.85, e.toString());
        assertTrue(Math.abs(e.floatAccuracy() - e.quantizedAccuracy()) <= 0.01, e.toString());
        assertTrue(e.agreement() >= 0.98, e.toString());
        int[] px = MnistData.split().test().images()[5];
        ModelCircuit.Result result = ModelCircuit.build(avg.quantized(), px, BigInteger.TEN, ADDRESS);
        Circuit c = result.circuit();
        assertEquals(-1, c.cs().firstUnsatisfied(c.witness()));
        assertArrayEquals(avg.quantized().logits(px), result.logits());
        System.out.println("CNN (average pooling) circuit: " + c.cs().nConstraints() + " constraints");
    }

    /** The backward pass of average pooling against finite differences of the loss. */
    @Test
    void averagePoolingGradientMatchesFiniteDifferences() {
        FloatCnn f = FloatCnn.initialize(3, 8, 2, 3, 4, Pooling.AVERAGE);
        double[] x = new double[64];
        java.util.Random rnd = new java.util.Random(4);
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble();
        }
        double[][] params = f.parameters();
        double[][] grads = new double[params.length][];
        for (int t = 0; t < params.length; t++) {
            grads[t] = new double[params[t].length];
        }
        f.addGradient(x, 2, grads);
        double h = 1e-6;
        for (int t = 0; t < params.length; t++) {
            for (int k = 0; k < params[t].length; k += 3) {
                double saved = params[t][k];
                params[t][k] = saved + h;
                double up = loss(f, x, 2);
                params[t][k] = saved - h;
                double down = loss(f, x, 2);
                params[t][k] = saved;
                assertEquals((up - down) / (2 * h), grads[t][k], 1e-5, "tensor " + t + " index " + k);
            }
        }
    }

    private static double loss(FloatCnn f, double[] x, int label) {
        return -Math.log(Trainer.softmax(f.logits(x))[label]);
    }
}
