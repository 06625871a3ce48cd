// Hardhat 3 configuration for Verity's local test chain. Compilation uses the solcjs build from
// npm (contracts/node_modules/solc), so nothing is downloaded.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export default {
  solidity: {
    version: "0.8.37",
    path: require.resolve("../contracts/node_modules/solc/soljson.js"),
  },
};
