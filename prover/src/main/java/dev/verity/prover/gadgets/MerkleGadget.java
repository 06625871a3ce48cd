package dev.verity.prover.gadgets;

import dev.verity.prover.r1cs.CircuitBuilder;
import dev.verity.prover.r1cs.LinearCombination;

/**
 * Merkle membership in a circuit, for trees made like {@link MerkleTree}: per level one
 * constraint to order the pair by the index bit and one Poseidon(2) hash.
 */
public final class MerkleGadget {
    private MerkleGadget() {
    }

    /**
     * The root reached from {@code leaf} with the index bits (least significant first, each
     * constrained boolean here) and the siblings from the leaf level up.
     */
    public static LinearCombination root(CircuitBuilder b, LinearCombination leaf, LinearCombination[] indexBits,
            LinearCombination[] siblings) {
        if (indexBits.length != siblings.length || siblings.length == 0) {
            throw new IllegalArgumentException("need one index bit per sibling and at least one level, got "
                    + indexBits.length + " bits and " + siblings.length + " siblings");
        }
        LinearCombination node = leaf;
        for (int level = 0; level < siblings.length; level++) {
            b.assertBoolean(indexBits[level]);
            // bit 0: (node, sibling); bit 1: (sibling, node)
            LinearCombination swap = b.mul(indexBits[level], siblings[level].sub(node));
            LinearCombination left = node.add(swap);
            LinearCombination right = siblings[level].sub(swap);
            node = PoseidonGadget.hash(b, left, right);
        }
        return node;
    }

    /** Constrains {@code leaf} to be in the tree with root {@code root} at the given path. */
    public static void assertMember(CircuitBuilder b, LinearCombination leaf, LinearCombination[] indexBits,
            LinearCombination[] siblings, LinearCombination root) {
        b.assertEqual(root(b, leaf, indexBits, siblings), root);
    }
}
