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
 * Verity's quantized model file, JSON:
 *
 * <pre>
 * {"format": "verity-quantized-mlp", "version": 1, "inputSize": 784, "inputBits": 8,
 *  "layers": [{"type": "dense", "in": 784, "out": 56, "shift": 10, "relu": true,
 *              "weights": [... in * out integers, row j = output j ...], "bias": [... out integers ...]},
 *             ...]}
 * </pre>
 */
public final class ModelFile {
    public static final String FORMAT = "verity-quantized-mlp";
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelFile() {
    }

    public static QuantizedMlp read(Path path) throws IOException {
        return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
    }

    /** Parses model JSON; {@code source} names it in error messages. */
    public static QuantizedMlp parse(String source, String json) throws FormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new FormatException(source, "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new FormatException(source, "not a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw new FormatException(source, "format must be \"" + FORMAT + "\"");
        }
        if (integer(source, root, "version", "") != VERSION) {
            throw new FormatException(source, "unsupported version " + root.get("version") + " (this reads " + VERSION
                    + ")");
        }
        int inputSize = integer(source, root, "inputSize", "");
        if (integer(source, root, "inputBits", "") != QuantizedMlp.INPUT_BITS) {
            throw new FormatException(source, "inputBits must be " + QuantizedMlp.INPUT_BITS);
        }
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
            if (!n.path("relu").isBoolean()) {
                throw new FormatException(source, where + "relu must be true or false");
            }
            try {
                layers.add(new DenseLayer(integer(source, n, "in", where), integer(source, n, "out", where),
                        longs(source, n, "weights", where), longs(source, n, "bias", where),
                        integer(source, n, "shift", where), n.get("relu").booleanValue()));
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

    public static void write(QuantizedMlp model, Path path) throws IOException {
        Files.writeString(path, toJson(model), StandardCharsets.UTF_8);
    }

    public static String toJson(QuantizedMlp model) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("inputSize", model.inputSize());
        root.put("inputBits", QuantizedMlp.INPUT_BITS);
        ArrayNode layers = root.putArray("layers");
        for (DenseLayer d : model.layers()) {
            ObjectNode n = layers.addObject();
            n.put("type", "dense");
            n.put("in", d.in());
            n.put("out", d.out());
            n.put("shift", d.shift());
            n.put("relu", d.relu());
            ArrayNode w = n.putArray("weights");
            for (long v : d.weights()) {
                w.add(v);
            }
            ArrayNode b = n.putArray("bias");
            for (long v : d.bias()) {
                b.add(v);
            }
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
