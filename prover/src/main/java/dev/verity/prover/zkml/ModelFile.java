package dev.verity.prover.zkml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verity.prover.io.FormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Verity's quantized model files: JSON (below), or for large models a JSON header with binary
 * weights ({@link SafetensorsModelFile}, names ending in {@value #BINARY_SUFFIX}). An MLP in JSON:
 *
 * <pre>
 * {"format": "verity-quantized-mlp", "version": 1, "inputSize": 784, "inputBits": 8,
 *  "layers": [{"type": "dense", "in": 784, "out": 56, "shift": 10, "relu": true,
 *              "weights": [... in * out integers, row j = output j ...], "bias": [... out integers ...]},
 *             ...]}
 * </pre>
 *
 * A CNN ({@link QuantizedCnn}; convolution weights filter by filter, row by row):
 *
 * <pre>
 * {"format": "verity-quantized-cnn", "version": 1, "inputSide": 28, "inputBits": 8,
 *  "conv": {"channels": 6, "kernel": 5, "shift": 9, "weights": [...], "bias": [...]},
 *  "pool": "max2x2",            (or "sum2x2": the sum of the 4 activations, see Pooling)
 *  "dense": {"in": 864, "out": 10, "shift": 0, "weights": [...], "bias": [...]}}
 * </pre>
 *
 * A LeNet-style network ({@link QuantizedConvNet}; filters in ONNX's [out, in, kernel, kernel] order):
 *
 * <pre>
 * {"format": "verity-quantized-convnet", "version": 1, "inputSide": 28, "inputBits": 8,
 *  "layers": [{"type": "conv", "in": 1, "out": 6, "kernel": 5, "pad": 2, "shift": 9, "relu": true,
 *              "weights": [...], "bias": [...]},
 *             {"type": "pool", "pool": "max2x2"},
 *             {"type": "dense", "in": 400, "out": 120, "shift": 8, "relu": true, "weights": [...], "bias": [...]},
 *             ...]}
 * </pre>
 */
public final class ModelFile {
    public static final String FORMAT = "verity-quantized-mlp";
    public static final String CNN_FORMAT = "verity-quantized-cnn";
    public static final String CONVNET_FORMAT = "verity-quantized-convnet";
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelFile() {
    }

    /** File names ending in this are written in the binary format ({@link SafetensorsModelFile}). */
    public static final String BINARY_SUFFIX = ".safetensors";

    /** Reads a model file in either format: JSON, or a JSON header with binary weights (told apart by content). */
    public static QuantizedModel read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        if (SafetensorsModelFile.looksBinary(bytes)) {
            return SafetensorsModelFile.parse(path.toString(), bytes);
        }
        return parse(path.toString(), new String(bytes, StandardCharsets.UTF_8));
    }

    /** Parses model JSON; {@code source} names it in error messages. */
    public static QuantizedModel parse(String source, String json) throws FormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new FormatException(source, "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new FormatException(source, "not a JSON object");
        }
        String format = root.path("format").asText(null);
        if (!FORMAT.equals(format) && !CNN_FORMAT.equals(format) && !CONVNET_FORMAT.equals(format)) {
            throw new FormatException(source, "format must be \"" + FORMAT + "\", \"" + CNN_FORMAT + "\" or \""
                    + CONVNET_FORMAT + "\"");
        }
        if (integer(source, root, "version", "") != VERSION) {
            throw new FormatException(source, "unsupported version " + root.get("version") + " (this reads " + VERSION
                    + ")");
        }
        if (integer(source, root, "inputBits", "") != QuantizedModel.INPUT_BITS) {
            throw new FormatException(source, "inputBits must be " + QuantizedModel.INPUT_BITS);
        }
        return switch (format) {
            case FORMAT -> parseMlp(source, root);
            case CNN_FORMAT -> parseCnn(source, root);
            default -> parseConvNet(source, root);
        };
    }

    private static QuantizedConvNet parseConvNet(String source, JsonNode root) throws FormatException {
        int side = integer(source, root, "inputSide", "");
        JsonNode layersNode = root.get("layers");
        if (layersNode == null || !layersNode.isArray()) {
            throw new FormatException(source, "layers must be an array");
        }
        List<QuantizedConvNet.Layer> layers = new ArrayList<>();
        for (int l = 0; l < layersNode.size(); l++) {
            JsonNode n = layersNode.get(l);
            String where = "layers[" + l + "].";
            String type = n.path("type").asText("");
            try {
                switch (type) {
                    case "conv" -> layers.add(new ConvLayer(integer(source, n, "in", where), integer(source, n, "out",
                            where), integer(source, n, "kernel", where), integer(source, n, "pad", where),
                            longs(source, n, "weights", where), longs(source, n, "bias", where),
                            integer(source, n, "shift", where), bool(source, n, "relu", where)));
                    case "pool" -> {
                        Pooling pooling = Pooling.ofFileName(n.path("pool").asText(""));
                        if (pooling == null) {
                            throw new FormatException(source, where + "pool must be \"max2x2\" or \"sum2x2\"");
                        }
                        layers.add(pooling);
                    }
                    case "dense" -> layers.add(denseLayer(source, n, where));
                    default -> throw new FormatException(source, where + "type must be \"conv\", \"pool\" or "
                            + "\"dense\", got " + n.get("type"));
                }
            } catch (IllegalArgumentException e) {
                throw new FormatException(source, where + " " + e.getMessage());
            }
        }
        try {
            return new QuantizedConvNet(side, layers);
        } catch (IllegalArgumentException e) {
            throw new FormatException(source, e.getMessage());
        }
    }

    private static DenseLayer denseLayer(String source, JsonNode n, String where) throws FormatException {
        return new DenseLayer(integer(source, n, "in", where), integer(source, n, "out", where),
                longs(source, n, "weights", where), longs(source, n, "bias", where), integer(source, n, "shift", where),
                bool(source, n, "relu", where));
    }

    private static boolean bool(String source, JsonNode node, String field, String where) throws FormatException {
        JsonNode v = node.get(field);
        if (v == null || !v.isBoolean()) {
            throw new FormatException(source, where + field + " must be true or false");
        }
        return v.booleanValue();
    }

    private static QuantizedCnn parseCnn(String source, JsonNode root) throws FormatException {
        int side = integer(source, root, "inputSide", "");
        JsonNode conv = object(source, root, "conv");
        JsonNode dense = object(source, root, "dense");
        Pooling pooling = Pooling.ofFileName(root.path("pool").asText(""));
        if (pooling == null) {
            throw new FormatException(source, "pool must be \"max2x2\" or \"sum2x2\", got " + root.get("pool"));
        }
        try {
            DenseLayer d = new DenseLayer(integer(source, dense, "in", "dense."), integer(source, dense, "out",
                    "dense."), longs(source, dense, "weights", "dense."), longs(source, dense, "bias", "dense."),
                    integer(source, dense, "shift", "dense."), false);
            return new QuantizedCnn(side, integer(source, conv, "channels", "conv."), integer(source, conv, "kernel",
                    "conv."), longs(source, conv, "weights", "conv."), longs(source, conv, "bias", "conv."),
                    integer(source, conv, "shift", "conv."), pooling, d);
        } catch (IllegalArgumentException e) {
            throw new FormatException(source, e.getMessage());
        }
    }

    private static JsonNode object(String source, JsonNode root, String field) throws FormatException {
        JsonNode n = root.get(field);
        if (n == null || !n.isObject()) {
            throw new FormatException(source, field + " must be an object");
        }
        return n;
    }

    private static QuantizedMlp parseMlp(String source, JsonNode root) throws FormatException {
        int inputSize = integer(source, root, "inputSize", "");
        JsonNode layersNode = root.get("layers");
        if (layersNode == null || !layersNode.isArray()) {
            throw new FormatException(source, "layers must be an array");
        }
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l < layersNode.size(); l++) {
            JsonNode n = layersNode.get(l);
            String where = "layers[" + l + "].";
            if (!"dense".equals(n.path("type").asText(null))) {
                throw new FormatException(source, where + "type: only \"dense\" layers are supported, got "
                        + n.get("type"));
            }
            try {
                layers.add(denseLayer(source, n, where));
            } catch (IllegalArgumentException e) {
                throw new FormatException(source, where + " " + e.getMessage());
            }
        }
        try {
            return new QuantizedMlp(inputSize, layers);
        } catch (IllegalArgumentException e) {
            throw new FormatException(source, e.getMessage());
        }
    }

    /** Writes {@code model} in the binary format when the name ends in {@value #BINARY_SUFFIX}, else as JSON. */
    public static void write(QuantizedModel model, Path path) throws IOException {
        if (path.getFileName().toString().endsWith(BINARY_SUFFIX)) {
            Files.write(path, SafetensorsModelFile.write(model));
        } else {
            Files.writeString(path, toJson(model), StandardCharsets.UTF_8);
        }
    }

    public static String toJson(QuantizedModel model) {
        return switch (model) {
            case QuantizedMlp mlp -> toJson(mlp);
            case QuantizedCnn cnn -> toJson(cnn);
            case QuantizedConvNet net -> toJson(net);
        };
    }

    private static String toJson(QuantizedConvNet model) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", CONVNET_FORMAT);
        root.put("version", VERSION);
        root.put("inputSide", model.side());
        root.put("inputBits", QuantizedModel.INPUT_BITS);
        ArrayNode layers = root.putArray("layers");
        for (QuantizedConvNet.Layer layer : model.layers()) {
            ObjectNode n = layers.addObject();
            switch (layer) {
                case ConvLayer c -> {
                    n.put("type", "conv");
                    n.put("in", c.in());
                    n.put("out", c.out());
                    n.put("kernel", c.kernel());
                    n.put("pad", c.pad());
                    n.put("shift", c.shift());
                    n.put("relu", c.relu());
                    putLongs(n, "weights", c.weights());
                    putLongs(n, "bias", c.bias());
                }
                case Pooling p -> {
                    n.put("type", "pool");
                    n.put("pool", p.fileName());
                }
                case DenseLayer d -> putDense(n, d);
            }
        }
        return root.toString();
    }

    private static void putDense(ObjectNode n, DenseLayer d) {
        n.put("type", "dense");
        n.put("in", d.in());
        n.put("out", d.out());
        n.put("shift", d.shift());
        n.put("relu", d.relu());
        putLongs(n, "weights", d.weights());
        putLongs(n, "bias", d.bias());
    }

    private static String toJson(QuantizedCnn model) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", CNN_FORMAT);
        root.put("version", VERSION);
        root.put("inputSide", model.side());
        root.put("inputBits", QuantizedModel.INPUT_BITS);
        ObjectNode conv = root.putObject("conv");
        conv.put("channels", model.channels());
        conv.put("kernel", model.kernel());
        conv.put("shift", model.convShift());
        putLongs(conv, "weights", model.convWeights());
        putLongs(conv, "bias", model.convBias());
        root.put("pool", model.pooling().fileName());
        ObjectNode dense = root.putObject("dense");
        DenseLayer d = model.dense();
        dense.put("in", d.in());
        dense.put("out", d.out());
        dense.put("shift", d.shift());
        putLongs(dense, "weights", d.weights());
        putLongs(dense, "bias", d.bias());
        return root.toString();
    }

    private static void putLongs(ObjectNode node, String field, long[] values) {
        ArrayNode a = node.putArray(field);
        for (long v : values) {
            a.add(v);
        }
    }

    private static String toJson(QuantizedMlp model) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("inputSize", model.inputSize());
        root.put("inputBits", QuantizedMlp.INPUT_BITS);
        ArrayNode layers = root.putArray("layers");
        for (DenseLayer d : model.layers()) {
            putDense(layers.addObject(), d);
        }
        return root.toString();
    }

    private static int integer(String source, JsonNode node, String field, String where) throws FormatException {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new FormatException(source, where + field + " must be an integer, got " + v);
        }
        return v.intValue();
    }

    private static long[] longs(String source, JsonNode node, String field, String where) throws FormatException {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) {
            throw new FormatException(source, where + field + " must be an array of integers");
        }
        long[] out = new long[v.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = v.get(i);
            if (!e.isIntegralNumber() || !e.canConvertToLong()) {
                throw new FormatException(source, where + field + "[" + i + "] must be an integer, got " + e);
            }
            out[i] = e.longValue();
        }
        return out;
    }
}
