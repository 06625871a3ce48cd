package dev.verity.prover.zkml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.io.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistDigitsTest {
    @TempDir
    Path dir;

    /** Node reads the same files: per digit, the image count and the 8-bit pixel sums of its first and last image. */
    @Test
    void loadsWhatNodeReads() throws Exception {
        Path digits = MnistData.digitsDir();
        String script = """
                const fs = require('fs');
                for (let d = 0; d < 10; d++) {
                  const a = JSON.parse(fs.readFileSync(process.argv[1] + '/' + d + '.json')).data;
                  const sum = (k) => { let s = 0; for (let i = 0; i < 784; i++) s += Math.round(a[k * 784 + i] * 255); return s; };
                  const n = a.length / 784;
                  console.log(n + ' ' + sum(0) + ' ' + sum(n - 1));
                }
                """;
        Process node = new ProcessBuilder("node", "-e", script, digits.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(60, TimeUnit.SECONDS) && node.exitValue() == 0, out);
        List<String> lines = out.strip().lines().toList();

        Dataset all = MnistDigits.load(digits);
        assertEquals(10_000, all.size());
        int from = 0;
        for (int d = 0; d < 10; d++) {
            String[] expected = lines.get(d).split(" ");
            int n = Integer.parseInt(expected[0]);
            for (int k = from; k < from + n; k++) {
                assertEquals(d, all.labels()[k]);
            }
            assertEquals(Long.parseLong(expected[1]), sum(all.images()[from]), "digit " + d + " first image");
            assertEquals(Long.parseLong(expected[2]), sum(all.images()[from + n - 1]), "digit " + d + " last image");
            from += n;
        }
    }

    private static long sum(int[] image) {
        long s = 0;
        for (int p : image) {
            s += p;
        }
        return s;
    }

    @Test
    void splitIsStratifiedDisjointAndDeterministic() throws IOException {
        Dataset all = MnistDigits.load(MnistData.digitsDir());
        MnistDigits.Split split = MnistData.split();
        assertEquals(8_000, split.train().size());
        assertEquals(2_000, split.test().size());
        int[] perClass = new int[10];
        int[] perClassTest = new int[10];
        for (int label : all.labels()) {
            perClass[label]++;
        }
        for (int label : split.test().labels()) {
            perClassTest[label]++;
        }
        for (int c = 0; c < 10; c++) {
            assertEquals(Math.round(perClass[c] * 0.2), perClassTest[c], "class " + c);
        }
        Set<int[]> train = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        train.addAll(List.of(split.train().images()));
        Set<int[]> seen = new HashSet<>();
        for (int[] image : split.test().images()) {
            assertTrue(!train.contains(image), "an image is in both sets");
            seen.add(image);
        }
        assertEquals(2_000, seen.size());
        MnistDigits.Split again = MnistDigits.split(all, 0.2, MnistData.SPLIT_SEED);
        assertArrayEquals(split.test().labels(), again.test().labels());
        for (int k = 0; k < 2_000; k++) {
            assertArrayEquals(split.test().images()[k], again.test().images()[k]);
        }
        MnistDigits.Split other = MnistDigits.split(all, 0.2, MnistData.SPLIT_SEED + 1);
        boolean differs = false;
        for (int k = 0; k < 2_000 && !differs; k++) {
            differs = !java.util.Arrays.equals(split.test().images()[k], other.test().images()[k]);
        }
        assertTrue(differs, "another seed gives another split");
        assertNotEquals(0, split.train().size());
    }

    @Test
    void badDigitFilesAreReported() throws IOException {
        Fixtures.assertFormatError(dir, () -> MnistDigits.load(dir), "no 0.json");
        for (int d = 0; d < 10; d++) {
            Files.writeString(dir.resolve(d + ".json"), "{\"data\": [0, 0.5, 1]}");
        }
        Fixtures.assertFormatError(dir.resolve("0.json"), () -> MnistDigits.load(dir), "not a multiple of 784");
        Files.writeString(dir.resolve("0.json"), "{\"data\": [0, 1.5]}");
        Fixtures.assertFormatError(dir.resolve("0.json"), () -> MnistDigits.load(dir), "pixel 1 = 1.5 is not in [0, 1]");
        Files.writeString(dir.resolve("0.json"), "{\"pixels\": []}");
        Fixtures.assertFormatError(dir.resolve("0.json"), () -> MnistDigits.load(dir), "expected {\"data\"");
        Files.writeString(dir.resolve("0.json"), "{\"data\": [0, ");
        Fixtures.assertFormatError(dir.resolve("0.json"), () -> MnistDigits.load(dir), "not JSON");
    }
}
