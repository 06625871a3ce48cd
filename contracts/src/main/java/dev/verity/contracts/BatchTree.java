package dev.verity.contracts;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.web3j.crypto.Hash;

/**
 * The Merkle tree of an optimistic batch as the Registry checks it: leaf i is
 * keccak256(keccak256(i, proof words, input words)) (words as 32-byte big-endian, packed), inner
 * nodes hash their two children in ascending order (OpenZeppelin's MerkleProof), and a node
 * without a sibling moves up unchanged.
 */
public final class BatchTree {
    private final List<byte[][]> levels = new ArrayList<>();

    /** {@code proofs.get(i)}: 8 words; {@code inputs.get(i)}: the public inputs of leaf i. */
    public BatchTree(List<List<BigInteger>> proofs, List<List<BigInteger>> inputs) {
        if (proofs.isEmpty() || proofs.size() != inputs.size()) {
            throw new IllegalArgumentException("a batch needs as many input lists as proofs, and at least one");
        }
        byte[][] level = new byte[proofs.size()][];
        for (int i = 0; i < level.length; i++) {
            level[i] = leaf(i, proofs.get(i), inputs.get(i));
        }
        levels.add(level);
        while (level.length > 1) {
            byte[][] up = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < up.length; i++) {
                up[i] = 2 * i + 1 < level.length ? node(level[2 * i], level[2 * i + 1]) : level[2 * i];
            }
            levels.add(up);
            level = up;
        }
    }

    public static byte[] leaf(int index, List<BigInteger> proof, List<BigInteger> inputs) {
        if (proof.size() != 8) {
            throw new IllegalArgumentException("a proof has 8 words, got " + proof.size());
        }
        List<BigInteger> words = new ArrayList<>();
        words.add(BigInteger.valueOf(index));
        words.addAll(proof);
        words.addAll(inputs);
        return Hash.sha3(Hash.sha3(Abi.words(words)));
    }

    public byte[] root() {
        return levels.get(levels.size() - 1)[0].clone();
    }

    public int size() {
        return levels.get(0).length;
    }

    /** The sibling hashes from leaf {@code index} up to the root. */
    public List<byte[]> proof(int index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("no leaf " + index + " in a batch of " + size());
        }
        List<byte[]> out = new ArrayList<>();
        for (int l = 0; l + 1 < levels.size(); l++) {
            byte[][] level = levels.get(l);
            int sibling = index ^ 1;
            if (sibling < level.length) {
                out.add(level[sibling].clone());
            }
            index /= 2;
        }
        return out;
    }

    private static byte[] node(byte[] a, byte[] b) {
        boolean ordered = Arrays.compareUnsigned(a, b) <= 0;
        byte[] both = new byte[64];
        System.arraycopy(ordered ? a : b, 0, both, 0, 32);
        System.arraycopy(ordered ? b : a, 0, both, 32, 32);
        return Hash.sha3(both);
    }
}
