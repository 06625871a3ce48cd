package dev.verity.prover.gadgets;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A binary Merkle tree of fixed depth over Fr leaves, with {@code Poseidon(left, right)} as the
 * node hash: {@code 2^depth} leaf slots, the given leaves first and zeros after them.
 */
public final class MerkleTree {
    private static final int L = MontgomeryField.LIMBS;
    private static final MontgomeryField F = Fr.FIELD;
    public static final int MAX_DEPTH = 24;

    private final int depth;
    private final int leafCount;
    /** levels[0] = leaves ... levels[depth] = root, Montgomery form. */
    private final long[][] levels;

    /** A membership proof: the leaf's index and its siblings from the leaf level up. */
    public record Proof(long index, List<BigInteger> siblings) {
        public Proof {
            siblings = List.copyOf(siblings);
        }
    }

    public MerkleTree(int depth, List<BigInteger> leaves) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth must be in [1, " + MAX_DEPTH + "], got " + depth);
        }
        if (leaves.size() > (1 << depth)) {
            throw new IllegalArgumentException(leaves.size() + " leaves do not fit a tree of depth " + depth);
        }
        this.depth = depth;
        this.leafCount = leaves.size();
        levels = new long[depth + 1][];
        levels[0] = new long[L << depth];
        for (int i = 0; i < leaves.size(); i++) {
            if (!F.isCanonical(leaves.get(i))) {
                throw new IllegalArgumentException("leaf " + i + " is not in [0, r): " + leaves.get(i));
            }
            F.fromBigInteger(leaves.get(i), levels[0], L * i);
        }
        for (int level = 1; level <= depth; level++) {
            int nodes = 1 << (depth - level);
            long[] below = levels[level - 1];
            long[] here = new long[L * nodes];
            for (int i = 0; i < nodes; i++) {
                Poseidon.hashMontgomery(below, 2 * L * i, 2, here, L * i);
            }
            levels[level] = here;
        }
    }

    public int depth() {
        return depth;
    }

    public BigInteger root() {
        return F.toBigInteger(levels[depth], 0);
    }

    public Proof proof(int index) {
        if (index < 0 || index >= leafCount) {
            throw new IllegalArgumentException("no leaf " + index + " among " + leafCount);
        }
        List<BigInteger> siblings = new ArrayList<>(depth);
        int i = index;
        for (int level = 0; level < depth; level++) {
            siblings.add(F.toBigInteger(levels[level], L * (i ^ 1)));
            i >>= 1;
        }
        return new Proof(index, siblings);
    }

    /** The root a leaf and a proof lead to (equal to the tree's root exactly for members). */
    public static BigInteger rootOf(BigInteger leaf, Proof proof) {
        BigInteger node = leaf;
        long index = proof.index();
        for (BigInteger sibling : proof.siblings()) {
            node = (index & 1) == 0 ? Poseidon.hash(node, sibling) : Poseidon.hash(sibling, node);
            index >>= 1;
        }
        return node;
    }
}
