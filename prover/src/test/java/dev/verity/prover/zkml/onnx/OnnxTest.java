package dev.verity.prover.zkml.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.verity.prover.io.FormatException;
import dev.verity.prover.zkml.onnx.OnnxGraph.Node;
import dev.verity.prover.zkml.Pooling;
import dev.verity.prover.zkml.QuantizedConvNet;
import dev.verity.prover.zkml.train.ConvNetQuantizer;
import dev.verity.prover.zkml.train.Dataset;
import dev.verity.prover.zkml.train.FloatCnn;
import dev.verity.prover.zkml.train.FloatConvNet;
import dev.verity.prover.zkml.train.MlpQuantizer;
import dev.verity.prover.zkml.train.FloatMlp;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verity's ONNX files: onnxruntime (Microsoft's runtime, from Maven Central) loads the models
 * Verity writes and computes the same logits as Verity's own reading of them; import gives back
 * the model that was exported; unsupported ops and shapes are named.
 */
class OnnxTest {
    @TempDir
    Path dir;

    private static FloatMlp randomMlp(long seed) {
        return FloatMlp.initialize(seed, 784, 56, 10);
    }

    private static FloatCnn randomCnn(long seed) {
        Random rnd = new Random(seed);
        double[] cw = gaussian(rnd, 6 * 25, 0.3);
        double[] cb = gaussian(rnd, 6, 0.1);
        double[] dw = gaussian(rnd, 10 * 864, 0.05);
        double[] db = gaussian(rnd, 10, 0.1);
        return FloatCnn.of(28, 6, 5, 10, Pooling.MAX, cw, cb, dw, db);
    }

    private static double[] gaussian(Random rnd, int n, double std) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian() * std;
        }
        return v;
    }

    private static List<double[]> inputs() {
        Random rnd = new Random(5);
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            double[] x = new double[784];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(256) / 255.0;
            }
            out.add(x);
        }
        return out;
    }

    /** onnxruntime's logits for one input of the given shape. */
    private static float[] onnxruntime(Path model, double[] x, long[] shape) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[] f = new float[x.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) x[i];
        }
        try (OrtSession session = env.createSession(model.toString(), new OrtSession.SessionOptions());
                OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(f), shape);
                OrtSession.Result result = session.run(Map.of("input", input))) {
            return ((float[][]) result.get(0).getValue())[0];
        }
    }

    private static void assertSameLogits(float[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], 1e-4 * Math.max(1, Math.abs(expected[j])), "logit " + j);
        }
    }

    @Test
    void onnxruntimeComputesWhatVerityReadsForTheMlp() throws Exception {
        FloatMlp mlp = randomMlp(3);
        Path file = dir.resolve("mlp.onnx");
        OnnxFile.write(OnnxExport.mlp(mlp), file);
        OnnxGraph graph = OnnxFile.read(file);
        for (double[] x : inputs()) {
            float[] reference = onnxruntime(file, x, new long[] {1, 784});
            OnnxRunner.Value mine = OnnxRunner.run(graph, new OnnxRunner.Value(new int[] {1, 784}, x));
            assertSameLogits(reference, mine.data());
            assertSameLogits(reference, mlp.logits(x)); // float32 weights in the file, double in Java
        }
    }

    @Test
    void onnxruntimeComputesWhatVerityReadsForTheCnn() throws Exception {
        FloatCnn cnn = randomCnn(4);
        Path file = dir.resolve("cnn.onnx");
        OnnxFile.write(OnnxExport.cnn(cnn), file);
        OnnxGraph graph = OnnxFile.read(file);
        for (double[] x : inputs()) {
            float[] reference = onnxruntime(file, x, new long[] {1, 1, 28, 28});
            OnnxRunner.Value mine = OnnxRunner.run(graph, new OnnxRunner.Value(new int[] {1, 1, 28, 28}, x));
            assertSameLogits(reference, mine.data());
            assertSameLogits(reference, cnn.logits(x));
        }
    }

    /** AveragePool: onnxruntime, Verity's runner and the float model agree; import gives the model back. */
    @Test
    void averagePoolCnnRunsAndImports() throws Exception {
        FloatCnn max = randomCnn(5);
        FloatCnn avg = FloatCnn.of(28, 6, 5, 10, Pooling.AVERAGE, max.convWeights(), max.convBias(),
                max.denseWeights(), max.denseBias());
        Path file = dir.resolve("avg.onnx");
        OnnxFile.write(OnnxExport.cnn(avg), file);
        OnnxGraph graph = OnnxFile.read(file);
        assertEquals("AveragePool", graph.nodes().get(2).opType());
        for (double[] x : inputs()) {
            float[] reference = onnxruntime(file, x, new long[] {1, 1, 28, 28});
            assertSameLogits(reference, OnnxRunner.run(graph, new OnnxRunner.Value(new int[] {1, 1, 28, 28}, x)).data());
            assertSameLogits(reference, avg.logits(x));
        }
        FloatCnn back = OnnxImport.of(graph).cnn();
        assertEquals(Pooling.AVERAGE, back.pooling());
        double[] x = inputs().get(1);
        assertArrayEquals(avg.logits(x), back.logits(x), 1e-5);
    }

    private static OnnxGraph.Tensor tensor(String name, Random rnd, double std, long... dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        float[] f = new float[(int) n];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (rnd.nextGaussian() * std);
        }
        return new OnnxGraph.Tensor(name, dims, f, null);
    }

    private static OnnxGraph.Attribute ints(String name, long... values) {
        return new OnnxGraph.Attribute(name, null, null, values, null, null, null);
    }

    /**
     * LeNet-5 as PyTorch exports it (the layout of real exports of torchvision-style code): Conv 6
     * x 5x5 with padding 2, Relu, MaxPool, Conv 16 x 5x5, then, as some exports order it, MaxPool
     * before Relu, Flatten, Gemm 400-120-84-10 with Relus, and a final LogSoftmax. onnxruntime,
     * Verity's runner and the imported network agree; quantized, the integer network agrees with
     * the float one on most of 30 patterned inputs.
     */
    @Test
    void importReadsALeNetAsPyTorchExportsIt() throws Exception {
        Random rnd = new Random(21);
        Map<String, OnnxGraph.Tensor> init = new LinkedHashMap<>();
        init.put("c1.w", tensor("c1.w", rnd, 0.3, 6, 1, 5, 5));
        init.put("c1.b", tensor("c1.b", rnd, 0.1, 6));
        init.put("c2.w", tensor("c2.w", rnd, 0.1, 16, 6, 5, 5));
        init.put("c2.b", tensor("c2.b", rnd, 0.1, 16));
        init.put("f1.w", tensor("f1.w", rnd, 0.05, 120, 400));
        init.put("f1.b", tensor("f1.b", rnd, 0.1, 120));
        init.put("f2.w", tensor("f2.w", rnd, 0.1, 84, 120));
        init.put("f2.b", tensor("f2.b", rnd, 0.1, 84));
        init.put("f3.w", tensor("f3.w", rnd, 0.1, 10, 84));
        init.put("f3.b", tensor("f3.b", rnd, 0.1, 10));
        OnnxGraph.Attribute transB = new OnnxGraph.Attribute("transB", 1L, null, null, null, null, null);
        List<Node> nodes = List.of(
                new Node("/c1/Conv", "Conv", List.of("input", "c1.w", "c1.b"), List.of("c1"), Map.of("kernel_shape",
                        ints("kernel_shape", 5, 5), "pads", ints("pads", 2, 2, 2, 2), "strides", ints("strides", 1, 1))),
                new Node("/r1/Relu", "Relu", List.of("c1"), List.of("r1"), Map.of()),
                new Node("/p1/MaxPool", "MaxPool", List.of("r1"), List.of("p1"), Map.of("kernel_shape",
                        ints("kernel_shape", 2, 2), "strides", ints("strides", 2, 2))),
                new Node("/c2/Conv", "Conv", List.of("p1", "c2.w", "c2.b"), List.of("c2"), Map.of("kernel_shape",
                        ints("kernel_shape", 5, 5))),
                new Node("/p2/MaxPool", "MaxPool", List.of("c2"), List.of("p2"), Map.of("kernel_shape",
                        ints("kernel_shape", 2, 2), "strides", ints("strides", 2, 2))),
                new Node("/r2/Relu", "Relu", List.of("p2"), List.of("r2"), Map.of()),
                new Node("/flat/Flatten", "Flatten", List.of("r2"), List.of("flat"), Map.of()),
                new Node("/f1/Gemm", "Gemm", List.of("flat", "f1.w", "f1.b"), List.of("f1"), Map.of("transB", transB)),
                new Node("/r3/Relu", "Relu", List.of("f1"), List.of("r3"), Map.of()),
                new Node("/f2/Gemm", "Gemm", List.of("r3", "f2.w", "f2.b"), List.of("f2"), Map.of("transB", transB)),
                new Node("/r4/Relu", "Relu", List.of("f2"), List.of("r4"), Map.of()),
                new Node("/f3/Gemm", "Gemm", List.of("r4", "f3.w", "f3.b"), List.of("scores"), Map.of("transB", transB)),
                new Node("/out/LogSoftmax", "LogSoftmax", List.of("scores"), List.of("output"), Map.of("axis",
                        new OnnxGraph.Attribute("axis", 1L, null, null, null, null, null))));
        OnnxGraph graph = new OnnxGraph("lenet", nodes, init,
                List.of(new OnnxGraph.ValueInfo("input", new long[] {-1, 1, 28, 28})),
                List.of(new OnnxGraph.ValueInfo("output", new long[] {-1, 10})));
        Path file = dir.resolve("lenet.onnx");
        OnnxFile.write(graph, file);
        FloatConvNet net = OnnxImport.of(OnnxFile.read(file)).convNet();
        assertEquals(7, net.layers().size(), "conv, pool, conv, pool, 3 dense: the Relus folded in");
        for (double[] x : inputs()) {
            float[] reference = onnxruntime(file, x, new long[] {1, 1, 28, 28});
            double[] logits = net.logits(x);
            double max = java.util.Arrays.stream(logits).max().orElseThrow();
            double logSum = Math.log(java.util.Arrays.stream(logits).map(v -> Math.exp(v - max)).sum());
            for (int j = 0; j < 10; j++) {
                assertEquals(reference[j], logits[j] - max - logSum, 1e-4 * Math.max(1, Math.abs(reference[j])));
            }
        }
        List<double[]> samples = new ArrayList<>();
        int[][] images = new int[30][784];
        for (int k = 0; k < images.length; k++) {
            double[] x = new double[784];
            for (int i = 0; i < 784; i++) {
                images[k][i] = (i * (k + 7) + 13 * k) % 256;
                x[i] = images[k][i] / 255.0;
            }
            samples.add(x);
        }
        Dataset calibration = new Dataset(28, 28, 10, images, new int[images.length]);
        QuantizedConvNet q = ConvNetQuantizer.quantize(net, calibration, MlpQuantizer.INT8);
        int same = 0;
        for (int k = 0; k < images.length; k++) {
            same += q.predict(images[k]) == net.predict(samples.get(k)) ? 1 : 0;
        }
        assertTrue(same >= 27, same + " of 30 agree");
    }

    /** A random LeNet-style network with padding and average pooling: exported, run by onnxruntime, imported back. */
    @Test
    void convNetExportRunsInOnnxruntimeAndImportsBack() throws Exception {
        FloatConvNet net = randomConvNet(22);
        Path file = dir.resolve("convnet.onnx");
        OnnxFile.write(OnnxExport.convNet(net), file);
        FloatConvNet back = OnnxImport.of(OnnxFile.read(file)).convNet();
        assertEquals(net.layers().size(), back.layers().size());
        for (double[] x : inputs()) {
            float[] reference = onnxruntime(file, x, new long[] {1, 1, 28, 28});
            assertSameLogits(reference, net.logits(x));
            assertSameLogits(reference, back.logits(x));
        }
    }

    /** Conv 4 x 3x3 pad 1, average pool, Conv 8 x 3x3, max pool, dense 288-32 ReLU, dense 32-10. */
    static FloatConvNet randomConvNet(long seed) {
        Random rnd = new Random(seed);
        return new FloatConvNet(28, List.of(
                new FloatConvNet.Conv(1, 4, 3, 1, gaussian(rnd, 36, 0.4), gaussian(rnd, 4, 0.1), true),
                new FloatConvNet.Pool(Pooling.AVERAGE),
                new FloatConvNet.Conv(4, 8, 3, 0, gaussian(rnd, 288, 0.2), gaussian(rnd, 8, 0.1), true),
                new FloatConvNet.Pool(Pooling.MAX),
                new FloatConvNet.Dense(288, 32, gaussian(rnd, 288 * 32, 0.08), gaussian(rnd, 32, 0.1), true),
                new FloatConvNet.Dense(32, 10, gaussian(rnd, 320, 0.2), gaussian(rnd, 10, 0.1), false)));
    }

    @Test
    void importGivesBackTheExportedModels() throws Exception {
        FloatMlp mlp = randomMlp(7);
        Path mlpFile = dir.resolve("mlp.onnx");
        OnnxFile.write(OnnxExport.mlp(mlp), mlpFile);
        OnnxImport.Imported back = OnnxImport.of(OnnxFile.read(mlpFile));
        assertEquals(null, back.cnn());
        assertEquals(2, back.mlp().layers());
        for (int l = 0; l < 2; l++) {
            assertArrayEquals(mlp.weights(l), back.mlp().weights(l), 1e-6);
            assertArrayEquals(mlp.bias(l), back.mlp().bias(l), 1e-6);
        }
        FloatCnn cnn = randomCnn(8);
        Path cnnFile = dir.resolve("cnn.onnx");
        OnnxFile.write(OnnxExport.cnn(cnn), cnnFile);
        FloatCnn cnnBack = OnnxImport.of(OnnxFile.read(cnnFile)).cnn();
        assertArrayEquals(cnn.convWeights(), cnnBack.convWeights(), 1e-6);
        assertArrayEquals(cnn.denseWeights(), cnnBack.denseWeights(), 1e-6);
        for (double[] x : inputs()) {
            assertArrayEquals(cnn.logits(x), cnnBack.logits(x), 1e-4);
        }
    }

    /** MatMul + Add, Reshape with a Constant shape, Identity: the forms other exporters use. */
    @Test
    void importReadsMatMulAddAndShapePlumbing() throws Exception {
        FloatMlp mlp = randomMlp(9);
        OnnxGraph exported = OnnxExport.mlp(mlp);
        Map<String, OnnxGraph.Tensor> init = new LinkedHashMap<>(exported.initializers());
        // fc1 as MatMul over the [in, out] transpose, then Add of the bias
        double[] w = mlp.weights(0);
        float[] transposed = new float[w.length];
        for (int j = 0; j < 56; j++) {
            for (int i = 0; i < 784; i++) {
                transposed[i * 56 + j] = (float) w[j * 784 + i];
            }
        }
        init.put("fc1.weight", new OnnxGraph.Tensor("fc1.weight", new long[] {784, 56}, transposed, null));
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node("shape", "Constant", List.of(), List.of("shape"), Map.of("value", new OnnxGraph.Attribute(
                "value", null, null, null, null, null, new OnnxGraph.Tensor("", new long[] {2}, null,
                        new long[] {1, -1})))));
        nodes.add(new Node("reshape", "Reshape", List.of("input", "shape"), List.of("flat"), Map.of()));
        nodes.add(new Node("mm", "MatMul", List.of("flat", "fc1.weight"), List.of("mm"), Map.of()));
        nodes.add(new Node("add", "Add", List.of("mm", "fc1.bias"), List.of("fc1"), Map.of()));
        nodes.add(new Node("id", "Identity", List.of("fc1"), List.of("fc1b"), Map.of()));
        nodes.add(new Node("relu", "Relu", List.of("fc1b"), List.of("relu1"), Map.of()));
        nodes.add(exported.nodes().get(2));
        OnnxGraph graph = new OnnxGraph("mixed", nodes, init, exported.inputs(), exported.outputs());
        Path file = dir.resolve("mixed.onnx");
        OnnxFile.write(graph, file);
        FloatMlp back = OnnxImport.of(OnnxFile.read(file)).mlp();
        for (double[] x : inputs()) {
            float[] reference = onnxruntime(file, x, new long[] {1, 784});
            assertSameLogits(reference, back.logits(x));
            assertSameLogits(reference, OnnxRunner.run(OnnxFile.read(file), new OnnxRunner.Value(new int[] {1, 784},
                    x)).data());
        }
    }

    /**
     * A Keras model as tf2onnx writes it: an NHWC [N, 28, 28, 1] input, Flatten, MatMul then Add,
     * and a final Softmax (or LogSoftmax), which import drops: its logits, softmaxed, are what
     * onnxruntime gives. A model made for raw pixels in [0, 255] becomes one for [0, 1] inputs.
     */
    @Test
    void importDropsAFinalSoftmaxOfAKerasStyleGraph() throws Exception {
        FloatMlp mlp = randomMlp(11);
        OnnxGraph exported = OnnxExport.mlp(mlp);
        for (String op : List.of("Softmax", "LogSoftmax")) {
            List<Node> nodes = new ArrayList<>();
            nodes.add(new Node("flatten", "Flatten", List.of("input"), List.of("flat"), Map.of("axis",
                    new OnnxGraph.Attribute("axis", 1L, null, null, null, null, null))));
            for (Node n : exported.nodes()) {
                List<String> in = n.inputs().get(0).equals("input") ? List.of("flat", n.inputs().get(1),
                        n.inputs().get(2)) : n.inputs();
                List<String> out = n.outputs().get(0).equals("logits") ? List.of("scores") : n.outputs();
                nodes.add(new Node(n.name(), n.opType(), in, out, n.attributes()));
            }
            nodes.add(new Node("softmax", op, List.of("scores"), List.of("probabilities"), Map.of("axis",
                    new OnnxGraph.Attribute("axis", -1L, null, null, null, null, null))));
            OnnxGraph graph = new OnnxGraph("keras", nodes, exported.initializers(),
                    List.of(new OnnxGraph.ValueInfo("input", new long[] {-1, 28, 28, 1})),
                    List.of(new OnnxGraph.ValueInfo("probabilities", new long[] {-1, 10})));
            Path file = dir.resolve(op + ".onnx");
            OnnxFile.write(graph, file);
            FloatMlp back = OnnxImport.of(OnnxFile.read(file)).mlp();
            for (double[] x : inputs()) {
                float[] reference = onnxruntime(file, x, new long[] {1, 28, 28, 1});
                double[] logits = back.logits(x);
                double max = java.util.Arrays.stream(logits).max().orElseThrow();
                double sum = java.util.Arrays.stream(logits).map(v -> Math.exp(v - max)).sum();
                for (int j = 0; j < 10; j++) {
                    double logSoftmax = logits[j] - max - Math.log(sum);
                    double expected = op.equals("Softmax") ? Math.exp(logSoftmax) : logSoftmax;
                    assertEquals(reference[j], expected, 1e-4 * Math.max(1, Math.abs(expected)), op + " " + j);
                }
                double[] raw = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    raw[i] = 255 * x[i];
                }
                assertArrayEquals(back.logits(raw), back.forUnitInputs(255).logits(x), 1e-9);
            }
        }
        // a softmax anywhere else is an unsupported op, named
        List<Node> middle = new ArrayList<>(exported.nodes());
        middle.set(1, new Node("sm", "Softmax", List.of("fc1"), List.of("relu1"), Map.of()));
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class, () -> OnnxImport.of(
                new OnnxGraph("g", middle, exported.initializers(), exported.inputs(), exported.outputs())));
        assertTrue(e.getMessage().startsWith("node \"sm\" (op Softmax): unsupported op"), e.getMessage());
    }

    /**
     * The CNN as PyTorch exports {@code x.view(x.size(0), -1)}: Shape, Gather, Unsqueeze and
     * Concat build the target shape of a Reshape. onnxruntime runs it; Verity imports it.
     */
    @Test
    void importReadsPyTorchStyleViewPlumbing() throws Exception {
        FloatCnn cnn = randomCnn(12);
        OnnxGraph exported = OnnxExport.cnn(cnn);
        Map<String, OnnxGraph.Tensor> init = new LinkedHashMap<>(exported.initializers());
        init.put("zero", new OnnxGraph.Tensor("zero", new long[0], null, new long[] {0}));
        init.put("minus1", new OnnxGraph.Tensor("minus1", new long[] {1}, null, new long[] {-1}));
        List<Node> nodes = new ArrayList<>(exported.nodes().subList(0, 3));
        nodes.add(new Node("Shape_3", "Shape", List.of("pool"), List.of("s"), Map.of()));
        nodes.add(new Node("Gather_4", "Gather", List.of("s", "zero"), List.of("n"), Map.of("axis",
                new OnnxGraph.Attribute("axis", 0L, null, null, null, null, null))));
        nodes.add(new Node("Unsqueeze_5", "Unsqueeze", List.of("n"), List.of("n1"), Map.of("axes",
                new OnnxGraph.Attribute("axes", null, null, new long[] {0}, null, null, null))));
        nodes.add(new Node("Concat_6", "Concat", List.of("n1", "minus1"), List.of("target"), Map.of("axis",
                new OnnxGraph.Attribute("axis", 0L, null, null, null, null, null))));
        nodes.add(new Node("Reshape_7", "Reshape", List.of("pool", "target"), List.of("flat"), Map.of()));
        nodes.add(exported.nodes().get(4));
        OnnxGraph graph = new OnnxGraph("torch-like", nodes, init, exported.inputs(), exported.outputs());
        Path file = dir.resolve("torch-like.onnx");
        OnnxFile.write(graph, file);
        // opset 13 takes Unsqueeze's axes as an input; this file says opset 13, so onnxruntime wants that form
        List<Node> opset13 = new ArrayList<>(nodes);
        init.put("axes0", new OnnxGraph.Tensor("axes0", new long[] {1}, null, new long[] {0}));
        opset13.set(5, new Node("Unsqueeze_5", "Unsqueeze", List.of("n", "axes0"), List.of("n1"), Map.of()));
        OnnxGraph graph13 = new OnnxGraph("torch-like", opset13, init, exported.inputs(), exported.outputs());
        Path file13 = dir.resolve("torch-like-13.onnx");
        OnnxFile.write(graph13, file13);
        FloatCnn back = OnnxImport.of(OnnxFile.read(file)).cnn();
        FloatCnn back13 = OnnxImport.of(OnnxFile.read(file13)).cnn();
        for (double[] x : inputs()) {
            float[] reference = onnxruntime(file13, x, new long[] {1, 1, 28, 28});
            assertSameLogits(reference, back.logits(x));
            assertSameLogits(reference, back13.logits(x));
            assertSameLogits(reference, OnnxRunner.run(graph, new OnnxRunner.Value(new int[] {1, 1, 28, 28}, x))
                    .data());
        }
    }

    /** A Reshape that is no flatten gives a model that computes something else: refused, not misread. */
    @Test
    void importRefusesAReshapeThatReordersTheData() {
        FloatMlp mlp = randomMlp(13);
        OnnxGraph exported = OnnxExport.mlp(mlp);
        Map<String, OnnxGraph.Tensor> init = new LinkedHashMap<>(exported.initializers());
        init.put("shape", new OnnxGraph.Tensor("shape", new long[] {2}, null, new long[] {784, 1}));
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node("Reshape_0", "Reshape", List.of("input", "shape"), List.of("column"), Map.of()));
        nodes.addAll(exported.nodes());
        nodes.set(1, new Node("Gemm_0", "Gemm", List.of("column", "fc1.weight", "fc1.bias"), List.of("fc1"),
                exported.nodes().get(0).attributes()));
        OnnxGraph graph = new OnnxGraph("g", nodes, init, exported.inputs(), exported.outputs());
        assertThrows(UnsupportedModelException.class, () -> OnnxImport.of(graph));
    }

    @Test
    void unsupportedOpsAndShapesAreNamed() throws Exception {
        OnnxGraph cnn = OnnxExport.cnn(randomCnn(1));
        List<Node> nodes = new ArrayList<>(cnn.nodes());
        nodes.set(1, new Node("Sigmoid_1", "Sigmoid", List.of("conv"), List.of("relu"), Map.of()));
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> OnnxImport.of(new OnnxGraph("g", nodes, cnn.initializers(), cnn.inputs(), cnn.outputs())));
        assertEquals("node \"Sigmoid_1\" (op Sigmoid): unsupported op (Verity compiles Gemm, MatMul, Add, Relu, Conv, "
                + "MaxPool, AveragePool, Flatten, Reshape, Identity and the shape ops Constant, Shape, Gather, Unsqueeze, "
                + "Concat, Cast)", e.getMessage());
        assertThrows(UnsupportedModelException.class, () -> OnnxRunner.run(new OnnxGraph("g", nodes,
                cnn.initializers(), cnn.inputs(), cnn.outputs()), new OnnxRunner.Value(new int[] {1, 1, 28, 28},
                new double[784])));

        List<Node> avg3 = new ArrayList<>(cnn.nodes());
        avg3.set(2, new Node("pool", "AveragePool", List.of("relu"), List.of("pool"), Map.of("kernel_shape",
                new OnnxGraph.Attribute("kernel_shape", null, null, new long[] {3, 3}, null, null, null))));
        e = assertThrows(UnsupportedModelException.class,
                () -> OnnxImport.of(new OnnxGraph("g", avg3, cnn.initializers(), cnn.inputs(), cnn.outputs())));
        assertTrue(e.getMessage().startsWith("node \"pool\" (op AveragePool): only 2 x 2 pooling with stride 2"),
                e.getMessage());

        List<Node> strided = new ArrayList<>(cnn.nodes());
        Map<String, OnnxGraph.Attribute> attrs = new LinkedHashMap<>(cnn.nodes().get(0).attributes());
        attrs.put("strides", new OnnxGraph.Attribute("strides", null, null, new long[] {2, 2}, null, null, null));
        strided.set(0, new Node("Conv_0", "Conv", cnn.nodes().get(0).inputs(), List.of("conv"), attrs));
        e = assertThrows(UnsupportedModelException.class,
                () -> OnnxImport.of(new OnnxGraph("g", strided, cnn.initializers(), cnn.inputs(), cnn.outputs())));
        assertEquals("node \"Conv_0\" (op Conv): strides other than 1 are not supported", e.getMessage());

        Path junk = Files.write(dir.resolve("junk.onnx"), new byte[] {0x0a, 0x7f, 1, 2});
        FormatException f = assertThrows(FormatException.class, () -> OnnxFile.read(junk));
        assertTrue(f.getMessage().startsWith(junk + ": not a readable ONNX model"), f.getMessage());
    }
}
