package dev.verity.prover.field;

import java.math.BigInteger;
import java.util.Random;

/**
 * Hand-run throughput check (not a test): ns per Fp product, scalar {@link MontgomeryField#mul}
 * against {@link FieldLanes#mul} on values kept in lanes, alternating in one process on 1,024
 * elements.
 *
 * <pre>
 * mvn -q -pl prover test-compile
 * java --add-modules jdk.incubator.vector -cp prover/target/classes:prover/target/test-classes \
 *     dev.verity.prover.field.FieldLanesThroughput
 * </pre>
 */
public final class FieldLanesThroughput {
    private FieldLanesThroughput() {
    }

    public static void main(String[] args) {
        int n = 1024, rounds = 2000, blocks = n / FieldLanes.BLOCK, l = MontgomeryField.LIMBS;
        MontgomeryField field = Fp.FIELD;
        long[] a = new long[n * l], b = new long[n * l];
        Random rnd = new Random(1);
        for (int i = 0; i < n; i++) {
            field.fromBigInteger(new BigInteger(254, rnd), a, i * l);
            field.fromBigInteger(new BigInteger(254, rnd), b, i * l);
        }
        FieldLanes lanes = new FieldLanes(field);
        long[] s = new long[2 * blocks * FieldLanes.SIZE];
        for (int k = 0; k < blocks; k++) {
            lanes.load(a, k * FieldLanes.BLOCK * l, l, s, k * FieldLanes.SIZE, true);
            lanes.load(b, k * FieldLanes.BLOCK * l, l, s, (blocks + k) * FieldLanes.SIZE, false);
        }
        for (int run = 0; run < 10; run++) {
            long t0 = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < n * l; i += l) {
                    field.mul(a, i, b, i, a, i);
                }
            }
            long t1 = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < blocks; k++) {
                    int y = (blocks + k) * FieldLanes.SIZE;
                    lanes.mul(s, k * FieldLanes.SIZE, y, y);
                }
            }
            long t2 = System.nanoTime();
            System.out.printf("run %d: scalar %.1f ns, lanes %.1f ns per product%n", run,
                    (t1 - t0) / (double) rounds / n, (t2 - t1) / (double) rounds / n);
        }
    }
}
