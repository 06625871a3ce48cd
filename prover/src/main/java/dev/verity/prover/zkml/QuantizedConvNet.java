package dev.verity.prover.zkml;

import dev.verity.prover.gadgets.Selection;
import dev.verity.prover.r1cs.CircuitBuilder;
import dev.verity.prover.r1cs.LinearCombination;
import java.util.ArrayList;
import java.util.List;

/**
 * A quantized convolutional network over one square 8-bit image, LeNet-style, and its reference
 * integer interpreter: convolutions ({@link ConvLayer}, any channel counts, zero padding) and 2 x 2
 * stride-2 poolings ({@link Pooling}) in any order, then dense layers ({@link DenseLayer}) over the
 * values flattened channel by channel, row by row (ONNX's NCHW Flatten). The last layer is dense
 * and gives the logits.
 *
 * <p>The circuit rescales (and ReLUs) every convolution output, then pools the activations: a max
 * pool pays three comparisons sized by the activations' bounds, a sum pool nothing. As everywhere,
 * products with fixed weights are free and each activation costs one decomposition of its
 * accumulator, sized from the accumulator's static bounds (per output channel).
 */
public final class QuantizedConvNet extends QuantizedModel {
    /** A stage of the network. */
    public sealed interface Layer permits ConvLayer, Pooling, DenseLayer {
    }

    private final int side;
    private final List<Layer> layers;
    private final List<Tensor> tensors;
    /** [layer] -> per output channel (conv) or neuron (dense) accumulator bounds, with this model's weights. */
    private final Interval[][] bounds;

    public QuantizedConvNet(int side, List<Layer> layers) {
        if (side < 1 || layers.isEmpty() || !(layers.get(layers.size() - 1) instanceof DenseLayer)) {
            throw new IllegalArgumentException("a network needs a positive input side and a dense last layer");
        }
        int channels = 1;
        int s = side;
        boolean dense = false;
        for (int l = 0; l < layers.size(); l++) {
            String where = "layer " + l + ": ";
            switch (layers.get(l)) {
                case ConvLayer c -> {
                    if (dense || c.in() != channels || c.outputSide(s) < 1) {
                        throw new IllegalArgumentException(where + "a convolution over " + c.in() + " channels of side "
                                + s + " cannot follow " + (dense ? "a dense layer" : channels + " channels"));
                    }
                    channels = c.out();
                    s = c.outputSide(s);
                }
                case Pooling p -> {
                    if (dense || s % 2 != 0) {
                        throw new IllegalArgumentException(where + "2 x 2 pooling needs an even side, got " + s
                                + (dense ? " after a dense layer" : ""));
                    }
                    s /= 2;
                }
                case DenseLayer d -> {
                    int inputs = dense ? channels : channels * s * s;
                    if (d.in() != inputs) {
                        throw new IllegalArgumentException(where + "a dense layer of " + d.in() + " inputs gets "
                                + inputs);
                    }
                    dense = true;
                    channels = d.out();
                    s = 1;
                }
            }
        }
        this.side = side;
        this.layers = List.copyOf(layers);
        this.tensors = tensorsOf(this.layers);
        this.bounds = bounds(ModelParameters.fixed(this));
    }

    private static List<Tensor> tensorsOf(List<Layer> layers) {
        List<Tensor> out = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            switch (layers.get(l)) {
                case ConvLayer c -> {
                    out.add(new Tensor("layer " + l + " convolution weights", c.weights(), false));
                    out.add(new Tensor("layer " + l + " convolution bias", c.bias(), true));
                }
                case DenseLayer d -> {
                    out.add(new Tensor("layer " + l + " dense weights", d.weights(), false));
                    out.add(new Tensor("layer " + l + " dense bias", d.bias(), true));
                }
                case Pooling p -> {
                }
            }
        }
        return List.copyOf(out);
    }

    public int side() {
        return side;
    }

    public List<Layer> layers() {
        return layers;
    }

    @Override
    List<Tensor> tensors() {
        return tensors;
    }

    @Override
    public int inputSize() {
        return side * side;
    }

    @Override
    public int classes() {
        return ((DenseLayer) layers.get(layers.size() - 1)).out();
    }

    // ------------------------------------------------------------------ bounds

    /**
     * Accumulator bounds per layer and output channel (or neuron), for pixels in [0, 255] and
     * parameters in {@code p}'s ranges; pooling layers get the bounds of their outputs.
     */
    private Interval[][] bounds(ModelParameters p) {
        Interval[][] out = new Interval[layers.size()][];
        Interval[] x = {new Interval(0, (1L << INPUT_BITS) - 1)}; // per channel; per value once dense (side 1)
        int s = side;
        int t = 0;
        for (int l = 0; l < layers.size(); l++) {
            switch (layers.get(l)) {
                case ConvLayer c -> {
                    out[l] = new Interval[c.out()];
                    Interval[] next = new Interval[c.out()];
                    for (int o = 0; o < c.out(); o++) {
                        Interval.Sum acc = new Interval.Sum();
                        acc.add(p.range(t + 1, o));
                        for (int i = 0; i < c.in(); i++) {
                            // padding reads zeros: the input's range widened to hold 0
                            Interval in = c.pad() > 0 ? x[i].union(new Interval(0, 0)) : x[i];
                            for (int k = 0; k < c.kernel() * c.kernel(); k++) {
                                acc.addProduct(p.range(t, (o * c.in() + i) * c.kernel() * c.kernel() + k), in);
                            }
                        }
                        out[l][o] = acc.build("layer " + l + " channel " + o);
                        next[o] = activation(out[l][o], c.shift(), c.relu());
                    }
                    x = next;
                    s = c.outputSide(s);
                    t += 2;
                }
                case Pooling pool -> {
                    Interval[] next = new Interval[x.length];
                    for (int i = 0; i < x.length; i++) {
                        next[i] = pool == Pooling.MAX ? x[i] : new Interval(4 * x[i].lo(), 4 * x[i].hi());
                    }
                    out[l] = next;
                    x = next;
                    s /= 2;
                }
                case DenseLayer d -> {
                    out[l] = new Interval[d.out()];
                    Interval[] next = new Interval[d.out()];
                    for (int j = 0; j < d.out(); j++) {
                        Interval.Sum acc = new Interval.Sum();
                        acc.add(p.range(t + 1, j));
                        for (int i = 0; i < d.in(); i++) {
                            acc.addProduct(p.range(t, j * d.in() + i), x[i / (s * s)]);
                        }
                        out[l][j] = acc.build("layer " + l + " neuron " + j);
                        next[j] = activation(out[l][j], d.shift(), d.relu());
                    }
                    x = next;
                    s = 1;
                    t += 2;
                }
            }
        }
        return out;
    }

    private static Interval activation(Interval accumulator, int shift, boolean relu) {
        Interval y = accumulator.floorDiv(shift);
        return relu ? y.relu() : y;
    }

    private Interval[][] boundsFor(ModelParameters p) {
        return p instanceof ModelParameters.Fixed ? bounds : bounds(p);
    }

    @Override
    Interval logitBound(ModelParameters p) {
        Interval[][] b = boundsFor(p);
        DenseLayer last = (DenseLayer) layers.get(layers.size() - 1);
        Interval[] accumulators = b[layers.size() - 1];
        Interval range = activation(accumulators[0], last.shift(), last.relu());
        for (int j = 1; j < accumulators.length; j++) {
            range = range.union(activation(accumulators[j], last.shift(), last.relu()));
        }
        return range;
    }

    // ------------------------------------------------------------------ interpreter

    @Override
    public long[] logits(int[] pixels) {
        checkInput(pixels);
        long[] x = new long[pixels.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = pixels[i];
        }
        int s = side;
        for (Layer layer : layers) {
            switch (layer) {
                case ConvLayer c -> {
                    int os = c.outputSide(s);
                    long[] y = new long[c.out() * os * os];
                    for (int o = 0; o < c.out(); o++) {
                        for (int oy = 0; oy < os; oy++) {
                            for (int ox = 0; ox < os; ox++) {
                                long acc = c.bias(o);
                                for (int i = 0; i < c.in(); i++) {
                                    for (int u = 0; u < c.kernel(); u++) {
                                        int iy = oy + u - c.pad();
                                        for (int v = 0; v < c.kernel() && iy >= 0 && iy < s; v++) {
                                            int ix = ox + v - c.pad();
                                            if (ix >= 0 && ix < s) {
                                                acc += c.weight(o, i, u, v) * x[(i * s + iy) * s + ix];
                                            }
                                        }
                                    }
                                }
                                long q = Math.floorDiv(acc, 1L << c.shift());
                                y[(o * os + oy) * os + ox] = c.relu() ? Math.max(q, 0) : q;
                            }
                        }
                    }
                    x = y;
                    s = os;
                }
                case Pooling pool -> {
                    int channels = x.length / (s * s);
                    int ps = s / 2;
                    long[] y = new long[channels * ps * ps];
                    for (int ch = 0; ch < channels; ch++) {
                        for (int py = 0; py < ps; py++) {
                            for (int px = 0; px < ps; px++) {
                                int at = (ch * s + 2 * py) * s + 2 * px;
                                long a = x[at];
                                long b = x[at + 1];
                                long c2 = x[at + s];
                                long d = x[at + s + 1];
                                y[(ch * ps + py) * ps + px] = pool == Pooling.MAX
                                        ? Math.max(Math.max(a, b), Math.max(c2, d)) : a + b + c2 + d;
                            }
                        }
                    }
                    x = y;
                    s = ps;
                }
                case DenseLayer d -> {
                    long[] y = new long[d.out()];
                    for (int j = 0; j < d.out(); j++) {
                        long acc = d.bias(j);
                        for (int i = 0; i < d.in(); i++) {
                            acc += d.weight(j, i) * x[i];
                        }
                        long q = Math.floorDiv(acc, 1L << d.shift());
                        y[j] = d.relu() ? Math.max(q, 0) : q;
                    }
                    x = y;
                    s = 1;
                }
            }
        }
        return x;
    }

    // ------------------------------------------------------------------ circuit

    @Override
    LinearCombination[] compile(CircuitBuilder b, LinearCombination[] in, ModelParameters p,
            ModelCircuit.Stages stages) {
        Interval[][] bound = boundsFor(p);
        LinearCombination[] x = in;
        Interval[] channelBound = {new Interval(0, (1L << INPUT_BITS) - 1)};
        int s = side;
        int t = 0;
        for (int l = 0; l < layers.size(); l++) {
            switch (layers.get(l)) {
                case ConvLayer c -> {
                    int os = c.outputSide(s);
                    LinearCombination[] y = new LinearCombination[c.out() * os * os];
                    channelBound = new Interval[c.out()];
                    for (int o = 0; o < c.out(); o++) {
                        channelBound[o] = activation(bound[l][o], c.shift(), c.relu());
                        for (int oy = 0; oy < os; oy++) {
                            for (int ox = 0; ox < os; ox++) {
                                LinearCombination.Sum acc = new LinearCombination.Sum();
                                for (int i = 0; i < c.in(); i++) {
                                    for (int u = 0; u < c.kernel(); u++) {
                                        int iy = oy + u - c.pad();
                                        for (int v = 0; v < c.kernel() && iy >= 0 && iy < s; v++) {
                                            int ix = ox + v - c.pad();
                                            if (ix >= 0 && ix < s) {
                                                p.multiplyAdd(b, acc, t, ((o * c.in() + i) * c.kernel() + u) * c.kernel()
                                                        + v, x[(i * s + iy) * s + ix]);
                                            }
                                        }
                                    }
                                }
                                p.add(acc, t + 1, o);
                                y[(o * os + oy) * os + ox] = ModelCircuit.activate(b, acc.build(), bound[l][o],
                                        c.shift(), c.relu());
                            }
                        }
                    }
                    stages.record("layer " + l + " conv " + c.in() + " -> " + c.out() + " x " + c.kernel() + "x"
                            + c.kernel() + (c.pad() > 0 ? " pad " + c.pad() : "") + " -> " + os + "x" + os
                            + (c.relu() ? " relu" : "") + " rescale 2^" + c.shift());
                    x = y;
                    s = os;
                    t += 2;
                }
                case Pooling pool -> {
                    int channels = x.length / (s * s);
                    int ps = s / 2;
                    LinearCombination[] y = new LinearCombination[channels * ps * ps];
                    for (int ch = 0; ch < channels; ch++) {
                        int width = channelBound[ch].signedBits();
                        for (int py = 0; py < ps; py++) {
                            for (int px = 0; px < ps; px++) {
                                int at = (ch * s + 2 * py) * s + 2 * px;
                                LinearCombination[] four = {x[at], x[at + 1], x[at + s], x[at + s + 1]};
                                y[(ch * ps + py) * ps + px] = pool == Pooling.MAX
                                        ? Selection.max(b, Selection.max(b, four[0], four[1], width),
                                                Selection.max(b, four[2], four[3], width), width)
                                        : four[0].add(four[1]).add(four[2]).add(four[3]);
                            }
                        }
                        if (pool == Pooling.AVERAGE) {
                            channelBound[ch] = new Interval(4 * channelBound[ch].lo(), 4 * channelBound[ch].hi());
                        }
                    }
                    stages.record("layer " + l + " 2x2 " + (pool == Pooling.MAX ? "max" : "sum") + " pool -> "
                            + channels + " x " + ps + "x" + ps);
                    x = y;
                    s = ps;
                }
                case DenseLayer d -> {
                    LinearCombination[] y = new LinearCombination[d.out()];
                    for (int j = 0; j < d.out(); j++) {
                        LinearCombination.Sum acc = new LinearCombination.Sum();
                        for (int i = 0; i < d.in(); i++) {
                            p.multiplyAdd(b, acc, t, j * d.in() + i, x[i]);
                        }
                        p.add(acc, t + 1, j);
                        y[j] = ModelCircuit.activate(b, acc.build(), bound[l][j], d.shift(), d.relu());
                    }
                    stages.record("layer " + l + " dense " + d.in() + "->" + d.out() + (d.relu() ? " relu" : "")
                            + (d.shift() > 0 ? " rescale 2^" + d.shift() : ""));
                    x = y;
                    s = 1;
                    t += 2;
                }
            }
        }
        return x;
    }
}
