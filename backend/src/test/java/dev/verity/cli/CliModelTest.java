package dev.verity.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.field.Fr;
import dev.verity.prover.zkml.DenseLayer;
import dev.verity.prover.zkml.InputCommitment;
import dev.verity.prover.zkml.ModelCircuit;
import dev.verity.prover.zkml.ModelCommitment;
import dev.verity.prover.zkml.ModelFile;
import dev.verity.prover.zkml.QuantizedMlp;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verity model}: compile and witness feeding the groth16 commands; train, prove and verify on real digits. */
class CliModelTest {
    private static final String ADDRESS = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    @TempDir
    Path dir;

    private static QuantizedMlp model() {
        Random rnd = new Random(21);
        return new QuantizedMlp(16, List.of(layer(rnd, 16, 5, 6, true), layer(rnd, 5, 3, 0, false)));
    }

    private static DenseLayer layer(Random rnd, int in, int out, int shift, boolean relu) {
        long[] w = new long[in * out];
        for (int k = 0; k < w.length; k++) {
            w[k] = rnd.nextInt(255) - 127;
        }
        long[] b = new long[out];
        for (int j = 0; j < out; j++) {
            b[j] = rnd.nextInt(2001) - 1000;
        }
        return new DenseLayer(in, out, w, b, shift, relu);
    }

    private Path writeInput(int[] px) throws IOException {
        StringJoiner json = new StringJoiner(",", "[", "]");
        for (int p : px) {
            json.add(Integer.toString(p));
        }
        return Files.writeString(dir.resolve("input.json"), json.toString());
    }

    @Test
    void compileWitnessProveVerify() throws IOException {
        QuantizedMlp mlp = model();
        Path model = dir.resolve("model.json");
        ModelFile.write(mlp, model);
        int[] px = new int[16];
        Random rnd = new Random(22);
        for (int i = 0; i < px.length; i++) {
            px[i] = rnd.nextInt(256);
        }
        Path input = writeInput(px);

        CliResult compiled = CliResult.run("model", "compile", model, dir.resolve("mlp.r1cs"));
        compiled.assertOk();
        assertTrue(compiled.out().contains("total constraints"), compiled.out());
        CliResult.run("groth16", "devsetup", dir.resolve("mlp.r1cs"), dir.resolve("mlp.zkey")).assertOk();

        CliResult witness = CliResult.run("model", "witness", model, input, dir.resolve("mlp.wtns"), "--address", ADDRESS,
                "--blinding", "123456789");
        witness.assertOk();
        long[] logits = mlp.logits(px);
        int predicted = QuantizedMlp.argmax(logits);
        BigInteger commitment = InputCommitment.commit(px, BigInteger.valueOf(123456789));
        StringJoiner printed = new StringJoiner(" ");
        for (long v : logits) {
            printed.add(Long.toString(v));
        }
        String nl = System.lineSeparator();
        assertEquals("class: " + predicted + nl + "logits: " + printed + nl + "commitment: " + commitment + nl,
                witness.out());

        Path proof = dir.resolve("proof.json");
        Path publicJson = dir.resolve("public.json");
        CliResult.run("groth16", "prove", dir.resolve("mlp.zkey"), dir.resolve("mlp.wtns"), proof, publicJson).assertOk();
        List<String> expected = new ArrayList<>();
        expected.add(commitment.toString());
        expected.add(Integer.toString(predicted));
        for (long v : logits) {
            expected.add(BigInteger.valueOf(v).mod(Fr.MODULUS).toString());
        }
        expected.add(new BigInteger(ADDRESS.substring(2), 16).toString());
        String publicText = Files.readString(publicJson);
        for (String signal : expected) {
            assertTrue(publicText.contains("\"" + signal + "\""), signal + " missing from " + publicText);
        }
        Path vk = dir.resolve("vk.json");
        CliResult.run("zkey", "export", "verificationkey", dir.resolve("mlp.zkey"), vk).assertOk();
        CliResult.run("groth16", "verify", vk, publicJson, proof).assertOk();

        // the same proof claimed for another sender does not verify
        String otherSender = publicText.replace("\"" + expected.get(expected.size() - 1) + "\"", "\"1\"");
        Path stolen = Files.writeString(dir.resolve("stolen.json"), otherSender);
        assertEquals(VerityCli.EXIT_INVALID_PROOF, CliResult.run("groth16", "verify", vk, stolen, proof).exitCode());
    }

    /** --public-input: no blinding, the pixels among the public signals, its own cached key; forged pixels rejected. */
    @Test
    void publicInputProveVerify() throws IOException {
        QuantizedMlp mlp = model();
        Path model = dir.resolve("model.json");
        ModelFile.write(mlp, model);
        int[] px = new int[16];
        for (int i = 0; i < px.length; i++) {
            px[i] = 15 * i;
        }
        Path input = writeInput(px);
        CliResult compiled = CliResult.run("model", "compile", model, dir.resolve("open.r1cs"), "--public-input");
        compiled.assertOk();
        assertTrue(compiled.out().contains("public signals (21): outputs class, logit_0 .. logit_2; inputs address, "
                + "x_0 .. x_15"), compiled.out());
        Path proof = dir.resolve("proof.json");
        Path publicJson = dir.resolve("public.json");
        CliResult proved = CliResult.run("model", "prove", model, input, proof, publicJson, "--address", ADDRESS,
                "--public-input");
        proved.assertOk();
        assertTrue(!proved.out().contains("commitment"), proved.out());
        List<String> signals = List.of(new com.fasterxml.jackson.databind.ObjectMapper().readValue(publicJson.toFile(),
                String[].class));
        List<String> expected = new ArrayList<>();
        expected.add(Integer.toString(mlp.predict(px)));
        for (long v : mlp.logits(px)) {
            expected.add(BigInteger.valueOf(v).mod(Fr.MODULUS).toString());
        }
        expected.add(new BigInteger(ADDRESS.substring(2), 16).toString());
        for (int p : px) {
            expected.add(Integer.toString(p));
        }
        assertEquals(expected, signals);
        CliResult verified = CliResult.run("model", "verify", model, publicJson, proof, "--public-input");
        verified.assertOk();
        assertTrue(verified.out().contains("class: " + mlp.predict(px)), verified.out());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().endsWith(".public-input.dev.zkey")).count());
        }
        // the private-input key was never made: verifying without the flag finds none
        CliResult.run("model", "verify", model, publicJson, proof).assertBadInput(model, "no verification key");

        List<String> otherPixel = new ArrayList<>(signals);
        otherPixel.set(5 + 3, "46"); // after the class, 3 logits and the address
        Path forged = dir.resolve("forged.json");
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(forged.toFile(), otherPixel);
        CliResult r = CliResult.run("model", "verify", model, forged, proof, "--public-input");
        assertEquals(VerityCli.EXIT_INVALID_PROOF, r.exitCode(), r.describe());
        otherPixel.set(5 + 3, "256");
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(forged.toFile(), otherPixel);
        r = CliResult.run("model", "verify", model, forged, proof, "--public-input");
        assertEquals(VerityCli.EXIT_INVALID_PROOF, r.exitCode(), r.describe());
        assertEquals("INVALID: public input x_3 = 256 is not a pixel in [0, 255]" + System.lineSeparator(), r.out());

        CliResult.run("model", "prove", model, input, proof, publicJson, "--address", ADDRESS, "--public-input",
                "--blinding", "1").assertUsageError("--blinding has no use with --public-input");
        CliResult.run("model", "prove", model, input, proof, publicJson, "--address", ADDRESS)
                .assertUsageError("--blinding is required");
    }

    /** --class-only: public signals commitment, class, address; its own key; the logits nowhere in the proof's files. */
    @Test
    void classOnlyProveVerify() throws IOException {
        QuantizedMlp mlp = model();
        Path model = dir.resolve("model.json");
        ModelFile.write(mlp, model);
        int[] px = new int[16];
        java.util.Arrays.fill(px, 200);
        Path input = writeInput(px);
        CliResult compiled = CliResult.run("model", "compile", model, dir.resolve("c.r1cs"), "--class-only");
        compiled.assertOk();
        assertTrue(compiled.out().contains("public signals (3): outputs commitment, class; input address"),
                compiled.out());
        Path proof = dir.resolve("proof.json");
        Path publicJson = dir.resolve("public.json");
        CliResult.run("model", "prove", model, input, proof, publicJson, "--address", ADDRESS, "--blinding", "77",
                "--class-only").assertOk();
        List<String> signals = List.of(new com.fasterxml.jackson.databind.ObjectMapper().readValue(publicJson.toFile(),
                String[].class));
        assertEquals(List.of(InputCommitment.commit(px, BigInteger.valueOf(77)).toString(),
                Integer.toString(mlp.predict(px)), new BigInteger(ADDRESS.substring(2), 16).toString()), signals);
        CliResult verified = CliResult.run("model", "verify", model, publicJson, proof, "--class-only");
        verified.assertOk();
        assertTrue(verified.out().contains("class: " + mlp.predict(px)) && !verified.out().contains("logits"),
                verified.out());
        List<String> otherClass = new ArrayList<>(signals);
        otherClass.set(1, Integer.toString((mlp.predict(px) + 1) % 3));
        Path forged = dir.resolve("forged.json");
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(forged.toFile(), otherClass);
        assertEquals(VerityCli.EXIT_INVALID_PROOF, CliResult.run("model", "verify", model, forged, proof,
                "--class-only").exitCode());
        CliResult.run("model", "verify", model, publicJson, proof).assertBadInput(model, "no verification key");
    }

    /**
     * --private-weights: the model commitment printed by 'model commitment' is a public signal;
     * verify checks it against the model and salt, so a proof of another model of the same shape
     * (which the same key accepts) is refused, and so is a wrong salt.
     */
    @Test
    void privateWeightsProveVerify() throws IOException {
        QuantizedMlp mlp = model();
        Path model = dir.resolve("model.json");
        ModelFile.write(mlp, model);
        int[] px = new int[16];
        java.util.Arrays.fill(px, 90);
        Path input = writeInput(px);
        BigInteger salt = new BigInteger("31415926535897932384626");
        BigInteger modelCommitment = ModelCommitment.commit(mlp, salt);
        CliResult committed = CliResult.run("model", "commitment", model, "--model-salt", "0x" + salt.toString(16));
        committed.assertOk();
        assertTrue(committed.out().startsWith("model commitment: " + modelCommitment + System.lineSeparator()),
                committed.out());
        assertTrue(committed.out().contains("weights 8-bit, biases 32-bit"), committed.out());

        CliResult compiled = CliResult.run("model", "compile", model, dir.resolve("pw.r1cs"), "--private-weights");
        compiled.assertOk();
        assertTrue(compiled.out().contains("public signals (7): outputs commitment, model commitment, class, logit_0 .. "
                + "logit_2; input address"), compiled.out());
        Path proof = dir.resolve("proof.json");
        Path publicJson = dir.resolve("public.json");
        CliResult proved = CliResult.run("model", "prove", model, input, proof, publicJson, "--address", ADDRESS,
                "--blinding", "5", "--private-weights", "--model-salt", salt.toString());
        proved.assertOk();
        assertTrue(proved.out().contains("model commitment: " + modelCommitment), proved.out());
        List<String> signals = List.of(new com.fasterxml.jackson.databind.ObjectMapper().readValue(publicJson.toFile(),
                String[].class));
        assertEquals(InputCommitment.commit(px, BigInteger.valueOf(5)).toString(), signals.get(0));
        assertEquals(modelCommitment.toString(), signals.get(1));
        assertEquals(Integer.toString(mlp.predict(px)), signals.get(2));
        CliResult verified = CliResult.run("model", "verify", model, publicJson, proof, "--private-weights",
                "--model-salt", salt.toString());
        verified.assertOk();
        assertTrue(verified.out().contains("class: " + mlp.predict(px)), verified.out());

        CliResult wrongSalt = CliResult.run("model", "verify", model, publicJson, proof, "--private-weights",
                "--model-salt", salt.add(BigInteger.ONE).toString());
        assertEquals(VerityCli.EXIT_INVALID_PROOF, wrongSalt.exitCode(), wrongSalt.describe());
        assertTrue(wrongSalt.out().startsWith("INVALID: the proof is for another model"), wrongSalt.out());

        // another model of the same shape, proved with the first model's cached key: a valid Groth16
        // proof, but of the other model's commitment, which verify refuses for this model
        Random rnd = new Random(23);
        QuantizedMlp other = new QuantizedMlp(16, List.of(layer(rnd, 16, 5, 6, true), layer(rnd, 5, 3, 0, false)));
        ModelCircuit.Result forged = ModelCircuit.build(other, px, BigInteger.valueOf(5),
                new BigInteger(ADDRESS.substring(2), 16), ModelCircuit.Outputs.CLASS_AND_LOGITS,
                ModelCircuit.Weights.committed(salt));
        Path zkey;
        try (var files = Files.list(dir)) {
            zkey = files.filter(p -> p.getFileName().toString().endsWith(".private-weights.dev.zkey")).findFirst()
                    .orElseThrow();
        }
        Path otherWitness = dir.resolve("other.wtns");
        dev.verity.prover.io.WtnsFile.write(forged.circuit().witness(), otherWitness);
        Path otherProof = dir.resolve("other-proof.json");
        Path otherPublic = dir.resolve("other-public.json");
        CliResult.run("groth16", "prove", zkey, otherWitness, otherProof, otherPublic).assertOk();
        CliResult mixedUp = CliResult.run("model", "verify", model, otherPublic, otherProof, "--private-weights",
                "--model-salt", salt.toString());
        assertEquals(VerityCli.EXIT_INVALID_PROOF, mixedUp.exitCode(), mixedUp.describe());

        CliResult.run("model", "prove", model, input, proof, publicJson, "--address", ADDRESS, "--blinding", "5",
                "--private-weights").assertUsageError("--model-salt is required");
        CliResult.run("model", "prove", model, input, proof, publicJson, "--address", ADDRESS, "--blinding", "5",
                "--model-salt", "1").assertUsageError("--model-salt has no use without --private-weights");
        CliResult.run("model", "commitment", model, "--model-salt", Fr.MODULUS.toString())
                .assertUsageError("--model-salt must be in [0, r)");
    }

    /** A model in the binary format (JSON header, binary weights) serves every command as its JSON form does. */
    @Test
    void binaryModelFileServesLikeJson() throws IOException {
        QuantizedMlp mlp = model();
        Path json = dir.resolve("model.json");
        Path binary = dir.resolve("model.safetensors");
        ModelFile.write(mlp, json);
        ModelFile.write(mlp, binary);
        CliResult fromJson = CliResult.run("model", "compile", json, dir.resolve("a.r1cs"));
        CliResult fromBinary = CliResult.run("model", "compile", binary, dir.resolve("b.r1cs"));
        fromBinary.assertOk();
        assertEquals(fromJson.out(), fromBinary.out());
        assertEquals(-1, Files.mismatch(dir.resolve("a.r1cs"), dir.resolve("b.r1cs")));
        int[] px = new int[16];
        java.util.Arrays.fill(px, 33);
        Path input = writeInput(px);
        CliResult proved = CliResult.run("model", "prove", binary, input, dir.resolve("proof.json"),
                dir.resolve("public.json"), "--address", ADDRESS, "--blinding", "8");
        proved.assertOk();
        assertTrue(proved.out().contains("class: " + mlp.predict(px)), proved.out());
        CliResult.run("model", "verify", binary, dir.resolve("public.json"), dir.resolve("proof.json")).assertOk();
        Files.write(binary, java.util.Arrays.copyOf(Files.readAllBytes(binary), 100));
        CliResult.run("model", "compile", binary, dir.resolve("c.r1cs")).assertBadInput(binary, "header length");
    }

    /** --ptau makes the key from a Powers of Tau file; from then on that key is the one used. */
    @Test
    void ptauKeyIsMadeOnceAndPreferred() throws Exception {
        Path model = dir.resolve("model.json");
        ModelFile.write(model(), model);
        int[] px = new int[16];
        java.util.Arrays.fill(px, 99);
        Path input = writeInput(px);
        Path ptau = dir.resolve("pot10.ptau");
        dev.verity.prover.groth16.DevPowersOfTau.generateUnsafe(ptau, 10, new java.security.SecureRandom(),
                dev.verity.prover.util.Progress.NONE);
        Path proof = dir.resolve("proof.json");
        Path publicJson = dir.resolve("public.json");
        CliResult first = CliResult.run("model", "prove", model, input, proof, publicJson, "--address", ADDRESS,
                "--blinding", "8", "--ptau", ptau);
        first.assertOk();
        assertTrue(first.err().contains("(ptau setup)") && !first.err().contains("WARNING"), first.err());
        CliResult verified = CliResult.run("model", "verify", model, publicJson, proof);
        verified.assertOk();
        assertTrue(verified.out().contains("(ptau key "), verified.out());
        CliResult again = CliResult.run("model", "prove", model, input, proof, publicJson, "--address", ADDRESS,
                "--blinding", "9");
        again.assertOk();
        assertTrue(again.err().contains("using the cached ptau proving key"), again.err());
        CliResult.run("model", "verify", model, publicJson, proof).assertOk();
        try (var files = Files.list(dir)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().contains(".dev.")).count(),
                    "no dev key was made");
        }
    }

    @Test
    void badInputIsReportedInOneLine() throws IOException {
        Path model = dir.resolve("model.json");
        ModelFile.write(model(), model);
        int[] px = new int[16];
        px[3] = 256;
        Path input = writeInput(px);
        Path wtns = dir.resolve("w.wtns");
        CliResult.run("model", "witness", model, input, wtns, "--address", ADDRESS, "--blinding", "1")
                .assertBadInput(input, "input[3] must be an integer in [0, 255], got 256");
        Path shortInput = Files.writeString(dir.resolve("short.json"), "[1, 2]");
        CliResult.run("model", "witness", model, shortInput, wtns, "--address", ADDRESS, "--blinding", "1")
                .assertBadInput(shortInput, "expected a JSON array of 16 integers");
        Path badModel = Files.writeString(dir.resolve("bad-model.json"), "{\"format\": \"onnx\"}");
        CliResult.run("model", "compile", badModel, dir.resolve("c.r1cs")).assertBadInput(badModel, "format");
        CliResult.run("model", "witness", model, input, wtns, "--address", "0x1234", "--blinding", "1")
                .assertUsageError("--address must be 0x followed by 40 hex digits");
        CliResult.run("model", "witness", model, input, wtns, "--address", ADDRESS, "--blinding", Fr.MODULUS.toString())
                .assertUsageError("--blinding must be in [0, r)");
        assertTrue(Files.notExists(wtns), "no witness is written on failure");
    }
}
