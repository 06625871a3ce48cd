package dev.verity.prover.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.r1cs.Circuit;
import dev.verity.prover.r1cs.CircuitBuilder;
import dev.verity.prover.r1cs.LinearCombination;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTest {
    private static List<BigInteger> leaves(int n) {
        List<BigInteger> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(BigInteger.valueOf(1000 + 7L * i));
        }
        return out;
    }

    /** The tree's root by its definition: Poseidon(left, right) level by level, zeros after the leaves. */
    @Test
    void rootFollowsTheDefinition() {
        List<BigInteger> level = new ArrayList<>(leaves(5));
        while (level.size() < 8) {
            level.add(BigInteger.ZERO);
        }
        while (level.size() > 1) {
            List<BigInteger> up = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                up.add(Poseidon.hash(level.get(i), level.get(i + 1)));
            }
            level = up;
        }
        MerkleTree tree = new MerkleTree(3, leaves(5));
        assertEquals(level.get(0), tree.root());
        for (int i = 0; i < 5; i++) {
            assertEquals(tree.root(), MerkleTree.rootOf(leaves(5).get(i), tree.proof(i)));
        }
        assertNotEquals(tree.root(), MerkleTree.rootOf(BigInteger.ONE, tree.proof(2)));
        assertThrows(IllegalArgumentException.class, () -> tree.proof(5));
        assertThrows(IllegalArgumentException.class, () -> new MerkleTree(2, leaves(5)));
    }

    private static void membership(CircuitBuilder b, MerkleTree tree, BigInteger leaf, MerkleTree.Proof proof) {
        LinearCombination root = b.publicInput(tree.root());
        LinearCombination index = b.privateInput(proof.index());
        LinearCombination[] bits = Bits.toBits(b, index, tree.depth());
        LinearCombination[] siblings = new LinearCombination[tree.depth()];
        for (int i = 0; i < siblings.length; i++) {
            siblings[i] = b.privateInput(proof.siblings().get(i));
        }
        MerkleGadget.assertMember(b, b.privateInput(leaf), bits, siblings, root);
    }

    @Test
    void membershipCircuitAcceptsMembersOnly() {
        MerkleTree tree = new MerkleTree(4, leaves(11));
        for (int i : new int[] {0, 5, 10}) {
            Circuit c = Soundness.build(b -> membership(b, tree, leaves(11).get(i), tree.proof(i)));
            assertEquals(List.of(tree.root()), c.publicSignals());
        }
        // a non-member, a wrong position, a wrong sibling
        MerkleTree.Proof p = tree.proof(6);
        assertUnsatisfied(b -> membership(b, tree, BigInteger.valueOf(999), p));
        assertUnsatisfied(b -> membership(b, tree, leaves(11).get(6), new MerkleTree.Proof(7, p.siblings())));
        List<BigInteger> changed = new ArrayList<>(p.siblings());
        changed.set(2, changed.get(2).add(BigInteger.ONE));
        assertUnsatisfied(b -> membership(b, tree, leaves(11).get(6), new MerkleTree.Proof(6, changed)));
        Soundness.everyHintIsChecked(b -> membership(b, tree, leaves(11).get(3), tree.proof(3)));
    }

    private static void assertUnsatisfied(java.util.function.Consumer<CircuitBuilder> body) {
        CircuitBuilder b = new CircuitBuilder();
        body.accept(b);
        Circuit c = b.build();
        assertTrue(c.cs().firstUnsatisfied(c.witness()) >= 0);
    }
}
