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
 * {@code verity bench zkml}: for a quantized model and each visibility mode of its input, the
 * circuit size, then in a warm JVM (after warm-up runs) the time from an input to a verified
 * proof, step by step: building the circuit with its witness, proving, verifying. Keys come from
 * the unsafe dev setup (bench only). Statements: class and logits public, the submitter's address
 * public; the input private behind its Poseidon commitment or public; the weights fixed in the
 * circuit or private behind their own commitment (with a private input).
 */
public final class ZkmlBench {
    private static final BigInteger ADDRESS = new BigInteger("f39fd6e51aad88f6f4ce6ab8827279cfffb92266", 16);
    private static final int WARMUP_RUNS = 2;
    private static final ModelCircuit.Weights PRIVATE_WEIGHTS = ModelCircuit.Weights.committed(BigInteger.valueOf(99));
    private final int runs;
    private final double warmupSeconds;
    private final PrintStream out;

    /**
     * @param warmupSeconds warm-up time per statement besides the {@value #WARMUP_RUNS} warm-up runs,
     *     so that a small circuit, whose proof takes a fraction of a second, also runs JIT-compiled
     *     code (a server's steady state), not the interpreter's
     */
    public ZkmlBench(int runs, double warmupSeconds, PrintStream out) {
        this.runs = runs;
        this.warmupSeconds = warmupSeconds;
        this.out = out;
    }

    /** Measures {@code model} on held-out digits in both modes; {@code evaluation} is its accuracy report. */
    public void run(String name, QuantizedModel model, Evaluation evaluation, Dataset test) {
        out.printf("%n## %s%n", name);
        out.println("accuracy " + evaluation);
        out.println("class and logits public; submitter address public");
        out.printf("| weights | input | constraints | public signals | dev setup (once) | circuit + witness | prove "
                + "| verify | input -> verified proof |%n");
        out.printf("|---|---|---:|---:|---:|---:|---:|---:|---:|%n");
        List<ModelCircuit.Cost> privateCosts = measure("fixed | private, Poseidon commitment", test,
                (px, run) -> ModelCircuit.build(model, px, BigInteger.valueOf(run + 7), ADDRESS));
        List<ModelCircuit.Cost> publicCosts = measure("fixed | public", test,
                (px, run) -> ModelCircuit.buildPublicInput(model, px, ADDRESS));
        List<ModelCircuit.Cost> committedCosts = measure("private, Poseidon commitment | private, Poseidon commitment",
                test, (px, run) -> ModelCircuit.build(model, px, BigInteger.valueOf(run + 7), ADDRESS,
                        ModelCircuit.Outputs.CLASS_AND_LOGITS, PRIVATE_WEIGHTS));
        out.printf("(medians of %d runs in a warm JVM, after at least %d warm-up runs and %.0f s)%n", runs,
                WARMUP_RUNS, warmupSeconds);
        out.println("constraints by stage, fixed weights, private input:");
        print(privateCosts);
        out.println("constraints by stage, fixed weights, public input:");
        print(publicCosts);
        out.println("constraints by stage, private weights, private input:");
        print(committedCosts);
    }

    private void print(List<ModelCircuit.Cost> costs) {
        for (ModelCircuit.Cost cost : costs) {
            out.printf("  %-76s %8d%n", cost.stage(), cost.constraints());
        }
    }

    /** Builds the circuit (with its witness) of one digit in one mode; run numbers vary the blinding. */
    private interface Builder {
        ModelCircuit.Result build(int[] pixels, int run);
    }

    private List<ModelCircuit.Cost> measure(String mode, Dataset test, Builder builder) {
        ModelCircuit.Result shape = builder.build(test.images()[0], 0);
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
        long warmupStart = System.nanoTime();
        int warmups = 0;
        for (int run = 0; total.size() < runs; run++) {
            int[] px = test.images()[(run + 1) % test.size()];
            long t0 = System.nanoTime();
            ModelCircuit.Result r = builder.build(px, run);
            Witness w = r.circuit().witness();
            long t1 = System.nanoTime();
            Proof proof = Prover.prove(key, w, random, Progress.NONE);
            long t2 = System.nanoTime();
            boolean ok = Verifier.verify(vk, w.publicSignals(key.nPublic()), proof);
            long t3 = System.nanoTime();
            if (!ok) {
                throw new IllegalStateException("a proof did not verify (weights | input: " + mode + ")");
            }
            if (warmups < WARMUP_RUNS || seconds(warmupStart) < warmupSeconds) {
                warmups++;
            } else {
                witness.add((t1 - t0) / 1e9);
                prove.add((t2 - t1) / 1e9);
                verify.add((t3 - t2) / 1e9);
                total.add((t3 - t0) / 1e9);
            }
        }
        out.printf("| %s | %,d | %d | %.2f s | %.3f s | %.3f s | %.3f s | %.3f s |%n", mode, constraints,
                key.nPublic(), setupSeconds, median(witness), median(prove), median(verify), median(total));
        return shape.costs();
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
