package dev.verity.prover.zkml;

import dev.verity.prover.field.Fr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The public commitment to a model's private weights and biases.
 *
 * <p>Every parameter is stored offset by half its range, {@code u = v + 2^(n-1)} in {@code [0,
 * 2^n)}, with n the model's weight width for weights and its bias width for biases (see {@link
 * Widths}). The parameters, tensor by tensor in the model's order ({@link QuantizedModel#tensors},
 * layer by layer, weights then biases), are packed little-endian into field elements of at most
 * 253 bits, a parameter never straddling two elements. The model's secret salt is appended and the
 * elements are hashed with the same Poseidon chain as the input commitment ({@link
 * InputCommitment#chain}). The salt makes the commitment hiding: without it, anyone could test a
 * guessed set of weights against it.
 *
 * <p>In the circuit each parameter is a range check of n boolean hints whose weighted sum is
 * {@code u}, so packing is free and injective; the commitment then costs one Poseidon hash per 15
 * elements.
 */
public final class ModelCommitment {
    /** Narrowest widths used: every int8 model shares one weight width, every int32-biased one its bias width. */
    public static final int MIN_WEIGHT_BITS = 8;
    public static final int MIN_BIAS_BITS = 32;
    static final int ELEMENT_BITS = 253;

    private ModelCommitment() {
    }

    /**
     * The signed widths of the weights and of the biases in a committed circuit: part of the
     * public statement, like the architecture. Models of one architecture with the same widths
     * compile to the same circuit and share one proving key.
     */
    public record Widths(int weightBits, int biasBits) {
        public static Widths of(QuantizedModel model) {
            int weights = MIN_WEIGHT_BITS;
            int biases = MIN_BIAS_BITS;
            for (QuantizedModel.Tensor t : model.tensors()) {
                for (long v : t.values()) {
                    int n = new Interval(v, v).signedBits();
                    if (t.bias()) {
                        biases = Math.max(biases, n);
                    } else {
                        weights = Math.max(weights, n);
                    }
                }
            }
            return new Widths(weights, biases);
        }

        public int of(QuantizedModel.Tensor t) {
            return t.bias() ? biasBits : weightBits;
        }
    }

    /** Receives each parameter with its place in the packed elements. */
    interface Placement {
        void place(int tensor, int index, int width, int element, int shift);
    }

    /** Places every parameter of {@code model}; returns the number of packed elements. */
    static int pack(QuantizedModel model, Widths widths, Placement placement) {
        int element = 0;
        int used = 0;
        List<QuantizedModel.Tensor> tensors = model.tensors();
        for (int t = 0; t < tensors.size(); t++) {
            int width = widths.of(tensors.get(t));
            for (int k = 0; k < tensors.get(t).values().length; k++) {
                if (used + width > ELEMENT_BITS) {
                    element++;
                    used = 0;
                }
                placement.place(t, k, width, element, used);
                used += width;
            }
        }
        return element + 1;
    }

    /** The commitment to {@code model}'s parameters under {@code salt} (in {@code [0, r)}). */
    public static BigInteger commit(QuantizedModel model, BigInteger salt) {
        checkSalt(salt);
        Widths widths = Widths.of(model);
        List<QuantizedModel.Tensor> tensors = model.tensors();
        List<BigInteger> elements = new ArrayList<>();
        pack(model, widths, (t, k, width, element, shift) -> {
            if (element == elements.size()) {
                elements.add(BigInteger.ZERO);
            }
            BigInteger u = BigInteger.valueOf(tensors.get(t).values()[k]).add(BigInteger.ONE.shiftLeft(width - 1));
            elements.set(element, elements.get(element).or(u.shiftLeft(shift)));
        });
        elements.add(salt);
        return InputCommitment.chain(elements);
    }

    static void checkSalt(BigInteger salt) {
        if (!Fr.FIELD.isCanonical(salt)) {
            throw new IllegalArgumentException("the model salt must be in [0, r)");
        }
    }
}
