package dev.verity.prover.zkml.train;

import java.util.Random;

/**
 * Trains a {@link FloatMlp} on labelled images with softmax cross-entropy and Adam on mini
 * batches. Deterministic: the initialization and the order of the samples in every epoch come
 * from the seed, and the arithmetic runs on one thread in a fixed order.
 */
public final class MlpTrainer {
    /** Training settings. */
    public record Options(int epochs, int batchSize, double learningRate, long seed) {
        public Options {
            if (epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("epochs and batch size must be positive, the learning rate > 0");
            }
        }
    }

    private MlpTrainer() {
    }

    /** Trains an MLP of the given layer sizes (input first) from scratch. */
    public static FloatMlp train(Dataset data, Options options, int... sizes) {
        if (sizes[0] != data.pixels() || sizes[sizes.length - 1] != data.classes()) {
            throw new IllegalArgumentException("the layer sizes must start with " + data.pixels()
                    + " inputs and end with " + data.classes() + " classes");
        }
        FloatMlp model = FloatMlp.initialize(options.seed(), sizes);
        int layers = model.layers();
        double[][] params = new double[2 * layers][];
        double[][] grads = new double[2 * layers][];
        for (int l = 0; l < layers; l++) {
            params[2 * l] = model.weights[l];
            params[2 * l + 1] = model.bias[l];
            grads[2 * l] = new double[model.weights[l].length];
            grads[2 * l + 1] = new double[model.bias[l].length];
        }
        Adam adam = new Adam(params, options.learningRate());
        Random rnd = new Random(options.seed() ^ 0x5DEECE66DL);
        int[] order = new int[data.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            shuffle(order, rnd);
            for (int from = 0; from < order.length; from += options.batchSize()) {
                int to = Math.min(order.length, from + options.batchSize());
                for (double[] g : grads) {
                    java.util.Arrays.fill(g, 0);
                }
                for (int k = from; k < to; k++) {
                    accumulateGradient(model, data.scaled(order[k]), data.labels()[order[k]], grads);
                }
                double inv = 1.0 / (to - from);
                for (double[] g : grads) {
                    for (int i = 0; i < g.length; i++) {
                        g[i] *= inv;
                    }
                }
                adam.update(grads);
            }
        }
        return model;
    }

    /** Adds the gradient of the cross-entropy loss of one sample to {@code grads}. */
    private static void accumulateGradient(FloatMlp model, double[] x, int label, double[][] grads) {
        double[][] h = model.activations(x);
        int layers = model.layers();
        double[] delta = softmax(h[layers]);
        delta[label] -= 1; // d loss / d logits
        for (int l = layers - 1; l >= 0; l--) {
            int in = model.in(l);
            int out = model.out(l);
            double[] input = h[l];
            int[] nonZero = FloatMlp.nonZero(input);
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
                double[] w = model.weights[l];
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

    static double[] softmax(double[] z) {
        double max = z[0];
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            p[j] = Math.exp(z[j] - max);
            sum += p[j];
        }
        for (int j = 0; j < z.length; j++) {
            p[j] /= sum;
        }
        return p;
    }

    private static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
