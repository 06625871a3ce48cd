package dev.verity.prover.pairing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fp2;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The EIP-197 pairing-check precompile vectors of go-ethereum (vectors/bn256Pairing.json). Every
 * vector in that file has valid points, so none is skipped; invalid-point rejection is tested with
 * the curve package, which owns point validation.
 */
class Eip197VectorsTest {
    private static final int PAIR_BYTES = 192;

    /** Test-only EVM decoding: G1 = x || y, G2 = x.c1 || x.c0 || y.c1 || y.c0, 32-byte big-endian words. */
    private static BigInteger word(byte[] input, int index) {
        byte[] w = new byte[32];
        System.arraycopy(input, 32 * index, w, 0, 32);
        BigInteger v = new BigInteger(1, w);
        assertTrue(v.compareTo(Fp.MODULUS) < 0, "coordinate below p");
        return v;
    }

    @Test
    void goEthereumPairingVectors() throws IOException {
        JsonNode vectors;
        try (InputStream in = Eip197VectorsTest.class.getResourceAsStream("/vectors/bn256Pairing.json")) {
            vectors = new ObjectMapper().readTree(in);
        }
        assertEquals(14, vectors.size());
        int ones = 0;
        for (JsonNode vector : vectors) {
            byte[] input = HexFormat.of().parseHex(vector.get("Input").asText());
            assertEquals(0, input.length % PAIR_BYTES);
            int count = input.length / PAIR_BYTES;
            long[] g1 = new long[Pairing.G1_LIMBS * count];
            long[] g2 = new long[Pairing.G2_LIMBS * count];
            for (int i = 0; i < count; i++) {
                int w = 6 * i;
                Fp.FIELD.fromBigInteger(word(input, w), g1, 8 * i);
                Fp.FIELD.fromBigInteger(word(input, w + 1), g1, 8 * i + 4);
                Fp2.set(word(input, w + 3), word(input, w + 2), g2, 16 * i);
                Fp2.set(word(input, w + 5), word(input, w + 4), g2, 16 * i + 8);
            }
            boolean expected = new BigInteger(vector.get("Expected").asText(), 16).equals(BigInteger.ONE);
            ones += expected ? 1 : 0;
            assertEquals(expected, Pairing.pairingProductIsOne(g1, g2, count), vector.get("Name").asText());
        }
        assertEquals(12, ones, "the file mixes true and false checks");
    }
}
