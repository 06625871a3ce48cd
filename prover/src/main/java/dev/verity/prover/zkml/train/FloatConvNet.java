package dev.verity.prover.zkml.train;

import dev.verity.prover.zkml.Pooling;
import java.util.ArrayList;
import java.util.List;

/**
 * A float LeNet-style network over one square image, as read from ONNX: convolutions (any channel
 * counts, stride 1, zero padding), 2 x 2 stride-2 poolings and dense layers, each optionally
 * followed by ReLU; the layouts of {@link dev.verity.prover.zkml.QuantizedConvNet}. Inference only
 * (Verity trains its own models as {@link FloatMlp} and {@link FloatCnn}).
 */
public final class FloatConvNet {
    /** A stage of the network. */
    public sealed interface Layer permits Conv, Pool, Dense {
    }

    /** Filters in ONNX's [out, in, kernel, kernel] order. */
    public record Conv(int in, int out, int kernel, int pad, double[] weights, double[] bias, boolean relu)
            implements Layer {
        public Conv {
            if (weights.length != out * in * kernel * kernel || bias.length != out) {
                throw new IllegalArgumentException("a " + out + " x " + in + " x " + kernel + " x " + kernel
                        + " convolution needs as many weights and " + out + " biases");
            }
        }

        /** This convolution followed by ReLU. */
        public Conv withRelu() {
            return new Conv(in, out, kernel, pad, weights, bias, true);
        }
    }

    public record Pool(Pooling pooling) implements Layer {
    }

    /** Weights row j = output j, as in {@link FloatMlp}. */
    public record Dense(int in, int out, double[] weights, double[] bias, boolean relu) implements Layer {
        public Dense {
            if (weights.length != in * out || bias.length != out) {
                throw new IllegalArgumentException("a " + in + " -> " + out + " dense layer needs " + in * out
                        + " weights and " + out + " biases");
            }
        }
    }

    private final int side;
    private final List<Layer> layers;

    /** @throws IllegalArgumentException when the layers' shapes do not chain from a side x side image */
    public FloatConvNet(int side, List<Layer> layers) {
        if (side < 1 || layers.isEmpty() || !(layers.get(layers.size() - 1) instanceof Dense)) {
            throw new IllegalArgumentException("a network needs a positive input side and a dense last layer");
        }
        int channels = 1;
        int s = side;
        boolean dense = false;
        for (int l = 0; l < layers.size(); l++) {
            switch (layers.get(l)) {
                case Conv c -> {
                    if (dense || c.in() != channels || s + 2 * c.pad() - c.kernel() + 1 < 1) {
                        throw new IllegalArgumentException("layer " + l + ": a convolution over " + c.in()
                                + " channels does not fit " + (dense ? "a dense layer's output" : channels
                                + " channels of side " + s));
                    }
                    channels = c.out();
                    s = s + 2 * c.pad() - c.kernel() + 1;
                }
                case Pool p -> {
                    if (dense || s % 2 != 0) {
                        throw new IllegalArgumentException("layer " + l + ": 2 x 2 pooling needs an even side, got "
                                + s);
                    }
                    s /= 2;
                }
                case Dense d -> {
                    int inputs = dense ? channels : channels * s * s;
                    if (d.in() != inputs) {
                        throw new IllegalArgumentException("layer " + l + ": a dense layer of " + d.in()
                                + " inputs gets " + inputs);
                    }
                    dense = true;
                    channels = d.out();
                    s = 1;
                }
            }
        }
        this.side = side;
        this.layers = List.copyOf(layers);
    }

    public int side() {
        return side;
    }

    public List<Layer> layers() {
        return layers;
    }

    public int classes() {
        return ((Dense) layers.get(layers.size() - 1)).out();
    }

    /** The outputs of every layer for input x (after its ReLU, if any). */
    public double[][] activations(double[] x) {
        if (x.length != side * side) {
            throw new IllegalArgumentException("expected " + side * side + " inputs, got " + x.length);
        }
        double[][] out = new double[layers.size()][];
        int s = side;
        for (int l = 0; l < layers.size(); l++) {
            switch (layers.get(l)) {
                case Conv c -> {
                    int os = s + 2 * c.pad() - c.kernel() + 1;
                    double[] y = new double[c.out() * os * os];
                    for (int o = 0; o < c.out(); o++) {
                        for (int oy = 0; oy < os; oy++) {
                            for (int ox = 0; ox < os; ox++) {
                                double acc = c.bias()[o];
                                for (int i = 0; i < c.in(); i++) {
                                    for (int u = 0; u < c.kernel(); u++) {
                                        int iy = oy + u - c.pad();
                                        for (int v = 0; v < c.kernel() && iy >= 0 && iy < s; v++) {
                                            int ix = ox + v - c.pad();
                                            if (ix >= 0 && ix < s) {
                                                acc += c.weights()[((o * c.in() + i) * c.kernel() + u) * c.kernel() + v]
                                                        * x[(i * s + iy) * s + ix];
                                            }
                                        }
                                    }
                                }
                                y[(o * os + oy) * os + ox] = c.relu() ? Math.max(acc, 0) : acc;
                            }
                        }
                    }
                    x = y;
                    s = os;
                }
                case Pool p -> {
                    int channels = x.length / (s * s);
                    int ps = s / 2;
                    double[] y = new double[channels * ps * ps];
                    for (int ch = 0; ch < channels; ch++) {
                        for (int py = 0; py < ps; py++) {
                            for (int px = 0; px < ps; px++) {
                                int at = (ch * s + 2 * py) * s + 2 * px;
                                double a = x[at];
                                double b = x[at + 1];
                                double c = x[at + s];
                                double d = x[at + s + 1];
                                y[(ch * ps + py) * ps + px] = p.pooling() == Pooling.MAX
                                        ? Math.max(Math.max(a, b), Math.max(c, d)) : (a + b + c + d) / 4;
                            }
                        }
                    }
                    x = y;
                    s = ps;
                }
                case Dense d -> {
                    double[] y = new double[d.out()];
                    for (int j = 0; j < d.out(); j++) {
                        double acc = d.bias()[j];
                        for (int i = 0; i < d.in(); i++) {
                            acc += d.weights()[j * d.in() + i] * x[i];
                        }
                        y[j] = d.relu() ? Math.max(acc, 0) : acc;
                    }
                    x = y;
                    s = 1;
                }
            }
            out[l] = x;
        }
        return out;
    }

    public double[] logits(double[] x) {
        double[][] a = activations(x);
        return a[a.length - 1];
    }

    public int predict(double[] x) {
        return FloatMlp.argmax(logits(x));
    }

    /**
     * This model for inputs in [0, 1] when it was made for inputs in [0, inputMax] (raw pixel values:
     * 255): the first weighted layer's weights times inputMax (poolings before it commute with the
     * scaling), so both compute the same logits.
     */
    public FloatConvNet forUnitInputs(double inputMax) {
        List<Layer> scaled = new ArrayList<>(layers);
        for (int l = 0; l < layers.size(); l++) {
            switch (layers.get(l)) {
                case Conv c -> {
                    scaled.set(l, new Conv(c.in(), c.out(), c.kernel(), c.pad(), times(c.weights(), inputMax),
                            c.bias(), c.relu()));
                    return new FloatConvNet(side, scaled);
                }
                case Dense d -> {
                    scaled.set(l, new Dense(d.in(), d.out(), times(d.weights(), inputMax), d.bias(), d.relu()));
                    return new FloatConvNet(side, scaled);
                }
                case Pool p -> {
                }
            }
        }
        return this;
    }

    private static double[] times(double[] v, double factor) {
        double[] out = v.clone();
        for (int k = 0; k < out.length; k++) {
            out[k] *= factor;
        }
        return out;
    }
}
