// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

interface IRegistry {
    function stake() external payable;
    function requestUnbonding(uint256 amount) external;
    function withdraw() external;
}

/// Test double: an operator contract whose receive() tries to withdraw a second time while the
/// Registry is paying it. It swallows the failure of the re-entry, so the first payment goes through
/// and the test can check that it was paid once, and that the re-entry was refused.
contract ReentrantOperator {
    IRegistry public immutable registry;
    uint256 public payments;
    uint256 public received;
    bool public reentryRefused;

    constructor(IRegistry registry_) {
        registry = registry_;
    }

    function stakeAndUnbond() external payable {
        registry.stake{value: msg.value}();
        registry.requestUnbonding(msg.value);
    }

    function withdraw() external {
        registry.withdraw();
    }

    receive() external payable {
        payments++;
        received += msg.value;
        if (payments == 1) {
            try registry.withdraw() {} catch {
                reentryRefused = true;
            }
        }
    }
}
