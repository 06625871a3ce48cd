package dev.verity.chain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.contracts.Chain;
import dev.verity.contracts.HardhatNode;
import dev.verity.contracts.NodeTools;
import dev.verity.contracts.SolcJs;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's Node tools and a Hardhat node for one test class; a missing tool fails the test. */
final class LocalChain implements AutoCloseable {
    final NodeTools tools;
    final HardhatNode node;
    final Chain deployer;

    private LocalChain(NodeTools tools, HardhatNode node, Chain deployer) {
        this.tools = tools;
        this.node = node;
        this.deployer = deployer;
    }

    static NodeTools tools() {
        Path home = Path.of(System.getProperty("verity.home", ".."));
        assertTrue(Files.isDirectory(home.resolve("chain-tests/node_modules")),
                "Node tools not installed under " + home + ": run ./test.sh, which installs them");
        return new NodeTools(home);
    }

    static LocalChain start(String name) throws Exception {
        NodeTools tools = tools();
        HardhatNode node = HardhatNode.start(tools, Path.of("target", "hardhat-" + name + ".log"));
        try {
            return new LocalChain(tools, node, new Chain(node.url(), HardhatNode.DEV_KEY_0));
        } catch (Exception e) {
            node.close();
            throw e;
        }
    }

    SolcJs solc() {
        return new SolcJs(tools);
    }

    @Override
    public void close() throws InterruptedException {
        deployer.close();
        node.close();
    }
}
