package dev.verity.contracts;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Node tools of a Verity checkout, installed from npm by {@code ./test.sh}: solcjs in
 * {@code contracts/node_modules}, and Hardhat with the Node 22 it needs in
 * {@code chain-tests/node_modules}.
 */
public record NodeTools(Path home) {

    /** node for solcjs: the Node 22 installed for Hardhat, which every checkout with the tools has. */
    public Path node() {
        return require(home.resolve("chain-tests/node_modules/node/bin/node"), "chain-tests");
    }

    public Path solcJs() {
        return require(home.resolve("contracts/node_modules/solc/solc.js"), "contracts");
    }

    /** Folder that Solidity imports such as {@code @openzeppelin/...} resolve from. */
    public Path solidityLibraries() {
        return require(home.resolve("contracts/node_modules"), "contracts");
    }

    public Path chainTests() {
        return home.resolve("chain-tests");
    }

    public Path hardhatCli() {
        return require(home.resolve("chain-tests/node_modules/hardhat/dist/src/cli.js"), "chain-tests");
    }

    private static Path require(Path tool, String project) {
        if (!Files.exists(tool)) {
            throw new IllegalStateException(tool + " is missing: run ./test.sh (or npm install in " + project
                    + "/ under Node 22) to install the Node tools");
        }
        return tool;
    }
}
