package dev.verity.prover.ptau;

import dev.verity.prover.curve.G2;
import dev.verity.prover.groth16.DevPowersOfTau;
import dev.verity.prover.io.PtauFile;
import dev.verity.prover.util.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.stream.IntStream;

/**
 * Hand-run timing, not a test: checks the 2^power tauG2 points of a dev ptau for membership in G2
 * both ways, four rounds each: a scalar check per point ({@link G2#isInSubgroup}, both cores) and
 * {@link G2SubgroupCheck}'s random combinations, which {@code prepare phase2} uses.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp prover/target/classes:prover/target/test-classes \
 *     dev.verity.prover.ptau.G2SubgroupCheckThroughput [power]</pre>
 */
public final class G2SubgroupCheckThroughput {
    private G2SubgroupCheckThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int power = args.length == 0 ? 14 : Integer.parseInt(args[0]);
        Path in = Files.createTempFile("g2-subgroup", ".ptau");
        try {
            DevPowersOfTau.generateUnsafe(in, power, new SecureRandom(), Progress.NONE);
            long[] points;
            try (PtauFile ptau = PtauFile.open(in)) {
                points = ptau.tauG2(0, 1 << power);
            }
            int n = points.length / G2.AFFINE;
            for (int round = 0; round < 4; round++) {
                long t0 = System.nanoTime();
                boolean each = IntStream.range(0, n).parallel().allMatch(i -> G2.isInSubgroup(points, i * G2.AFFINE));
                long t1 = System.nanoTime();
                G2SubgroupCheck combinations = new G2SubgroupCheck(new SecureRandom());
                combinations.absorb(points, n);
                boolean combined = combinations.holds();
                long t2 = System.nanoTime();
                if (!each || !combined) {
                    throw new AssertionError("a dev ptau's tauG2 points must be in G2");
                }
                System.out.printf("2^%d tauG2 points: per point %.2f s, random combinations %.2f s%n", power,
                        (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            }
        } finally {
            Files.deleteIfExists(in);
        }
    }
}
