package dev.verity.prover.zkml;

import dev.verity.prover.gadgets.Selection;
import dev.verity.prover.r1cs.CircuitBuilder;
import dev.verity.prover.r1cs.LinearCombination;
import java.util.List;

/**
 * A quantized small CNN over one square 8-bit image and its reference integer interpreter:
 * <ol>
 *   <li>convolution: {@code channels} filters of {@code kernel x kernel}, stride 1, no padding,
 *       {@code acc[c][y][x] = bias[c] + sum_{u,v} w[c][u][v] * in[y+u][x+v]}, then
 *       {@code max(floor(acc / 2^shift), 0)};</li>
 *   <li>2 x 2 pooling, stride 2: the maximum, or for {@link Pooling#AVERAGE} the sum, of the four
 *       activations;</li>
 *   <li>a dense layer over the pooled values flattened channel by channel, row by row (the
 *       order of ONNX's NCHW Flatten), giving the logits.</li>
 * </ol>
 * Convolution weights are {@code convWeights[c * kernel^2 + u * kernel + v]}.
 *
 * <p>For max pooling the circuit pools the accumulators and rescales only the maximum: {@code a ->
 * max(floor(a / 2^shift), 0)} never decreases, so the maximum of the activations is the activation
 * of the maximum, and one rescale per pool replaces four. Sum pooling pays four activations and
 * no comparisons; the sum itself is free.
 */
public final class QuantizedCnn extends QuantizedModel {
    private final int side;
    private final int channels;
    private final int kernel;
    private final long[] convWeights;
    private final long[] convBias;
    private final int convShift;
    private final Pooling pooling;
    private final DenseLayer dense;
    private final List<Tensor> tensors;
    /** with this model's own weights. */
    private final Bounds bounds;

    /** A CNN with 2 x 2 max pooling. */
    public QuantizedCnn(int side, int channels, int kernel, long[] convWeights, long[] convBias, int convShift,
            DenseLayer dense) {
        this(side, channels, kernel, convWeights, convBias, convShift, Pooling.MAX, dense);
    }

    public QuantizedCnn(int side, int channels, int kernel, long[] convWeights, long[] convBias, int convShift,
            Pooling pooling, DenseLayer dense) {
        if (side < 2 || channels < 1 || kernel < 1 || kernel > side) {
            throw new IllegalArgumentException("need side >= 2, channels >= 1 and 1 <= kernel <= side, got side "
                    + side + ", channels " + channels + ", kernel " + kernel);
        }
        if ((side - kernel + 1) % 2 != 0) {
            throw new IllegalArgumentException("the convolution's output side " + (side - kernel + 1)
                    + " must be even for 2 x 2 pooling");
        }
        if (convWeights.length != channels * kernel * kernel || convBias.length != channels) {
            throw new IllegalArgumentException("expected " + channels * kernel * kernel + " convolution weights and "
                    + channels + " biases, got " + convWeights.length + " and " + convBias.length);
        }
        // the dense layer checks the same limits for its own values
        new DenseLayer(channels * kernel * kernel, 1, convWeights, new long[1], convShift, true);
        new DenseLayer(1, channels, new long[channels], convBias, 0, false);
        int pooled = (side - kernel + 1) / 2;
        if (dense.in() != channels * pooled * pooled || dense.relu()) {
            throw new IllegalArgumentException("the dense layer must take the " + channels * pooled * pooled
                    + " pooled values without a ReLU, got " + dense.in() + (dense.relu() ? " with ReLU" : ""));
        }
        this.side = side;
        this.channels = channels;
        this.kernel = kernel;
        this.convWeights = convWeights.clone();
        this.convBias = convBias.clone();
        this.convShift = convShift;
        this.pooling = pooling;
        this.dense = dense;
        this.tensors = List.of(new Tensor("convolution weights", this.convWeights, false),
                new Tensor("convolution bias", this.convBias, true),
                new Tensor("dense weights", dense.weights(), false), new Tensor("dense bias", dense.bias(), true));
        this.bounds = bounds(ModelParameters.fixed(this));
    }

    /** The tensors' order: convolution weights and biases, then the dense layer's. */
    private static final int CONV_WEIGHTS = 0;
    private static final int CONV_BIAS = 1;
    private static final int DENSE_WEIGHTS = 2;
    private static final int DENSE_BIAS = 3;

    @Override
    List<Tensor> tensors() {
        return tensors;
    }

    /** Bounds of the convolution's accumulators per channel (pixels in [0, 255]) and of the dense layer's. */
    private record Bounds(Interval[] conv, Interval[] dense) {
    }

    private Bounds bounds(ModelParameters p) {
        Interval pixel = new Interval(0, (1L << INPUT_BITS) - 1);
        Interval[] conv = new Interval[channels];
        for (int c = 0; c < channels; c++) {
            Interval.Sum acc = new Interval.Sum();
            acc.add(p.range(CONV_BIAS, c));
            for (int t = 0; t < kernel * kernel; t++) {
                acc.addProduct(p.range(CONV_WEIGHTS, c * kernel * kernel + t), pixel);
            }
            conv[c] = acc.build("convolution channel " + c);
        }
        int perChannel = pooledSide() * pooledSide();
        Interval[] out = new Interval[dense.out()];
        for (int j = 0; j < dense.out(); j++) {
            Interval.Sum acc = new Interval.Sum();
            acc.add(p.range(DENSE_BIAS, j));
            for (int i = 0; i < dense.in(); i++) {
                Interval x = pooledBound(conv[i / perChannel]);
                acc.addProduct(p.range(DENSE_WEIGHTS, j * dense.in() + i), x);
            }
            out[j] = acc.build("dense neuron " + j);
        }
        return new Bounds(conv, out);
    }

    /** Bounds of a pooled value from its channel's accumulator bounds. */
    private Interval pooledBound(Interval accumulator) {
        Interval activation = accumulator.floorDiv(convShift).relu();
        return pooling == Pooling.MAX ? activation : new Interval(4 * activation.lo(), 4 * activation.hi());
    }

    /** The bounds the circuit uses: this model's own, or those of any weights in the committed widths. */
    private Bounds boundsFor(ModelParameters p) {
        return p instanceof ModelParameters.Fixed ? bounds : bounds(p);
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

    public long[] convWeights() {
        return convWeights.clone();
    }

    public long[] convBias() {
        return convBias.clone();
    }

    public int convShift() {
        return convShift;
    }

    public Pooling pooling() {
        return pooling;
    }

    public DenseLayer dense() {
        return dense;
    }

    int convSide() {
        return side - kernel + 1;
    }

    int pooledSide() {
        return convSide() / 2;
    }

    @Override
    public int inputSize() {
        return side * side;
    }

    @Override
    public int classes() {
        return dense.out();
    }

    @Override
    public long[] logits(int[] pixels) {
        checkInput(pixels);
        int cs = convSide();
        int ps = pooledSide();
        long[] pooled = new long[channels * ps * ps];
        long[] activation = new long[cs * cs];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < cs; y++) {
                for (int x = 0; x < cs; x++) {
                    long q = Math.floorDiv(convAccumulator(pixels, c, y, x), 1L << convShift);
                    activation[y * cs + x] = Math.max(q, 0);
                }
            }
            for (int py = 0; py < ps; py++) {
                for (int px = 0; px < ps; px++) {
                    int at = 2 * py * cs + 2 * px;
                    long a = activation[at];
                    long b = activation[at + 1];
                    long c2 = activation[at + cs];
                    long d = activation[at + cs + 1];
                    pooled[(c * ps + py) * ps + px] = pooling == Pooling.MAX ? Math.max(Math.max(a, b), Math.max(c2, d))
                            : a + b + c2 + d;
                }
            }
        }
        long[] logits = new long[dense.out()];
        for (int j = 0; j < logits.length; j++) {
            long acc = dense.bias(j);
            for (int i = 0; i < dense.in(); i++) {
                acc += dense.weight(j, i) * pooled[i];
            }
            logits[j] = Math.floorDiv(acc, 1L << dense.shift());
        }
        return logits;
    }

    private long convAccumulator(int[] pixels, int c, int y, int x) {
        long acc = convBias[c];
        for (int u = 0; u < kernel; u++) {
            for (int v = 0; v < kernel; v++) {
                acc += convWeights[(c * kernel + u) * kernel + v] * pixels[(y + u) * side + x + v];
            }
        }
        return acc;
    }

    @Override
    Interval logitBound(ModelParameters p) {
        Interval[] logitBounds = boundsFor(p).dense();
        Interval range = logitBounds[0].floorDiv(dense.shift());
        for (int j = 1; j < dense.out(); j++) {
            range = range.union(logitBounds[j].floorDiv(dense.shift()));
        }
        return range;
    }

    @Override
    LinearCombination[] compile(CircuitBuilder b, LinearCombination[] in, ModelParameters p,
            ModelCircuit.Stages stages) {
        Bounds bounds = boundsFor(p);
        int cs = convSide();
        int ps = pooledSide();
        LinearCombination[] pooled = new LinearCombination[channels * ps * ps];
        for (int c = 0; c < channels; c++) {
            Interval convBound = bounds.conv()[c];
            int width = convBound.signedBits();
            for (int py = 0; py < ps; py++) {
                for (int px = 0; px < ps; px++) {
                    LinearCombination max = null;
                    LinearCombination.Sum sum = new LinearCombination.Sum();
                    for (int k = 0; k < 4; k++) {
                        LinearCombination acc = convAccumulator(b, in, p, c, 2 * py + k / 2, 2 * px + k % 2);
                        if (pooling == Pooling.MAX) {
                            max = max == null ? acc : Selection.max(b, acc, max, width);
                        } else {
                            sum.add(ModelCircuit.activate(b, acc, convBound, convShift, true));
                        }
                    }
                    pooled[(c * ps + py) * ps + px] = pooling == Pooling.MAX
                            ? ModelCircuit.activate(b, max, convBound, convShift, true) : sum.build();
                }
            }
        }
        stages.record("conv " + channels + " x " + kernel + "x" + kernel + " -> " + cs + "x" + cs
                + ", relu, rescale 2^" + convShift + ", 2x2 " + (pooling == Pooling.MAX ? "max" : "sum")
                + " pool (" + pooled.length + " pools)");
        LinearCombination[] logits = new LinearCombination[dense.out()];
        for (int j = 0; j < logits.length; j++) {
            LinearCombination.Sum acc = new LinearCombination.Sum();
            for (int i = 0; i < dense.in(); i++) {
                p.multiplyAdd(b, acc, DENSE_WEIGHTS, j * dense.in() + i, pooled[i]);
            }
            p.add(acc, DENSE_BIAS, j);
            logits[j] = ModelCircuit.activate(b, acc.build(), bounds.dense()[j], dense.shift(), false);
        }
        stages.record("dense " + dense.in() + "->" + dense.out() + (dense.shift() > 0 ? " rescale 2^"
                + dense.shift() : ""));
        return logits;
    }

    private LinearCombination convAccumulator(CircuitBuilder b, LinearCombination[] in, ModelParameters p, int c,
            int y, int x) {
        LinearCombination.Sum acc = new LinearCombination.Sum();
        for (int u = 0; u < kernel; u++) {
            for (int v = 0; v < kernel; v++) {
                p.multiplyAdd(b, acc, CONV_WEIGHTS, (c * kernel + u) * kernel + v, in[(y + u) * side + x + v]);
            }
        }
        p.add(acc, CONV_BIAS, c);
        return acc.build();
    }
}
