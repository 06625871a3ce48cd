package dev.verity.prover.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * snarkjs' JSON files for Groth16 on BN254: {@code proof.json}, {@code public.json} and
 * {@code verification_key.json}.
 *
 * <p>Writing produces exactly the bytes snarkjs writes ({@code JSON.stringify(value, null, 1)}:
 * one-space indentation, {@code ": "} after keys, no final newline), so files can be compared
 * byte for byte. Numbers are decimal strings; points are projective triples with z = 1, the point
 * at infinity being {@code ["0","1","0"]} (G2: {@code [["0","0"],["1","0"],["0","0"]]}).
 *
 * <p>Reading is strict: every number must be a decimal string without leading zeros of a value
 * below the field's modulus (p for coordinates, r for public signals), points must be on their
 * curves and have z = 1 (or be the infinity encoding above), and shapes must match.
 */
public final class SnarkjsJson {
    private static final int G1 = CurveCheck.G1_LIMBS;
    private static final int G2 = CurveCheck.G2_LIMBS;
    private static final int L = MontgomeryField.LIMBS;
    /** r and p have 77 decimal digits; anything much longer is rejected before parsing. */
    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,79}");
    private static final String PROTOCOL = "groth16";
    private static final String CURVE = "bn128";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectWriter WRITER = MAPPER.writer(snarkjsPrettyPrinter());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SnarkjsJson() {
    }

    /** A Groth16 proof: G1 {@code a} (8 longs), G2 {@code b} (16), G1 {@code c} (8), shared layouts. */
    public record Proof(long[] a, long[] b, long[] c) {
        public Proof {
            requirePoint("pi_a", a, G1);
            requirePoint("pi_b", b, G2);
            requirePoint("pi_c", c, G1);
        }
    }

    /**
     * The content of {@code verification_key.json}: G1 {@code alpha1}, G2 {@code beta2},
     * {@code gamma2}, {@code delta2}, {@code nPublic + 1} G1 points {@code ic}, and
     * {@code alphaBeta12} = e(alpha1, beta2) as decimal values in ffjavascript's layout
     * {@code [c0, c1]}, each an Fp6 {@code [a, b, c]} of Fp2 {@code [x0, x1]}.
     */
    public record VerificationKey(int nPublic, long[] alpha1, long[] beta2, long[] gamma2, long[] delta2,
            long[] ic, BigInteger[][][] alphaBeta12) {
        public VerificationKey {
            if (nPublic < 0) {
                throw new IllegalArgumentException("negative nPublic");
            }
            requirePoint("vk_alpha_1", alpha1, G1);
            requirePoint("vk_beta_2", beta2, G2);
            requirePoint("vk_gamma_2", gamma2, G2);
            requirePoint("vk_delta_2", delta2, G2);
            if (ic.length != (long) G1 * (nPublic + 1)) {
                throw new IllegalArgumentException("IC needs nPublic + 1 = " + (nPublic + 1) + " points, got "
                        + ic.length / G1);
            }
            String problem = CurveCheck.checkG1(ic, 0, nPublic + 1, true);
            if (problem != null) {
                throw new IllegalArgumentException("IC: " + problem);
            }
            requireFp12(alphaBeta12);
        }

        /** The verification key of a zkey; {@code alphaBeta12} = e(alpha1, beta2) is computed by the caller. */
        public static VerificationKey of(Zkey zkey, BigInteger[][][] alphaBeta12) {
            return new VerificationKey(zkey.nPublic(), zkey.alpha1(), zkey.beta2(), zkey.gamma2(), zkey.delta2(),
                    zkey.ic(), alphaBeta12);
        }
    }

    // ---------------------------------------------------------------- proof.json

    public static Proof readProof(Path path) throws IOException {
        return parseProof(path.toString(), Files.readString(path));
    }

    /** Parses proof JSON; {@code source} names it in error messages. */
    public static Proof parseProof(String source, String json) throws FormatException {
        JsonNode root = parse(source, json);
        Reader r = new Reader(source);
        r.requireObject(root, "proof");
        r.requireText(root, "protocol", PROTOCOL, true);
        r.requireText(root, "curve", CURVE, false);
        long[] a = r.g1(r.field(root, "pi_a"), "pi_a");
        long[] b = r.g2(r.field(root, "pi_b"), "pi_b");
        long[] c = r.g1(r.field(root, "pi_c"), "pi_c");
        return new Proof(a, b, c);
    }

    public static String proofJson(Proof proof) {
        ObjectNode o = NODES.objectNode();
        o.set("pi_a", g1Node(proof.a(), 0));
        o.set("pi_b", g2Node(proof.b(), 0));
        o.set("pi_c", g1Node(proof.c(), 0));
        o.put("protocol", PROTOCOL);
        o.put("curve", CURVE);
        return write(o);
    }

    public static void writeProof(Proof proof, Path path) throws IOException {
        Files.writeString(path, proofJson(proof), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- public.json

    /** Public signals as plain canonical limbs, 4 per signal (the witness / MSM scalar layout). */
    public static long[] readPublicSignals(Path path) throws IOException {
        return parsePublicSignals(path.toString(), Files.readString(path));
    }

    public static long[] parsePublicSignals(String source, String json) throws FormatException {
        JsonNode root = parse(source, json);
        Reader r = new Reader(source);
        if (!root.isArray()) {
            throw new FormatException(source, "public signals must be a JSON array");
        }
        long[] out = new long[L * root.size()];
        for (int i = 0; i < root.size(); i++) {
            BigInteger v = r.number(root.get(i), Fr.MODULUS, "public signal " + i, "r");
            System.arraycopy(MontgomeryField.toLimbs(v), 0, out, L * i, L);
        }
        return out;
    }

    public static String publicSignalsJson(long[] signals) {
        if (signals.length % L != 0) {
            throw new IllegalArgumentException("public signals need 4 limbs each");
        }
        ArrayNode a = NODES.arrayNode();
        for (int i = 0; i < signals.length / L; i++) {
            if (!Fr.FIELD.isCanonical(signals, L * i)) {
                throw new IllegalArgumentException("public signal " + i + " is not below r");
            }
            a.add(MontgomeryField.limbsToBigInteger(signals, L * i).toString());
        }
        return write(a);
    }

    public static void writePublicSignals(long[] signals, Path path) throws IOException {
        Files.writeString(path, publicSignalsJson(signals), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- verification_key.json

    public static VerificationKey readVerificationKey(Path path) throws IOException {
        return parseVerificationKey(path.toString(), Files.readString(path));
    }

    public static VerificationKey parseVerificationKey(String source, String json) throws FormatException {
        JsonNode root = parse(source, json);
        Reader r = new Reader(source);
        r.requireObject(root, "verification key");
        r.requireText(root, "protocol", PROTOCOL, true);
        r.requireText(root, "curve", CURVE, true);
        JsonNode n = r.field(root, "nPublic");
        // bounded so that nPublic + 1 IC points fit in an array
        if (!n.isInt() || n.intValue() < 0 || n.intValue() > Integer.MAX_VALUE / G1 - 1) {
            throw new FormatException(source, "nPublic must be a non-negative integer of reasonable size");
        }
        int nPublic = n.intValue();
        long[] alpha1 = r.g1(r.field(root, "vk_alpha_1"), "vk_alpha_1");
        long[] beta2 = r.g2(r.field(root, "vk_beta_2"), "vk_beta_2");
        long[] gamma2 = r.g2(r.field(root, "vk_gamma_2"), "vk_gamma_2");
        long[] delta2 = r.g2(r.field(root, "vk_delta_2"), "vk_delta_2");
        BigInteger[][][] alphaBeta = r.fp12(r.field(root, "vk_alphabeta_12"), "vk_alphabeta_12");
        JsonNode icNode = r.field(root, "IC");
        if (!icNode.isArray() || icNode.size() != nPublic + 1) {
            throw new FormatException(source, "IC must be an array of nPublic + 1 = " + (nPublic + 1) + " points");
        }
        long[] ic = new long[G1 * (nPublic + 1)];
        for (int i = 0; i <= nPublic; i++) {
            System.arraycopy(r.g1(icNode.get(i), "IC[" + i + "]"), 0, ic, G1 * i, G1);
        }
        return new VerificationKey(nPublic, alpha1, beta2, gamma2, delta2, ic, alphaBeta);
    }

    public static String verificationKeyJson(VerificationKey vk) {
        ObjectNode o = NODES.objectNode();
        o.put("protocol", PROTOCOL);
        o.put("curve", CURVE);
        o.put("nPublic", vk.nPublic());
        o.set("vk_alpha_1", g1Node(vk.alpha1(), 0));
        o.set("vk_beta_2", g2Node(vk.beta2(), 0));
        o.set("vk_gamma_2", g2Node(vk.gamma2(), 0));
        o.set("vk_delta_2", g2Node(vk.delta2(), 0));
        ArrayNode fp12 = o.putArray("vk_alphabeta_12");
        for (BigInteger[][] fp6 : vk.alphaBeta12()) {
            ArrayNode a6 = fp12.addArray();
            for (BigInteger[] fp2 : fp6) {
                ArrayNode a2 = a6.addArray();
                for (BigInteger v : fp2) {
                    a2.add(v.toString());
                }
            }
        }
        ArrayNode ic = o.putArray("IC");
        for (int i = 0; i <= vk.nPublic(); i++) {
            ic.add(g1Node(vk.ic(), G1 * i));
        }
        return write(o);
    }

    public static void writeVerificationKey(VerificationKey vk, Path path) throws IOException {
        Files.writeString(path, verificationKeyJson(vk), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- points <-> JSON

    /**
     * The coordinates snarkjs prints for a G1 point: (x, y) as plain integers, infinity as (0, 1)
     * (from its {@code ["0","1","0"]} encoding).
     */
    static BigInteger[] g1Coordinates(long[] p, int off) {
        if (CurveCheck.isZero(p, off, G1)) {
            return new BigInteger[] {BigInteger.ZERO, BigInteger.ONE};
        }
        return new BigInteger[] {Fp.FIELD.toBigInteger(p, off), Fp.FIELD.toBigInteger(p, off + 4)};
    }

    /** G2 coordinates (x0, x1, y0, y1) as snarkjs prints them; infinity as (0, 0, 1, 0). */
    static BigInteger[] g2Coordinates(long[] p, int off) {
        if (CurveCheck.isZero(p, off, G2)) {
            return new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ONE, BigInteger.ZERO};
        }
        BigInteger[] out = new BigInteger[4];
        for (int i = 0; i < 4; i++) {
            out[i] = Fp.FIELD.toBigInteger(p, off + 4 * i);
        }
        return out;
    }

    private static ArrayNode g1Node(long[] p, int off) {
        BigInteger[] xy = g1Coordinates(p, off);
        ArrayNode a = NODES.arrayNode();
        a.add(xy[0].toString());
        a.add(xy[1].toString());
        a.add(CurveCheck.isZero(p, off, G1) ? "0" : "1");
        return a;
    }

    private static ArrayNode g2Node(long[] p, int off) {
        BigInteger[] xy = g2Coordinates(p, off);
        boolean infinity = CurveCheck.isZero(p, off, G2);
        ArrayNode a = NODES.arrayNode();
        a.addArray().add(xy[0].toString()).add(xy[1].toString());
        a.addArray().add(xy[2].toString()).add(xy[3].toString());
        a.addArray().add(infinity ? "0" : "1").add("0");
        return a;
    }

    // ---------------------------------------------------------------- plumbing

    private static DefaultPrettyPrinter snarkjsPrettyPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter oneSpace = new DefaultIndenter(" ", "\n");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(oneSpace).withArrayIndenter(oneSpace);
    }

    private static String write(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a JSON tree", e);
        }
    }

    private static JsonNode parse(String source, String json) throws FormatException {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // the original message leaves out Jackson's "[Source: ...]" location noise
            throw new FormatException(source, "not valid JSON: " + e.getOriginalMessage()
                    + " (line " + lineOf(e) + ")");
        }
    }

    private static int lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private static void requirePoint(String name, long[] p, int limbs) {
        if (p.length != limbs) {
            throw new IllegalArgumentException(name + " needs " + limbs + " longs, got " + p.length);
        }
        String problem = limbs == G1 ? CurveCheck.checkG1(p, 0, 1, true) : CurveCheck.checkG2(p, 0, 1, true);
        if (problem != null) {
            throw new IllegalArgumentException(name + ": " + problem.replace("point 0 ", ""));
        }
    }

    private static void requireFp12(BigInteger[][][] v) {
        boolean shape = v.length == 2;
        for (int i = 0; shape && i < 2; i++) {
            shape = v[i].length == 3;
            for (int j = 0; shape && j < 3; j++) {
                shape = v[i][j].length == 2;
                for (int k = 0; shape && k < 2; k++) {
                    if (!Fp.FIELD.isCanonical(v[i][j][k])) {
                        throw new IllegalArgumentException("vk_alphabeta_12[" + i + "][" + j + "][" + k
                                + "] is not in [0, p)");
                    }
                }
            }
        }
        if (!shape) {
            throw new IllegalArgumentException("vk_alphabeta_12 must be 2 x 3 x 2 values");
        }
    }

    /** Strict readers of the JSON shapes, raising {@link FormatException}s that name the item. */
    private static final class Reader {
        private final String source;

        Reader(String source) {
            this.source = source;
        }

        void requireObject(JsonNode node, String what) throws FormatException {
            if (!node.isObject()) {
                throw new FormatException(source, "the " + what + " must be a JSON object");
            }
        }

        JsonNode field(JsonNode obj, String name) throws FormatException {
            JsonNode n = obj.get(name);
            if (n == null) {
                throw new FormatException(source, "missing \"" + name + "\"");
            }
            return n;
        }

        void requireText(JsonNode obj, String name, String expected, boolean required) throws FormatException {
            JsonNode n = obj.get(name);
            if (n == null && !required) {
                return;
            }
            if (n == null || !n.isTextual() || !n.textValue().equals(expected)) {
                throw new FormatException(source, "\"" + name + "\" must be \"" + expected + "\", found "
                        + (n == null ? "nothing" : n.toString()));
            }
        }

        BigInteger number(JsonNode n, BigInteger modulus, String what, String modulusName) throws FormatException {
            if (n == null || !n.isTextual()) {
                throw new FormatException(source, what + " must be a decimal string, found "
                        + (n == null ? "nothing" : n.toString()));
            }
            String s = n.textValue();
            if (!DECIMAL.matcher(s).matches()) {
                throw new FormatException(source, what + " is not a canonical decimal number: \"" + abbreviate(s) + "\"");
            }
            BigInteger v = new BigInteger(s);
            if (v.compareTo(modulus) >= 0) {
                throw new FormatException(source, what + " is not below " + modulusName + ": " + s);
            }
            return v;
        }

        private BigInteger coordinate(JsonNode n, String what) throws FormatException {
            return number(n, Fp.MODULUS, what, "p");
        }

        private JsonNode array(JsonNode n, int size, String what) throws FormatException {
            if (n == null || !n.isArray() || n.size() != size) {
                throw new FormatException(source, what + " must be an array of " + size + " items");
            }
            return n;
        }

        long[] g1(JsonNode n, String what) throws FormatException {
            array(n, 3, what);
            BigInteger x = coordinate(n.get(0), what + " x");
            BigInteger y = coordinate(n.get(1), what + " y");
            BigInteger z = coordinate(n.get(2), what + " z");
            long[] p = new long[G1];
            if (z.signum() == 0) {
                if (x.signum() != 0 || !y.equals(BigInteger.ONE)) {
                    throw new FormatException(source, what + " has z = 0 but is not the infinity encoding [\"0\",\"1\",\"0\"]");
                }
                return p;
            }
            if (!z.equals(BigInteger.ONE)) {
                throw new FormatException(source, what + " must be affine (z = 1), found z = " + z);
            }
            Fp.FIELD.fromBigInteger(x, p, 0);
            Fp.FIELD.fromBigInteger(y, p, 4);
            if (CurveCheck.isZero(p, 0, G1) || !CurveCheck.onG1(p, 0)) {
                throw new FormatException(source, what + " is not on the curve");
            }
            return p;
        }

        long[] g2(JsonNode n, String what) throws FormatException {
            array(n, 3, what);
            BigInteger[] v = new BigInteger[6];
            String[] names = {" x", " y", " z"};
            for (int i = 0; i < 3; i++) {
                JsonNode pair = array(n.get(i), 2, what + names[i]);
                v[2 * i] = coordinate(pair.get(0), what + names[i] + "[0]");
                v[2 * i + 1] = coordinate(pair.get(1), what + names[i] + "[1]");
            }
            long[] p = new long[G2];
            if (v[4].signum() == 0 && v[5].signum() == 0) {
                if (v[0].signum() != 0 || v[1].signum() != 0 || !v[2].equals(BigInteger.ONE) || v[3].signum() != 0) {
                    throw new FormatException(source, what
                            + " has z = 0 but is not the infinity encoding [[\"0\",\"0\"],[\"1\",\"0\"],[\"0\",\"0\"]]");
                }
                return p;
            }
            if (!v[4].equals(BigInteger.ONE) || v[5].signum() != 0) {
                throw new FormatException(source, what + " must be affine (z = [\"1\",\"0\"])");
            }
            for (int i = 0; i < 4; i++) {
                Fp.FIELD.fromBigInteger(v[i], p, 4 * i);
            }
            if (CurveCheck.isZero(p, 0, G2) || !CurveCheck.onG2(p, 0)) {
                throw new FormatException(source, what + " is not on the curve");
            }
            return p;
        }

        BigInteger[][][] fp12(JsonNode n, String what) throws FormatException {
            array(n, 2, what);
            BigInteger[][][] out = new BigInteger[2][3][2];
            for (int i = 0; i < 2; i++) {
                array(n.get(i), 3, what + "[" + i + "]");
                for (int j = 0; j < 3; j++) {
                    JsonNode pair = array(n.get(i).get(j), 2, what + "[" + i + "][" + j + "]");
                    for (int k = 0; k < 2; k++) {
                        out[i][j][k] = coordinate(pair.get(k), what + "[" + i + "][" + j + "][" + k + "]");
                    }
                }
            }
            return out;
        }

        private static String abbreviate(String s) {
            return s.length() > 90 ? s.substring(0, 90) + "..." : s;
        }
    }
}
