package dev.verity.cli;

import dev.verity.contracts.Chain;
import dev.verity.contracts.HardhatNode;
import dev.verity.contracts.NodeTools;
import dev.verity.contracts.RegistryCalls;
import dev.verity.contracts.SolcJs;
import dev.verity.prover.io.SnarkjsJson.VerificationKey;
import dev.verity.verifier.SolidityVerifier;
import dev.verity.verifier.VerificationKeyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import org.web3j.crypto.exception.CipherException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verity deploy}: generates the verifier of a key, compiles it and the Registry with solcjs,
 * and deploys both to a JSON-RPC endpoint. The signing key comes from a keystore file (password
 * from a file or an environment variable) or from an environment variable; it is never printed.
 */
@Command(name = "deploy", description = {
        "Deploy the Groth16 verifier of a key and the Registry to a JSON-RPC endpoint (a local Hardhat node",
        "by default); prints the addresses and the gas used. The key is never printed."})
final class DeployCommand implements Callable<Integer> {
    static final String DEFAULT_KEY_ENV = "VERITY_PRIVATE_KEY";
    static final String DEFAULT_PASSWORD_ENV = "VERITY_KEYSTORE_PASSWORD";
    private static final long HARDHAT_CHAIN_ID = 31337;

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<circuit.zkey|verification_key.json>") Path key;

    @Option(names = "--rpc", defaultValue = "http://127.0.0.1:8545",
            description = "JSON-RPC endpoint, e.g. a testnet's (default: ${DEFAULT-VALUE})")
    String rpc;

    @ArgGroup(exclusive = true)
    Signer signer = new Signer();

    static final class Signer {
        @Option(names = "--keystore", description = "encrypted JSON keystore (web3 secret storage) of the deploying account")
        Path keystore;

        @Option(names = "--key-env", description = "environment variable holding the private key (default: " + DEFAULT_KEY_ENV + ")")
        String keyEnv;

        @Option(names = "--dev-account", description = "Hardhat's public development account #0 (local chain 31337 only)")
        boolean devAccount;
    }

    @Option(names = "--password-file", description = "file holding the keystore's password (else $" + DEFAULT_PASSWORD_ENV + ")")
    Path passwordFile;

    @Option(names = "--challenge-window", defaultValue = "86400", description = "seconds (default: ${DEFAULT-VALUE})")
    long challengeWindow;

    @Option(names = "--unbonding-period", defaultValue = "604800", description = "seconds (default: ${DEFAULT-VALUE})")
    long unbondingPeriod;

    @Option(names = "--min-stake", defaultValue = "1000000000000000000",
            description = "wei an operator must have bonded to post optimistic batches (default: ${DEFAULT-VALUE})")
    BigInteger minStake;

    @Option(names = "--challenger-share-bps", defaultValue = "5000",
            description = "share of a slashed stake paid to the challenger, in basis points; the rest goes to the treasury (default: ${DEFAULT-VALUE})")
    int challengerShareBps;

    @Option(names = "--treasury", description = "treasury address (default: the deploying account)")
    String treasury;

    @Option(names = "--dir", defaultValue = "verity-data/deploy",
            description = "work directory for the generated and compiled contracts (default: ${DEFAULT-VALUE})")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (challengerShareBps < 0 || challengerShareBps > 10_000 || minStake.signum() <= 0 || challengeWindow < 0
                || unbondingPeriod < 0) {
            throw new CliException("--challenger-share-bps must be in [0, 10000], --min-stake positive, periods >= 0");
        }
        if (treasury != null && !WalletUtils.isValidAddress(treasury)) {
            throw new CliException("--treasury: not an address: " + treasury);
        }
        VerificationKey vk = Inputs.read(key, "proving key (.zkey) or verification key (JSON)", VerificationKeyFiles::read);
        String verifierSource;
        try {
            verifierSource = SolidityVerifier.source(vk);
        } catch (IllegalArgumentException e) {
            throw new CliException(key + ": " + e.getMessage(), e);
        }
        Credentials credentials = credentials();
        NodeTools tools = new NodeTools(SelfCommand.home());
        SolcJs solc = new SolcJs(tools);
        Path work = dir.toAbsolutePath();
        Files.createDirectories(work);
        Path verifierFile = work.resolve("Verifier.sol");
        Files.writeString(verifierFile, verifierSource, StandardCharsets.UTF_8);
        SolcJs.Artifact verifier = solc.compile(verifierFile, SolidityVerifier.CONTRACT_NAME, work.resolve("solc-verifier"));
        SolcJs.Artifact registry = solc.compile(tools.home().resolve("contracts/src/main/solidity/Registry.sol"),
                "Registry", work.resolve("solc-registry"));

        PrintWriter out = spec.commandLine().getOut();
        try (Chain chain = new Chain(rpc, credentials)) {
            if (signer.devAccount && chain.chainId() != HARDHAT_CHAIN_ID) {
                throw new CliException("--dev-account is a public key: refused on chain " + chain.chainId()
                        + " (only a local Hardhat chain, 31337)");
            }
            out.printf("chain %d at %s, deployer %s%n", chain.chainId(), rpc, chain.address());
            Chain.Receipt v = chain.deploy(verifier.bytecode());
            out.printf("Groth16Verifier %s  gas %s  (%d public inputs)%n", v.contractAddress(), v.gasUsed(), vk.nPublic());
            Chain.Receipt r = chain.deploy(registry.bytecode(), RegistryCalls.constructorArguments(challengeWindow,
                    unbondingPeriod, minStake, challengerShareBps, treasury != null ? treasury : chain.address()));
            out.printf("Registry        %s  gas %s%n", r.contractAddress(), r.gasUsed());
        }
        return VerityCli.EXIT_OK;
    }

    private Credentials credentials() throws IOException {
        if (signer.devAccount) {
            return Credentials.create(HardhatNode.DEV_KEY_0);
        }
        if (signer.keystore != null) {
            String password = password();
            try {
                return WalletUtils.loadCredentials(password, signer.keystore.toFile());
            } catch (CipherException e) {
                throw new CliException(signer.keystore + ": cannot decrypt the keystore (wrong password?)", e);
            } catch (IOException | RuntimeException e) {
                throw new CliException(signer.keystore + ": not a readable keystore file", e);
            }
        }
        String name = signer.keyEnv != null ? signer.keyEnv : DEFAULT_KEY_ENV;
        String privateKey = System.getenv(name);
        if (privateKey == null || privateKey.isBlank()) {
            throw new CliException("no signing key: set $" + name + ", or pass --keystore or --dev-account");
        }
        String hex = privateKey.strip().startsWith("0x") ? privateKey.strip().substring(2) : privateKey.strip();
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            // the message must not echo the value
            throw new CliException("$" + name + " is not a private key (64 hex digits)");
        }
        return Credentials.create(hex);
    }

    private String password() throws IOException {
        if (passwordFile != null) {
            return Inputs.read(passwordFile, "keystore password", p -> Files.readString(p).strip());
        }
        String password = System.getenv(DEFAULT_PASSWORD_ENV);
        if (password == null) {
            throw new CliException("the keystore needs a password: pass --password-file or set $" + DEFAULT_PASSWORD_ENV);
        }
        return password;
    }
}
