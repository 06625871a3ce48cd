package dev.verity.bench;

import dev.verity.prover.groth16.DevSetup;
import dev.verity.prover.groth16.Prover;
import dev.verity.prover.groth16.VerificationKeys;
import dev.verity.prover.groth16.Verifier;
import dev.verity.prover.io.SnarkjsJson.Proof;
import dev.verity.prover.io.SnarkjsJson.VerificationKey;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.r1cs.Witness;
import dev.verity.prover.util.Progress;
import dev.verity.prover.zkml.ModelCircuit;
import dev.verity.prover.zkml.QuantizedModel;
import dev.verity.prover.zkml.train.Dataset;
import dev.verity.prover.zkml.train.Evaluation;
import java.io.PrintStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code verity bench zkml}: for a quantized model, its circuit size, then in a warm JVM (after
 * warm-up runs) the time from an input to a verified proof, step by step: building the circuit
 * with its witness, proving, verifying. Keys come from the unsafe dev setup (bench only). The
 * statement measured: weights fixed in the circuit, the input private behind its Poseidon
 * commitment, class and logits public, the submitter's address public.
 */
public final class ZkmlBench {
    private static final BigInteger ADDRESS = new BigInteger("f39fd6e51aad88f6f4ce6ab8827279cfffb92266", 16);
    private final int runs;
    private final PrintStream out;

    public ZkmlBench(int runs, PrintStream out) {
        this.runs = runs;
        this.out = out;
    }

    /** Measures {@code model} on the first held-out digits; {@code evaluation} is its accuracy report. */
    public void run(String name, QuantizedModel model, Evaluation evaluation, Dataset test) {
        ModelCircuit.Result shape = ModelCircuit.build(model, test.images()[0], BigInteger.ONE, ADDRESS);
        int constraints = shape.circuit().cs().nConstraints();
        long setupStart = System.nanoTime();
        Zkey key = DevSetup.generate(shape.circuit().cs(), new SecureRandom(), Progress.NONE);
        double setupSeconds = seconds(setupStart);
        VerificationKey vk = VerificationKeys.of(key);
        SecureRandom random = new SecureRandom();

        List<Double> witness = new ArrayList<>();
        List<Double> prove = new ArrayList<>();
        List<Double> verify = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        int warmup = 2;
        for (int run = 0; run < warmup + runs; run++) {
            int[] px = test.images()[(run + 1) % test.size()];
            long t0 = System.nanoTime();
            ModelCircuit.Result r = ModelCircuit.build(model, px, BigInteger.valueOf(run + 7), ADDRESS);
            Witness w = r.circuit().witness();
            long t1 = System.nanoTime();
            Proof proof = Prover.prove(key, w, random, Progress.NONE);
            long t2 = System.nanoTime();
            boolean ok = Verifier.verify(vk, w.publicSignals(key.nPublic()), proof);
            long t3 = System.nanoTime();
            if (!ok) {
                throw new IllegalStateException("a proof of " + name + " did not verify");
            }
            if (run >= warmup) {
                witness.add((t1 - t0) / 1e9);
                prove.add((t2 - t1) / 1e9);
                verify.add((t3 - t2) / 1e9);
                total.add((t3 - t0) / 1e9);
            }
        }
        out.printf("%n## %s%n", name);
        out.println("statement: weights fixed in the circuit; input private behind Poseidon(input, blinding); "
                + "class and logits public; submitter address public");
        out.printf("| constraints | dev setup (once) | circuit + witness | prove | verify | input -> verified proof |%n");
        out.printf("|---:|---:|---:|---:|---:|---:|%n");
        out.printf("| %,d | %.2f s | %.3f s | %.3f s | %.3f s | %.3f s |%n", constraints, setupSeconds,
                median(witness), median(prove), median(verify), median(total));
        out.printf("(medians of %d runs in a warm JVM after %d warm-up runs)%n", runs, warmup);
        for (ModelCircuit.Cost cost : shape.costs()) {
            out.printf("  %-70s %8d%n", cost.stage(), cost.constraints());
        }
        out.println("accuracy " + evaluation);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
