package dev.verity.prover.zkml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verity.prover.io.FormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verity's binary model files: a readable JSON header, then the weights as packed little-endian
 * integers, in the <a href="https://github.com/huggingface/safetensors">safetensors</a> layout
 * (so Python's {@code safetensors.numpy.load_file} reads the tensors):
 *
 * <pre>
 * u64 little-endian N | N bytes of JSON (padded with spaces to a multiple of 8) | tensor bytes
 * </pre>
 *
 * The header maps each tensor name to {@code {"dtype": "I8"|"I16"|"I32"|"I64", "shape": [...],
 * "data_offsets": [begin, end]}} (offsets into the bytes after the header; the tensors cover them
 * exactly, without gaps or overlaps); {@code "__metadata__"} (string values only, as the format
 * requires) holds the architecture:
 * <ul>
 *   <li>MLP: {@code format = verity-quantized-mlp, version, inputBits, inputSize, layers} (the count),
 *       {@code layers.<l>.shift}, {@code layers.<l>.relu}; tensors {@code layers.<l>.weights} [out, in]
 *       and {@code layers.<l>.bias} [out];</li>
 *   <li>CNN: {@code format = verity-quantized-cnn, version, inputBits, inputSide, conv.shift,
 *       pool = max2x2|sum2x2, dense.shift}; tensors {@code conv.weights} [channels, kernel, kernel],
 *       {@code conv.bias}, {@code dense.weights} [out, in], {@code dense.bias};</li>
 *   <li>a LeNet-style network: {@code format = verity-quantized-convnet, version, inputBits, inputSide,
 *       layers} and per layer {@code layers.<l>.type} (conv, pool or dense) with its {@code pad},
 *       {@code shift}, {@code relu} or {@code pool}; tensors {@code layers.<l>.weights} ([out, in,
 *       kernel, kernel] or [out, in]) and {@code layers.<l>.bias}.</li>
 * </ul>
 * Each tensor is written in the narrowest of the four integer types that holds its values.
 */
final class SafetensorsModelFile {
    /** Strict: a duplicated name or anything after the header's object is an error, not silently dropped. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final String METADATA = "__metadata__";
    /** The safetensors reference refuses larger headers; so does Verity. */
    private static final long MAX_HEADER = 100_000_000;

    private SafetensorsModelFile() {
    }

    /** Whether {@code bytes} start like a safetensors file rather than JSON text. */
    static boolean looksBinary(byte[] bytes) {
        return bytes.length >= 9 && bytes[8] == '{' && bytes[7] == 0;
    }

    // ------------------------------------------------------------------ writing

    static byte[] write(QuantizedModel model) {
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        switch (model) {
            case QuantizedMlp mlp -> {
                metadata.put("format", ModelFile.FORMAT);
                metadata.put("version", Integer.toString(ModelFile.VERSION));
                metadata.put("inputBits", Integer.toString(QuantizedModel.INPUT_BITS));
                metadata.put("inputSize", Integer.toString(mlp.inputSize()));
                metadata.put("layers", Integer.toString(mlp.layers().size()));
                for (int l = 0; l < mlp.layers().size(); l++) {
                    DenseLayer d = mlp.layers().get(l);
                    metadata.put("layers." + l + ".shift", Integer.toString(d.shift()));
                    metadata.put("layers." + l + ".relu", Boolean.toString(d.relu()));
                    tensors.put("layers." + l + ".weights", new Tensor(d.weights(), d.out(), d.in()));
                    tensors.put("layers." + l + ".bias", new Tensor(d.bias(), d.out()));
                }
            }
            case QuantizedCnn cnn -> {
                metadata.put("format", ModelFile.CNN_FORMAT);
                metadata.put("version", Integer.toString(ModelFile.VERSION));
                metadata.put("inputBits", Integer.toString(QuantizedModel.INPUT_BITS));
                metadata.put("inputSide", Integer.toString(cnn.side()));
                metadata.put("conv.shift", Integer.toString(cnn.convShift()));
                metadata.put("pool", cnn.pooling().fileName());
                metadata.put("dense.shift", Integer.toString(cnn.dense().shift()));
                tensors.put("conv.weights", new Tensor(cnn.convWeights(), cnn.channels(), cnn.kernel(), cnn.kernel()));
                tensors.put("conv.bias", new Tensor(cnn.convBias(), cnn.channels()));
                tensors.put("dense.weights", new Tensor(cnn.dense().weights(), cnn.dense().out(), cnn.dense().in()));
                tensors.put("dense.bias", new Tensor(cnn.dense().bias(), cnn.dense().out()));
            }
            case QuantizedConvNet net -> {
                metadata.put("format", ModelFile.CONVNET_FORMAT);
                metadata.put("version", Integer.toString(ModelFile.VERSION));
                metadata.put("inputBits", Integer.toString(QuantizedModel.INPUT_BITS));
                metadata.put("inputSide", Integer.toString(net.side()));
                metadata.put("layers", Integer.toString(net.layers().size()));
                for (int l = 0; l < net.layers().size(); l++) {
                    String p = "layers." + l + ".";
                    switch (net.layers().get(l)) {
                        case ConvLayer c -> {
                            metadata.put(p + "type", "conv");
                            metadata.put(p + "pad", Integer.toString(c.pad()));
                            metadata.put(p + "shift", Integer.toString(c.shift()));
                            metadata.put(p + "relu", Boolean.toString(c.relu()));
                            tensors.put(p + "weights", new Tensor(c.weights(), c.out(), c.in(), c.kernel(), c.kernel()));
                            tensors.put(p + "bias", new Tensor(c.bias(), c.out()));
                        }
                        case Pooling pooling -> {
                            metadata.put(p + "type", "pool");
                            metadata.put(p + "pool", pooling.fileName());
                        }
                        case DenseLayer d -> {
                            metadata.put(p + "type", "dense");
                            metadata.put(p + "shift", Integer.toString(d.shift()));
                            metadata.put(p + "relu", Boolean.toString(d.relu()));
                            tensors.put(p + "weights", new Tensor(d.weights(), d.out(), d.in()));
                            tensors.put(p + "bias", new Tensor(d.bias(), d.out()));
                        }
                    }
                }
            }
        }
        ObjectNode header = MAPPER.createObjectNode();
        ObjectNode meta = header.putObject(METADATA);
        metadata.forEach(meta::put);
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = e.getValue();
            ObjectNode n = header.putObject(e.getKey());
            n.put("dtype", t.type.name());
            ArrayNode shape = n.putArray("shape");
            for (int dim : t.shape) {
                shape.add(dim);
            }
            n.putArray("data_offsets").add(offset).add(offset + t.bytes());
            offset += t.bytes();
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) {
            out.put((byte) ' ');
        }
        for (Tensor t : tensors.values()) {
            for (long v : t.values) {
                t.type.put(out, v);
            }
        }
        return out.array();
    }

    /** Integer element types of safetensors, narrowest first. */
    private enum IntType {
        I8(1), I16(2), I32(4), I64(8);

        final int size;

        IntType(int size) {
            this.size = size;
        }

        static IntType narrowest(long[] values) {
            long max = 0;
            for (long v : values) {
                max = Math.max(max, v < 0 ? -(v + 1) : v); // the magnitude a signed type must hold
            }
            for (IntType t : values()) {
                if (max < 1L << (8 * t.size - 1) || t == I64) {
                    return t;
                }
            }
            throw new AssertionError();
        }

        void put(ByteBuffer b, long v) {
            switch (this) {
                case I8 -> b.put((byte) v);
                case I16 -> b.putShort((short) v);
                case I32 -> b.putInt((int) v);
                case I64 -> b.putLong(v);
            }
        }

        long get(ByteBuffer b) {
            return switch (this) {
                case I8 -> b.get();
                case I16 -> b.getShort();
                case I32 -> b.getInt();
                case I64 -> b.getLong();
            };
        }
    }

    private static final class Tensor {
        final long[] values;
        final int[] shape;
        final IntType type;

        Tensor(long[] values, int... shape) {
            this.values = values;
            this.shape = shape;
            this.type = IntType.narrowest(values);
        }

        long bytes() {
            return (long) values.length * type.size;
        }
    }

    // ------------------------------------------------------------------ reading

    static QuantizedModel parse(String source, byte[] bytes) throws FormatException {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 8) {
            throw new FormatException(source, "truncated: no header length");
        }
        long headerLength = in.getLong();
        if (headerLength < 2 || headerLength > MAX_HEADER || headerLength > bytes.length - 8) {
            throw new FormatException(source, "header length " + Long.toUnsignedString(headerLength)
                    + " does not fit the file's " + bytes.length + " bytes");
        }
        JsonNode header;
        try {
            header = MAPPER.readTree(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new FormatException(source, "header is not JSON: " + e.getOriginalMessage());
        }
        if (header == null || !header.isObject()) {
            throw new FormatException(source, "header is not a JSON object");
        }
        Header h = new Header(source, header, bytes, 8 + (int) headerLength);
        String format = h.meta("format");
        if (!ModelFile.FORMAT.equals(format) && !ModelFile.CNN_FORMAT.equals(format)
                && !ModelFile.CONVNET_FORMAT.equals(format)) {
            throw new FormatException(source, "__metadata__.format must be \"" + ModelFile.FORMAT + "\", \""
                    + ModelFile.CNN_FORMAT + "\" or \"" + ModelFile.CONVNET_FORMAT + "\", got \"" + format + "\"");
        }
        if (h.metaInt("version") != ModelFile.VERSION) {
            throw new FormatException(source, "unsupported version " + h.meta("version") + " (this reads "
                    + ModelFile.VERSION + ")");
        }
        if (h.metaInt("inputBits") != QuantizedModel.INPUT_BITS) {
            throw new FormatException(source, "inputBits must be " + QuantizedModel.INPUT_BITS);
        }
        QuantizedModel model;
        try {
            model = switch (format) {
                case ModelFile.FORMAT -> mlp(h);
                case ModelFile.CNN_FORMAT -> cnn(h);
                default -> convNet(h);
            };
        } catch (IllegalArgumentException e) {
            throw new FormatException(source, e.getMessage());
        }
        h.checkAllUsed();
        return model;
    }

    private static QuantizedMlp mlp(Header h) throws FormatException {
        int count = h.metaInt("layers");
        if (count < 1 || count > 1000) {
            throw new FormatException(h.source, "__metadata__.layers must be in [1, 1000], got " + count);
        }
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            String p = "layers." + l + ".";
            long[][] w = new long[1][];
            int[] shape = h.tensor(p + "weights", 2, w);
            long[][] b = new long[1][];
            h.tensor(p + "bias", new int[] {shape[0]}, b);
            layers.add(new DenseLayer(shape[1], shape[0], w[0], b[0], h.metaInt(p + "shift"), h.metaBoolean(p + "relu")));
        }
        return new QuantizedMlp(h.metaInt("inputSize"), layers);
    }

    private static QuantizedConvNet convNet(Header h) throws FormatException {
        int count = h.metaInt("layers");
        if (count < 1 || count > 1000) {
            throw new FormatException(h.source, "__metadata__.layers must be in [1, 1000], got " + count);
        }
        List<QuantizedConvNet.Layer> layers = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            String p = "layers." + l + ".";
            switch (h.meta(p + "type")) {
                case "conv" -> {
                    long[][] w = new long[1][];
                    int[] shape = h.tensor(p + "weights", 4, w);
                    if (shape[2] != shape[3]) {
                        throw new FormatException(h.source, p + "weights: kernels must be square, got shape "
                                + Arrays.toString(shape));
                    }
                    long[][] b = new long[1][];
                    h.tensor(p + "bias", new int[] {shape[0]}, b);
                    layers.add(new ConvLayer(shape[1], shape[0], shape[2], h.metaInt(p + "pad"), w[0], b[0],
                            h.metaInt(p + "shift"), h.metaBoolean(p + "relu")));
                }
                case "pool" -> {
                    Pooling pooling = Pooling.ofFileName(h.meta(p + "pool"));
                    if (pooling == null) {
                        throw new FormatException(h.source, "__metadata__." + p + "pool must be \"max2x2\" or "
                                + "\"sum2x2\"");
                    }
                    layers.add(pooling);
                }
                case "dense" -> {
                    long[][] w = new long[1][];
                    int[] shape = h.tensor(p + "weights", 2, w);
                    long[][] b = new long[1][];
                    h.tensor(p + "bias", new int[] {shape[0]}, b);
                    layers.add(new DenseLayer(shape[1], shape[0], w[0], b[0], h.metaInt(p + "shift"),
                            h.metaBoolean(p + "relu")));
                }
                default -> throw new FormatException(h.source, "__metadata__." + p + "type must be \"conv\", "
                        + "\"pool\" or \"dense\"");
            }
        }
        return new QuantizedConvNet(h.metaInt("inputSide"), layers);
    }

    private static QuantizedCnn cnn(Header h) throws FormatException {
        Pooling pooling = Pooling.ofFileName(h.meta("pool"));
        if (pooling == null) {
            throw new FormatException(h.source, "__metadata__.pool must be \"max2x2\" or \"sum2x2\"");
        }
        long[][] cw = new long[1][];
        int[] conv = h.tensor("conv.weights", 3, cw);
        if (conv[1] != conv[2]) {
            throw new FormatException(h.source, "conv.weights: kernels must be square, got shape "
                    + Arrays.toString(conv));
        }
        long[][] cb = new long[1][];
        h.tensor("conv.bias", new int[] {conv[0]}, cb);
        long[][] dw = new long[1][];
        int[] dense = h.tensor("dense.weights", 2, dw);
        long[][] db = new long[1][];
        h.tensor("dense.bias", new int[] {dense[0]}, db);
        DenseLayer d = new DenseLayer(dense[1], dense[0], dw[0], db[0], h.metaInt("dense.shift"), false);
        return new QuantizedCnn(h.metaInt("inputSide"), conv[0], conv[1], cw[0], cb[0], h.metaInt("conv.shift"),
                pooling, d);
    }

    /** The parsed header: typed access to metadata and tensors, and the check that the data is covered exactly. */
    private static final class Header {
        final String source;
        private final JsonNode meta;
        private final JsonNode root;
        private final byte[] bytes;
        private final int dataStart;
        private final List<long[]> ranges = new ArrayList<>();
        private int tensorsRead;

        Header(String source, JsonNode root, byte[] bytes, int dataStart) throws FormatException {
            this.source = source;
            this.root = root;
            this.bytes = bytes;
            this.dataStart = dataStart;
            this.meta = root.get(METADATA);
            if (meta == null || !meta.isObject()) {
                throw new FormatException(source, "header has no __metadata__ object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = meta.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw new FormatException(source, "__metadata__." + e.getKey() + " must be a string");
                }
            }
        }

        String meta(String key) throws FormatException {
            JsonNode v = meta.get(key);
            if (v == null) {
                throw new FormatException(source, "__metadata__." + key + " is missing");
            }
            return v.asText();
        }

        int metaInt(String key) throws FormatException {
            String v = meta(key);
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new FormatException(source, "__metadata__." + key + " must be an integer, got \"" + v + "\"");
            }
        }

        boolean metaBoolean(String key) throws FormatException {
            String v = meta(key);
            if (!v.equals("true") && !v.equals("false")) {
                throw new FormatException(source, "__metadata__." + key + " must be \"true\" or \"false\"");
            }
            return v.equals("true");
        }

        /** Reads a tensor of {@code rank} dimensions into {@code out[0]}; returns its shape. */
        int[] tensor(String name, int rank, long[][] out) throws FormatException {
            return tensor(name, rank, null, out);
        }

        /** Reads a tensor of exactly {@code shape} into {@code out[0]}. */
        void tensor(String name, int[] shape, long[][] out) throws FormatException {
            tensor(name, shape.length, shape, out);
        }

        private int[] tensor(String name, int rank, int[] expected, long[][] out) throws FormatException {
            JsonNode n = root.get(name);
            if (n == null || !n.isObject()) {
                throw new FormatException(source, "tensor " + name + " is missing");
            }
            IntType type;
            try {
                type = IntType.valueOf(n.path("dtype").asText(""));
            } catch (IllegalArgumentException e) {
                throw new FormatException(source, name + ": dtype must be I8, I16, I32 or I64, got " + n.get("dtype"));
            }
            JsonNode shapeNode = n.get("shape");
            if (shapeNode == null || !shapeNode.isArray() || shapeNode.size() != rank) {
                throw new FormatException(source, name + ": shape must have " + rank + " dimensions, got " + shapeNode);
            }
            int[] shape = new int[rank];
            long count = 1;
            for (int i = 0; i < rank; i++) {
                JsonNode dim = shapeNode.get(i);
                if (!dim.canConvertToInt() || !dim.isIntegralNumber() || dim.intValue() < 1) {
                    throw new FormatException(source, name + ": shape " + shapeNode + " must hold positive integers");
                }
                shape[i] = dim.intValue();
                count *= shape[i];
                if (count > bytes.length) {
                    throw new FormatException(source, name + ": shape " + shapeNode + " is larger than the file");
                }
            }
            if (expected != null && !Arrays.equals(shape, expected)) {
                throw new FormatException(source, name + ": shape must be " + Arrays.toString(expected) + ", got "
                        + Arrays.toString(shape));
            }
            JsonNode offsets = n.get("data_offsets");
            if (offsets == null || !offsets.isArray() || offsets.size() != 2 || !offsets.get(0).canConvertToLong()
                    || !offsets.get(1).canConvertToLong()) {
                throw new FormatException(source, name + ": data_offsets must be [begin, end]");
            }
            long begin = offsets.get(0).longValue();
            long end = offsets.get(1).longValue();
            if (begin < 0 || end - begin != count * type.size || end > bytes.length - dataStart) {
                throw new FormatException(source, name + ": data_offsets [" + begin + ", " + end + "] do not hold "
                        + count + " " + type + " values within the file");
            }
            ranges.add(new long[] {begin, end});
            tensorsRead++;
            ByteBuffer data = ByteBuffer.wrap(bytes, dataStart + (int) begin, (int) (end - begin))
                    .order(ByteOrder.LITTLE_ENDIAN);
            long[] values = new long[(int) count];
            for (int i = 0; i < values.length; i++) {
                values[i] = type.get(data);
            }
            out[0] = values;
            return shape;
        }

        /** No tensor the model does not use, and the tensors cover the data exactly (the format's rule). */
        void checkAllUsed() throws FormatException {
            if (root.size() - 1 != tensorsRead) {
                throw new FormatException(source, "header has " + (root.size() - 1) + " tensors, the model uses "
                        + tensorsRead);
            }
            ranges.sort((a, b) -> Long.compare(a[0], b[0]));
            long at = 0;
            for (long[] r : ranges) {
                if (r[0] != at) {
                    throw new FormatException(source, "tensor data " + (r[0] < at ? "overlaps" : "has a gap")
                            + " at byte " + Math.min(r[0], at));
                }
                at = r[1];
            }
            if (at != bytes.length - dataStart) {
                throw new FormatException(source, (bytes.length - dataStart - at) + " bytes after the last tensor");
            }
        }
    }
}
