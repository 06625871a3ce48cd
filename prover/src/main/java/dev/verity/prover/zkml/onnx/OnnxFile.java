package dev.verity.prover.zkml.onnx;

import dev.verity.prover.io.FormatException;
import dev.verity.prover.zkml.onnx.OnnxGraph.Attribute;
import dev.verity.prover.zkml.onnx.OnnxGraph.Node;
import dev.verity.prover.zkml.onnx.OnnxGraph.Tensor;
import dev.verity.prover.zkml.onnx.OnnxGraph.ValueInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ONNX files (the protobuf messages of onnx.proto: ModelProto, GraphProto, NodeProto,
 * AttributeProto, TensorProto, ValueInfoProto), read and written by Verity's own protobuf code
 * for the subset its models use. Written files declare IR version 8 and opset 13.
 */
public final class OnnxFile {
    public static final int IR_VERSION = 8;
    public static final int OPSET = 13;
    private static final int FLOAT = 1;
    private static final int INT64 = 7;

    private OnnxFile() {
    }

    public static void write(OnnxGraph graph, Path path) throws IOException {
        Files.write(path, encode(graph));
    }

    public static byte[] encode(OnnxGraph graph) {
        ProtoWriter g = new ProtoWriter();
        for (Node n : graph.nodes()) {
            g.message(1, node(n));
        }
        g.string(2, graph.name());
        for (Tensor t : graph.initializers().values()) {
            g.message(5, tensor(t));
        }
        for (ValueInfo v : graph.inputs()) {
            g.message(11, valueInfo(v));
        }
        for (ValueInfo v : graph.outputs()) {
            g.message(12, valueInfo(v));
        }
        return new ProtoWriter()
                .varint(1, IR_VERSION)
                .string(2, "verity")
                .string(3, "0.1.0")
                .message(7, g)
                .message(8, new ProtoWriter().string(1, "").varint(2, OPSET))
                .toByteArray();
    }

    private static ProtoWriter node(Node n) {
        ProtoWriter w = new ProtoWriter();
        for (String in : n.inputs()) {
            w.string(1, in);
        }
        for (String out : n.outputs()) {
            w.string(2, out);
        }
        w.string(3, n.name()).string(4, n.opType());
        for (Attribute a : n.attributes().values()) {
            ProtoWriter aw = new ProtoWriter().string(1, a.name());
            if (a.i() != null) {
                aw.varint(3, a.i()).varint(20, 2);
            } else if (a.f() != null) {
                aw.float32(2, a.f()).varint(20, 1);
            } else if (a.ints() != null) {
                aw.packedVarints(8, a.ints()).varint(20, 7);
            } else if (a.t() != null) {
                aw.message(5, tensor(a.t())).varint(20, 4);
            } else {
                throw new IllegalArgumentException("writing attribute " + a.name()
                        + ": only ints, floats and tensors are written");
            }
            w.message(5, aw);
        }
        return w;
    }

    private static ProtoWriter tensor(Tensor t) {
        ProtoWriter w = new ProtoWriter().packedVarints(1, t.dims());
        if (t.floats() != null) {
            ByteBuffer raw = ByteBuffer.allocate(4 * t.floats().length).order(ByteOrder.LITTLE_ENDIAN);
            for (float f : t.floats()) {
                raw.putFloat(f);
            }
            w.varint(2, FLOAT).string(8, t.name()).bytes(9, raw.array());
        } else {
            w.varint(2, INT64).packedVarints(7, t.int64s()).string(8, t.name());
        }
        return w;
    }

    private static ProtoWriter valueInfo(ValueInfo v) {
        ProtoWriter shape = new ProtoWriter();
        for (long d : v.dims()) {
            shape.message(1, d > 0 ? new ProtoWriter().varint(1, d) : new ProtoWriter().string(2, "N"));
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, FLOAT).message(2, shape);
        return new ProtoWriter().string(1, v.name()).message(2, new ProtoWriter().message(1, tensorType));
    }

    // ------------------------------------------------------------------ reading

    public static OnnxGraph read(Path path) throws IOException {
        try {
            return decode(Files.readAllBytes(path));
        } catch (IllegalArgumentException e) {
            throw new FormatException(path, "not a readable ONNX model: " + e.getMessage());
        }
    }

    /** Decodes a ModelProto; a malformed one throws {@link IllegalArgumentException}. */
    public static OnnxGraph decode(byte[] bytes) {
        ProtoReader model = new ProtoReader(bytes);
        OnnxGraph graph = null;
        while (model.next()) {
            if (model.field() == 7) {
                graph = graph(model.message());
            } else if (model.field() == 8) {
                ProtoReader opset = model.message();
                String domain = "";
                long version = 0;
                while (opset.next()) {
                    if (opset.field() == 1) {
                        domain = opset.string();
                    } else if (opset.field() == 2) {
                        version = opset.varint();
                    }
                }
                if ((domain.isEmpty() || domain.equals("ai.onnx")) && version < 7) {
                    throw new IllegalArgumentException("opset " + version + " is older than 7, which Verity reads");
                }
            }
        }
        if (graph == null) {
            throw new IllegalArgumentException("no graph (ModelProto field 7)");
        }
        return graph;
    }

    private static OnnxGraph graph(ProtoReader r) {
        List<Node> nodes = new ArrayList<>();
        Map<String, Tensor> initializers = new LinkedHashMap<>();
        List<ValueInfo> inputs = new ArrayList<>();
        List<ValueInfo> outputs = new ArrayList<>();
        String name = "";
        while (r.next()) {
            switch (r.field()) {
                case 1 -> nodes.add(node(r.message()));
                case 2 -> name = r.string();
                case 5 -> {
                    Tensor t = tensor(r.message());
                    initializers.put(t.name(), t);
                }
                case 11 -> inputs.add(valueInfo(r.message()));
                case 12 -> outputs.add(valueInfo(r.message()));
                default -> {
                }
            }
        }
        // graph inputs that are initializers (older exporters list weights as inputs) are weights
        inputs.removeIf(v -> initializers.containsKey(v.name()));
        return new OnnxGraph(name, nodes, initializers, inputs, outputs);
    }

    private static Node node(ProtoReader r) {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        String name = "";
        String op = "";
        String domain = "";
        while (r.next()) {
            switch (r.field()) {
                case 1 -> inputs.add(r.string());
                case 2 -> outputs.add(r.string());
                case 3 -> name = r.string();
                case 4 -> op = r.string();
                case 5 -> {
                    Attribute a = attribute(r.message());
                    attributes.put(a.name(), a);
                }
                case 7 -> domain = r.string();
                default -> {
                }
            }
        }
        if (!domain.isEmpty() && !domain.equals("ai.onnx")) {
            op = domain + "." + op; // a custom domain's op is not the standard op of that name
        }
        return new Node(name, op, inputs, outputs, attributes);
    }

    private static Attribute attribute(ProtoReader r) {
        String name = "";
        Long i = null;
        Float f = null;
        long[] ints = null;
        float[] floats = null;
        String s = null;
        Tensor t = null;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> name = r.string();
                case 2 -> f = r.float32();
                case 3 -> i = r.varint();
                case 4 -> s = r.string();
                case 5 -> t = tensor(r.message());
                case 7 -> floats = r.appendFloats(floats == null ? new float[0] : floats);
                case 8 -> ints = r.appendVarints(ints == null ? new long[0] : ints);
                default -> {
                }
            }
        }
        return new Attribute(name, i, f, ints, floats, s, t);
    }

    private static Tensor tensor(ProtoReader r) {
        long[] dims = new long[0];
        int type = 0;
        float[] floats = new float[0];
        long[] int64s = new long[0];
        byte[] raw = null;
        String name = "";
        while (r.next()) {
            switch (r.field()) {
                case 1 -> dims = r.appendVarints(dims);
                case 2 -> type = (int) r.varint();
                case 4 -> floats = r.appendFloats(floats);
                case 7 -> int64s = r.appendVarints(int64s);
                case 8 -> name = r.string();
                case 9 -> raw = r.bytes();
                case 13 -> throw new IllegalArgumentException("tensor " + name + " keeps its data in an external file, "
                        + "which Verity does not read");
                default -> {
                }
            }
        }
        long size = 1;
        for (long d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor " + name + " has a negative dimension");
            }
            size *= d;
        }
        if (type == FLOAT) {
            if (raw != null) {
                ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
                floats = new float[raw.length / 4];
                for (int k = 0; k < floats.length; k++) {
                    floats[k] = b.getFloat();
                }
            }
            if (floats.length != size) {
                throw new IllegalArgumentException("tensor " + name + " has " + floats.length + " floats for "
                        + size + " elements");
            }
            return new Tensor(name, dims, floats, null);
        }
        if (type == INT64) {
            if (raw != null) {
                ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
                int64s = new long[raw.length / 8];
                for (int k = 0; k < int64s.length; k++) {
                    int64s[k] = b.getLong();
                }
            }
            if (int64s.length != size) {
                throw new IllegalArgumentException("tensor " + name + " has " + int64s.length + " int64s for "
                        + size + " elements");
            }
            return new Tensor(name, dims, null, int64s);
        }
        throw new IllegalArgumentException("tensor " + name + " has data type " + type
                + "; Verity reads float (1) and int64 (7) tensors");
    }

    private static ValueInfo valueInfo(ProtoReader r) {
        String name = "";
        long[] dims = new long[0];
        while (r.next()) {
            if (r.field() == 1) {
                name = r.string();
            } else if (r.field() == 2) {
                ProtoReader type = r.message();
                while (type.next()) {
                    if (type.field() == 1) {
                        ProtoReader tensorType = type.message();
                        while (tensorType.next()) {
                            if (tensorType.field() == 2) {
                                dims = shape(tensorType.message());
                            }
                        }
                    }
                }
            }
        }
        return new ValueInfo(name, dims);
    }

    private static long[] shape(ProtoReader r) {
        List<Long> dims = new ArrayList<>();
        while (r.next()) {
            if (r.field() == 1) {
                ProtoReader dim = r.message();
                long value = -1; // symbolic unless a value is given
                while (dim.next()) {
                    if (dim.field() == 1) {
                        value = dim.varint();
                    }
                }
                dims.add(value);
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }
}
