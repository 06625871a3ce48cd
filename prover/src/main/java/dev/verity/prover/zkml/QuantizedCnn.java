package dev.verity.prover.zkml;

import dev.verity.prover.gadgets.Selection;
import dev.verity.prover.r1cs.CircuitBuilder;
import dev.verity.prover.r1cs.LinearCombination;
import java.math.BigInteger;

/**
 * A quantized small CNN over one square 8-bit image and its reference integer interpreter:
 * <ol>
 *   <li>convolution: {@code channels} filters of {@code kernel x kernel}, stride 1, no padding,
 *       {@code acc[c][y][x] = bias[c] + sum_{u,v} w[c][u][v] * in[y+u][x+v]}, then
 *       {@code max(floor(acc / 2^shift), 0)};</li>
 *   <li>2 x 2 max pooling, stride 2;</li>
 *   <li>a dense layer over the pooled values flattened channel by channel, row by row (the
 *       order of ONNX's NCHW Flatten), giving the logits.</li>
 * </ol>
 * Convolution weights are {@code convWeights[c * kernel^2 + u * kernel + v]}.
 *
 * <p>The circuit pools the accumulators and rescales only the maximum: {@code a -> max(floor(a /
 * 2^shift), 0)} never decreases, so the maximum of the activations is the activation of the
 * maximum, and one rescale per pool replaces four.
 */
public final class QuantizedCnn extends QuantizedModel {
    private final int side;
    private final int channels;
    private final int kernel;
    private final long[] convWeights;
    private final long[] convBias;
    private final int convShift;
    private final DenseLayer dense;
    private final Interval[] convBounds;
    private final Interval[] denseBounds;

    public QuantizedCnn(int side, int channels, int kernel, long[] convWeights, long[] convBias, int convShift,
            DenseLayer dense) {
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
        this.dense = dense;
        this.convBounds = convBounds();
        this.denseBounds = denseBounds();
    }

    private Interval[] convBounds() {
        Interval[] out = new Interval[channels];
        for (int c = 0; c < channels; c++) {
            long lo = convBias[c];
            long hi = convBias[c];
            for (int t = 0; t < kernel * kernel; t++) {
                long w = convWeights[c * kernel * kernel + t];
                lo += Math.min(0, w * 255);
                hi += Math.max(0, w * 255);
            }
            out[c] = new Interval(lo, hi); // |w| <= 2^24, kernel^2 <= 784 terms: far from overflow
        }
        return out;
    }

    private Interval[] denseBounds() {
        int perChannel = pooledSide() * pooledSide();
        Interval[] out = new Interval[dense.out()];
        for (int j = 0; j < dense.out(); j++) {
            BigInteger lo = BigInteger.valueOf(dense.bias(j));
            BigInteger hi = lo;
            BigInteger magnitude = lo.abs();
            for (int i = 0; i < dense.in(); i++) {
                Interval x = pooledBound(i / perChannel);
                BigInteger w = BigInteger.valueOf(dense.weight(j, i));
                BigInteger a = w.multiply(BigInteger.valueOf(x.lo()));
                BigInteger b = w.multiply(BigInteger.valueOf(x.hi()));
                lo = lo.add(a.min(b));
                hi = hi.add(a.max(b));
                magnitude = magnitude.add(a.abs().max(b.abs()));
            }
            if (magnitude.bitLength() > 62) {
                throw new IllegalArgumentException("dense neuron " + j + " can reach values beyond 2^62");
            }
            out[j] = new Interval(lo.longValueExact(), hi.longValueExact());
        }
        return out;
    }

    private Interval pooledBound(int channel) {
        return convBounds[channel].floorDiv(convShift).relu();
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
                    pooled[(c * ps + py) * ps + px] = Math.max(Math.max(activation[at], activation[at + 1]),
                            Math.max(activation[at + cs], activation[at + cs + 1]));
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
    Interval logitBound() {
        Interval range = denseBounds[0].floorDiv(dense.shift());
        for (int j = 1; j < dense.out(); j++) {
            range = range.union(denseBounds[j].floorDiv(dense.shift()));
        }
        return range;
    }

    @Override
    LinearCombination[] compile(CircuitBuilder b, LinearCombination[] in, ModelCircuit.Stages stages) {
        int cs = convSide();
        int ps = pooledSide();
        LinearCombination[] pooled = new LinearCombination[channels * ps * ps];
        for (int c = 0; c < channels; c++) {
            int width = convBounds[c].signedBits();
            for (int py = 0; py < ps; py++) {
                for (int px = 0; px < ps; px++) {
                    LinearCombination max = null;
                    for (int k = 0; k < 4; k++) {
                        LinearCombination acc = convAccumulator(in, c, 2 * py + k / 2, 2 * px + k % 2);
                        max = max == null ? acc : Selection.max(b, acc, max, width);
                    }
                    pooled[(c * ps + py) * ps + px] = ModelCircuit.activate(b, max, convBounds[c], convShift, true);
                }
            }
        }
        stages.record("conv " + channels + " x " + kernel + "x" + kernel + " -> " + cs + "x" + cs
                + ", 2x2 max pool, relu, rescale 2^" + convShift + " (" + pooled.length + " pools)");
        LinearCombination[] logits = new LinearCombination[dense.out()];
        for (int j = 0; j < logits.length; j++) {
            LinearCombination.Sum acc = new LinearCombination.Sum(); // fixed weights: free
            for (int i = 0; i < dense.in(); i++) {
                acc.add(pooled[i], dense.weight(j, i));
            }
            acc.addConstant(dense.bias(j));
            logits[j] = ModelCircuit.activate(b, acc.build(), denseBounds[j], dense.shift(), false);
        }
        stages.record("dense " + dense.in() + "->" + dense.out() + (dense.shift() > 0 ? " rescale 2^"
                + dense.shift() : ""));
        return logits;
    }

    private LinearCombination convAccumulator(LinearCombination[] in, int c, int y, int x) {
        LinearCombination.Sum acc = new LinearCombination.Sum(); // fixed weights: free
        for (int u = 0; u < kernel; u++) {
            for (int v = 0; v < kernel; v++) {
                acc.add(in[(y + u) * side + x + v], convWeights[(c * kernel + u) * kernel + v]);
            }
        }
        acc.addConstant(convBias[c]);
        return acc.build();
    }
}
