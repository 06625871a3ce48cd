package dev.verity.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.cli.VerityCli;
import dev.verity.contracts.Chain;
import dev.verity.contracts.HardhatNode;
import dev.verity.prover.io.ZkeyFile;
import dev.verity.verifier.VerifierCalls;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.core.DefaultBlockParameterName;

/** {@code verity deploy} against a Hardhat node, with each way of giving the key; the key is never printed. */
class DeployCommandTest {
    private static final Pattern ADDRESS = Pattern.compile("(Groth16Verifier|Registry)\\s+(0x[0-9a-fA-F]{40})\\s+gas (\\d+)");

    @TempDir
    static Path dir;

    private static LocalChain chain;
    private static ProvedCircuit circuit;
    private static Path zkey;

    @BeforeAll
    static void setUp() throws Exception {
        chain = LocalChain.start("deploy");
        circuit = ProvedCircuit.make(2, 1, new Random(7));
        zkey = dir.resolve("circuit.zkey");
        ZkeyFile.write(circuit.zkey(), zkey);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (chain != null) {
            chain.close();
        }
    }

    @Test
    void devAccountDeploysAWorkingVerifierAndRegistry() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VerityCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "deploy", zkey.toString(),
                "--rpc", chain.node.url(), "--dev-account", "--dir", dir.resolve("dev").toString());
        assertEquals(0, code, () -> out + "\n" + err);
        List<String> addresses = addresses(out.toString());
        assertTrue(out.toString().contains("deployer " + chain.deployer.address()), out::toString);
        byte[] call = new VerifierCalls(2).verifyProof(circuit.proofs().get(0), circuit.signals().get(0));
        assertTrue(chain.deployer.call(addresses.get(0), call).isTrue(), "the deployed verifier accepts a good proof");
        String registryCode = chain.deployer.web3j().ethGetCode(addresses.get(1), DefaultBlockParameterName.LATEST)
                .send().getCode();
        assertTrue(registryCode.length() > 1000, "Registry code is deployed");
    }

    @Test
    void keystoreAccountDeploysAndNeitherKeyNorPasswordIsPrinted() throws Exception {
        String password = "correct horse battery staple";
        Credentials account = Credentials.create(HardhatNode.DEV_KEY_1);
        Path keys = Files.createDirectories(dir.resolve("keystore"));
        Path keystore = keys.resolve(WalletUtils.generateWalletFile(password, account.getEcKeyPair(), keys.toFile(), false));
        Path passwordFile = Files.writeString(dir.resolve("password.txt"), password + "\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VerityCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "deploy", zkey.toString(),
                "--rpc", chain.node.url(), "--keystore", keystore.toString(), "--password-file", passwordFile.toString(),
                "--dir", dir.resolve("ks").toString());
        assertEquals(0, code, () -> out + "\n" + err);
        assertEquals(2, addresses(out.toString()).size());
        assertTrue(out.toString().contains("deployer " + account.getAddress()), out::toString);
        String all = out + err.toString();
        assertFalse(all.contains(HardhatNode.DEV_KEY_1.substring(2)));
        assertFalse(all.contains(password));

        Path wrong = Files.writeString(dir.resolve("wrong.txt"), "not it");
        StringWriter err2 = new StringWriter();
        assertEquals(2, VerityCli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err2, true), "deploy",
                zkey.toString(), "--rpc", chain.node.url(), "--keystore", keystore.toString(), "--password-file",
                wrong.toString(), "--dir", dir.resolve("ks2").toString()));
        assertTrue(err2.toString().contains("cannot decrypt"), err2::toString);
    }

    @Test
    void keyFromTheEnvironmentIsUsedAndNeverPrinted() throws Exception {
        Credentials account = Credentials.create(HardhatNode.DEV_KEY_2);
        Run ok = runCli(HardhatNode.DEV_KEY_2, "deploy", zkey.toString(), "--rpc", chain.node.url(), "--dir",
                dir.resolve("env").toString());
        assertEquals(0, ok.code(), ok::output);
        assertTrue(ok.output().contains("deployer " + account.getAddress()), ok::output);
        assertEquals(2, addresses(ok.output()).size());
        assertFalse(ok.output().contains(HardhatNode.DEV_KEY_2.substring(2)));

        String notAKey = "0x1234-secret-but-malformed";
        Run bad = runCli(notAKey, "deploy", zkey.toString(), "--rpc", chain.node.url(), "--dir",
                dir.resolve("env2").toString());
        assertEquals(2, bad.code(), bad::output);
        assertTrue(bad.output().contains("is not a private key"), bad::output);
        assertFalse(bad.output().contains("secret"), bad::output);
    }

    private static List<String> addresses(String output) {
        List<String> out = new ArrayList<>();
        Matcher m = ADDRESS.matcher(output);
        while (m.find()) {
            out.add(m.group(2));
        }
        assertEquals(2, out.size(), () -> "expected a verifier and a Registry address in:\n" + output);
        return out;
    }

    private record Run(int code, String output) {
    }

    /** The CLI in a child JVM (the test's class path) with VERITY_PRIVATE_KEY set. */
    private static Run runCli(String privateKey, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), VerityCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("VERITY_PRIVATE_KEY", privateKey);
        pb.environment().put("VERITY_HOME", chain.tools.home().toAbsolutePath().toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "verity deploy did not finish");
        return new Run(p.exitValue(), output);
    }
}
