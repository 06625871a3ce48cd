package dev.verity.prover.zkml.onnx;

import dev.verity.prover.zkml.onnx.OnnxGraph.Node;
import dev.verity.prover.zkml.onnx.OnnxGraph.Tensor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs an ONNX graph in float (double precision) on one input: Gemm, MatMul, Add, Relu, Conv,
 * MaxPool, AveragePool, Flatten, Reshape, Identity and Constant, the ops of small vision models,
 * and Shape, Gather, Unsqueeze, Concat and Cast on shape vectors, the plumbing exporters such as
 * PyTorch's put before a Reshape ({@code x.view(x.size(0), -1)}). Any other op, or an attribute these
 * implementations do not cover (dilations, groups, padding of pools ...), is refused with an error
 * naming the node and the op.
 */
public final class OnnxRunner {
    /** A value: its shape and its elements in row-major order. */
    public record Value(int[] shape, double[] data) {
        int size() {
            return data.length;
        }
    }

    private OnnxRunner() {
    }

    /** The graph's first output for {@code input} given to its (only) input. */
    public static Value run(OnnxGraph graph, Value input) {
        if (graph.inputs().size() != 1 || graph.outputs().isEmpty()) {
            throw new UnsupportedModelException("the graph must have one input and an output, it has "
                    + graph.inputs().size() + " inputs");
        }
        Map<String, Value> values = new HashMap<>();
        for (Tensor t : graph.initializers().values()) {
            values.put(t.name(), of(t));
        }
        values.put(graph.inputs().get(0).name(), input);
        for (Node n : graph.nodes()) {
            Value[] in = new Value[n.inputs().size()];
            for (int k = 0; k < in.length; k++) {
                String name = n.inputs().get(k);
                if (!name.isEmpty()) {
                    in[k] = values.get(name);
                    if (in[k] == null) {
                        throw new UnsupportedModelException(n.describe() + ": input \"" + name
                                + "\" is not computed before it");
                    }
                }
            }
            values.put(n.outputs().get(0), apply(n, in));
        }
        Value out = values.get(graph.outputs().get(0).name());
        if (out == null) {
            throw new UnsupportedModelException("the graph output \"" + graph.outputs().get(0).name()
                    + "\" is computed by no node");
        }
        return out;
    }

    static Value of(Tensor t) {
        int[] shape = new int[t.dims().length];
        for (int k = 0; k < shape.length; k++) {
            shape[k] = Math.toIntExact(t.dims()[k]);
        }
        double[] data = new double[(int) t.size()];
        for (int k = 0; k < data.length; k++) {
            data[k] = t.floats() != null ? t.floats()[k] : t.int64s()[k];
        }
        return new Value(shape, data);
    }

    static Value apply(Node n, Value[] in) {
        return switch (n.opType()) {
            case "Gemm" -> gemm(n, in);
            case "MatMul" -> matMul(n, in[0], in[1]);
            case "Add" -> add(n, in[0], in[1]);
            case "Relu" -> relu(in[0]);
            case "Conv" -> conv(n, in);
            case "MaxPool" -> pool(n, in[0], true);
            case "AveragePool" -> pool(n, in[0], false);
            case "Flatten" -> flatten(n, in[0]);
            case "Reshape" -> reshape(n, in[0], in[1]);
            case "Identity" -> in[0];
            case "Constant" -> constant(n);
            case "Shape" -> shape(in[0]);
            case "Gather" -> gather(n, in[0], in[1]);
            case "Unsqueeze" -> unsqueeze(n, in);
            case "Concat" -> concat(n, in);
            case "Cast" -> in[0];
            default -> throw new UnsupportedModelException(n.describe() + ": unsupported op");
        };
    }

    private static Value gemm(Node n, Value[] in) {
        requireRank(n, in[0], 2);
        requireRank(n, in[1], 2);
        boolean ta = n.intAttribute("transA", 0) != 0;
        boolean tb = n.intAttribute("transB", 0) != 0;
        double alpha = n.floatAttribute("alpha", 1);
        double beta = n.floatAttribute("beta", 1);
        int m = ta ? in[0].shape()[1] : in[0].shape()[0];
        int k = ta ? in[0].shape()[0] : in[0].shape()[1];
        int kb = tb ? in[1].shape()[1] : in[1].shape()[0];
        int cols = tb ? in[1].shape()[0] : in[1].shape()[1];
        if (k != kb) {
            throw new UnsupportedModelException(n.describe() + ": shapes " + Arrays.toString(in[0].shape()) + " and "
                    + Arrays.toString(in[1].shape()) + " do not multiply");
        }
        double[] out = new double[m * cols];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < cols; j++) {
                double acc = 0;
                for (int t = 0; t < k; t++) {
                    double a = ta ? in[0].data()[t * m + i] : in[0].data()[i * k + t];
                    double b = tb ? in[1].data()[j * k + t] : in[1].data()[t * cols + j];
                    acc += a * b;
                }
                out[i * cols + j] = alpha * acc;
            }
        }
        Value product = new Value(new int[] {m, cols}, out);
        if (in.length > 2 && in[2] != null) {
            Value c = in[2];
            double[] scaled = new double[c.size()];
            for (int t = 0; t < scaled.length; t++) {
                scaled[t] = beta * c.data()[t];
            }
            return add(n, product, new Value(c.shape(), scaled));
        }
        return product;
    }

    private static Value matMul(Node n, Value a, Value b) {
        if (a.shape().length != 2 || b.shape().length != 2) {
            throw new UnsupportedModelException(n.describe() + ": only matrices (rank 2) are multiplied, got shapes "
                    + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape()));
        }
        Node gemm = new Node(n.name(), "Gemm", n.inputs(), n.outputs(), Map.of());
        return gemm(gemm, new Value[] {a, b});
    }

    /** Elementwise addition with numpy broadcasting of the second operand over the first's shape. */
    private static Value add(Node n, Value a, Value b) {
        if (b.size() > a.size()) {
            return add(n, b, a);
        }
        int[] as = a.shape();
        int[] bs = b.shape();
        if (bs.length > as.length) {
            throw new UnsupportedModelException(n.describe() + ": cannot broadcast " + Arrays.toString(bs) + " to "
                    + Arrays.toString(as));
        }
        int offset = as.length - bs.length;
        for (int d = 0; d < bs.length; d++) {
            if (bs[d] != 1 && bs[d] != as[offset + d]) {
                throw new UnsupportedModelException(n.describe() + ": cannot broadcast " + Arrays.toString(bs)
                        + " to " + Arrays.toString(as));
            }
        }
        double[] out = a.data().clone();
        int[] index = new int[as.length];
        for (int t = 0; t < out.length; t++) {
            int bi = 0;
            for (int d = 0; d < bs.length; d++) {
                bi = bi * bs[d] + (bs[d] == 1 ? 0 : index[offset + d]);
            }
            out[t] += b.data()[bi];
            for (int d = as.length - 1; d >= 0; d--) { // row-major increment
                if (++index[d] < as[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return new Value(as, out);
    }

    private static Value relu(Value x) {
        double[] out = new double[x.size()];
        for (int t = 0; t < out.length; t++) {
            out[t] = Math.max(x.data()[t], 0);
        }
        return new Value(x.shape(), out);
    }

    private static Value conv(Node n, Value[] in) {
        Value x = in[0];
        Value w = in[1];
        requireRank(n, x, 4);
        requireRank(n, w, 4);
        requireDefault(n, "group", 1);
        requireOnes(n, "dilations");
        long[] pads = n.intsAttribute("pads", new long[4]);
        if (pads.length != 4 || Arrays.stream(pads).anyMatch(p -> p < 0)) {
            throw new UnsupportedModelException(n.describe() + ": pads must be 4 non-negative values, got "
                    + Arrays.toString(pads));
        }
        int padTop = (int) pads[0];
        int padLeft = (int) pads[1];
        String autoPad = n.attributes().containsKey("auto_pad") ? n.attributes().get("auto_pad").s() : "NOTSET";
        if (autoPad != null && !autoPad.equals("NOTSET") && !autoPad.equals("VALID")) {
            throw new UnsupportedModelException(n.describe() + ": auto_pad " + autoPad + " is not supported");
        }
        long[] strides = n.intsAttribute("strides", new long[] {1, 1});
        int batch = x.shape()[0];
        int c = x.shape()[1];
        int h = x.shape()[2];
        int wd = x.shape()[3];
        int oc = w.shape()[0];
        int kh = w.shape()[2];
        int kw = w.shape()[3];
        if (w.shape()[1] != c) {
            throw new UnsupportedModelException(n.describe() + ": filters for " + w.shape()[1] + " channels, input has "
                    + c);
        }
        int sh = (int) strides[0];
        int sw = (int) strides[1];
        int oh = (h + padTop + (int) pads[2] - kh) / sh + 1;
        int ow = (wd + padLeft + (int) pads[3] - kw) / sw + 1;
        double[] out = new double[batch * oc * oh * ow];
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < oc; o++) {
                double bias = in.length > 2 && in[2] != null ? in[2].data()[o] : 0;
                for (int y = 0; y < oh; y++) {
                    for (int xx = 0; xx < ow; xx++) {
                        double acc = bias;
                        for (int ch = 0; ch < c; ch++) {
                            for (int u = 0; u < kh; u++) {
                                int iy = y * sh + u - padTop;
                                for (int v = 0; v < kw && iy >= 0 && iy < h; v++) {
                                    int ix = xx * sw + v - padLeft;
                                    if (ix >= 0 && ix < wd) { // zero padding outside
                                        acc += w.data()[((o * c + ch) * kh + u) * kw + v]
                                                * x.data()[((b * c + ch) * h + iy) * wd + ix];
                                    }
                                }
                            }
                        }
                        out[((b * oc + o) * oh + y) * ow + xx] = acc;
                    }
                }
            }
        }
        return new Value(new int[] {batch, oc, oh, ow}, out);
    }

    private static Value pool(Node n, Value x, boolean max) {
        requireRank(n, x, 4);
        requireZeros(n, "pads");
        requireOnes(n, "dilations");
        requireDefault(n, "ceil_mode", 0);
        long[] kernel = n.intsAttribute("kernel_shape", null);
        if (kernel == null || kernel.length != 2) {
            throw new UnsupportedModelException(n.describe() + ": needs a 2-d kernel_shape");
        }
        long[] strides = n.intsAttribute("strides", new long[] {1, 1});
        int batch = x.shape()[0];
        int c = x.shape()[1];
        int h = x.shape()[2];
        int w = x.shape()[3];
        int kh = (int) kernel[0];
        int kw = (int) kernel[1];
        int oh = (h - kh) / (int) strides[0] + 1;
        int ow = (w - kw) / (int) strides[1] + 1;
        double[] out = new double[batch * c * oh * ow];
        for (int bc = 0; bc < batch * c; bc++) {
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    for (int u = 0; u < kh; u++) {
                        for (int v = 0; v < kw; v++) {
                            double value = x.data()[(bc * h + y * (int) strides[0] + u) * w + xx * (int) strides[1] + v];
                            acc = max ? Math.max(acc, value) : acc + value;
                        }
                    }
                    out[(bc * oh + y) * ow + xx] = max ? acc : acc / (kh * kw);
                }
            }
        }
        return new Value(new int[] {batch, c, oh, ow}, out);
    }

    private static Value flatten(Node n, Value x) {
        int axis = (int) n.intAttribute("axis", 1);
        if (axis < 0) {
            axis += x.shape().length;
        }
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= x.shape()[d];
        }
        return new Value(new int[] {outer, x.size() / Math.max(outer, 1)}, x.data());
    }

    private static Value reshape(Node n, Value x, Value shapeValue) {
        if (shapeValue == null) {
            throw new UnsupportedModelException(n.describe() + ": needs its shape input");
        }
        int[] shape = new int[shapeValue.size()];
        int known = 1;
        int free = -1;
        for (int d = 0; d < shape.length; d++) {
            long v = (long) shapeValue.data()[d];
            if (v == 0) {
                v = x.shape()[d]; // 0 copies the input's dimension
            }
            if (v == -1) {
                if (free >= 0) {
                    throw new UnsupportedModelException(n.describe() + ": more than one -1 in the shape");
                }
                free = d;
            } else {
                shape[d] = (int) v;
                known *= (int) v;
            }
        }
        if (free >= 0) {
            shape[free] = x.size() / known;
            known *= shape[free];
        }
        if (known != x.size()) {
            throw new UnsupportedModelException(n.describe() + ": cannot reshape " + Arrays.toString(x.shape())
                    + " to " + Arrays.toString(shape));
        }
        return new Value(shape, x.data());
    }

    private static Value constant(Node n) {
        OnnxGraph.Attribute value = n.attributes().get("value");
        if (value == null || value.t() == null) {
            throw new UnsupportedModelException(n.describe() + ": only tensor constants (attribute value) are supported");
        }
        return of(value.t());
    }

    /** Ops that compute on shape vectors only. */
    static boolean isShapePlumbing(String op) {
        return switch (op) {
            case "Shape", "Gather", "Unsqueeze", "Concat", "Cast", "Constant" -> true;
            default -> false;
        };
    }

    private static Value shape(Value x) {
        double[] dims = new double[x.shape().length];
        for (int d = 0; d < dims.length; d++) {
            dims[d] = x.shape()[d];
        }
        return new Value(new int[] {dims.length}, dims);
    }

    private static Value gather(Node n, Value x, Value indices) {
        if (x.shape().length != 1 || n.intAttribute("axis", 0) != 0) {
            throw new UnsupportedModelException(n.describe() + ": Gather is supported on shape vectors (rank 1, axis 0)");
        }
        double[] out = new double[indices.size()];
        for (int k = 0; k < out.length; k++) {
            int i = (int) indices.data()[k];
            if (i < 0) {
                i += x.size();
            }
            if (i < 0 || i >= x.size()) {
                throw new UnsupportedModelException(n.describe() + ": index " + (int) indices.data()[k]
                        + " outside a vector of " + x.size());
            }
            out[k] = x.data()[i];
        }
        return new Value(indices.shape(), out);
    }

    private static Value unsqueeze(Node n, Value[] in) {
        long[] axes = in.length > 1 && in[1] != null ? java.util.Arrays.stream(in[1].data()).mapToLong(v -> (long) v)
                .toArray() : n.intsAttribute("axes", new long[0]);
        if (in[0].shape().length > 1 || !Arrays.equals(axes, new long[] {0})) {
            throw new UnsupportedModelException(n.describe() + ": Unsqueeze is supported on scalars and vectors "
                    + "along axis 0");
        }
        int[] shape = new int[in[0].shape().length + 1];
        shape[0] = 1;
        if (in[0].shape().length == 1) {
            shape[1] = in[0].shape()[0];
        }
        return new Value(shape, in[0].data());
    }

    private static Value concat(Node n, Value[] in) {
        int total = 0;
        for (Value v : in) {
            if (v.shape().length != 1) {
                throw new UnsupportedModelException(n.describe() + ": Concat is supported on shape vectors (rank 1)");
            }
            total += v.size();
        }
        double[] out = new double[total];
        int at = 0;
        for (Value v : in) {
            System.arraycopy(v.data(), 0, out, at, v.size());
            at += v.size();
        }
        return new Value(new int[] {total}, out);
    }

    private static void requireRank(Node n, Value v, int rank) {
        if (v.shape().length != rank) {
            throw new UnsupportedModelException(n.describe() + ": expected a rank-" + rank + " input, got shape "
                    + Arrays.toString(v.shape()));
        }
    }

    private static void requireDefault(Node n, String attribute, long expected) {
        if (n.intAttribute(attribute, expected) != expected) {
            throw new UnsupportedModelException(n.describe() + ": " + attribute + " other than " + expected
                    + " is not supported");
        }
    }

    private static void requireOnes(Node n, String attribute) {
        for (long v : n.intsAttribute(attribute, new long[0])) {
            if (v != 1) {
                throw new UnsupportedModelException(n.describe() + ": " + attribute + " other than 1 are not supported");
            }
        }
    }

    private static void requireZeros(Node n, String attribute) {
        for (long v : n.intsAttribute(attribute, new long[0])) {
            if (v != 0) {
                throw new UnsupportedModelException(n.describe() + ": " + attribute + " other than 0 are not supported");
            }
        }
    }
}
