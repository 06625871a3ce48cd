package dev.verity.prover.zkml;

import dev.verity.prover.r1cs.CircuitBuilder;
import dev.verity.prover.r1cs.LinearCombination;
import java.util.List;

/**
 * A quantized network over 8-bit inputs (pixels in {@code [0, 255]}) with its reference integer
 * interpreter, whose logits the circuit of {@link ModelCircuit} reproduces exactly. The class is
 * the first index of a largest logit.
 */
public abstract sealed class QuantizedModel permits QuantizedMlp, QuantizedCnn, QuantizedConvNet {
    public static final int INPUT_BITS = 8;

    public abstract int inputSize();

    public abstract int classes();

    /** The logits for one input, in exact integer arithmetic. */
    public abstract long[] logits(int[] pixels);

    /** The predicted class: the first index of a largest logit. */
    public int predict(int[] pixels) {
        return argmax(logits(pixels));
    }

    public static int argmax(long[] logits) {
        int best = 0;
        for (int j = 1; j < logits.length; j++) {
            if (logits[j] > logits[best]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * A named array of parameters: a layer's weights or its biases. The array is the model's own:
     * callers in this package only read it.
     */
    record Tensor(String name, long[] values, boolean bias) {
    }

    /** The model's parameters, layer by layer, weights then biases: the order of {@link ModelCommitment}. */
    abstract List<Tensor> tensors();

    /**
     * In a circuit: the logits for inputs {@code x} (8-bit values already constrained) with the
     * parameters {@code p}, recording the cost of each stage in {@code stages}.
     */
    abstract LinearCombination[] compile(CircuitBuilder b, LinearCombination[] x, ModelParameters p,
            ModelCircuit.Stages stages);

    /** Bounds every logit over all inputs, for parameters in {@code p}'s ranges. */
    abstract Interval logitBound(ModelParameters p);

    public void checkInput(int[] pixels) {
        if (pixels.length != inputSize()) {
            throw new IllegalArgumentException("expected " + inputSize() + " input values, got " + pixels.length);
        }
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i] < 0 || pixels[i] >= 1 << INPUT_BITS) {
                throw new IllegalArgumentException("input " + i + " = " + pixels[i] + " is not in [0, 255]");
            }
        }
    }
}
