package dev.verity.prover.zkml;

import dev.verity.prover.r1cs.CircuitBuilder;
import dev.verity.prover.r1cs.LinearCombination;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A quantized multilayer perceptron over 8-bit inputs (pixels in {@code [0, 255]}) and its
 * reference integer interpreter: the exact values the circuit proves.
 *
 * <p>The model also carries, for every neuron, the interval its accumulator can reach over all
 * inputs (interval arithmetic through the fixed weights): the circuit sizes its range checks
 * from these bounds. Models whose partial sums could reach 2^62 in magnitude are refused, so the
 * interpreter's long arithmetic is exact.
 */
public final class QuantizedMlp extends QuantizedModel {
    private final int inputSize;
    private final List<DenseLayer> layers;
    private final List<Tensor> tensors;
    /** accumulator bounds per layer and neuron with this model's own weights. */
    private final Interval[][] accumulatorBounds;

    public QuantizedMlp(int inputSize, List<DenseLayer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one layer");
        }
        int width = inputSize;
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l).in() != width) {
                throw new IllegalArgumentException("layer " + l + " takes " + layers.get(l).in() + " inputs but gets "
                        + width);
            }
            width = layers.get(l).out();
        }
        this.inputSize = inputSize;
        this.layers = List.copyOf(layers);
        this.tensors = tensorsOf(this.layers);
        this.accumulatorBounds = bounds(ModelParameters.fixed(this));
    }

    /** Weights then bias, layer by layer. */
    private static List<Tensor> tensorsOf(List<DenseLayer> layers) {
        List<Tensor> out = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            out.add(new Tensor("layer " + (l + 1) + " weights", layers.get(l).weights(), false));
            out.add(new Tensor("layer " + (l + 1) + " bias", layers.get(l).bias(), true));
        }
        return List.copyOf(out);
    }

    /** Accumulator bounds per layer and neuron, for inputs in [0, 255] and parameters in {@code p}'s ranges. */
    private Interval[][] bounds(ModelParameters p) {
        Interval[][] out = new Interval[layers.size()][];
        Interval[] x = new Interval[inputSize];
        Arrays.fill(x, new Interval(0, (1L << INPUT_BITS) - 1));
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            out[l] = new Interval[layer.out()];
            Interval[] next = new Interval[layer.out()];
            for (int j = 0; j < layer.out(); j++) {
                Interval.Sum acc = new Interval.Sum();
                acc.add(p.range(2 * l + 1, j));
                for (int i = 0; i < layer.in(); i++) {
                    acc.addProduct(p.range(2 * l, j * layer.in() + i), x[i]);
                }
                out[l][j] = acc.build("layer " + l + " neuron " + j);
                Interval y = out[l][j].floorDiv(layer.shift());
                next[j] = layer.relu() ? y.relu() : y;
            }
            x = next;
        }
        return out;
    }

    @Override
    List<Tensor> tensors() {
        return tensors;
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    public List<DenseLayer> layers() {
        return layers;
    }

    @Override
    public int classes() {
        return layers.get(layers.size() - 1).out();
    }

    /** The bounds the circuit uses: this model's own, or those of any weights in the committed widths. */
    private Interval[][] boundsFor(ModelParameters p) {
        return p instanceof ModelParameters.Fixed ? accumulatorBounds : bounds(p);
    }

    /** Bounds of the outputs of layer {@code layer} (after rescale and ReLU). */
    private Interval outputBound(Interval[][] bounds, int layer, int neuron) {
        DenseLayer d = layers.get(layer);
        Interval y = bounds[layer][neuron].floorDiv(d.shift());
        return d.relu() ? y.relu() : y;
    }

    /** The logits for one input: every layer in exact integer arithmetic. */
    @Override
    public long[] logits(int[] pixels) {
        checkInput(pixels);
        long[] x = new long[pixels.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = pixels[i];
        }
        for (DenseLayer layer : layers) {
            long[] y = new long[layer.out()];
            for (int j = 0; j < layer.out(); j++) {
                long acc = layer.bias(j);
                for (int i = 0; i < layer.in(); i++) {
                    acc += layer.weight(j, i) * x[i];
                }
                long q = Math.floorDiv(acc, 1L << layer.shift());
                y[j] = layer.relu() ? Math.max(q, 0) : q;
            }
            x = y;
        }
        return x;
    }

    @Override
    Interval logitBound(ModelParameters p) {
        Interval[][] bounds = boundsFor(p);
        int last = layers.size() - 1;
        Interval range = outputBound(bounds, last, 0);
        for (int j = 1; j < classes(); j++) {
            range = range.union(outputBound(bounds, last, j));
        }
        return range;
    }

    @Override
    LinearCombination[] compile(CircuitBuilder b, LinearCombination[] x, ModelParameters p,
            ModelCircuit.Stages stages) {
        Interval[][] bounds = boundsFor(p);
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer d = layers.get(l);
            LinearCombination[] y = new LinearCombination[d.out()];
            for (int j = 0; j < d.out(); j++) {
                LinearCombination.Sum acc = new LinearCombination.Sum();
                for (int i = 0; i < d.in(); i++) {
                    p.multiplyAdd(b, acc, 2 * l, j * d.in() + i, x[i]);
                }
                p.add(acc, 2 * l + 1, j);
                y[j] = ModelCircuit.activate(b, acc.build(), bounds[l][j], d.shift(), d.relu());
            }
            x = y;
            stages.record("layer " + (l + 1) + " dense " + d.in() + "->" + d.out() + (d.relu() ? " relu" : "")
                    + (d.shift() > 0 ? " rescale 2^" + d.shift() : ""));
        }
        return x;
    }
}
