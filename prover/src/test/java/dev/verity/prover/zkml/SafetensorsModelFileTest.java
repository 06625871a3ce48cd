package dev.verity.prover.zkml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verity.prover.io.FormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binary model file: a safetensors layout with the architecture in its metadata. */
class SafetensorsModelFileTest {
    @TempDir
    Path dir;

    private static QuantizedMlp tiny() {
        // weights fit I8, biases need I32 (70,000) and I16 (-300)
        return new QuantizedMlp(2, List.of(new DenseLayer(2, 1, new long[] {-128, 127}, new long[] {70_000}, 3, true),
                new DenseLayer(1, 2, new long[] {5, -6}, new long[] {-300, 1}, 0, false)));
    }

    /** The exact bytes of a tiny model, written out by hand from the safetensors layout. */
    @Test
    void layoutFollowsTheSafetensorsSpecification() {
        byte[] file = SafetensorsModelFile.write(tiny());
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int n = (int) in.getLong();
        assertEquals(0, n % 8, "header padded to 8 bytes");
        String header = new String(file, 8, n, StandardCharsets.UTF_8);
        assertEquals("{\"__metadata__\":{\"format\":\"verity-quantized-mlp\",\"version\":\"1\",\"inputBits\":\"8\","
                + "\"inputSize\":\"2\",\"layers\":\"2\",\"layers.0.shift\":\"3\",\"layers.0.relu\":\"true\","
                + "\"layers.1.shift\":\"0\",\"layers.1.relu\":\"false\"},"
                + "\"layers.0.weights\":{\"dtype\":\"I8\",\"shape\":[1,2],\"data_offsets\":[0,2]},"
                + "\"layers.0.bias\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[2,6]},"
                + "\"layers.1.weights\":{\"dtype\":\"I8\",\"shape\":[2,1],\"data_offsets\":[6,8]},"
                + "\"layers.1.bias\":{\"dtype\":\"I16\",\"shape\":[2],\"data_offsets\":[8,12]}}", header.stripTrailing());
        byte[] data = Arrays.copyOfRange(file, 8 + n, file.length);
        // -128, 127 | 70,000 = 0x00011170 LE | 5, -6 | -300 = 0xFED4 LE, 1
        assertArrayEquals(new byte[] {(byte) 0x80, 0x7f, 0x70, 0x11, 0x01, 0x00, 0x05, (byte) 0xfa, (byte) 0xd4,
            (byte) 0xfe, 0x01, 0x00}, data);
    }

    @Test
    void mlpAndCnnRoundTripInBothFormats() throws Exception {
        Random rnd = new Random(1);
        QuantizedMlp mlp = MlpCircuitTest.mnistShaped(2);
        QuantizedCnn cnn = CnnCircuitTest.randomCnn(rnd, 12, 3, 5, 7);
        int[] px = MlpCircuitTest.randomInput(rnd, 784);
        int[] small = MlpCircuitTest.randomInput(rnd, 144);
        for (QuantizedModel model : List.<QuantizedModel>of(mlp, cnn)) {
            int[] input = model == mlp ? px : small;
            Path binary = dir.resolve("m.safetensors");
            Path json = dir.resolve("m.json");
            ModelFile.write(model, binary);
            ModelFile.write(model, json);
            if (model == mlp) {
                assertTrue(Files.size(binary) * 5 < Files.size(json) * 2, "int8 weights in a byte each");
            }
            for (Path p : List.of(binary, json)) {
                QuantizedModel back = ModelFile.read(p);
                assertEquals(ModelFile.toJson(model), ModelFile.toJson(back));
                assertArrayEquals(model.logits(input), back.logits(input));
            }
        }
    }

    /** A second reader, in node, written from the format's description: same tensors, same architecture. */
    @Test
    void nodeReaderOfTheLayoutSeesTheSameTensors() throws Exception {
        QuantizedCnn cnn = CnnCircuitTest.randomCnn(new Random(3), 8, 2, 3, 6);
        Path file = dir.resolve("cnn.safetensors");
        ModelFile.write(cnn, file);
        String script = """
                const fs = require("fs");
                const b = fs.readFileSync(process.argv[1]);
                const n = Number(b.readBigUInt64LE(0));
                const header = JSON.parse(b.subarray(8, 8 + n).toString("utf8"));
                const data = b.subarray(8 + n);
                const out = { meta: header.__metadata__ };
                const read = { I8: (o) => data.readInt8(o), I16: (o) => data.readInt16LE(o),
                               I32: (o) => data.readInt32LE(o), I64: (o) => Number(data.readBigInt64LE(o)) };
                const size = { I8: 1, I16: 2, I32: 4, I64: 8 };
                for (const [name, t] of Object.entries(header)) {
                  if (name === "__metadata__") continue;
                  const values = [];
                  for (let o = t.data_offsets[0]; o < t.data_offsets[1]; o += size[t.dtype]) values.push(read[t.dtype](o));
                  out[name] = { shape: t.shape, values };
                }
                console.log(JSON.stringify(out));
                """;
        Process p = new ProcessBuilder("node", "-e", script, file.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), text);
        JsonNode out = new ObjectMapper().readTree(text);
        assertEquals("verity-quantized-cnn", out.at("/meta/format").asText());
        assertEquals("8", out.at("/meta/inputSide").asText());
        assertEquals("6", out.at("/meta/conv.shift").asText());
        assertEquals("[2,3,3]", out.at("/conv.weights/shape").toString());
        assertArrayEquals(cnn.convWeights(), longs(out.at("/conv.weights/values")));
        assertArrayEquals(cnn.convBias(), longs(out.at("/conv.bias/values")));
        assertEquals("[10," + cnn.dense().in() + "]", out.at("/dense.weights/shape").toString());
        assertArrayEquals(cnn.dense().weights(), longs(out.at("/dense.weights/values")));
        assertArrayEquals(cnn.dense().bias(), longs(out.at("/dense.bias/values")));
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).longValue();
        }
        return out;
    }

    /** Every truncation of a file is a clear format error, never another exception. */
    @Test
    void everyTruncationIsAFormatError() {
        byte[] file = SafetensorsModelFile.write(tiny());
        for (int len = 0; len < file.length; len++) {
            byte[] cut = Arrays.copyOf(file, len);
            assertThrows(FormatException.class, () -> SafetensorsModelFile.parse("t", cut), "length " + len);
        }
    }

    @Test
    void corruptHeadersAreNamed() throws Exception {
        byte[] good = SafetensorsModelFile.write(tiny());
        int n = (int) ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String header = new String(good, 8, n, StandardCharsets.UTF_8).stripTrailing();
        byte[] data = Arrays.copyOfRange(good, 8 + n, good.length);
        assertProblem(header.replace("\"I32\"", "\"F32\""), data, "layers.0.bias: dtype must be I8, I16, I32 or I64");
        assertProblem(header.replace("\"shape\":[1,2]", "\"shape\":[2,1]"), data, "layers.0.bias: shape must be [2], got [1]");
        assertProblem(header.replace("[2,6]", "[3,7]"), data, "tensor data has a gap at byte 2");
        assertProblem(header.replace("[8,12]", "[6,10]"), data, "overlaps");
        assertProblem(header.replace("\"layers\":\"2\"", "\"layers\":\"1\""), data, "header has 4 tensors, the model uses 2");
        assertProblem(header.replace("\"layers\":\"2\"", "\"layers\":\"two\""), data,
                "__metadata__.layers must be an integer");
        assertProblem(header.replace("relu\":\"true\"", "relu\":\"yes\""), data,
                "__metadata__.layers.0.relu must be \"true\" or \"false\"");
        assertProblem(header.replace("\"version\":\"1\"", "\"version\":\"2\""), data, "unsupported version 2");
        assertProblem(header.replace("\"inputSize\":\"2\",", ""), data, "__metadata__.inputSize is missing");
        assertProblem(header.replace("\"inputSize\":\"2\",", "\"inputSize\":\"3\","), data,
                "layer 0 takes 2 inputs but gets 3");
        assertProblem(header + " {}", data, "header is not JSON");
        assertProblem(header.replace("}}", "},\"layers.0.bias\":{}}"), data, "header is not JSON");
        byte[] longer = Arrays.copyOf(data, data.length + 1);
        assertProblem(header, longer, "1 bytes after the last tensor");
        // values beyond what the model accepts: a weight of 2^30 in an I32 tensor
        String wide = header.replace("{\"dtype\":\"I8\",\"shape\":[1,2],\"data_offsets\":[0,2]}",
                "{\"dtype\":\"I32\",\"shape\":[1,2],\"data_offsets\":[0,8]}").replace("[2,6]", "[8,12]")
                .replace("[6,8]", "[12,14]").replace("[8,12]}}", "[14,18]}}");
        ByteBuffer w = ByteBuffer.allocate(data.length + 6).order(ByteOrder.LITTLE_ENDIAN);
        w.putInt(1 << 30).putInt(1).put(data, 2, data.length - 2);
        assertProblem(wide, w.array(), "exceeds 2^24");
    }

    private static void assertProblem(String header, byte[] data, String fragment) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json).put(data);
        FormatException e = assertThrows(FormatException.class, () -> SafetensorsModelFile.parse("m.safetensors",
                b.array()));
        assertTrue(e.getMessage().startsWith("m.safetensors: ") && e.getMessage().contains(fragment), e.getMessage());
    }
}
