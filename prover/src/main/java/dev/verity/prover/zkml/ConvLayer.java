package dev.verity.prover.zkml;

/**
 * A quantized convolution over {@code in} channels giving {@code out}: square {@code kernel x
 * kernel} filters, stride 1, {@code pad} zeros on every side; for output channel o at (y, x),
 * {@code acc = bias[o] + sum_{i,u,v} weights[((o * in + i) * kernel + u) * kernel + v] *
 * input[i][y + u - pad][x + v - pad]} (zero outside the input), then {@code floor(acc / 2^shift)},
 * then {@code max(., 0)} when {@code relu}. The weights' order is ONNX's [out, in, kernel, kernel].
 */
public record ConvLayer(int in, int out, int kernel, int pad, long[] weights, long[] bias, int shift, boolean relu)
        implements QuantizedConvNet.Layer {
    public ConvLayer {
        if (in < 1 || out < 1 || kernel < 1 || pad < 0 || pad >= kernel) {
            throw new IllegalArgumentException("a convolution needs in, out, kernel >= 1 and 0 <= pad < kernel, got in "
                    + in + ", out " + out + ", kernel " + kernel + ", pad " + pad);
        }
        if (weights.length != (long) out * in * kernel * kernel || bias.length != out) {
            throw new IllegalArgumentException("expected " + (long) out * in * kernel * kernel + " filter weights and "
                    + out + " biases, got " + weights.length + " and " + bias.length);
        }
        // the same limits as a dense layer's, checked by one
        new DenseLayer(weights.length, 1, weights, new long[1], shift, relu);
        new DenseLayer(1, out, new long[out], bias, 0, false);
        weights = weights.clone();
        bias = bias.clone();
    }

    @Override
    public long[] weights() {
        return weights.clone();
    }

    @Override
    public long[] bias() {
        return bias.clone();
    }

    long weight(int o, int i, int u, int v) {
        return weights[((o * in + i) * kernel + u) * kernel + v];
    }

    long bias(int o) {
        return bias[o];
    }

    /** The side of the output for an input of side {@code side}. */
    int outputSide(int side) {
        return side + 2 * pad - kernel + 1;
    }
}
