package dev.verity.prover.zkml.onnx;

import dev.verity.prover.zkml.onnx.OnnxGraph.Node;
import dev.verity.prover.zkml.onnx.OnnxGraph.ValueInfo;
import dev.verity.prover.zkml.onnx.OnnxGraph.Tensor;
import dev.verity.prover.zkml.Pooling;
import dev.verity.prover.zkml.train.FloatCnn;
import dev.verity.prover.zkml.train.FloatConvNet;
import dev.verity.prover.zkml.train.FloatMlp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an ONNX graph into one of the float architectures Verity compiles to circuits:
 * <ul>
 *   <li>an MLP: dense layers (Gemm, or MatMul then Add, with constant weights) with Relu between
 *       them and none after the last;</li>
 *   <li>the small CNN: Conv (one input channel, stride 1, no padding) then Relu then MaxPool or AveragePool
 *       2 x 2 stride 2, then Flatten or Reshape, then one dense layer.</li>
 * </ul>
 * Flatten, Reshape and Identity pass the data through; Constant, Shape, Gather, Unsqueeze, Concat
 * and Cast nodes compute shape vectors for a Reshape and are left aside. A final Softmax or
 * LogSoftmax over the classes (as Keras and many PyTorch models end) is dropped: it is monotone, so
 * the class is the same, and the model's logits are its input. The data must flow along
 * one chain from the input to the output. Anything else is refused with an error naming
 * the node and its op.
 */
public final class OnnxImport {
    /** What was read: exactly one of the three is set. */
    public record Imported(FloatMlp mlp, FloatCnn cnn, FloatConvNet convNet) {
        /** The number of input values the model takes. */
        public int inputSize() {
            return mlp != null ? mlp.in(0) : cnn != null ? cnn.side() * cnn.side() : convNet.side() * convNet.side();
        }

        /** The number of logits. */
        public int classes() {
            return mlp != null ? mlp.out(mlp.layers() - 1) : cnn != null ? cnn.classes() : convNet.classes();
        }

        double[] logits(double[] x) {
            return mlp != null ? mlp.logits(x) : cnn != null ? cnn.logits(x) : convNet.logits(x);
        }
    }

    private sealed interface Layer permits Dense, Conv, Pool, ReluLayer {
    }

    private record Dense(Node node, int in, int out, double[] weights, double[] bias) implements Layer {
    }

    private record Conv(Node node, int in, int channels, int kernel, int pad, double[] weights, double[] bias)
            implements Layer {
    }

    private record Pool(Node node, Pooling pooling) implements Layer {
    }

    private record ReluLayer(Node node) implements Layer {
    }

    private OnnxImport() {
    }

    public static Imported of(OnnxGraph graph) {
        graph = withoutFinalSoftmax(graph);
        if (graph.inputs().size() != 1) {
            throw new UnsupportedModelException("the graph must have exactly one (non-weight) input, it has "
                    + graph.inputs().size());
        }
        Map<String, Tensor> constants = new HashMap<>(graph.initializers());
        List<Layer> layers = new ArrayList<>();
        String current = graph.inputs().get(0).name();
        for (Node n : graph.nodes()) {
            if (n.opType().equals("Constant")) {
                OnnxRunner.Value v = OnnxRunner.apply(n, new OnnxRunner.Value[0]);
                constants.put(n.outputs().get(0), tensor(n.outputs().get(0), v));
                continue;
            }
            if (OnnxRunner.isShapePlumbing(n.opType())) {
                continue; // shapes of the data for a Reshape: the runner computes them, the circuit needs none
            }
            if (n.inputs().isEmpty() || !n.inputs().get(0).equals(current)) {
                throw new UnsupportedModelException(n.describe() + ": not on the chain from the input (Verity reads "
                        + "sequential models)");
            }
            switch (n.opType()) {
                case "Gemm" -> layers.add(gemm(n, constants));
                case "MatMul" -> layers.add(matMul(n, constants));
                case "Add" -> addBias(n, constants, layers);
                case "Relu" -> layers.add(new ReluLayer(n));
                case "Conv" -> layers.add(conv(n, constants));
                case "MaxPool" -> layers.add(pool(n, Pooling.MAX));
                case "AveragePool" -> layers.add(pool(n, Pooling.AVERAGE));
                case "Flatten", "Reshape", "Identity" -> {
                }
                default -> throw new UnsupportedModelException(n.describe() + ": unsupported op (Verity compiles "
                        + "Gemm, MatMul, Add, Relu, Conv, MaxPool, AveragePool, Flatten, Reshape, Identity and the shape ops "
                        + "Constant, Shape, Gather, Unsqueeze, Concat, Cast)");
            }
            current = n.outputs().get(0);
        }
        if (graph.outputs().isEmpty() || !graph.outputs().get(0).name().equals(current)) {
            throw new UnsupportedModelException("the graph's output is not the end of its chain of nodes");
        }
        Imported imported;
        if (layers.stream().noneMatch(l -> l instanceof Conv)) {
            imported = new Imported(mlp(layers), null, null);
        } else if (isSmallCnn(layers)) {
            imported = new Imported(null, cnn(graph, layers), null);
        } else {
            imported = new Imported(null, null, convNet(graph, layers));
        }
        checkAgainstRunner(graph, imported);
        return imported;
    }

    /**
     * The graph without its last node when that is a Softmax or LogSoftmax over the last axis of a
     * [N, classes] output; otherwise the graph itself.
     */
    private static OnnxGraph withoutFinalSoftmax(OnnxGraph graph) {
        if (graph.nodes().isEmpty() || graph.outputs().size() != 1) {
            return graph;
        }
        Node last = graph.nodes().get(graph.nodes().size() - 1);
        boolean softmax = last.opType().equals("Softmax") || last.opType().equals("LogSoftmax");
        if (!softmax || !last.outputs().equals(List.of(graph.outputs().get(0).name()))) {
            return graph;
        }
        long[] dims = graph.outputs().get(0).dims();
        long axis = last.intAttribute("axis", -1);
        if ((dims.length != 2 && dims.length != 0) || (axis != -1 && axis != 1)) {
            throw new UnsupportedModelException(last.describe() + ": only a final softmax over the classes of a [N, "
                    + "classes] output is dropped, got axis " + axis + " of " + Arrays.toString(dims));
        }
        return new OnnxGraph(graph.name(), graph.nodes().subList(0, graph.nodes().size() - 1), graph.initializers(),
                graph.inputs(), List.of(new ValueInfo(last.inputs().get(0), dims)));
    }

    /**
     * The model read must compute what the graph computes: both run on two inputs (zeros and a
     * fixed pattern) through the general runner, which also checks every shape on the way (a
     * Reshape that is not a flatten, a dense layer of the wrong width).
     */
    private static void checkAgainstRunner(OnnxGraph graph, Imported imported) {
        long[] declared = graph.inputs().get(0).dims();
        int size = imported.inputSize();
        int[] shape = new int[declared.length];
        long product = 1;
        for (int d = 0; d < shape.length; d++) {
            shape[d] = declared[d] > 0 ? (int) declared[d] : 1; // a symbolic batch runs as 1
            product *= shape[d];
        }
        if (product != size) {
            throw new UnsupportedModelException("the graph input " + Arrays.toString(declared) + " does not hold the "
                    + size + " values the first layer takes");
        }
        for (int pattern = 0; pattern < 2; pattern++) {
            double[] x = new double[size];
            for (int i = 0; i < size && pattern == 1; i++) {
                x[i] = (i * 37 % 101) / 100.0;
            }
            double[] expected = OnnxRunner.run(graph, new OnnxRunner.Value(shape, x)).data();
            double[] actual = imported.logits(x);
            if (expected.length != actual.length) {
                throw new UnsupportedModelException("the graph gives " + expected.length + " outputs, the model read "
                        + actual.length);
            }
            for (int j = 0; j < actual.length; j++) {
                if (Math.abs(expected[j] - actual[j]) > 1e-6 * Math.max(1, Math.abs(expected[j]))) {
                    throw new UnsupportedModelException("the graph computes output " + j + " = " + expected[j]
                            + " where the model Verity reads gives " + actual[j]
                            + " (a layout Verity does not recognize)");
                }
            }
        }
    }

    private static FloatMlp mlp(List<Layer> layers) {
        List<Dense> dense = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            Layer l = layers.get(k);
            if (l instanceof Dense d) {
                dense.add(d);
                boolean last = dense.size() == layers.stream().filter(x -> x instanceof Dense).count();
                boolean relu = k + 1 < layers.size() && layers.get(k + 1) instanceof ReluLayer;
                if (last == relu) {
                    throw new UnsupportedModelException(d.node().describe() + ": an MLP needs a Relu after every "
                            + "dense layer but the last, and none after the last");
                }
            } else if (l instanceof Pool p) {
                throw new UnsupportedModelException(p.node().describe() + ": pooling only after a Conv");
            } else if (l instanceof ReluLayer r && (k == 0 || !(layers.get(k - 1) instanceof Dense))) {
                throw new UnsupportedModelException(r.node().describe() + ": a Relu must follow a dense layer");
            }
        }
        if (dense.isEmpty()) {
            throw new UnsupportedModelException("the graph has no dense layer");
        }
        int[] sizes = new int[dense.size() + 1];
        double[][] w = new double[dense.size()][];
        double[][] b = new double[dense.size()][];
        sizes[0] = dense.get(0).in();
        for (int l = 0; l < dense.size(); l++) {
            Dense d = dense.get(l);
            if (d.in() != sizes[l]) {
                throw new UnsupportedModelException(d.node().describe() + ": takes " + d.in() + " inputs but gets "
                        + sizes[l]);
            }
            sizes[l + 1] = d.out();
            w[l] = d.weights();
            b[l] = d.bias();
        }
        return FloatMlp.of(sizes, w, b);
    }

    /** Conv (one input channel, no padding), Relu, pool, dense: the small CNN with its cheaper circuit. */
    private static boolean isSmallCnn(List<Layer> layers) {
        return layers.size() == 4 && layers.get(0) instanceof Conv conv && conv.in() == 1 && conv.pad() == 0
                && layers.get(1) instanceof ReluLayer && layers.get(2) instanceof Pool
                && layers.get(3) instanceof Dense;
    }

    /**
     * Any sequence of Conv, pooling and dense layers with Relu after some of them: a LeNet-style
     * network. A Relu right after a max pool belongs to the convolution before it (the two commute).
     */
    private static FloatConvNet convNet(OnnxGraph graph, List<Layer> layers) {
        long[] dims = graph.inputs().get(0).dims();
        if (dims.length != 4 || dims[1] != 1 || dims[2] != dims[3] || dims[2] < 1) {
            throw new UnsupportedModelException("a CNN's input must be [N, 1, side, side], got "
                    + Arrays.toString(dims));
        }
        List<FloatConvNet.Layer> out = new ArrayList<>();
        for (Layer layer : layers) {
            switch (layer) {
                case Conv c -> out.add(new FloatConvNet.Conv(c.in(), c.channels(), c.kernel(), c.pad(), c.weights(),
                        c.bias(), false));
                case Pool p -> out.add(new FloatConvNet.Pool(p.pooling()));
                case Dense d -> out.add(new FloatConvNet.Dense(d.in(), d.out(), d.weights(), d.bias(), false));
                case ReluLayer r -> applyRelu(r, out);
            }
        }
        if (!(out.get(out.size() - 1) instanceof FloatConvNet.Dense)) {
            throw new UnsupportedModelException("a CNN must end with a dense layer (Gemm or MatMul)");
        }
        try {
            return new FloatConvNet((int) dims[2], out);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedModelException(e.getMessage());
        }
    }

    private static void applyRelu(ReluLayer r, List<FloatConvNet.Layer> out) {
        int last = out.size() - 1;
        FloatConvNet.Layer previous = last >= 0 ? out.get(last) : null;
        if (previous instanceof FloatConvNet.Conv c && !c.relu()) {
            out.set(last, c.withRelu());
        } else if (previous instanceof FloatConvNet.Dense d && !d.relu()) {
            out.set(last, new FloatConvNet.Dense(d.in(), d.out(), d.weights(), d.bias(), true));
        } else if (previous instanceof FloatConvNet.Pool p && p.pooling() == Pooling.MAX && last >= 1
                && out.get(last - 1) instanceof FloatConvNet.Conv c && !c.relu()) {
            out.set(last - 1, c.withRelu()); // relu(max(.)) = max(relu(.))
        } else {
            throw new UnsupportedModelException(r.node().describe() + ": a Relu must follow a Conv, a dense layer, or "
                    + "a MaxPool right after a Conv");
        }
    }

    private static FloatCnn cnn(OnnxGraph graph, List<Layer> layers) {
        if (layers.size() != 4 || !(layers.get(0) instanceof Conv conv) || !(layers.get(1) instanceof ReluLayer)
                || !(layers.get(2) instanceof Pool pool) || !(layers.get(3) instanceof Dense dense)) {
            throw new UnsupportedModelException("a CNN must be Conv, Relu, MaxPool or AveragePool, (Flatten), dense; got "
                    + layers.stream().map(l -> nodeOf(l).opType()).toList());
        }
        long[] dims = graph.inputs().get(0).dims();
        if (dims.length != 4 || dims[1] != 1 || dims[2] != dims[3] || dims[2] < 2) {
            throw new UnsupportedModelException("a CNN's input must be [N, 1, side, side], got "
                    + Arrays.toString(dims));
        }
        int side = (int) dims[2];
        int convSide = side - conv.kernel() + 1;
        if (convSide < 2 || convSide % 2 != 0) {
            throw new UnsupportedModelException(conv.node().describe() + ": its output side " + convSide
                    + " must be even for 2 x 2 pooling");
        }
        int pooled = convSide / 2;
        if (dense.in() != conv.channels() * pooled * pooled) {
            throw new UnsupportedModelException(dense.node().describe() + ": takes " + dense.in()
                    + " inputs but the pool gives " + conv.channels() * pooled * pooled);
        }
        return FloatCnn.of(side, conv.channels(), conv.kernel(), dense.out(), pool.pooling(), conv.weights(), conv.bias(),
                dense.weights(), dense.bias());
    }

    private static Node nodeOf(Layer l) {
        return switch (l) {
            case Dense d -> d.node();
            case Conv c -> c.node();
            case Pool p -> p.node();
            case ReluLayer r -> r.node();
        };
    }

    private static Dense gemm(Node n, Map<String, Tensor> constants) {
        if (n.intAttribute("transA", 0) != 0 || n.floatAttribute("alpha", 1) != 1 || n.floatAttribute("beta", 1) != 1) {
            throw new UnsupportedModelException(n.describe() + ": only transA = 0, alpha = beta = 1 are supported");
        }
        Tensor w = constant(n, 1, constants);
        if (w.dims().length != 2) {
            throw new UnsupportedModelException(n.describe() + ": weights must be a matrix");
        }
        boolean transB = n.intAttribute("transB", 0) != 0;
        int out = (int) (transB ? w.dims()[0] : w.dims()[1]);
        int in = (int) (transB ? w.dims()[1] : w.dims()[0]);
        double[] weights = rowsPerOutput(w, transB, in, out);
        double[] bias = new double[out];
        if (n.inputs().size() > 2 && !n.inputs().get(2).isEmpty()) {
            bias = vector(n, constant(n, 2, constants), out);
        }
        return new Dense(n, in, out, weights, bias);
    }

    private static Dense matMul(Node n, Map<String, Tensor> constants) {
        Tensor w = constant(n, 1, constants);
        if (w.dims().length != 2) {
            throw new UnsupportedModelException(n.describe() + ": weights must be a matrix");
        }
        int in = (int) w.dims()[0];
        int out = (int) w.dims()[1];
        return new Dense(n, in, out, rowsPerOutput(w, false, in, out), new double[out]);
    }

    /** Add after a dense layer with no bias of its own yet: the bias. */
    private static void addBias(Node n, Map<String, Tensor> constants, List<Layer> layers) {
        if (layers.isEmpty() || !(layers.get(layers.size() - 1) instanceof Dense d) || n.inputs().size() != 2) {
            throw new UnsupportedModelException(n.describe() + ": Add is supported only as the bias of a MatMul");
        }
        double[] add = vector(n, constant(n, 1, constants), d.out());
        double[] bias = d.bias().clone();
        for (int j = 0; j < bias.length; j++) {
            bias[j] += add[j];
        }
        layers.set(layers.size() - 1, new Dense(d.node(), d.in(), d.out(), d.weights(), bias));
    }

    private static Conv conv(Node n, Map<String, Tensor> constants) {
        Tensor w = constant(n, 1, constants);
        if (w.dims().length != 4 || w.dims()[2] != w.dims()[3]) {
            throw new UnsupportedModelException(n.describe() + ": filters must be [out, in, k, k], got "
                    + Arrays.toString(w.dims()));
        }
        for (long s : n.intsAttribute("strides", new long[] {1, 1})) {
            if (s != 1) {
                throw new UnsupportedModelException(n.describe() + ": strides other than 1 are not supported");
            }
        }
        int in = (int) w.dims()[1];
        int kernel = (int) w.dims()[2];
        long[] pads = n.intsAttribute("pads", new long[4]);
        if (pads.length != 4 || pads[0] != pads[1] || pads[0] != pads[2] || pads[0] != pads[3] || pads[0] >= kernel) {
            throw new UnsupportedModelException(n.describe() + ": only the same padding on every side, below the "
                    + "kernel size, is supported, got " + Arrays.toString(pads));
        }
        // the runner's checks of group, dilations, pads and auto_pad apply to the import as well
        OnnxRunner.apply(n, new OnnxRunner.Value[] {new OnnxRunner.Value(new int[] {1, in, kernel, kernel},
                new double[in * kernel * kernel]), OnnxRunner.of(w), null});
        int channels = (int) w.dims()[0];
        double[] bias = new double[channels];
        if (n.inputs().size() > 2 && !n.inputs().get(2).isEmpty()) {
            bias = vector(n, constant(n, 2, constants), channels);
        }
        double[] weights = new double[w.floats().length];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = w.floats()[k];
        }
        return new Conv(n, in, channels, kernel, (int) pads[0], weights, bias);
    }

    private static Pool pool(Node n, Pooling pooling) {
        long[] kernel = n.intsAttribute("kernel_shape", new long[0]);
        long[] strides = n.intsAttribute("strides", new long[] {1, 1});
        if (!Arrays.equals(kernel, new long[] {2, 2}) || !Arrays.equals(strides, new long[] {2, 2})) {
            throw new UnsupportedModelException(n.describe() + ": only 2 x 2 pooling with stride 2 is compiled, got "
                    + "kernel " + Arrays.toString(kernel) + " strides " + Arrays.toString(strides));
        }
        OnnxRunner.apply(n, new OnnxRunner.Value[] {new OnnxRunner.Value(new int[] {1, 1, 2, 2}, new double[4])});
        return new Pool(n, pooling);
    }

    private static Tensor constant(Node n, int input, Map<String, Tensor> constants) {
        Tensor t = input < n.inputs().size() ? constants.get(n.inputs().get(input)) : null;
        if (t == null || t.floats() == null) {
            throw new UnsupportedModelException(n.describe() + ": input " + input
                    + " must be a constant float tensor (weights fixed in the circuit)");
        }
        return t;
    }

    private static double[] vector(Node n, Tensor t, int length) {
        if (t.size() != length) {
            throw new UnsupportedModelException(n.describe() + ": expected " + length + " bias values, got "
                    + t.size());
        }
        double[] v = new double[length];
        for (int k = 0; k < length; k++) {
            v[k] = t.floats()[k];
        }
        return v;
    }

    /** Weights with row j = output j, from {@code [out, in]} (transposed) or {@code [in, out]}. */
    private static double[] rowsPerOutput(Tensor w, boolean transposed, int in, int out) {
        double[] rows = new double[in * out];
        for (int j = 0; j < out; j++) {
            for (int i = 0; i < in; i++) {
                rows[j * in + i] = transposed ? w.floats()[j * in + i] : w.floats()[i * out + j];
            }
        }
        return rows;
    }

    private static Tensor tensor(String name, OnnxRunner.Value v) {
        long[] dims = new long[v.shape().length];
        for (int k = 0; k < dims.length; k++) {
            dims[k] = v.shape()[k];
        }
        float[] f = new float[v.data().length];
        for (int k = 0; k < f.length; k++) {
            f[k] = (float) v.data()[k];
        }
        return new Tensor(name, dims, f, null);
    }
}
