package dev.verity.contracts;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.StaticArray8;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/** ABI-encoded calls of contracts/src/main/solidity/Registry.sol (proofs as 8 words, inputs as words). */
public final class RegistryCalls {
    private static final HexFormat HEX = HexFormat.of();

    private RegistryCalls() {
    }

    /** Constructor arguments: windows in seconds, stake in wei, the challenger's share in basis points. */
    public static byte[] constructorArguments(long challengeWindow, long unbondingPeriod, BigInteger minStake,
            int challengerShareBps, String treasury) {
        return HEX.parseHex(FunctionEncoder.encodeConstructor(List.of(new Uint256(challengeWindow),
                new Uint256(unbondingPeriod), new Uint256(minStake), new Uint256(challengerShareBps),
                new Address(treasury))));
    }

    public static byte[] registerModel(byte[] commitment, String verifier, int nPublic, int submitterIndex,
            int inputIndex, int outputIndex) {
        return encode("registerModel", new Bytes32(commitment), new Address(verifier), new Uint8(nPublic),
                new Uint8(submitterIndex), new Uint8(inputIndex), new Uint8(outputIndex));
    }

    /** A model with private weights: its proofs carry {@code commitment} as public input {@code weightsIndex}. */
    public static byte[] registerCommittedModel(BigInteger commitment, String verifier, int nPublic,
            int submitterIndex, int inputIndex, int outputIndex, int weightsIndex) {
        return encode("registerCommittedModel", new Bytes32(Numeric.toBytesPadded(commitment, 32)),
                new Address(verifier), new Uint8(nPublic), new Uint8(submitterIndex), new Uint8(inputIndex),
                new Uint8(outputIndex), new Uint8(weightsIndex));
    }

    public static byte[] deactivateModel(long modelId) {
        return encode("deactivateModel", new Uint256(modelId));
    }

    public static byte[] stake() {
        return encode("stake");
    }

    public static byte[] requestUnbonding(BigInteger amount) {
        return encode("requestUnbonding", new Uint256(amount));
    }

    public static byte[] withdraw() {
        return encode("withdraw");
    }

    public static byte[] claim() {
        return encode("claim");
    }

    public static byte[] submit(long modelId, List<BigInteger> proof, List<BigInteger> inputs) {
        return encode("submit", new Uint256(modelId), proof(proof), uints(inputs));
    }

    /**
     * {@code submitPacked()}: its selector, then modelId, the 8 proof words and the inputs, each one
     * 32-byte word, with no ABI offset or length (the Registry reads them at fixed places). Records
     * the same result as {@link #submit} for about 680 gas less.
     */
    public static byte[] submitPacked(long modelId, List<BigInteger> proof, List<BigInteger> inputs) {
        proof(proof);
        List<BigInteger> words = new ArrayList<>();
        words.add(BigInteger.valueOf(modelId));
        words.addAll(proof);
        words.addAll(inputs);
        byte[] head = selector("submitPacked()");
        byte[] body = Abi.words(words);
        byte[] out = Arrays.copyOf(head, 4 + body.length);
        System.arraycopy(body, 0, out, 4, body.length);
        return out;
    }

    /**
     * {@code submitBatch(uint256, uint256[8][], uint256[][])}, encoded here by hand: the Registry's
     * ABI decoder rejected web3j 5.0.2's encoding of the nested dynamic array {@code uint256[][]}.
     */
    public static byte[] submitBatch(long modelId, List<List<BigInteger>> proofs, List<List<BigInteger>> inputs) {
        int n = proofs.size();
        List<BigInteger> words = new ArrayList<>();
        words.add(BigInteger.valueOf(modelId));
        words.add(BigInteger.valueOf(96));
        words.add(BigInteger.valueOf(96 + 32 + 256L * n));
        words.add(BigInteger.valueOf(n));
        for (List<BigInteger> proof : proofs) {
            proof(proof);
            words.addAll(proof);
        }
        words.add(BigInteger.valueOf(inputs.size()));
        long offset = 32L * inputs.size(); // row offsets count from the first offset word
        for (List<BigInteger> row : inputs) {
            words.add(BigInteger.valueOf(offset));
            offset += 32L * (1 + row.size());
        }
        for (List<BigInteger> row : inputs) {
            words.add(BigInteger.valueOf(row.size()));
            words.addAll(row);
        }
        byte[] head = selector("submitBatch(uint256,uint256[8][],uint256[][])");
        byte[] body = Abi.words(words);
        byte[] out = Arrays.copyOf(head, 4 + body.length);
        System.arraycopy(body, 0, out, 4, body.length);
        return out;
    }

    public static byte[] resultOf(long modelId, BigInteger inputCommitment) {
        return encode("resultOf", new Uint256(modelId), new Uint256(inputCommitment));
    }

    public static byte[] postBatch(long modelId, byte[] root, int count) {
        return encode("postBatch", new Uint256(modelId), new Bytes32(root), new Uint32(count));
    }

    public static byte[] challenge(long batchId, int index, List<BigInteger> proof, List<BigInteger> inputs,
            List<byte[]> merkleProof) {
        List<Bytes32> siblings = new ArrayList<>();
        merkleProof.forEach(h -> siblings.add(new Bytes32(h)));
        return encode("challenge", new Uint256(batchId), new Uint256(index), proof(proof), uints(inputs),
                new DynamicArray<>(Bytes32.class, siblings));
    }

    public static byte[] finalizeBatch(long batchId) {
        return encode("finalizeBatch", new Uint256(batchId));
    }

    public static byte[] credits(String account) {
        return encode("credits", new Address(account));
    }

    public static byte[] operators(String account) {
        return encode("operators", new Address(account));
    }

    /** The 4-byte selector of a function or custom error signature, e.g. {@code "AlreadyRecorded(uint256,uint256)"}. */
    public static byte[] selector(String signature) {
        return Arrays.copyOf(Hash.sha3(signature.getBytes(StandardCharsets.US_ASCII)), 4);
    }

    private static StaticArray8<Uint256> proof(List<BigInteger> words) {
        if (words.size() != 8) {
            throw new IllegalArgumentException("a proof has 8 words, got " + words.size());
        }
        return new StaticArray8<>(Uint256.class, words.stream().map(Uint256::new).toList());
    }

    private static DynamicArray<Uint256> uints(List<BigInteger> words) {
        return new DynamicArray<>(Uint256.class, words.stream().map(Uint256::new).toList());
    }

    @SuppressWarnings("rawtypes")
    private static byte[] encode(String name, Type... args) {
        return HEX.parseHex(FunctionEncoder.encode(new Function(name, List.of(args), List.of())).substring(2));
    }
}
