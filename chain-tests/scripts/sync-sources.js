// Copies the Solidity sources Hardhat compiles into this project: contracts/src/main/solidity (the
// Registry) and src/test/solidity (test doubles) go to contracts-under-test/, because Hardhat only
// compiles files inside its project. The copy is generated (git-ignored); edit the originals.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "contracts-under-test");
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
cpSync(join(root, "..", "contracts", "src", "main", "solidity"), target, { recursive: true, dereference: true });
cpSync(join(root, "src", "test", "solidity"), target, { recursive: true, dereference: true });
