package dev.verity.prover.zkml.train;

import java.util.Random;

/**
 * Trains a float model on labelled images with softmax cross-entropy and Adam on mini batches.
 * Deterministic: the order of the samples in every epoch comes from the seed, and the arithmetic
 * runs on one thread in a fixed order.
 */
public final class Trainer {
    /** A float model the trainer can update: its parameter arrays and the gradient of the loss. */
    interface Trainable {
        /** The model's own parameter arrays, updated in place. */
        double[][] parameters();

        /** Adds the gradient of the cross-entropy loss of one sample to {@code grads} (laid out as the parameters). */
        void addGradient(double[] x, int label, double[][] grads);
    }

    /** Training settings. */
    public record Options(int epochs, int batchSize, double learningRate, long seed) {
        public Options {
            if (epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("epochs and batch size must be positive, the learning rate > 0");
            }
        }
    }

    private Trainer() {
    }

    /** Trains {@code model} in place on {@code data} and returns it. */
    static <M extends Trainable> M train(M model, Dataset data, Options options) {
        double[][] params = model.parameters();
        double[][] grads = new double[params.length][];
        for (int k = 0; k < params.length; k++) {
            grads[k] = new double[params[k].length];
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
                    model.addGradient(data.scaled(order[k]), data.labels()[order[k]], grads);
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
