package dev.verity.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.zkml.DenseLayer;
import dev.verity.prover.zkml.ModelCircuit;
import dev.verity.prover.zkml.QuantizedMlp;
import dev.verity.prover.zkml.train.Dataset;
import dev.verity.prover.zkml.train.Evaluation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZkmlBenchTest {
    /** A tiny model through the bench: the table reports the circuit's real size, and every proof verified. */
    @Test
    void reportsTheCircuitAndTimesOfVerifiedProofs() {
        Random rnd = new Random(3);
        long[] w = new long[16 * 3];
        for (int k = 0; k < w.length; k++) {
            w[k] = rnd.nextInt(255) - 127;
        }
        QuantizedMlp model = new QuantizedMlp(16, List.of(new DenseLayer(16, 3, w, new long[3], 0, false)));
        int[][] images = new int[4][16];
        for (int[] image : images) {
            for (int i = 0; i < 16; i++) {
                image[i] = rnd.nextInt(256);
            }
        }
        Dataset test = new Dataset(4, 4, 3, images, new int[] {0, 1, 2, 0});
        Evaluation evaluation = Evaluation.of(test, k -> model.predict(images[k]), k -> model.predict(images[k]));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ZkmlBench(2, 0, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run("tiny", model, evaluation, test);
        String out = bytes.toString(StandardCharsets.UTF_8);
        int constraints = ModelCircuit.build(model, images[0], BigInteger.ONE, BigInteger.ONE).circuit().cs()
                .nConstraints();
        int open = ModelCircuit.buildPublicInput(model, images[0], BigInteger.ONE).circuit().cs().nConstraints();
        int committed = ModelCircuit.build(model, images[0], BigInteger.ONE, BigInteger.ONE,
                ModelCircuit.Outputs.CLASS_AND_LOGITS, ModelCircuit.Weights.committed(BigInteger.TWO)).circuit().cs()
                .nConstraints();
        assertTrue(out.contains("## tiny"), out);
        // private: commitment, class, 3 logits, address; public: class, 3 logits, address, 16 pixels;
        // private weights: the model commitment too
        assertTrue(out.contains("| fixed | private, Poseidon commitment | " + String.format("%,d", constraints)
                + " | 6 | "), out);
        assertTrue(out.contains("| fixed | public | " + String.format("%,d", open) + " | 21 | "), out);
        assertTrue(out.contains("| private, Poseidon commitment | private, Poseidon commitment | "
                + String.format("%,d", committed) + " | 7 | "), out);
        assertTrue(committed > constraints + 48 * 9, committed + " vs " + constraints);
        assertTrue(out.contains("(medians of 2 runs in a warm JVM, after at least 2 warm-up runs and 0 s)"), out);
        assertTrue(out.contains("float/integer agreement 100.00%"), out);
    }
}
