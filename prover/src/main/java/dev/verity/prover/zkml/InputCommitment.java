package dev.verity.prover.zkml;

import dev.verity.prover.field.Fr;
import dev.verity.prover.gadgets.Poseidon;
import dev.verity.prover.gadgets.PoseidonGadget;
import dev.verity.prover.r1cs.CircuitBuilder;
import dev.verity.prover.r1cs.LinearCombination;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The commitment to a private 8-bit input: the input packed 31 bytes per field element (little
 * endian: element m is {@code sum_i x[31m + i] * 256^i}), the blinding appended, and the
 * elements hashed by a Poseidon chain: {@code h = Poseidon(e_0 .. e_15)} (or all of them when
 * there are at most 16), then {@code h = Poseidon(h, next up to 15 elements)} until none are left.
 *
 * <p>For 784 pixels that is 26 elements plus the blinding, two hashes: about 1,100 constraints
 * instead of the ~30,000 of hashing every pixel. Packing is injective only because every byte is
 * range-checked to 8 bits in the circuit.
 */
public final class InputCommitment {
    public static final int BYTES_PER_ELEMENT = 31;
    private static final int MAX_INPUTS = 16;

    private InputCommitment() {
    }

    /** The packed elements of an 8-bit input. */
    public static List<BigInteger> pack(int[] bytes) {
        List<BigInteger> out = new ArrayList<>();
        for (int from = 0; from < bytes.length; from += BYTES_PER_ELEMENT) {
            BigInteger e = BigInteger.ZERO;
            for (int i = Math.min(bytes.length, from + BYTES_PER_ELEMENT) - 1; i >= from; i--) {
                if (bytes[i] < 0 || bytes[i] > 255) {
                    throw new IllegalArgumentException("input " + i + " = " + bytes[i] + " is not in [0, 255]");
                }
                e = e.shiftLeft(8).add(BigInteger.valueOf(bytes[i]));
            }
            out.add(e);
        }
        return out;
    }

    public static BigInteger commit(int[] bytes, BigInteger blinding) {
        if (!Fr.FIELD.isCanonical(blinding)) {
            throw new IllegalArgumentException("blinding must be in [0, r)");
        }
        List<BigInteger> elements = new ArrayList<>(pack(bytes));
        elements.add(blinding);
        return chain(elements);
    }

    /** The Poseidon chain over any number of elements (at least one). */
    public static BigInteger chain(List<BigInteger> elements) {
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("nothing to hash");
        }
        int first = Math.min(MAX_INPUTS, elements.size());
        BigInteger h = Poseidon.hash(elements.subList(0, first));
        for (int from = first; from < elements.size(); from += MAX_INPUTS - 1) {
            List<BigInteger> next = new ArrayList<>();
            next.add(h);
            next.addAll(elements.subList(from, Math.min(elements.size(), from + MAX_INPUTS - 1)));
            h = Poseidon.hash(next);
        }
        return h;
    }

    /**
     * In a circuit: the commitment to bytes already constrained to 8 bits each (packing them is
     * free) and a blinding value.
     */
    public static LinearCombination commit(CircuitBuilder b, LinearCombination[] bytes, LinearCombination blinding) {
        List<LinearCombination> elements = new ArrayList<>();
        for (int from = 0; from < bytes.length; from += BYTES_PER_ELEMENT) {
            LinearCombination.Sum e = new LinearCombination.Sum();
            for (int i = from; i < Math.min(bytes.length, from + BYTES_PER_ELEMENT); i++) {
                e.add(bytes[i], BigInteger.ONE.shiftLeft(8 * (i - from)));
            }
            elements.add(e.build());
        }
        elements.add(blinding);
        return chain(b, elements.toArray(new LinearCombination[0]));
    }

    static LinearCombination chain(CircuitBuilder b, LinearCombination[] elements) {
        int first = Math.min(MAX_INPUTS, elements.length);
        LinearCombination h = PoseidonGadget.hash(b, Arrays.copyOfRange(elements, 0, first));
        for (int from = first; from < elements.length; from += MAX_INPUTS - 1) {
            int to = Math.min(elements.length, from + MAX_INPUTS - 1);
            LinearCombination[] next = new LinearCombination[1 + to - from];
            next[0] = h;
            System.arraycopy(elements, from, next, 1, to - from);
            h = PoseidonGadget.hash(b, next);
        }
        return h;
    }
}
