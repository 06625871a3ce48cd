package dev.verity.prover.ptau;

import dev.verity.prover.curve.CurveArithmetic;
import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.util.Progress;
import java.math.BigInteger;

/**
 * Hand-run timing, not a test: inverse group NTTs ({@link GroupNtt}, as {@code prepare phase2}
 * runs them) of 2^log2 points on both cores, in wall us per twiddle multiplication, to set beside
 * {@code curve.LaneScalarMulThroughput}'s cost of the multiplications alone, and per twiddle of a
 * radix-2 transform of the same size (G2 runs radix-4 passes, which need about 3/4 as many).
 *
 * <pre>
 * mvn -q -pl prover test-compile
 * java --add-modules jdk.incubator.vector -cp prover/target/classes:prover/target/test-classes \
 *     dev.verity.prover.ptau.GroupNttThroughput g1|g2 [log2 = 14] [runs = 4]
 * </pre>
 */
public final class GroupNttThroughput {
    private GroupNttThroughput() {
    }

    public static void main(String[] args) {
        boolean g1 = args.length == 0 || args[0].equals("g1");
        int log2 = args.length > 1 ? Integer.parseInt(args[1]) : 14;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int m = 1 << log2;
        CurveArithmetic group = g1 ? new G1() : new G2();
        int affine = g1 ? G1.AFFINE : G2.AFFINE, jacobian = g1 ? G1.JACOBIAN : G2.JACOBIAN;
        // the points 7G, 14G, 21G, ..: any points of the group will do
        long[] step = group.mul(g1 ? G1.GENERATOR : G2.GENERATOR, 0, BigInteger.valueOf(7));
        long[] sum = step.clone();
        long[] multiples = new long[m * jacobian];
        for (int i = 0; i < m; i++) {
            System.arraycopy(sum, 0, multiples, i * jacobian, jacobian);
            group.add(sum, 0, step, 0, sum, 0);
        }
        long[] points = new long[m * affine];
        group.toAffine(multiples, 0, m, points, 0);
        long multiplications = GroupNtt.multiplications(g1, log2);
        // per radix-2 twiddle as well: the same unit for G2's radix-4 passes, which need fewer
        long radix2 = GroupNtt.multiplications(true, log2);
        for (int run = 0; run < runs; run++) {
            long[] p = points.clone();
            long t0 = System.nanoTime();
            if (g1) {
                GroupNtt.inverseG1(p, log2, Progress.NONE, "ntt");
            } else {
                GroupNtt.inverseG2(p, log2, Progress.NONE, "ntt");
            }
            long nanos = System.nanoTime() - t0;
            System.out.printf("%s 2^%d run %d: %.2f s, %.1f us wall per twiddle multiplication (%d of them),"
                    + " %.1f us per radix-2 twiddle%n", g1 ? "G1" : "G2", log2, run, nanos / 1e9,
                    nanos / 1e3 / multiplications, multiplications, nanos / 1e3 / radix2);
        }
    }
}
