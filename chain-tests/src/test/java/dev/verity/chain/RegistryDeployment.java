package dev.verity.chain;

import dev.verity.contracts.Chain;
import dev.verity.contracts.HardhatNode;
import dev.verity.contracts.RegistryCalls;
import dev.verity.contracts.SolcJs;
import java.math.BigInteger;
import java.nio.file.Path;

/** Compiles contracts/src/main/solidity/Registry.sol once and deploys fresh instances of it. */
final class RegistryDeployment {
    static final long CHALLENGE_WINDOW = 600;
    static final long UNBONDING_PERIOD = 300;
    static final BigInteger MIN_STAKE = BigInteger.TEN.pow(18);
    /** An odd share, so that the split has a remainder to lose if the arithmetic were careless. */
    static final int CHALLENGER_SHARE_BPS = 3333;

    private final LocalChain chain;
    private final SolcJs.Artifact artifact;

    RegistryDeployment(LocalChain chain, Path outDir) throws Exception {
        this.chain = chain;
        Path source = chain.tools.home().resolve("contracts/src/main/solidity/Registry.sol");
        this.artifact = chain.solc().compile(source, "Registry", outDir);
    }

    /** A new Registry owned by the deployer, with {@code treasury} as its treasury. */
    String deploy(String treasury) throws Exception {
        return chain.deployer.deploy(artifact.bytecode(), RegistryCalls.constructorArguments(CHALLENGE_WINDOW,
                UNBONDING_PERIOD, MIN_STAKE, CHALLENGER_SHARE_BPS, treasury)).contractAddress();
    }

    static Chain account(LocalChain chain, String key) throws Exception {
        return new Chain(chain.node.url(), key);
    }

    static final String TREASURY_KEY = "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6";
    static final String OPERATOR_KEY = HardhatNode.DEV_KEY_1;
    static final String OTHER_KEY = HardhatNode.DEV_KEY_2;
}
