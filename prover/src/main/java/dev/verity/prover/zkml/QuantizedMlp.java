package dev.verity.prover.zkml;

import dev.verity.prover.r1cs.CircuitBuilder;
import dev.verity.prover.r1cs.LinearCombination;
import java.math.BigInteger;
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
    /** accumulator bounds per layer and neuron. */
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
        this.accumulatorBounds = bounds();
    }

    private Interval[][] bounds() {
        Interval[][] out = new Interval[layers.size()][];
        Interval[] x = new Interval[inputSize];
        Arrays.fill(x, new Interval(0, (1L << INPUT_BITS) - 1));
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            out[l] = new Interval[layer.out()];
            Interval[] next = new Interval[layer.out()];
            for (int j = 0; j < layer.out(); j++) {
                BigInteger lo = BigInteger.valueOf(layer.bias(j));
                BigInteger hi = lo;
                BigInteger magnitude = lo.abs(); // bounds every partial sum of the interpreter
                for (int i = 0; i < layer.in(); i++) {
                    BigInteger w = BigInteger.valueOf(layer.weight(j, i));
                    BigInteger a = w.multiply(BigInteger.valueOf(x[i].lo()));
                    BigInteger b = w.multiply(BigInteger.valueOf(x[i].hi()));
                    lo = lo.add(a.min(b));
                    hi = hi.add(a.max(b));
                    magnitude = magnitude.add(a.abs().max(b.abs()));
                }
                if (magnitude.bitLength() > 62) {
                    throw new IllegalArgumentException("layer " + l + " neuron " + j
                            + " can reach values beyond 2^62; scale the weights down");
                }
                out[l][j] = new Interval(lo.longValueExact(), hi.longValueExact());
                Interval y = out[l][j].floorDiv(layer.shift());
                next[j] = layer.relu() ? y.relu() : y;
            }
            x = next;
        }
        return out;
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

    Interval accumulatorBound(int layer, int neuron) {
        return accumulatorBounds[layer][neuron];
    }

    /** Bounds of the outputs of layer {@code layer} (after rescale and ReLU). */
    Interval outputBound(int layer, int neuron) {
        DenseLayer d = layers.get(layer);
        Interval y = accumulatorBounds[layer][neuron].floorDiv(d.shift());
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
    Interval logitBound() {
        int last = layers.size() - 1;
        Interval range = outputBound(last, 0);
        for (int j = 1; j < classes(); j++) {
            range = range.union(outputBound(last, j));
        }
        return range;
    }

    @Override
    LinearCombination[] compile(CircuitBuilder b, LinearCombination[] x, ModelCircuit.Stages stages) {
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer d = layers.get(l);
            LinearCombination[] y = new LinearCombination[d.out()];
            for (int j = 0; j < d.out(); j++) {
                LinearCombination.Sum acc = new LinearCombination.Sum(); // fixed weights: free
                for (int i = 0; i < d.in(); i++) {
                    acc.add(x[i], d.weight(j, i));
                }
                acc.addConstant(d.bias(j));
                y[j] = ModelCircuit.activate(b, acc.build(), accumulatorBound(l, j), d.shift(), d.relu());
            }
            x = y;
            stages.record("layer " + (l + 1) + " dense " + d.in() + "->" + d.out() + (d.relu() ? " relu" : "")
                    + (d.shift() > 0 ? " rescale 2^" + d.shift() : ""));
        }
        return x;
    }
}
