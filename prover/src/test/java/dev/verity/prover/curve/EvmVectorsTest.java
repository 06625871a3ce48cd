package dev.verity.prover.curve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The published ecAdd/ecMul/ecPairing precompile vectors (see resources/vectors/README.md) run
 * through decodeEvm, the group law, scalar multiplication and encodeEvm.
 */
class EvmVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    private final G1 g1 = new G1();

    private static JsonNode load(String name) throws IOException {
        try (InputStream in = EvmVectorsTest.class.getResourceAsStream("/vectors/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    /**
     * The precompile's view of its input: zero-padded or truncated to {@code length} bytes. A
     * dangling last hex digit is dropped, as go-ethereum's test harness (common.Hex2Bytes) does.
     */
    private static byte[] input(JsonNode vector, int length) {
        String hex = vector.get("Input").asText();
        return Arrays.copyOf(HEX.parseHex(hex.substring(0, hex.length() & ~1)), length);
    }

    private byte[] ecAdd(byte[] in) {
        long[] p = G1.decodeEvm(in, 0), q = G1.decodeEvm(in, 64);
        long[] sum = new long[G1.JACOBIAN];
        G1.fromAffine(p, 0, sum, 0);
        g1.addAffine(sum, 0, q, 0, sum, 0);
        long[] affine = new long[G1.AFFINE];
        g1.toAffine(sum, 0, affine, 0);
        return G1.encodeEvm(affine, 0);
    }

    private byte[] ecMul(byte[] in) {
        long[] p = G1.decodeEvm(in, 0);
        BigInteger k = new BigInteger(1, Arrays.copyOfRange(in, 64, 96));
        long[] affine = new long[G1.AFFINE];
        g1.toAffine(g1.mul(p, 0, k), 0, affine, 0);
        return G1.encodeEvm(affine, 0);
    }

    private int runValid(String file, int inputLength, java.util.function.Function<byte[], byte[]> op) throws IOException {
        int count = 0;
        for (JsonNode v : load(file)) {
            byte[] expected = HEX.parseHex(v.get("Expected").asText());
            assertArrayEquals(expected, op.apply(input(v, inputLength)), file + " " + v.get("Name").asText());
            count++;
        }
        return count;
    }

    private int runInvalid(String file, int inputLength, java.util.function.Function<byte[], byte[]> op) throws IOException {
        int count = 0;
        for (JsonNode v : load(file)) {
            byte[] in = input(v, inputLength);
            assertThrows(IllegalArgumentException.class, () -> op.apply(in), file + " " + v.get("Name").asText());
            count++;
        }
        return count;
    }

    @Test
    void ecAddVectors() throws IOException {
        assertEquals(16, runValid("bn256Add.json", 128, this::ecAdd));
        assertEquals(17, runValid("eest-ecadd.json", 128, this::ecAdd));
        assertEquals(1, runInvalid("fail-bn256Add.json", 128, this::ecAdd));
        assertEquals(15, runInvalid("fail-eest-ecadd.json", 128, this::ecAdd));
    }

    @Test
    void ecMulVectors() throws IOException {
        assertEquals(19, runValid("bn256ScalarMul.json", 96, this::ecMul));
        assertEquals(9, runValid("eest-ecmul.json", 96, this::ecMul));
        assertEquals(8, runInvalid("fail-eest-ecmul.json", 96, this::ecMul));
    }

    /** Every G1 and G2 point of the pairing vectors decodes (G2 in the subgroup) and re-encodes to the same bytes. */
    @Test
    void pairingVectorPointsRoundTrip() throws IOException {
        int g2Points = 0;
        for (JsonNode v : load("bn256Pairing.json")) {
            byte[] in = HEX.parseHex(v.get("Input").asText());
            assertEquals(0, in.length % 192);
            for (int off = 0; off < in.length; off += 192) {
                assertArrayEquals(Arrays.copyOfRange(in, off, off + 64), G1.encodeEvm(G1.decodeEvm(in, off), 0));
                long[] q = G2.decodeEvm(in, off + 64);
                assertTrue(G2.isInSubgroup(q, 0));
                assertArrayEquals(Arrays.copyOfRange(in, off + 64, off + 192), G2.encodeEvm(q, 0));
                g2Points++;
            }
        }
        assertTrue(g2Points > 20, "only " + g2Points + " G2 points");
    }
}
