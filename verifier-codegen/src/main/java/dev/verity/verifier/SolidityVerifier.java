package dev.verity.verifier;

import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fr;
import dev.verity.prover.io.SnarkjsJson.VerificationKey;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a self-contained Solidity Groth16 verifier for one verification key.
 *
 * <p>The contract has snarkjs' entry point {@code verifyProof(uint[2] a, uint[2][2] b, uint[2] c,
 * uint[N] input)}, a compact {@code verifyProof(uint256[8] proof, uint256[N] input)} over the same
 * words, and {@code verifyBatch(uint256[8][] proofs, uint256[N][] inputs)}, which checks n proofs
 * with n + 3 pairings in one precompile call using a random linear combination whose coefficients
 * are derived on chain from keccak256 over the key, all proofs and all inputs (Fiat–Shamir).
 *
 * <p>Gas: the key is compiled in as constants, vk_x costs one ecMul and one ecAdd per input,
 * {@code -A} is computed instead of storing {@code -beta}, and all pairings go into one call. In a
 * batch the first proof takes coefficient 1 (no multiplication) and each other {@code -rho_i A_i}
 * is one ecMul by {@code r - rho_i}.
 */
public final class SolidityVerifier {
    /** The contract name snarkjs uses, so existing deployment scripts find it. */
    public static final String CONTRACT_NAME = "Groth16Verifier";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");
    private static final BigInteger RHO_HIGH_BIT = BigInteger.ONE.shiftLeft(128);

    private SolidityVerifier() {
    }

    public static String source(VerificationKey vk) {
        if (vk.nPublic() < 1) {
            // Solidity has no zero-length static arrays, so the ABI below cannot express it.
            throw new IllegalArgumentException("the key has no public inputs; the verifier needs at least one");
        }
        EvmKey key = EvmKey.of(vk);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("N", Integer.toString(key.nPublic()));
        values.put("R", Fr.MODULUS.toString());
        values.put("P", Fp.MODULUS.toString());
        values.put("INPUT_BYTES", Integer.toString(32 * key.nPublic()));
        values.put("RHO_HIGH_BIT", "0x" + RHO_HIGH_BIT.toString(16));
        values.put("VK_HASH", Words.hex(key.hash()));
        values.put("KEY_CONSTANTS", keyConstants(key));
        values.put("SINGLE_VKX", singleVkx(key));
        values.put("BATCH_VKX", batchVkx(key));
        return fill(TEMPLATE, values);
    }

    private static String keyConstants(EvmKey key) {
        StringBuilder s = new StringBuilder();
        g1(s, "ALPHA", key.alpha());
        g2(s, "BETA", key.beta());
        g2(s, "GAMMA", key.gamma());
        g2(s, "DELTA", key.delta());
        s.append("\n    // IC[i]: the points of the public-input combination vk_x; IC[0] is its constant term.\n");
        for (int i = 0; i < key.ic().length; i++) {
            g1(s, "IC" + i, key.ic()[i]);
        }
        return s.toString();
    }

    private static void g1(StringBuilder s, String name, BigInteger[] xy) {
        constant(s, name + "_X", xy[0]);
        constant(s, name + "_Y", xy[1]);
    }

    private static void g2(StringBuilder s, String name, BigInteger[] words) {
        constant(s, name + "_X_IM", words[0]);
        constant(s, name + "_X_RE", words[1]);
        constant(s, name + "_Y_IM", words[2]);
        constant(s, name + "_Y_RE", words[3]);
    }

    private static void constant(StringBuilder s, String name, BigInteger value) {
        s.append("    uint256 internal constant ").append(name).append(" = ").append(value).append(";\n");
    }

    private static String singleVkx(EvmKey key) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= key.nPublic(); i++) {
            s.append("            s := calldataload(add(pInput, ").append(32 * (i - 1)).append("))\n");
            s.append("            ok := and(ok, lt(s, R))\n");
            s.append("            ok := and(ok, mulAdd(vkx, IC").append(i).append("_X, IC").append(i)
                    .append("_Y, s, scratch))\n");
        }
        return s.toString();
    }

    private static String batchVkx(EvmKey key) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= key.nPublic(); i++) {
            s.append("            ok := and(ok, mulAdd(tail, IC").append(i).append("_X, IC").append(i)
                    .append("_Y, mload(add(sums, ").append(32 * i).append(")), tmp))\n");
        }
        return s.toString();
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for ${" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final String TEMPLATE = """
            // SPDX-License-Identifier: MIT
            // Generated by Verity (`verity zkey export solidityverifier`) from a Groth16 verification key
            // over BN254 (public inputs: ${N}). Do not edit: regenerate it from the key.
            pragma solidity >=0.8.13 <0.9.0;

            /// @title Groth16 verifier for one verification key (BN254)
            /// @notice Checks e(A, B) = e(alpha, beta) * e(vk_x, gamma) * e(C, delta), where
            ///         vk_x = IC[0] + sum_i input[i] * IC[i + 1], with the precompiles ecAdd (0x06),
            ///         ecMul (0x07) and ecPairing (0x08).
            /// @dev Proof words, in both forms: A.x, A.y, B.x.im, B.x.re, B.y.im, B.y.re, C.x, C.y (what
            ///      `snarkjs zkey export soliditycalldata` prints). A public input >= R, a coordinate >= P,
            ///      or a point off its curve (or, for B, outside the subgroup of order R) makes a check or
            ///      a precompile call fail, and the verifier then returns false: it never accepts one.
            contract Groth16Verifier {
                /// Order of the scalar field: every public input must be below it.
                uint256 internal constant R = ${R};
                /// Modulus of the base field, in which point coordinates lie.
                uint256 internal constant P = ${P};
                /// Number of public inputs, and their size in bytes.
                uint256 internal constant N_PUBLIC = ${N};
                uint256 internal constant INPUT_BYTES = ${INPUT_BYTES};

                // The verification key. G2 coordinates are in the precompile's order: imaginary part first.
            ${KEY_CONSTANTS}
                /// keccak256 of the key's words in the order above; the batch randomness starts from it, so it
                /// is bound to this key.
                uint256 internal constant VK_HASH = ${VK_HASH};

                /// Batch coefficients after the first (which is 1) are 128 random bits with bit 128 set, so
                /// none is ever zero.
                uint256 internal constant RHO_HIGH_BIT = ${RHO_HIGH_BIT};

                uint256 internal constant EC_ADD = 0x06;
                uint256 internal constant EC_MUL = 0x07;
                uint256 internal constant EC_PAIRING = 0x08;

                /// verifyBatch got no proofs, or a different number of proofs and input arrays.
                error BatchShape(uint256 proofs, uint256 inputs);

                /// @notice snarkjs' entry point: the arguments `snarkjs zkey export soliditycalldata` prints.
                /// @return whether the proof is valid for these public inputs
                function verifyProof(
                    uint256[2] calldata a,
                    uint256[2][2] calldata b,
                    uint256[2] calldata c,
                    uint256[${N}] calldata input
                ) external view returns (bool) {
                    // Static arguments lie back to back in calldata: a, b and c are the 8 proof words.
                    uint256 pProof;
                    uint256 pInput;
                    assembly ("memory-safe") {
                        pProof := a
                        pInput := input
                    }
                    return verifyAt(pProof, pInput);
                }

                /// @notice The same check with the proof as its 8 words.
                function verifyProof(uint256[8] calldata proof, uint256[${N}] calldata input) external view returns (bool) {
                    uint256 pProof;
                    uint256 pInput;
                    assembly ("memory-safe") {
                        pProof := proof
                        pInput := input
                    }
                    return verifyAt(pProof, pInput);
                }

                /// @notice Verifies n proofs of this key together: with coefficients rho_0 = 1 and
                ///         rho_i = 2^128 + (the top 128 bits of keccak256(seed, i)) for i > 0, where
                ///         seed = keccak256(VK_HASH, proofs, inputs), it checks
                ///         prod_i e(-rho_i A_i, B_i) * e(S alpha, beta) * e(S IC[0] + sum_j T_j IC[j+1], gamma)
                ///           * e(sum_i rho_i C_i, delta) = 1,
                ///         with S = sum_i rho_i and T_j = sum_i rho_i input[i][j]: n + 3 pairings in one call.
                ///         A batch holding an invalid proof passes with probability about 2^-128 per try.
                /// @return ok whether every proof is valid for its public inputs
                function verifyBatch(uint256[8][] calldata proofs, uint256[${N}][] calldata inputs)
                    external
                    view
                    returns (bool ok)
                {
                    uint256 n = proofs.length;
                    if (n == 0 || n != inputs.length) {
                        revert BatchShape(n, inputs.length);
                    }
                    assembly ("memory-safe") {
                        // dst := s * (x, y), using 3 words at tmp for the precompile's input.
                        function ecMul(dst, x, y, s, tmp) -> success {
                            mstore(tmp, x)
                            mstore(add(tmp, 32), y)
                            mstore(add(tmp, 64), s)
                            success := staticcall(gas(), EC_MUL, tmp, 96, dst, 64)
                        }

                        // dst += s * (x, y); the product goes to the 2 words after dst, which must be free.
                        function mulAdd(dst, x, y, s, tmp) -> success {
                            success := ecMul(add(dst, 64), x, y, s, tmp)
                            success := and(success, staticcall(gas(), EC_ADD, dst, 128, dst, 64))
                        }

                        let m := mload(0x40)

                        // Fiat-Shamir seed over the key, all proofs and all inputs.
                        let proofBytes := mul(n, 256)
                        let inputBytes := mul(n, INPUT_BYTES)
                        mstore(m, VK_HASH)
                        calldatacopy(add(m, 32), proofs.offset, proofBytes)
                        calldatacopy(add(add(m, 32), proofBytes), inputs.offset, inputBytes)
                        let seed := keccak256(m, add(32, add(proofBytes, inputBytes)))

                        // From m on (the transcript is no longer needed): n + 3 (G1, G2) pairs of 6 words for
                        // the pairing call, then the C sum (2 words + 2 for a product), 3 words of ecMul input,
                        // and the scalar sums S, T_1 .. T_N.
                        let cSum := add(m, mul(192, add(n, 3)))
                        let tmp := add(cSum, 128)
                        let sums := add(tmp, 96)

                        // Proof 0, rho = 1: the pair (-A, B); A.y must be canonical, or sub(P, y) would
                        // wrap a non-canonical encoding onto a valid point (A = infinity is refused, as in
                        // verifyAt).
                        let ay := calldataload(add(proofs.offset, 32))
                        ok := lt(ay, P)
                        mstore(m, calldataload(proofs.offset))
                        mstore(add(m, 32), sub(P, ay))
                        calldatacopy(add(m, 64), add(proofs.offset, 64), 128)
                        calldatacopy(cSum, add(proofs.offset, 192), 64)
                        mstore(sums, 1)
                        for { let j := 0 } lt(j, N_PUBLIC) { j := add(j, 1) } {
                            let s := calldataload(add(inputs.offset, mul(j, 32)))
                            ok := and(ok, lt(s, R))
                            mstore(add(sums, mul(add(j, 1), 32)), s)
                        }

                        for { let i := 1 } lt(i, n) { i := add(i, 1) } {
                            let p := add(proofs.offset, mul(i, 256))
                            let pInput := add(inputs.offset, mul(i, INPUT_BYTES))
                            let pair := add(m, mul(i, 192))
                            mstore(0, seed)
                            mstore(32, i)
                            let rho := or(shr(128, keccak256(0, 64)), RHO_HIGH_BIT)
                            // (-rho A, B): multiplying by R - rho negates at no extra cost.
                            ok := and(ok, ecMul(pair, calldataload(p), calldataload(add(p, 32)), sub(R, rho), tmp))
                            calldatacopy(add(pair, 64), add(p, 64), 128)
                            ok := and(ok, mulAdd(cSum, calldataload(add(p, 192)), calldataload(add(p, 224)), rho, tmp))
                            mstore(sums, addmod(mload(sums), rho, R))
                            for { let j := 0 } lt(j, N_PUBLIC) { j := add(j, 1) } {
                                let s := calldataload(add(pInput, mul(j, 32)))
                                ok := and(ok, lt(s, R))
                                let t := add(sums, mul(add(j, 1), 32))
                                mstore(t, addmod(mload(t), mulmod(rho, s, R), R))
                            }
                        }

                        // The three pairs after the proofs': (S alpha, beta) first.
                        let tail := add(m, mul(n, 192))
                        ok := and(ok, ecMul(tail, ALPHA_X, ALPHA_Y, mload(sums), tmp))
                        mstore(add(tail, 64), BETA_X_IM)
                        mstore(add(tail, 96), BETA_X_RE)
                        mstore(add(tail, 128), BETA_Y_IM)
                        mstore(add(tail, 160), BETA_Y_RE)

                        // (S IC[0] + sum_j T_j IC[j], gamma)
                        tail := add(tail, 192)
                        ok := and(ok, ecMul(tail, IC0_X, IC0_Y, mload(sums), tmp))
            ${BATCH_VKX}
                        mstore(add(tail, 64), GAMMA_X_IM)
                        mstore(add(tail, 96), GAMMA_X_RE)
                        mstore(add(tail, 128), GAMMA_Y_IM)
                        mstore(add(tail, 160), GAMMA_Y_RE)

                        // (sum rho_i C_i, delta)
                        tail := add(tail, 192)
                        mstore(tail, mload(cSum))
                        mstore(add(tail, 32), mload(add(cSum, 32)))
                        mstore(add(tail, 64), DELTA_X_IM)
                        mstore(add(tail, 96), DELTA_X_RE)
                        mstore(add(tail, 128), DELTA_Y_IM)
                        mstore(add(tail, 160), DELTA_Y_RE)

                        let success := staticcall(gas(), EC_PAIRING, m, mul(192, add(n, 3)), m, 32)
                        ok := and(ok, and(success, mload(m)))
                    }
                }

                /// @dev Verifies the proof whose 8 words start at calldata offset pProof, with the public
                ///      inputs at pInput.
                function verifyAt(uint256 pProof, uint256 pInput) private view returns (bool ok) {
                    assembly ("memory-safe") {
                        // dst += s * (x, y), with 3 words at tmp for the ecMul input; the product goes to
                        // the 2 words after dst, which must be free.
                        function mulAdd(dst, x, y, s, tmp) -> success {
                            mstore(tmp, x)
                            mstore(add(tmp, 32), y)
                            mstore(add(tmp, 64), s)
                            success := staticcall(gas(), EC_MUL, tmp, 96, add(dst, 64), 64)
                            success := and(success, staticcall(gas(), EC_ADD, dst, 128, dst, 64))
                        }

                        // Pairing input: four (G1, G2) pairs of 6 words, then 3 words of ecMul input.
                        let m := mload(0x40)
                        let scratch := add(m, 768)

                        // Pair 0: (-A, B). A.y must be canonical, or sub(P, y) would wrap a non-canonical
                        // encoding onto a valid point. A = infinity, (0, 0), becomes (0, P), which the
                        // precompile rejects; an honest prover's A is never infinity.
                        let ay := calldataload(add(pProof, 32))
                        ok := lt(ay, P)
                        mstore(m, calldataload(pProof))
                        mstore(add(m, 32), sub(P, ay))
                        calldatacopy(add(m, 64), add(pProof, 64), 128)

                        // Pair 1: (alpha, beta)
                        mstore(add(m, 192), ALPHA_X)
                        mstore(add(m, 224), ALPHA_Y)
                        mstore(add(m, 256), BETA_X_IM)
                        mstore(add(m, 288), BETA_X_RE)
                        mstore(add(m, 320), BETA_Y_IM)
                        mstore(add(m, 352), BETA_Y_RE)

                        // Pair 2: (vk_x, gamma), vk_x = IC[0] + sum_i input[i] * IC[i + 1] built in place.
                        let vkx := add(m, 384)
                        mstore(vkx, IC0_X)
                        mstore(add(vkx, 32), IC0_Y)
                        let s := 0
            ${SINGLE_VKX}
                        mstore(add(m, 448), GAMMA_X_IM)
                        mstore(add(m, 480), GAMMA_X_RE)
                        mstore(add(m, 512), GAMMA_Y_IM)
                        mstore(add(m, 544), GAMMA_Y_RE)

                        // Pair 3: (C, delta)
                        calldatacopy(add(m, 576), add(pProof, 192), 64)
                        mstore(add(m, 640), DELTA_X_IM)
                        mstore(add(m, 672), DELTA_X_RE)
                        mstore(add(m, 704), DELTA_Y_IM)
                        mstore(add(m, 736), DELTA_Y_RE)

                        // The product of the four pairings must be 1.
                        let success := staticcall(gas(), EC_PAIRING, m, 768, m, 32)
                        ok := and(ok, and(success, mload(m)))
                    }
                }
            }
            """;
}
