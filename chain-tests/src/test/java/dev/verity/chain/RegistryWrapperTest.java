package dev.verity.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.bench.PublicInputsCircuit;
import dev.verity.contracts.HardhatNode;
import dev.verity.contracts.SolcJs;
import dev.verity.contracts.generated.Registry;
import dev.verity.prover.groth16.DevSetup;
import dev.verity.prover.groth16.Prover;
import dev.verity.prover.groth16.VerificationKeys;
import dev.verity.prover.io.SnarkjsJson.Proof;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.r1cs.Witness;
import dev.verity.prover.util.Progress;
import dev.verity.verifier.SolidityVerifier;
import dev.verity.verifier.VerifierCalls;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tuples.generated.Tuple2;
import org.web3j.tuples.generated.Tuple4;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;

/** The web3j wrapper generated from Registry.sol at build time (contracts' jar) drives a real submission. */
class RegistryWrapperTest {
    @TempDir
    Path dir;

    @Test
    void generatedWrapperDeploysRegistersSubmitsAndReads() throws Exception {
        try (LocalChain chain = LocalChain.start("wrapper")) {
            SecureRandom random = new SecureRandom();
            PublicInputsCircuit circuit = PublicInputsCircuit.of(3);
            Zkey zkey = DevSetup.generate(circuit.constraints(), random, Progress.NONE);
            Path source = dir.resolve("Verifier.sol");
            Files.writeString(source, SolidityVerifier.source(VerificationKeys.of(zkey)), StandardCharsets.UTF_8);
            SolcJs.Artifact artifact = chain.solc().compile(source, SolidityVerifier.CONTRACT_NAME, dir.resolve("solc"));
            String verifier = chain.deployer.deploy(artifact.bytecode()).contractAddress();

            Credentials credentials = Credentials.create(HardhatNode.DEV_KEY_0);
            var web3j = chain.deployer.web3j();
            var gas = new StaticGasProvider(web3j.ethGasPrice().send().getGasPrice(), BigInteger.valueOf(10_000_000));
            var transactions = new RawTransactionManager(web3j, credentials, chain.deployer.chainId());
            Registry registry = Registry.deploy(web3j, transactions, gas, BigInteger.valueOf(600), BigInteger.valueOf(300),
                    BigInteger.TEN.pow(18), BigInteger.valueOf(5000), credentials.getAddress()).send();
            registry.registerModel(new byte[32], verifier, BigInteger.valueOf(3), BigInteger.ZERO, BigInteger.ONE,
                    BigInteger.TWO).send();

            List<BigInteger> inputs = List.of(new BigInteger(credentials.getAddress().substring(2), 16),
                    BigInteger.valueOf(42), BigInteger.valueOf(7));
            Witness witness = circuit.witness(inputs, BigInteger.valueOf(99));
            Proof proof = Prover.prove(zkey, witness, random, Progress.NONE);
            TransactionReceipt receipt = registry.submit(BigInteger.ONE, VerifierCalls.proofWords(proof), inputs).send();
            assertEquals(1, Registry.getResultRecordedEvents(receipt).size());
            Tuple2<Boolean, BigInteger> result = registry.resultOf(BigInteger.ONE, BigInteger.valueOf(42)).send();
            assertTrue(result.component1());
            assertEquals(BigInteger.valueOf(7), result.component2());

            registry.stake(BigInteger.TEN.pow(18)).send();
            Tuple4<BigInteger, BigInteger, BigInteger, BigInteger> operator = registry.operators(credentials.getAddress())
                    .send();
            assertEquals(BigInteger.TEN.pow(18), operator.component1());
        }
    }
}
