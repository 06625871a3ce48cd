package dev.verity.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fr;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad snarkjs JSON inputs (proof.json, public.json, verification_key.json): exit code 2 and a
 * one-line report naming the file, never exit 1 (which would claim a well-formed invalid proof).
 */
class CliBadJsonTest {
    private static final BigInteger[] NOT_BELOW_R = {
        Fr.MODULUS, Fr.MODULUS.add(BigInteger.ONE), Fp.MODULUS, BigInteger.ONE.shiftLeft(256)};

    @TempDir
    Path dir;

    /** A JSON input of a command: its fixture and the command line that reads a given file in its place. */
    enum Kind {
        VERIFY_VK("multiplier.vkey.json", (dir, bad) -> new Object[] {"groth16", "verify", bad,
            CliFiles.copy(dir, "multiplier.public.json"), CliFiles.copy(dir, "multiplier.proof.json")}),
        VERIFY_PUBLIC("multiplier.public.json", (dir, bad) -> new Object[] {"groth16", "verify",
            CliFiles.copy(dir, "multiplier.vkey.json"), bad, CliFiles.copy(dir, "multiplier.proof.json")}),
        VERIFY_PROOF("multiplier.proof.json", (dir, bad) -> new Object[] {"groth16", "verify",
            CliFiles.copy(dir, "multiplier.vkey.json"), CliFiles.copy(dir, "multiplier.public.json"), bad}),
        CALLDATA_PUBLIC("multiplier.public.json", (dir, bad) -> new Object[] {"zkey", "export", "soliditycalldata", bad,
            CliFiles.copy(dir, "multiplier.proof.json")}),
        CALLDATA_PROOF("multiplier.proof.json", (dir, bad) -> new Object[] {"zkey", "export", "soliditycalldata",
            CliFiles.copy(dir, "multiplier.public.json"), bad});

        final String fixture;
        final BiFunction<Path, Path, Object[]> command;

        Kind(String fixture, BiFunction<Path, Path, Object[]> command) {
            this.fixture = fixture;
            this.command = command;
        }

        CliResult runWith(Path dir, Path bad) {
            return CliResult.run(command.apply(dir, bad));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void missingFile(Kind kind) {
        Path missing = dir.resolve("missing.json");
        kind.runWith(dir, missing).assertBadInput(missing, "no such file");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void emptyFile(Kind kind) {
        Path empty = CliFiles.write(dir, "empty.json", "");
        kind.runWith(dir, empty).assertBadInput(empty, "empty file");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void binaryFile(Kind kind) {
        Path zkey = CliFiles.copy(dir, "multiplier.zkey");
        kind.runWith(dir, zkey).assertBadInput(zkey, "not UTF-8 text");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void malformedJson(Kind kind) {
        String good = CliFiles.text(kind.fixture);
        for (String text : new String[] {good.substring(0, good.length() / 2), "not json", "{", "[", "{\"pi_a\": [1, 2,",
            good.replace("\"", "'"), "\u0000"}) {
            Path bad = CliFiles.write(dir, "malformed.json", text);
            kind.runWith(dir, bad).assertBadInput(bad, "not valid JSON");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void jsonOfAnotherShape(Kind kind) {
        for (String text : new String[] {"null", "42", "\"text\"", "true", kind.fixture.contains("public") ? "{}" : "[]"}) {
            Path bad = CliFiles.write(dir, "shape.json", text);
            kind.runWith(dir, bad).assertBadInput(bad, "must be");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void duplicateKey(Kind kind) {
        String good = CliFiles.text(kind.fixture);
        String text = kind.fixture.contains("public") ? "{\"a\": 1, \"a\": 2}" : good.replaceFirst("\\{", "{\"curve\": \"bn128\",");
        Path bad = CliFiles.write(dir, "duplicate.json", text);
        kind.runWith(dir, bad).assertBadInput(bad, "Duplicate field");
    }

    /** snarkjs reads with JSON.parse, which refuses anything after the value. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void trailingContent(Kind kind) {
        for (String tail : new String[] {" trailing", "]", "}", "{}", "[\"1\"]"}) {
            Path bad = CliFiles.write(dir, "trailing.json", CliFiles.text(kind.fixture) + tail);
            kind.runWith(dir, bad).assertBadInput(bad, "not valid JSON");
        }
    }

    // ------------------------------------------------------------------ public.json

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"VERIFY_PUBLIC", "CALLDATA_PUBLIC"})
    void publicSignalNotBelowR(Kind kind) {
        for (BigInteger v : NOT_BELOW_R) {
            Path bad = CliFiles.write(dir, "public.json", "[\"33\", \"" + v + "\"]");
            kind.runWith(dir, bad).assertBadInput(bad, "public signal 1", "not below r");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"VERIFY_PUBLIC", "CALLDATA_PUBLIC"})
    void publicSignalNotACanonicalDecimalString(Kind kind) {
        for (String v : new String[] {"\"-1\"", "\"033\"", "\"0x21\"", "\"\"", "\" 33\"", "\"3e1\"", "33", "null", "[\"33\"]",
            "\"" + "9".repeat(100) + "\""}) {
            Path bad = CliFiles.write(dir, "public.json", "[" + v + ", \"3\"]");
            kind.runWith(dir, bad).assertBadInput(bad, "public signal 0");
        }
    }

    @Test
    void fewerPublicSignalsThanTheKeyExpects() {
        Path publicJson = CliFiles.write(dir, "public.json", "[\"33\"]");
        Path vk = CliFiles.copy(dir, "multiplier.vkey.json");
        CliResult.run("groth16", "verify", vk, publicJson, CliFiles.copy(dir, "multiplier.proof.json"))
                .assertBadInput(publicJson, "1 public signals", vk + " expects 2");
    }

    @Test
    void publicSignalsOfAnotherCircuit() {
        Path publicJson = CliFiles.copy(dir, "many_public.public.json");
        Path vk = CliFiles.copy(dir, "multiplier.vkey.json");
        CliResult.run("groth16", "verify", vk, publicJson, CliFiles.copy(dir, "multiplier.proof.json"))
                .assertBadInput(publicJson, "17 public signals", vk + " expects 2");
    }

    // ------------------------------------------------------------------ proof.json

    private Path editedProof(Consumer<ObjectNode> change) {
        return CliFiles.editedJson(dir, "multiplier.proof.json", "edited.proof.json", change);
    }

    private static void addOne(ArrayNode coordinates, int index) {
        coordinates.set(index, new BigInteger(coordinates.get(index).asText()).add(BigInteger.ONE).toString());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"VERIFY_PROOF", "CALLDATA_PROOF"})
    void proofCoordinateNotBelowP(Kind kind) {
        for (BigInteger v : new BigInteger[] {Fp.MODULUS, Fp.MODULUS.add(BigInteger.ONE), BigInteger.ONE.shiftLeft(256)}) {
            Path bad = editedProof(o -> ((ArrayNode) o.get("pi_c")).set(0, v.toString()));
            kind.runWith(dir, bad).assertBadInput(bad, "pi_c x", "not below p");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"VERIFY_PROOF", "CALLDATA_PROOF"})
    void proofPointNotOnTheCurve(Kind kind) {
        Path a = editedProof(o -> addOne((ArrayNode) o.get("pi_a"), 1));
        kind.runWith(dir, a).assertBadInput(a, "pi_a is not on the curve");
        Path c = editedProof(o -> addOne((ArrayNode) o.get("pi_c"), 0));
        kind.runWith(dir, c).assertBadInput(c, "pi_c is not on the curve");
        Path b = editedProof(o -> addOne((ArrayNode) o.get("pi_b").get(1), 1));
        kind.runWith(dir, b).assertBadInput(b, "pi_b is not on the curve");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"VERIFY_PROOF", "CALLDATA_PROOF"})
    void proofPointNotAffine(Kind kind) {
        Path bad = editedProof(o -> ((ArrayNode) o.get("pi_a")).set(2, "2"));
        kind.runWith(dir, bad).assertBadInput(bad, "pi_a", "z = 1");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"VERIFY_PROOF", "CALLDATA_PROOF"})
    void proofWithMissingOrWrongFields(Kind kind) {
        Path noC = editedProof(o -> o.remove("pi_c"));
        kind.runWith(dir, noC).assertBadInput(noC, "missing \"pi_c\"");
        Path plonk = editedProof(o -> o.put("protocol", "plonk"));
        kind.runWith(dir, plonk).assertBadInput(plonk, "\"protocol\" must be \"groth16\"");
        Path shortB = editedProof(o -> ((ArrayNode) o.get("pi_b")).remove(2));
        kind.runWith(dir, shortB).assertBadInput(shortB, "pi_b must be an array of 3 items");
    }

    /** On the twist but of order not dividing r: a pairing input that must be refused, not evaluated. */
    @Test
    void piBOutsideTheSubgroup() {
        Path bad = editedProof(o -> o.set("pi_b", g2(TwistPoints.outsideSubgroup())));
        Kind.VERIFY_PROOF.runWith(dir, bad).assertBadInput(bad, "pi_b", "not in the subgroup");
    }

    // ------------------------------------------------------------------ verification_key.json

    private Path editedKey(Consumer<ObjectNode> change) {
        return CliFiles.editedJson(dir, "multiplier.vkey.json", "edited.vkey.json", change);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vk_beta_2", "vk_gamma_2", "vk_delta_2"})
    void keyPointOutsideTheSubgroup(String field) {
        Path bad = editedKey(o -> o.set(field, g2(TwistPoints.outsideSubgroup())));
        Kind.VERIFY_VK.runWith(dir, bad).assertBadInput(bad, field, "not in the subgroup");
    }

    @Test
    void keyPointNotOnTheCurve() {
        Path alpha = editedKey(o -> addOne((ArrayNode) o.get("vk_alpha_1"), 0));
        Kind.VERIFY_VK.runWith(dir, alpha).assertBadInput(alpha, "vk_alpha_1 is not on the curve");
        Path ic = editedKey(o -> addOne((ArrayNode) o.get("IC").get(2), 1));
        Kind.VERIFY_VK.runWith(dir, ic).assertBadInput(ic, "IC[2] is not on the curve");
    }

    @Test
    void keyWithMoreIcPointsThanNPublicSays() {
        Path bad = editedKey(o -> ((ArrayNode) o.get("IC")).add(o.get("IC").get(1).deepCopy()));
        Kind.VERIFY_VK.runWith(dir, bad).assertBadInput(bad, "IC must be an array of nPublic + 1 = 3 points");
    }

    @Test
    void keyWithFewerIcPointsThanNPublicSays() {
        Path bad = editedKey(o -> o.put("nPublic", 3));
        Kind.VERIFY_VK.runWith(dir, bad).assertBadInput(bad, "IC must be an array of nPublic + 1 = 4 points");
    }

    /** A self-consistent key for one public signal (IC cut to 2 points) against a public.json of 2. */
    @Test
    void keyWithFewerPublicInputsThanPublicJson() {
        Path vk = editedKey(o -> {
            o.put("nPublic", 1);
            ((ArrayNode) o.get("IC")).remove(2);
        });
        Path publicJson = CliFiles.copy(dir, "multiplier.public.json");
        CliResult.run("groth16", "verify", vk, publicJson, CliFiles.copy(dir, "multiplier.proof.json"))
                .assertBadInput(publicJson, "2 public signals", vk + " expects 1");
    }

    @Test
    void keyForAnotherProtocolOrCurve() {
        Path plonk = editedKey(o -> o.put("protocol", "plonk"));
        Kind.VERIFY_VK.runWith(dir, plonk).assertBadInput(plonk, "\"protocol\" must be \"groth16\"");
        Path bls = editedKey(o -> o.put("curve", "bls12381"));
        Kind.VERIFY_VK.runWith(dir, bls).assertBadInput(bls, "\"curve\" must be \"bn128\"");
    }

    @Test
    void keyFieldMissing() {
        Path bad = editedKey(o -> o.remove("vk_alphabeta_12"));
        Kind.VERIFY_VK.runWith(dir, bad).assertBadInput(bad, "missing \"vk_alphabeta_12\"");
    }

    static ArrayNode g2(BigInteger[] xy) {
        ArrayNode a = CliFiles.strings();
        a.add(CliFiles.strings(xy[0].toString(), xy[1].toString()));
        a.add(CliFiles.strings(xy[2].toString(), xy[3].toString()));
        a.add(CliFiles.strings("1", "0"));
        return a;
    }
}
