package dev.verity.prover.zkml.onnx;

import dev.verity.prover.zkml.onnx.OnnxGraph.Attribute;
import dev.verity.prover.zkml.onnx.OnnxGraph.Node;
import dev.verity.prover.zkml.onnx.OnnxGraph.Tensor;
import dev.verity.prover.zkml.onnx.OnnxGraph.ValueInfo;
import dev.verity.prover.zkml.Pooling;
import dev.verity.prover.zkml.train.FloatCnn;
import dev.verity.prover.zkml.train.FloatConvNet;
import dev.verity.prover.zkml.train.FloatMlp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verity's float models as ONNX graphs, the way PyTorch exports them: input {@code "input"}
 * (a batch of {@code [N, 784]} for the MLP, {@code [N, 1, 28, 28]} for the CNN, pixels scaled to
 * {@code [0, 1]}), output {@code "logits"} {@code [N, classes]}; dense layers as Gemm with
 * {@code transB = 1} over {@code [out, in]} weights.
 */
public final class OnnxExport {
    private static final long BATCH = -1; // symbolic

    private OnnxExport() {
    }

    public static OnnxGraph mlp(FloatMlp model) {
        Map<String, Tensor> init = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        String x = "input";
        for (int l = 0; l < model.layers(); l++) {
            String w = "fc" + (l + 1) + ".weight";
            String b = "fc" + (l + 1) + ".bias";
            init.put(w, floats(w, model.weights(l), model.out(l), model.in(l)));
            init.put(b, floats(b, model.bias(l), model.out(l)));
            boolean last = l + 1 == model.layers();
            String y = last ? "logits" : "fc" + (l + 1);
            nodes.add(node("Gemm_" + l, "Gemm", List.of(x, w, b), y, intAttr("transB", 1)));
            x = y;
            if (!last) {
                nodes.add(node("Relu_" + l, "Relu", List.of(x), "relu" + (l + 1)));
                x = "relu" + (l + 1);
            }
        }
        return new OnnxGraph("verity-mlp", nodes, init, List.of(new ValueInfo("input", new long[] {BATCH,
                model.in(0)})), List.of(new ValueInfo("logits", new long[] {BATCH, model.out(model.layers() - 1)})));
    }

    public static OnnxGraph cnn(FloatCnn model) {
        int c = model.channels();
        int k = model.kernel();
        int pooled = (model.side() - k + 1) / 2;
        Map<String, Tensor> init = new LinkedHashMap<>();
        init.put("conv.weight", floats("conv.weight", model.convWeights(), c, 1, k, k));
        init.put("conv.bias", floats("conv.bias", model.convBias(), c));
        init.put("fc.weight", floats("fc.weight", model.denseWeights(), model.classes(), c * pooled * pooled));
        init.put("fc.bias", floats("fc.bias", model.denseBias(), model.classes()));
        List<Node> nodes = List.of(
                node("Conv_0", "Conv", List.of("input", "conv.weight", "conv.bias"), "conv",
                        intsAttr("kernel_shape", k, k), intsAttr("strides", 1, 1), intsAttr("pads", 0, 0, 0, 0)),
                node("Relu_1", "Relu", List.of("conv"), "relu"),
                model.pooling() == Pooling.MAX
                        ? node("MaxPool_2", "MaxPool", List.of("relu"), "pool", intsAttr("kernel_shape", 2, 2),
                                intsAttr("strides", 2, 2))
                        : node("AveragePool_2", "AveragePool", List.of("relu"), "pool",
                                intsAttr("kernel_shape", 2, 2), intsAttr("strides", 2, 2)),
                node("Flatten_3", "Flatten", List.of("pool"), "flat", intAttr("axis", 1)),
                node("Gemm_4", "Gemm", List.of("flat", "fc.weight", "fc.bias"), "logits", intAttr("transB", 1)));
        return new OnnxGraph("verity-cnn", nodes, init,
                List.of(new ValueInfo("input", new long[] {BATCH, 1, model.side(), model.side()})),
                List.of(new ValueInfo("logits", new long[] {BATCH, model.classes()})));
    }

    /**
     * A LeNet-style network as ONNX: Conv (with its padding), Relu, MaxPool or AveragePool, Flatten
     * before the first dense layer, Gemm (transB = 1), Relu.
     */
    public static OnnxGraph convNet(FloatConvNet model) {
        Map<String, Tensor> init = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        String x = "input";
        boolean flat = false;
        for (int l = 0; l < model.layers().size(); l++) {
            String y = "t" + l;
            switch (model.layers().get(l)) {
                case FloatConvNet.Conv c -> {
                    init.put("w" + l, floats("w" + l, c.weights(), c.out(), c.in(), c.kernel(), c.kernel()));
                    init.put("b" + l, floats("b" + l, c.bias(), c.out()));
                    nodes.add(node("Conv_" + l, "Conv", List.of(x, "w" + l, "b" + l), y,
                            intsAttr("kernel_shape", c.kernel(), c.kernel()),
                            intsAttr("pads", c.pad(), c.pad(), c.pad(), c.pad())));
                    if (c.relu()) {
                        nodes.add(node("Relu_" + l, "Relu", List.of(y), y + "r"));
                        y += "r";
                    }
                }
                case FloatConvNet.Pool p -> {
                    String op = p.pooling() == Pooling.MAX ? "MaxPool" : "AveragePool";
                    nodes.add(node(op + "_" + l, op, List.of(x), y, intsAttr("kernel_shape", 2, 2),
                            intsAttr("strides", 2, 2)));
                }
                case FloatConvNet.Dense d -> {
                    if (!flat) {
                        nodes.add(node("Flatten_" + l, "Flatten", List.of(x), "flat", intAttr("axis", 1)));
                        x = "flat";
                        flat = true;
                    }
                    init.put("w" + l, floats("w" + l, d.weights(), d.out(), d.in()));
                    init.put("b" + l, floats("b" + l, d.bias(), d.out()));
                    nodes.add(node("Gemm_" + l, "Gemm", List.of(x, "w" + l, "b" + l), y, intAttr("transB", 1)));
                    if (d.relu()) {
                        nodes.add(node("Relu_" + l, "Relu", List.of(y), y + "r"));
                        y += "r";
                    }
                }
            }
            x = y;
        }
        // the last node's output is the graph's
        Node last = nodes.remove(nodes.size() - 1);
        nodes.add(new Node(last.name(), last.opType(), last.inputs(), List.of("logits"), last.attributes()));
        return new OnnxGraph("verity-convnet", nodes, init,
                List.of(new ValueInfo("input", new long[] {BATCH, 1, model.side(), model.side()})),
                List.of(new ValueInfo("logits", new long[] {BATCH, model.classes()})));
    }

    private static Node node(String name, String op, List<String> inputs, String output, Attribute... attributes) {
        Map<String, Attribute> map = new LinkedHashMap<>();
        for (Attribute a : attributes) {
            map.put(a.name(), a);
        }
        return new Node(name, op, inputs, List.of(output), map);
    }

    private static Attribute intAttr(String name, long value) {
        return new Attribute(name, value, null, null, null, null, null);
    }

    private static Attribute intsAttr(String name, long... values) {
        return new Attribute(name, null, null, values, null, null, null);
    }

    private static Tensor floats(String name, double[] values, long... dims) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return new Tensor(name, dims, f, null);
    }
}
