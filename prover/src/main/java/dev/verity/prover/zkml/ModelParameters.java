package dev.verity.prover.zkml;

import dev.verity.prover.gadgets.Bits;
import dev.verity.prover.r1cs.CircuitBuilder;
import dev.verity.prover.r1cs.LinearCombination;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's weights and biases as its circuit uses them, addressed as {@code (tensor, index)} in
 * the order of {@link QuantizedModel#tensors}: either constants of the circuit, or private wires
 * bound by a public commitment.
 */
abstract sealed class ModelParameters {

    /** {@code acc += p[t][k] * x}. */
    abstract void multiplyAdd(CircuitBuilder b, LinearCombination.Sum acc, int t, int k, LinearCombination x);

    /** {@code acc += p[t][k]}. */
    abstract void add(LinearCombination.Sum acc, int t, int k);

    /** What the circuit may assume of {@code p[t][k]}: the value itself, or its width's whole range. */
    abstract Interval range(int t, int k);

    static ModelParameters fixed(QuantizedModel model) {
        return new Fixed(model.tensors());
    }

    /**
     * The parameters of {@code model} as private wires range-checked to the model's {@link
     * ModelCommitment.Widths}, and their commitment under {@code salt} (a private input, already
     * checked to be below r by {@link ModelCircuit.Weights#committed}).
     */
    static Committed committed(CircuitBuilder b, QuantizedModel model, BigInteger salt) {
        return new Committed(b, model, salt);
    }

    /**
     * The weights are constants of the circuit: multiply-accumulates are free linear combinations,
     * and the verification key (which holds the circuit) reveals the weights.
     */
    static final class Fixed extends ModelParameters {
        private final long[][] values;

        private Fixed(List<QuantizedModel.Tensor> tensors) {
            values = new long[tensors.size()][];
            for (int t = 0; t < values.length; t++) {
                values[t] = tensors.get(t).values();
            }
        }

        @Override
        void multiplyAdd(CircuitBuilder b, LinearCombination.Sum acc, int t, int k, LinearCombination x) {
            acc.add(x, values[t][k]);
        }

        @Override
        void add(LinearCombination.Sum acc, int t, int k) {
            acc.addConstant(values[t][k]);
        }

        @Override
        Interval range(int t, int k) {
            return new Interval(values[t][k], values[t][k]);
        }
    }

    /**
     * The weights are private: each is n boolean hints (n its width) and every product with a
     * wire costs a constraint. The circuit, and so the key, depends only on the architecture and
     * the widths; the public commitment binds the weights.
     */
    static final class Committed extends ModelParameters {
        private final LinearCombination[][] wires;
        /** per tensor: the whole range of its width. */
        private final Interval[] rangeOf;
        private final LinearCombination commitment;

        private Committed(CircuitBuilder b, QuantizedModel model, BigInteger salt) {
            ModelCommitment.Widths widths = ModelCommitment.Widths.of(model);
            List<QuantizedModel.Tensor> tensors = model.tensors();
            wires = new LinearCombination[tensors.size()][];
            rangeOf = new Interval[tensors.size()];
            for (int t = 0; t < wires.length; t++) {
                wires[t] = new LinearCombination[tensors.get(t).values().length];
                rangeOf[t] = signedRange(widths.of(tensors.get(t)));
            }
            List<LinearCombination.Sum> elements = new ArrayList<>();
            int count = ModelCommitment.pack(model, widths, (t, k, width, element, shift) -> {
                if (element == elements.size()) {
                    elements.add(new LinearCombination.Sum());
                }
                long offset = 1L << (width - 1);
                LinearCombination u = Bits.fromBits(Bits.booleans(b,
                        BigInteger.valueOf(tensors.get(t).values()[k] + offset), width));
                elements.get(element).add(u, BigInteger.ONE.shiftLeft(shift));
                wires[t][k] = u.add(-offset);
            });
            LinearCombination[] hashed = new LinearCombination[count + 1];
            for (int e = 0; e < count; e++) {
                hashed[e] = elements.get(e).build();
            }
            hashed[count] = b.privateInput(salt);
            commitment = InputCommitment.chain(b, hashed);
        }

        private static Interval signedRange(int bits) {
            return new Interval(-(1L << (bits - 1)), (1L << (bits - 1)) - 1);
        }

        LinearCombination commitment() {
            return commitment;
        }

        @Override
        void multiplyAdd(CircuitBuilder b, LinearCombination.Sum acc, int t, int k, LinearCombination x) {
            acc.add(b.mul(wires[t][k], x));
        }

        @Override
        void add(LinearCombination.Sum acc, int t, int k) {
            acc.add(wires[t][k]);
        }

        @Override
        Interval range(int t, int k) {
            return rangeOf[t];
        }
    }
}
