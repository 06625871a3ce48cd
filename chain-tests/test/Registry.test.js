// Unit tests of contracts/src/main/solidity/Registry.sol on Hardhat's in-process chain, with a mock
// verifier (src/test/solidity/MockVerifier.sol). Real proofs are the JUnit tests' job.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { network } from "hardhat";
import { encodePacked, keccak256, parseEther, toHex, concat, decodeErrorResult, toFunctionSelector, slice } from "viem";

const { viem, networkHelpers } = await network.create();
const WINDOW = 600n;
const UNBONDING = 300n;
const MIN_STAKE = parseEther("1");
const SHARE_BPS = 3333n;
const PROOF = [1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n];

async function deploy() {
  const [owner, operator, other, treasury] = await viem.getWalletClients();
  const verifier = await viem.deployContract("MockVerifier");
  const registry = await viem.deployContract("Registry", [WINDOW, UNBONDING, MIN_STAKE, SHARE_BPS,
    treasury.account.address]);
  await registry.write.registerModel([keccak256(toHex("model")), verifier.address, 3, 0, 1, 2]);
  const as = (wallet) => ({ account: wallet.account });
  return { owner, operator, other, treasury, verifier, registry, as };
}

const inputsOf = (wallet, commitment, output) => [BigInt(wallet.account.address), commitment, output];

async function rejects(promise, error) {
  await assert.rejects(promise, (e) => {
    assert.match(e.message, new RegExp(error));
    return true;
  });
}

// submitPacked(): its selector, then modelId, the proof words and the input words, with no ABI offset or length.
const packed = (modelId, proof, inputs) =>
  concat([toFunctionSelector("submitPacked()"), encodePacked(["uint256", "uint256[8]", "uint256[]"], [modelId, proof, inputs])]);

// Sends raw call data (which viem cannot encode from the ABI) and decodes a revert with the Registry's ABI.
async function sendRaw(registry, wallet, data) {
  const publicClient = await viem.getPublicClient();
  try {
    await publicClient.call({ account: wallet.account, to: registry.address, data });
  } catch (e) {
    const raw = e.walk((c) => typeof c.data === "string" && c.data.startsWith("0x"))?.data;
    throw new Error(raw ? decodeErrorResult({ abi: registry.abi, data: raw }).errorName : e.message);
  }
  return wallet.sendTransaction({ to: registry.address, data });
}

// The Registry's leaves and OpenZeppelin's sorted-pair Merkle tree.
function leaf(index, proof, inputs) {
  const inner = keccak256(encodePacked(["uint256", "uint256[8]", "uint256[]"], [BigInt(index), proof, inputs]));
  return keccak256(inner);
}
function tree(leaves) {
  const levels = [leaves];
  while (levels.at(-1).length > 1) {
    const level = levels.at(-1);
    const up = [];
    for (let i = 0; i < level.length; i += 2) {
      if (i + 1 === level.length) {
        up.push(level[i]);
      } else {
        const [a, b] = BigInt(level[i]) <= BigInt(level[i + 1]) ? [level[i], level[i + 1]] : [level[i + 1], level[i]];
        up.push(keccak256(concat([a, b])));
      }
    }
    levels.push(up);
  }
  return {
    root: levels.at(-1)[0],
    proof(index) {
      const out = [];
      for (let l = 0; l + 1 < levels.length; l++) {
        const sibling = index ^ 1;
        if (sibling < levels[l].length) out.push(levels[l][sibling]);
        index >>= 1;
      }
      return out;
    },
  };
}

describe("Registry", () => {
  it("registers models with a checked layout and lets only the owner deactivate them", async () => {
    const { registry, verifier, other, as } = await networkHelpers.loadFixture(deploy);
    await rejects(registry.write.registerModel([keccak256(toHex("x")), other.account.address, 3, 0, 1, 2]), "InvalidModel");
    await rejects(registry.write.registerModel([keccak256(toHex("x")), verifier.address, 3, 3, 1, 2]), "InvalidModel");
    await rejects(registry.write.deactivateModel([1n], as(other)), "OwnableUnauthorizedAccount");
    await registry.write.deactivateModel([1n]);
    assert.equal((await registry.getEvents.ModelDeactivated()).length, 1);
    await rejects(registry.write.submit([1n, PROOF, inputsOf(other, 5n, 6n)], as(other)), "InactiveModel");
  });

  it("records a verified result once, for its submitter only", async () => {
    const { registry, verifier, operator, other, as } = await networkHelpers.loadFixture(deploy);
    const inputs = inputsOf(operator, 5n, 6n);
    await rejects(registry.write.submit([1n, PROOF, inputs], as(other)), "SubmitterMismatch");
    await verifier.write.setAnswer([false]);
    await rejects(registry.write.submit([1n, PROOF, inputs], as(operator)), "InvalidProof");
    await verifier.write.setAnswer([true]);
    await registry.write.submit([1n, PROOF, inputs], as(operator));
    assert.deepEqual(await registry.read.resultOf([1n, 5n]), [true, 6n]);
    const [event] = await registry.getEvents.ResultRecorded();
    assert.equal(event.args.output, 6n);
    await rejects(registry.write.submit([1n, PROOF.map((w) => w + 1n), inputs], as(operator)), "AlreadyRecorded");
    await rejects(registry.write.submit([1n, PROOF, inputs.slice(0, 2)], as(operator)), "WrongInputCount");
  });

  it("takes packed submissions with the same checks", async () => {
    const { registry, verifier, operator, other, as } = await networkHelpers.loadFixture(deploy);
    const inputs = inputsOf(operator, 5n, 6n);
    const call = packed(1n, PROOF, inputs);
    await rejects(sendRaw(registry, other, call), "SubmitterMismatch");
    await rejects(sendRaw(registry, operator, packed(2n, PROOF, inputs)), "InactiveModel");
    await rejects(sendRaw(registry, operator, packed(1n, PROOF, inputs.slice(0, 2))), "WrongInputCount");
    await rejects(sendRaw(registry, operator, packed(1n, PROOF, [...inputs, 0n])), "WrongInputCount");
    await rejects(sendRaw(registry, operator, concat([call, "0x00"])), "WrongInputCount");
    await rejects(sendRaw(registry, operator, slice(call, 0, 100)), "WrongInputCount");
    await verifier.write.setAnswer([false]);
    await rejects(sendRaw(registry, operator, call), "InvalidProof");
    await verifier.write.setAnswer([true]);
    await sendRaw(registry, operator, call);
    assert.deepEqual(await registry.read.resultOf([1n, 5n]), [true, 6n]);
    const [event] = await registry.getEvents.ResultRecorded();
    assert.deepEqual([event.args.modelId, event.args.inputCommitment, event.args.output], [1n, 5n, 6n]);
    await rejects(sendRaw(registry, operator, packed(1n, PROOF.map((w) => w + 1n), inputs)), "AlreadyRecorded");
    await rejects(registry.write.submit([1n, PROOF, inputs], as(operator)), "AlreadyRecorded");
  });

  it("checks a private-weights model's commitment on every path", async () => {
    const { registry, verifier, operator, other, as } = await networkHelpers.loadFixture(deploy);
    const R = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;
    const W = 123456789n;
    const w = toHex(W, { size: 32 });
    await rejects(registry.write.registerCommittedModel([w, verifier.address, 4, 0, 1, 2, 4]), "InvalidModel");
    await rejects(registry.write.registerCommittedModel([w, verifier.address, 4, 0, 1, 2, 0]), "InvalidModel");
    await rejects(registry.write.registerCommittedModel([w, verifier.address, 4, 0, 1, 2, 2]), "InvalidModel");
    await rejects(registry.write.registerCommittedModel([toHex(R, { size: 32 }), verifier.address, 4, 0, 1, 2, 3]),
      "InvalidModel");
    await registry.write.registerCommittedModel([w, verifier.address, 4, 0, 1, 2, 3]);
    const [registered] = await registry.getEvents.ModelWeightsCommitted();
    assert.deepEqual([registered.args.modelId, registered.args.weightsIndex], [2n, 3]);
    const good = [...inputsOf(operator, 5n, 6n), W];
    const otherWeights = [...inputsOf(operator, 7n, 8n), W + 1n];
    await rejects(registry.write.submit([2n, PROOF, otherWeights], as(operator)), "WeightsMismatch");
    await rejects(sendRaw(registry, operator, packed(2n, PROOF, otherWeights)), "WeightsMismatch");
    await rejects(registry.write.submitBatch([2n, [PROOF, PROOF], [good, otherWeights]], as(operator)),
      "WeightsMismatch");
    await sendRaw(registry, operator, packed(2n, PROOF, good));
    assert.deepEqual(await registry.read.resultOf([2n, 5n]), [true, 6n]);
    // a fixed-weights model ignores nothing: its three inputs hold no weights commitment
    await registry.write.submit([1n, PROOF, inputsOf(operator, 5n, 6n)], as(operator));
    // an optimistic leaf proving other weights is a fraud even when its proof verifies
    await registry.write.stake({ value: MIN_STAKE, ...as(operator) });
    const rows = [good, otherWeights];
    const t = tree(rows.map((r, i) => leaf(i, PROOF, r)));
    await registry.write.postBatch([2n, t.root, 2], as(operator));
    await rejects(registry.write.challenge([1n, 0n, PROOF, rows[0], t.proof(0)], as(other)), "ProofValid");
    await registry.write.challenge([1n, 1n, PROOF, rows[1], t.proof(1)], as(other));
    assert.equal((await registry.getEvents.BatchVoided()).length, 1);
  });

  it("records zero outputs and batches atomically", async () => {
    const { registry, verifier, operator, as } = await networkHelpers.loadFixture(deploy);
    const rows = [inputsOf(operator, 10n, 0n), inputsOf(operator, 11n, 7n)];
    await verifier.write.setAnswer([false]);
    await rejects(registry.write.submitBatch([1n, [PROOF, PROOF], rows], as(operator)), "InvalidProof");
    assert.deepEqual(await registry.read.resultOf([1n, 10n]), [false, 0n]);
    await verifier.write.setAnswer([true]);
    await registry.write.submitBatch([1n, [PROOF, PROOF], rows], as(operator));
    assert.deepEqual(await registry.read.resultOf([1n, 10n]), [true, 0n]);
    assert.deepEqual(await registry.read.resultOf([1n, 11n]), [true, 7n]);
  });

  it("locks unbonding stake for the period and while a batch can be challenged", async () => {
    const { registry, operator, as } = await networkHelpers.loadFixture(deploy);
    await rejects(registry.write.postBatch([1n, keccak256(toHex("r")), 1], as(operator)), "InsufficientStake");
    await registry.write.stake({ value: MIN_STAKE, ...as(operator) });
    await registry.write.postBatch([1n, keccak256(toHex("r")), 1], as(operator));
    await registry.write.requestUnbonding([MIN_STAKE], as(operator));
    await rejects(registry.write.withdraw(as(operator)), "NotUnbonded");
    await networkHelpers.time.increase(UNBONDING + 1n);
    await rejects(registry.write.withdraw(as(operator)), "BatchesPending");
    await rejects(registry.write.finalizeBatch([1n]), "ChallengeWindowOpen");
    await networkHelpers.time.increase(WINDOW);
    await registry.write.finalizeBatch([1n]);
    const publicClient = await viem.getPublicClient();
    const before = await publicClient.getBalance({ address: registry.address });
    await registry.write.withdraw(as(operator));
    assert.equal(await publicClient.getBalance({ address: registry.address }), before - MIN_STAKE);
    assert.equal((await registry.getEvents.Withdrawn()).length, 1);
  });

  it("slashes on a failing leaf and splits the stake exactly", async () => {
    const { registry, verifier, operator, other, treasury, as } = await networkHelpers.loadFixture(deploy);
    const stake = MIN_STAKE + 7n;
    await registry.write.stake({ value: stake, ...as(operator) });
    const rows = [inputsOf(operator, 1n, 2n), inputsOf(operator, 3n, 4n), inputsOf(operator, 5n, 6n)];
    const t = tree(rows.map((r, i) => leaf(i, PROOF, r)));
    await registry.write.postBatch([1n, t.root, 3], as(operator));
    assert.equal(await registry.read.leafHash([2n, PROOF, rows[2]]), leaf(2, PROOF, rows[2]));
    await rejects(registry.write.challenge([1n, 1n, PROOF, rows[1], t.proof(1)], as(other)), "ProofValid");
    await rejects(registry.write.challenge([1n, 1n, PROOF, rows[2], t.proof(1)], as(other)), "NotInBatch");
    await verifier.write.setAnswer([false]);
    await registry.write.challenge([1n, 1n, PROOF, rows[1], t.proof(1)], as(other));
    const challengerShare = (stake * SHARE_BPS) / 10_000n;
    assert.equal(await registry.read.credits([other.account.address]), challengerShare);
    assert.equal(await registry.read.credits([treasury.account.address]), stake - challengerShare);
    const [slashed] = await registry.getEvents.Slashed();
    assert.equal(slashed.args.amount, stake);
    await rejects(registry.write.challenge([1n, 0n, PROOF, rows[0], t.proof(0)], as(other)), "NotPending");
    await registry.write.claim(as(other));
    await registry.write.claim(as(treasury));
    const publicClient = await viem.getPublicClient();
    assert.equal(await publicClient.getBalance({ address: registry.address }), 0n);
  });

  it("refuses a challenge after the window", async () => {
    const { registry, verifier, operator, other, as } = await networkHelpers.loadFixture(deploy);
    await registry.write.stake({ value: MIN_STAKE, ...as(operator) });
    const rows = [inputsOf(operator, 1n, 2n)];
    const t = tree(rows.map((r, i) => leaf(i, PROOF, r)));
    await registry.write.postBatch([1n, t.root, 1], as(operator));
    await verifier.write.setAnswer([false]);
    await networkHelpers.time.increase(WINDOW + 1n);
    await rejects(registry.write.challenge([1n, 0n, PROOF, rows[0], t.proof(0)], as(other)), "ChallengeWindowClosed");
  });

  it("pays a re-entrant receiver once", async () => {
    const { registry, operator, as } = await networkHelpers.loadFixture(deploy);
    await registry.write.stake({ value: MIN_STAKE, ...as(operator) });
    const attacker = await viem.deployContract("ReentrantOperator", [registry.address]);
    await attacker.write.stakeAndUnbond({ value: MIN_STAKE });
    await networkHelpers.time.increase(UNBONDING + 1n);
    await attacker.write.withdraw();
    assert.equal(await attacker.read.payments(), 1n);
    assert.equal(await attacker.read.received(), MIN_STAKE);
    assert.equal(await attacker.read.reentryRefused(), true);
    const publicClient = await viem.getPublicClient();
    assert.equal(await publicClient.getBalance({ address: registry.address }), MIN_STAKE);
  });
});
