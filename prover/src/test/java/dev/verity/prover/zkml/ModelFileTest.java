package dev.verity.prover.zkml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.io.FormatException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir
    Path dir;

    @Test
    void writtenModelsReadBackWithTheSameInference() throws Exception {
        QuantizedMlp model = MlpCircuitTest.mnistShaped(11);
        Path file = dir.resolve("mlp.json");
        ModelFile.write(model, file);
        QuantizedMlp back = (QuantizedMlp) ModelFile.read(file);
        assertEquals(model.layers().size(), back.layers().size());
        for (int l = 0; l < model.layers().size(); l++) {
            DenseLayer a = model.layers().get(l);
            DenseLayer b = back.layers().get(l);
            assertArrayEquals(a.weights(), b.weights());
            assertArrayEquals(a.bias(), b.bias());
            assertEquals(a.shift(), b.shift());
            assertEquals(a.relu(), b.relu());
        }
        int[] px = MlpCircuitTest.randomInput(new Random(1), 784);
        assertArrayEquals(model.logits(px), back.logits(px));
    }

    @Test
    void hardCodedSmallModelComputesByHand() throws Exception {
        String json = """
                {"format": "verity-quantized-mlp", "version": 1, "inputSize": 2, "inputBits": 8,
                 "layers": [{"type": "dense", "in": 2, "out": 2, "shift": 1, "relu": true,
                             "weights": [3, -1, -2, 1], "bias": [1, 0]},
                            {"type": "dense", "in": 2, "out": 2, "shift": 0, "relu": false,
                             "weights": [1, 1, -1, 2], "bias": [0, 5]}]}
                """;
        QuantizedMlp model = (QuantizedMlp) ModelFile.parse("inline", json);
        // x = (10, 7): h0 = relu(floor((1 + 30 - 7) / 2)) = 12, h1 = relu(floor((0 - 20 + 7) / 2)) = relu(-7) = 0;
        // logits = (12 + 0, 5 - 12 + 0)
        assertArrayEquals(new long[] {12, -7}, model.logits(new int[] {10, 7}));
        assertEquals(0, model.predict(new int[] {10, 7}));
    }

    @Test
    void malformedFilesAreRefusedWithTheirProblem() {
        String good = ModelFile.toJson(new QuantizedMlp(2, List.of(new DenseLayer(2, 1, new long[] {1, 2},
                new long[] {0}, 0, false))));
        assertProblem("{", "not JSON");
        assertProblem(good.replace("verity-quantized-mlp", "onnx"), "format");
        assertProblem(good.replace("\"version\":1", "\"version\":2"), "unsupported version");
        assertProblem(good.replace("\"type\":\"dense\"", "\"type\":\"conv\""), "only \"dense\"");
        assertProblem(good.replace("[1,2]", "[1]"), "expected 2 x 1 = 2 weights");
        assertProblem(good.replace("[1,2]", "[1,\"x\"]"), "weights[1] must be an integer");
        assertProblem(good.replace("\"inputSize\":2", "\"inputSize\":3"), "takes 2 inputs but gets 3");
        assertProblem(good.replace("\"relu\":false", "\"relu\":1"), "relu must be true or false");
    }

    private static void assertProblem(String json, String fragment) {
        FormatException e = assertThrows(FormatException.class, () -> ModelFile.parse("m.json", json));
        assertTrue(e.getMessage().startsWith("m.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
