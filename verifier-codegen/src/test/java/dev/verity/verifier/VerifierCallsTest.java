package dev.verity.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verity.prover.io.SnarkjsJson;
import dev.verity.prover.io.SnarkjsJson.Proof;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VerifierCallsTest {
    private static final Pattern HEX_WORD = Pattern.compile("0x[0-9a-f]{64}");

    @Test
    void selectorsAreKeccakOfTheSignature() {
        // well-known selectors of the ERC-20 standard
        assertEquals("a9059cbb", HexFormat.of().formatHex(Keccak.selector("transfer(address,uint256)")));
        assertEquals("70a08231", HexFormat.of().formatHex(Keccak.selector("balanceOf(address)")));
    }

    @Test
    void singleProofWordsAreWhatSnarkjsSoliditycalldataPrints() throws Exception {
        for (String c : new String[] {"multiplier", "many_public"}) {
            Proof proof = SnarkjsJson.readProof(Fixture.path(c + ".proof.json"));
            long[] signals = SnarkjsJson.readPublicSignals(Fixture.path(c + ".public.json"));
            List<BigInteger> snarkjs = new ArrayList<>();
            Matcher m = HEX_WORD.matcher(Files.readString(Fixture.path(c + ".calldata.txt")));
            while (m.find()) {
                snarkjs.add(new BigInteger(m.group().substring(2), 16));
            }
            VerifierCalls calls = new VerifierCalls(signals.length / 4);
            byte[] data = calls.verifyProof(proof, signals);
            assertArrayEquals(Keccak.selector(calls.snarkjsSignature()), Arrays.copyOf(data, 4));
            assertEquals(snarkjs, List.of(Words.of(Arrays.copyOfRange(data, 4, data.length))), c);
            byte[] compact = calls.verifyProofCompact(proof, signals);
            assertArrayEquals(Arrays.copyOfRange(data, 4, data.length), Arrays.copyOfRange(compact, 4, compact.length));
        }
    }

    @Test
    void batchCallIsAbiEncodedWithTwoDynamicArrays() throws Exception {
        Proof proof = SnarkjsJson.readProof(Fixture.path("multiplier.proof.json"));
        long[] signals = SnarkjsJson.readPublicSignals(Fixture.path("multiplier.public.json"));
        VerifierCalls calls = new VerifierCalls(2);
        byte[] data = calls.verifyBatch(List.of(proof, proof, proof), List.of(signals, signals, signals));
        BigInteger[] w = Words.of(Arrays.copyOfRange(data, 4, data.length));
        // head: two offsets; proofs: length 3 then 24 words; inputs: length 3 then 6 words
        assertEquals(2 + 1 + 24 + 1 + 6, w.length);
        assertEquals(BigInteger.valueOf(64), w[0]);
        assertEquals(BigInteger.valueOf(64 + 32 + 3 * 256), w[1]);
        assertEquals(BigInteger.valueOf(3), w[2]);
        assertEquals(VerifierCalls.proofWords(proof), List.of(w).subList(3 + 8, 3 + 16));
        assertEquals(BigInteger.valueOf(3), w[27]);
        assertEquals(BigInteger.valueOf(0x21), w[28]);
        assertEquals(BigInteger.valueOf(3), w[29]);
        assertThrows(IllegalArgumentException.class, () -> calls.verifyProof(proof, new long[4]));
    }
}
