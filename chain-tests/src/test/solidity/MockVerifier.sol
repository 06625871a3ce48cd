// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Test double for the Registry's unit tests: a verifier for 3 or 4 public inputs whose answer the
/// test sets, so that Registry logic is tested apart from proofs (chain-tests' JUnit tests use real ones).
contract MockVerifier {
    bool public answer = true;

    function setAnswer(bool answer_) external {
        answer = answer_;
    }

    function verifyProof(uint256[8] calldata, uint256[3] calldata) external view returns (bool) {
        return answer;
    }

    function verifyProof(uint256[8] calldata, uint256[4] calldata) external view returns (bool) {
        return answer;
    }

    function verifyBatch(uint256[8][] calldata, uint256[3][] calldata) external view returns (bool) {
        return answer;
    }

    function verifyBatch(uint256[8][] calldata, uint256[4][] calldata) external view returns (bool) {
        return answer;
    }
}
