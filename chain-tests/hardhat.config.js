// Hardhat 3 configuration for Verity's local test chain and the contracts' unit tests
// (`npm test`). Hardhat compiles only files inside its project, so `npm test` first copies
// contracts/src/main/solidity and src/test/solidity into contracts-under-test/ (scripts/sync-sources.js).
// Compilation uses the solcjs build from npm (contracts/node_modules/solc): nothing is downloaded.
import { createRequire } from "node:module";
import hardhatNodeTestRunner from "@nomicfoundation/hardhat-node-test-runner";
import hardhatViem from "@nomicfoundation/hardhat-viem";
import hardhatNetworkHelpers from "@nomicfoundation/hardhat-network-helpers";

const require = createRequire(import.meta.url);

export default {
  plugins: [hardhatNodeTestRunner, hardhatViem, hardhatNetworkHelpers],
  solidity: {
    version: "0.8.37",
    path: require.resolve("../contracts/node_modules/solc/soljson.js"),
    settings: { optimizer: { enabled: true, runs: 100000 } },
  },
  paths: {
    sources: "contracts-under-test",
    tests: { nodejs: "test" },
  },
};
