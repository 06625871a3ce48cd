package dev.verity.prover.poly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The vectors printed by ffjavascript 0.3.1 (resources vectors/poly/ffjavascript-ntt-vectors.cjs),
 * and the conventions of that script: labelled pseudo-random streams and output digests.
 */
final class FfjsVectors {
    private static final String RESOURCE = "/vectors/poly/ffjavascript-ntt-vectors.json";
    private static JsonNode root;

    private FfjsVectors() {
    }

    static synchronized JsonNode root() {
        if (root == null) {
            try (InputStream in = FfjsVectors.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource " + RESOURCE);
                }
                root = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    static BigInteger big(JsonNode decimal) {
        return new BigInteger(decimal.asText());
    }

    static List<BigInteger> bigs(JsonNode decimals) {
        List<BigInteger> out = new ArrayList<>();
        decimals.forEach(d -> out.add(big(d)));
        return out;
    }

    /** Element i of stream {@code label}: SHA-256("label:i") read big-endian, mod r. */
    static List<BigInteger> stream(String label, int n) {
        MessageDigest sha = sha256();
        List<BigInteger> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] h = sha.digest((label + ":" + i).getBytes(StandardCharsets.US_ASCII));
            out.add(new BigInteger(1, h).mod(Fr.MODULUS));
        }
        return out;
    }

    /** SHA-256 over the 32-byte little-endian encodings of the plain limbs of n elements. */
    static String digestOfPlain(long[] plain, int n) {
        MessageDigest sha = sha256();
        byte[] le = new byte[32];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < 4; l++) {
                long limb = plain[4 * i + l];
                for (int b = 0; b < 8; b++) {
                    le[8 * l + b] = (byte) (limb >>> (8 * b));
                }
            }
            sha.update(le);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Same digest of elements in Montgomery form. */
    static String digestOfMontgomery(long[] mont, int n) {
        long[] plain = new long[4 * n];
        for (int i = 0; i < n; i++) {
            Fr.FIELD.fromMontgomery(mont, 4 * i, plain, 4 * i);
        }
        return digestOfPlain(plain, n);
    }

    static long[] toMontgomery(List<BigInteger> values) {
        long[] out = new long[4 * values.size()];
        for (int i = 0; i < values.size(); i++) {
            Fr.FIELD.fromBigInteger(values.get(i), out, 4 * i);
        }
        return out;
    }

    static List<BigInteger> fromMontgomery(long[] a, int n) {
        List<BigInteger> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Fr.FIELD.toBigInteger(a, 4 * i));
        }
        return out;
    }

    static List<BigInteger> fromPlain(long[] a, int n) {
        List<BigInteger> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(MontgomeryField.limbsToBigInteger(a, 4 * i));
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
