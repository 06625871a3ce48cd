package dev.verity.prover.zkml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.field.Fr;
import dev.verity.prover.r1cs.Circuit;
import dev.verity.prover.zkml.DenseLayer;
import dev.verity.prover.zkml.InputCommitment;
import dev.verity.prover.zkml.ModelCircuit;
import dev.verity.prover.zkml.QuantizedMlp;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The 784-56-10 MLP trained on the real digits (2 epochs keep the test short), quantized, compiled. */
class MnistMlpTest {
    private static final BigInteger ADDRESS = new BigInteger("f39fd6e51aad88f6f4ce6ab8827279cfffb92266", 16);
    private static MnistMlp.Trained trained;

    @BeforeAll
    static void train() {
        trained = MnistMlp.train(MnistData.split(), 2, 7);
        System.out.println("MLP 784-56-10, 2 epochs: " + trained.evaluation());
    }

    @Test
    void quantizedModelKeepsTheFloatModelsAccuracy() {
        Evaluation e = trained.evaluation();
        assertEquals(2_000, e.images());
        assertTrue(e.floatAccuracy() > 0.88, "float accuracy " + e.floatAccuracy());
        assertTrue(e.quantizedAccuracy() > 0.88, "quantized accuracy " + e.quantizedAccuracy());
        assertTrue(Math.abs(e.floatAccuracy() - e.quantizedAccuracy()) <= 0.01, e.toString());
        assertTrue(e.agreement() >= 0.98, e.toString());
    }

    /** The evaluation's figures, recounted here directly from the two models. */
    @Test
    void evaluationCountsWhatTheModelsPredict() {
        Dataset test = MnistData.split().test();
        int floatRight = 0;
        int same = 0;
        for (int k = 0; k < test.size(); k++) {
            int f = trained.floatModel().predict(test.scaled(k));
            int q = trained.quantized().predict(test.images()[k]);
            floatRight += f == test.labels()[k] ? 1 : 0;
            same += f == q ? 1 : 0;
        }
        assertEquals(floatRight / 2000.0, trained.evaluation().floatAccuracy());
        assertEquals(same / 2000.0, trained.evaluation().agreement());
    }

    @Test
    void quantizationHasInt8WeightsAndCalibratedActivations() {
        List<DenseLayer> layers = trained.quantized().layers();
        assertEquals(2, layers.size());
        for (DenseLayer d : layers) {
            long max = 0;
            for (long w : d.weights()) {
                max = Math.max(max, Math.abs(w));
            }
            assertEquals(127, max, "the largest weight takes the whole int8 range");
        }
        assertTrue(layers.get(0).relu() && !layers.get(1).relu());
        assertEquals(0, layers.get(1).shift(), "logits stay unscaled");
        // calibrated on the training digits: hidden activations use about 8 bits there
        Dataset train = MnistData.split().train();
        QuantizedMlp hiddenOnly = new QuantizedMlp(784, List.of(layers.get(0)));
        long maxHidden = 0;
        for (int k = 0; k < train.size(); k += 4) {
            for (long v : hiddenOnly.logits(train.images()[k])) {
                maxHidden = Math.max(maxHidden, v);
            }
        }
        assertTrue(maxHidden >= 128 && maxHidden <= 512, "largest hidden activation " + maxHidden);
    }

    @Test
    void trainingIsDeterministic() {
        MnistDigits.Split small = new MnistDigits.Split(MnistData.split().train().first(500),
                MnistData.split().test().first(100));
        MnistMlp.Trained a = MnistMlp.train(small, 1, 3);
        MnistMlp.Trained b = MnistMlp.train(small, 1, 3);
        MnistMlp.Trained c = MnistMlp.train(small, 1, 4);
        assertArrayEquals(a.floatModel().weights(0), b.floatModel().weights(0));
        assertArrayEquals(a.quantized().layers().get(0).weights(), b.quantized().layers().get(0).weights());
        assertTrue(!java.util.Arrays.equals(a.floatModel().weights(0), c.floatModel().weights(0)));
    }

    /**
     * The first held-out digit of every class through the circuit (building one costs about half a second
     * here, hence not all 2,000): its public outputs are the interpreter's.
     */
    @Test
    void circuitReproducesTheIntegerInterpreterOnRealDigits() {
        Dataset test = MnistData.split().test();
        QuantizedMlp model = trained.quantized();
        int[] taken = new int[10];
        int checked = 0;
        for (int k = 0; k < test.size() && checked < 10; k++) {
            if (taken[test.labels()[k]]++ > 0) {
                continue;
            }
            int[] px = test.images()[k];
            BigInteger blinding = BigInteger.valueOf(1_000_003L * k);
            ModelCircuit.Result result = ModelCircuit.build(model, px, blinding, ADDRESS);
            Circuit c = result.circuit();
            assertEquals(-1, c.cs().firstUnsatisfied(c.witness()), "digit " + k);
            long[] logits = model.logits(px);
            List<BigInteger> expected = new ArrayList<>();
            expected.add(InputCommitment.commit(px, blinding));
            expected.add(BigInteger.valueOf(QuantizedMlp.argmax(logits)));
            for (long v : logits) {
                expected.add(BigInteger.valueOf(v).mod(Fr.MODULUS));
            }
            expected.add(ADDRESS);
            assertEquals(expected, c.publicSignals(), "digit " + k);
            assertTrue(c.cs().nConstraints() <= 15_000, "constraints " + c.cs().nConstraints());
            checked++;
        }
        assertEquals(10, checked);
    }
}
