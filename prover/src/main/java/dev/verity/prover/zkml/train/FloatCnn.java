package dev.verity.prover.zkml.train;

import dev.verity.prover.zkml.Pooling;
import java.util.Random;

/**
 * A float small CNN over one square image: {@code channels} convolution filters of
 * {@code kernel x kernel} (stride 1, no padding) with ReLU, 2 x 2 max or average pooling, and a dense layer
 * over the pooled values (flattened channel, row, column) giving the logits. The layouts are those
 * of {@link dev.verity.prover.zkml.QuantizedCnn}.
 */
public final class FloatCnn implements Trainer.Trainable {
    private final int side;
    private final int channels;
    private final int kernel;
    private final Pooling pooling;
    final double[] convWeights;
    final double[] convBias;
    final double[] denseWeights;
    final double[] denseBias;
    private final int classes;

    /** The values a forward pass computes, kept for backpropagation. */
    record Pass(double[] conv, double[] pooled, int[] poolArgmax, double[] logits) {
    }

    private FloatCnn(int side, int channels, int kernel, int classes, Pooling pooling, Random rnd) {
        if ((side - kernel + 1) % 2 != 0 || kernel < 1 || channels < 1) {
            throw new IllegalArgumentException("the convolution's output side must be even for 2 x 2 pooling");
        }
        this.side = side;
        this.channels = channels;
        this.kernel = kernel;
        this.pooling = pooling;
        this.classes = classes;
        convWeights = gaussian(rnd, channels * kernel * kernel, Math.sqrt(2.0 / (kernel * kernel)));
        convBias = new double[channels];
        int in = channels * pooledSide() * pooledSide();
        denseWeights = gaussian(rnd, classes * in, Math.sqrt(1.0 / in));
        denseBias = new double[classes];
    }

    /** A model with the given weights (copied), in the layouts of {@link dev.verity.prover.zkml.QuantizedCnn}. */
    public static FloatCnn of(int side, int channels, int kernel, int classes, Pooling pooling, double[] convWeights,
            double[] convBias, double[] denseWeights, double[] denseBias) {
        FloatCnn m = new FloatCnn(side, channels, kernel, classes, pooling, new Random(0));
        if (convWeights.length != m.convWeights.length || convBias.length != channels
                || denseWeights.length != m.denseWeights.length || denseBias.length != classes) {
            throw new IllegalArgumentException("weights do not match " + channels + " filters of " + kernel + " x "
                    + kernel + " on " + side + " x " + side + " and " + classes + " classes");
        }
        System.arraycopy(convWeights, 0, m.convWeights, 0, convWeights.length);
        System.arraycopy(convBias, 0, m.convBias, 0, channels);
        System.arraycopy(denseWeights, 0, m.denseWeights, 0, denseWeights.length);
        System.arraycopy(denseBias, 0, m.denseBias, 0, classes);
        return m;
    }

    /**
     * This model for inputs in [0, 1] when it was made for inputs in [0, inputMax] (raw pixel values:
     * 255): the filters times inputMax, so both compute the same logits.
     */
    public FloatCnn forUnitInputs(double inputMax) {
        double[] filters = convWeights();
        for (int k = 0; k < filters.length; k++) {
            filters[k] *= inputMax;
        }
        return of(side, channels, kernel, classes, pooling, filters, convBias, denseWeights, denseBias);
    }

    /** He-initialized filters, dense weights of variance 1 / inputs, zero biases, from {@code seed}. */
    public static FloatCnn initialize(long seed, int side, int channels, int kernel, int classes, Pooling pooling) {
        return new FloatCnn(side, channels, kernel, classes, pooling, new Random(seed));
    }

    private static double[] gaussian(Random rnd, int n, double std) {
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = rnd.nextGaussian() * std;
        }
        return w;
    }

    public int side() {
        return side;
    }

    public int channels() {
        return channels;
    }

    public int kernel() {
        return kernel;
    }

    public int classes() {
        return classes;
    }

    public Pooling pooling() {
        return pooling;
    }

    int convSide() {
        return side - kernel + 1;
    }

    int pooledSide() {
        return convSide() / 2;
    }

    public double[] convWeights() {
        return convWeights.clone();
    }

    public double[] convBias() {
        return convBias.clone();
    }

    public double[] denseWeights() {
        return denseWeights.clone();
    }

    public double[] denseBias() {
        return denseBias.clone();
    }

    Pass forward(double[] x) {
        if (x.length != side * side) {
            throw new IllegalArgumentException("expected " + side * side + " inputs, got " + x.length);
        }
        int cs = convSide();
        int ps = pooledSide();
        double[] conv = new double[channels * cs * cs];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < cs; y++) {
                for (int xx = 0; xx < cs; xx++) {
                    double acc = convBias[c];
                    for (int u = 0; u < kernel; u++) {
                        int row = (y + u) * side + xx;
                        int w = (c * kernel + u) * kernel;
                        for (int v = 0; v < kernel; v++) {
                            acc += convWeights[w + v] * x[row + v];
                        }
                    }
                    conv[(c * cs + y) * cs + xx] = Math.max(acc, 0);
                }
            }
        }
        double[] pooled = new double[channels * ps * ps];
        int[] argmax = new int[pooled.length];
        for (int c = 0; c < channels; c++) {
            for (int py = 0; py < ps; py++) {
                for (int px = 0; px < ps; px++) {
                    int best = (c * cs + 2 * py) * cs + 2 * px;
                    double sum = conv[best];
                    for (int k = 1; k < 4; k++) {
                        int at = (c * cs + 2 * py + k / 2) * cs + 2 * px + k % 2;
                        sum += conv[at];
                        if (conv[at] > conv[best]) {
                            best = at;
                        }
                    }
                    int i = (c * ps + py) * ps + px;
                    pooled[i] = pooling == Pooling.MAX ? conv[best] : sum / 4;
                    argmax[i] = best;
                }
            }
        }
        double[] logits = denseBias.clone();
        int in = pooled.length;
        for (int j = 0; j < classes; j++) {
            double acc = logits[j];
            for (int i = 0; i < in; i++) {
                acc += denseWeights[j * in + i] * pooled[i];
            }
            logits[j] = acc;
        }
        return new Pass(conv, pooled, argmax, logits);
    }

    /** The largest activation of the convolution (after ReLU) for input x. */
    double maxActivation(double[] x) {
        double max = 0;
        for (double v : forward(x).conv()) {
            max = Math.max(max, v);
        }
        return max;
    }

    public double[] logits(double[] x) {
        return forward(x).logits();
    }

    public int predict(double[] x) {
        return FloatMlp.argmax(logits(x));
    }

    @Override
    public double[][] parameters() {
        return new double[][] {convWeights, convBias, denseWeights, denseBias};
    }

    /**
     * Backpropagation: the dense layer, then each pool's gradient to the position it took its
     * maximum from, or a quarter of it to each of the four for average pooling (where the ReLU is
     * active), then the filters.
     */
    @Override
    public void addGradient(double[] x, int label, double[][] grads) {
        Pass pass = forward(x);
        double[] d = Trainer.softmax(pass.logits());
        d[label] -= 1;
        int in = pass.pooled().length;
        double[] gConvW = grads[0];
        double[] gConvB = grads[1];
        double[] gDenseW = grads[2];
        double[] gDenseB = grads[3];
        for (int j = 0; j < classes; j++) {
            gDenseB[j] += d[j];
            for (int i = 0; i < in; i++) {
                gDenseW[j * in + i] += d[j] * pass.pooled()[i];
            }
        }
        int cs = convSide();
        int ps = pooledSide();
        for (int i = 0; i < in; i++) {
            if (pass.pooled()[i] <= 0) {
                continue; // every activation of the pool is 0: no gradient reaches the filter
            }
            double g = 0;
            for (int j = 0; j < classes; j++) {
                g += denseWeights[j * in + i] * d[j];
            }
            if (pooling == Pooling.MAX) {
                addFilterGradient(x, pass.poolArgmax()[i], g, gConvW, gConvB);
                continue;
            }
            int c = i / (ps * ps);
            int py = i % (ps * ps) / ps;
            int px = i % ps;
            for (int k = 0; k < 4; k++) {
                int at = (c * cs + 2 * py + k / 2) * cs + 2 * px + k % 2;
                if (pass.conv()[at] > 0) {
                    addFilterGradient(x, at, g / 4, gConvW, gConvB);
                }
            }
        }
    }

    /** Adds {@code g} times the gradient of the convolution's output {@code at} (an active ReLU). */
    private void addFilterGradient(double[] x, int at, double g, double[] gConvW, double[] gConvB) {
        int cs = convSide();
        int c = at / (cs * cs);
        int y = at % (cs * cs) / cs;
        int xx = at % cs;
        gConvB[c] += g;
        for (int u = 0; u < kernel; u++) {
            int row = (y + u) * side + xx;
            int w = (c * kernel + u) * kernel;
            for (int v = 0; v < kernel; v++) {
                gConvW[w + v] += g * x[row + v];
            }
        }
    }
}
