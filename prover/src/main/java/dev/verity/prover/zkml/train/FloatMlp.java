package dev.verity.prover.zkml.train;

import java.util.Random;

/**
 * A float multilayer perceptron: dense layers with ReLU between them and none after the last
 * (its outputs are the logits). Layer l maps {@code sizes[l]} inputs to {@code sizes[l+1]} outputs
 * with {@code weights[l][j * in + i]} (row j = output j, the layout of the quantized model) and
 * {@code bias[l][j]}. The arrays are the model's own: the trainer updates them in place.
 */
public final class FloatMlp implements Trainer.Trainable {
    private final int[] sizes;
    final double[][] weights;
    final double[][] bias;

    FloatMlp(int[] sizes, double[][] weights, double[][] bias) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs an input size and at least one layer");
        }
        for (int l = 0; l + 1 < sizes.length; l++) {
            if (sizes[l] < 1 || sizes[l + 1] < 1 || weights[l].length != sizes[l] * sizes[l + 1]
                    || bias[l].length != sizes[l + 1]) {
                throw new IllegalArgumentException("layer " + l + " does not match sizes " + sizes[l] + " -> "
                        + sizes[l + 1]);
            }
        }
        this.sizes = sizes.clone();
        this.weights = weights;
        this.bias = bias;
    }

    /** A model with the given weights (copied); {@code weights[l]} row j = output j. */
    public static FloatMlp of(int[] sizes, double[][] weights, double[][] bias) {
        double[][] w = new double[weights.length][];
        double[][] b = new double[bias.length][];
        for (int l = 0; l < weights.length; l++) {
            w[l] = weights[l].clone();
            b[l] = bias[l].clone();
        }
        if (sizes.length != w.length + 1 || b.length != w.length) {
            throw new IllegalArgumentException(sizes.length + " sizes for " + w.length + " layers");
        }
        return new FloatMlp(sizes, w, b);
    }

    /** He-initialized weights (normal, variance 2 / inputs) and zero biases, from {@code seed}. */
    public static FloatMlp initialize(long seed, int... sizes) {
        Random rnd = new Random(seed);
        double[][] w = new double[sizes.length - 1][];
        double[][] b = new double[sizes.length - 1][];
        for (int l = 0; l + 1 < sizes.length; l++) {
            w[l] = new double[sizes[l] * sizes[l + 1]];
            double std = Math.sqrt(2.0 / sizes[l]);
            for (int k = 0; k < w[l].length; k++) {
                w[l][k] = rnd.nextGaussian() * std;
            }
            b[l] = new double[sizes[l + 1]];
        }
        return new FloatMlp(sizes, w, b);
    }

    public int layers() {
        return sizes.length - 1;
    }

    public int in(int layer) {
        return sizes[layer];
    }

    public int out(int layer) {
        return sizes[layer + 1];
    }

    public double[] weights(int layer) {
        return weights[layer].clone();
    }

    public double[] bias(int layer) {
        return bias[layer].clone();
    }

    /**
     * This model for inputs in [0, 1] when it was made for inputs in [0, inputMax] (raw pixel values:
     * 255): the first layer's weights times inputMax, so both compute the same logits.
     */
    public FloatMlp forUnitInputs(double inputMax) {
        double[][] w = new double[layers()][];
        double[][] b = new double[layers()][];
        for (int l = 0; l < layers(); l++) {
            w[l] = weights(l);
            b[l] = bias(l);
        }
        for (int k = 0; k < w[0].length; k++) {
            w[0][k] *= inputMax;
        }
        return of(sizes.clone(), w, b);
    }

    /**
     * The outputs of every layer for input x: {@code [x, h_1, ..., logits]}, hidden outputs after
     * their ReLU.
     */
    public double[][] activations(double[] x) {
        if (x.length != sizes[0]) {
            throw new IllegalArgumentException("expected " + sizes[0] + " inputs, got " + x.length);
        }
        double[][] h = new double[sizes.length][];
        h[0] = x;
        for (int l = 0; l < layers(); l++) {
            h[l + 1] = dense(l, h[l], l + 1 < layers());
        }
        return h;
    }

    public double[] logits(double[] x) {
        double[][] h = activations(x);
        return h[h.length - 1];
    }

    public int predict(double[] x) {
        return argmax(logits(x));
    }

    private double[] dense(int l, double[] x, boolean relu) {
        int in = sizes[l];
        int out = sizes[l + 1];
        int[] nonZero = nonZero(x); // inputs are mostly zero pixels or inactive ReLUs
        double[] w = weights[l];
        double[] y = new double[out];
        for (int j = 0; j < out; j++) {
            double acc = bias[l][j];
            int row = j * in;
            for (int i : nonZero) {
                acc += w[row + i] * x[i];
            }
            y[j] = relu ? Math.max(acc, 0) : acc;
        }
        return y;
    }

    @Override
    public double[][] parameters() {
        double[][] params = new double[2 * layers()][];
        for (int l = 0; l < layers(); l++) {
            params[2 * l] = weights[l];
            params[2 * l + 1] = bias[l];
        }
        return params;
    }

    /** Backpropagation through the dense layers and their ReLUs. */
    @Override
    public void addGradient(double[] x, int label, double[][] grads) {
        double[][] h = activations(x);
        double[] delta = Trainer.softmax(h[layers()]);
        delta[label] -= 1; // d loss / d logits
        for (int l = layers() - 1; l >= 0; l--) {
            int in = in(l);
            int out = out(l);
            double[] input = h[l];
            int[] nonZero = nonZero(input);
            double[] gw = grads[2 * l];
            double[] gb = grads[2 * l + 1];
            for (int j = 0; j < out; j++) {
                double d = delta[j];
                if (d == 0) {
                    continue;
                }
                gb[j] += d;
                int row = j * in;
                for (int i : nonZero) {
                    gw[row + i] += d * input[i];
                }
            }
            if (l > 0) {
                double[] w = weights[l];
                double[] prev = new double[in];
                for (int j = 0; j < out; j++) {
                    double d = delta[j];
                    int row = j * in;
                    for (int i : nonZero) { // the ReLU's derivative is 0 where its output is 0
                        prev[i] += w[row + i] * d;
                    }
                }
                delta = prev;
            }
        }
    }

    static int[] nonZero(double[] x) {
        int n = 0;
        for (double v : x) {
            n += v != 0 ? 1 : 0;
        }
        int[] idx = new int[n];
        for (int i = 0, k = 0; i < x.length; i++) {
            if (x[i] != 0) {
                idx[k++] = i;
            }
        }
        return idx;
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int j = 1; j < v.length; j++) {
            if (v[j] > v[best]) {
                best = j;
            }
        }
        return best;
    }
}
