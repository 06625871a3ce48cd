package dev.verity.prover.zkml;

/**
 * A quantized fully connected layer: for each output j,
 * {@code acc_j = bias_j + sum_i weights[j * in + i] * x_i}, then {@code y_j = floor(acc_j / 2^shift)},
 * then {@code max(y_j, 0)} when {@code relu}. Weights and biases are integers (the fixed-point
 * scales of the float model are folded into them and into {@code shift}).
 */
public record DenseLayer(int in, int out, long[] weights, long[] bias, int shift, boolean relu)
        implements QuantizedConvNet.Layer {
    /** Largest weight magnitude accepted: 2^24, far beyond int8 models, keeps the long arithmetic exact. */
    public static final long MAX_WEIGHT = 1L << 24;
    public static final long MAX_BIAS = 1L << 40;
    public static final int MAX_SHIFT = 40;

    public DenseLayer {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("layer sizes must be positive, got " + in + " x " + out);
        }
        if (weights.length != (long) in * out) {
            throw new IllegalArgumentException("expected " + in + " x " + out + " = " + (long) in * out
                    + " weights, got " + weights.length);
        }
        if (bias.length != out) {
            throw new IllegalArgumentException("expected " + out + " biases, got " + bias.length);
        }
        if (shift < 0 || shift > MAX_SHIFT) {
            throw new IllegalArgumentException("shift must be in [0, " + MAX_SHIFT + "], got " + shift);
        }
        for (int k = 0; k < weights.length; k++) {
            if (Math.abs(weights[k]) > MAX_WEIGHT) {
                throw new IllegalArgumentException("weight " + k + " = " + weights[k] + " exceeds 2^24 in magnitude");
            }
        }
        for (int j = 0; j < out; j++) {
            if (Math.abs(bias[j]) > MAX_BIAS) {
                throw new IllegalArgumentException("bias " + j + " = " + bias[j] + " exceeds 2^40 in magnitude");
            }
        }
        weights = weights.clone();
        bias = bias.clone();
    }

    public long weight(int j, int i) {
        return weights[j * in + i];
    }

    @Override
    public long[] weights() {
        return weights.clone();
    }

    @Override
    public long[] bias() {
        return bias.clone();
    }

    long bias(int j) {
        return bias[j];
    }
}
