package dev.verity.prover.field;

import java.math.BigInteger;
import java.util.Random;

/**
 * Hand-run throughput check (not a test): ns per Fp product, scalar {@link MontgomeryField#mul}
 * against {@link BlockMultiplier} blocks, alternating in one process on the same 1,024 elements.
 *
 * <pre>
 * mvn -q -pl prover test-compile
 * java --add-modules jdk.incubator.vector -cp prover/target/classes:prover/target/test-classes \
 *     dev.verity.prover.field.BlockMultiplierThroughput
 * </pre>
 */
public final class BlockMultiplierThroughput {
    private BlockMultiplierThroughput() {
    }

    public static void main(String[] args) {
        int n = 1024, rounds = 2000;
        MontgomeryField field = Fp.FIELD;
        long[] a = new long[n * MontgomeryField.LIMBS], b = new long[n * MontgomeryField.LIMBS];
        Random rnd = new Random(1);
        for (int i = 0; i < n; i++) {
            field.fromBigInteger(new BigInteger(254, rnd), a, i * MontgomeryField.LIMBS);
            field.fromBigInteger(new BigInteger(254, rnd), b, i * MontgomeryField.LIMBS);
        }
        BlockMultiplier blocks = BlockMultiplier.of(field);
        System.out.println("block multiplier: " + (blocks.vectorized() ? "SIMD lanes" : "scalar fallback"));
        for (int run = 0; run < 10; run++) {
            long t0 = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < n * MontgomeryField.LIMBS; i += MontgomeryField.LIMBS) {
                    field.mul(a, i, b, i, a, i);
                }
            }
            long t1 = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < n * MontgomeryField.LIMBS; i += BlockMultiplier.BLOCK * MontgomeryField.LIMBS) {
                    blocks.mul(a, i, b, i, a, i);
                }
            }
            long t2 = System.nanoTime();
            System.out.printf("run %d: scalar %.1f ns, block %.1f ns per product%n", run,
                    (t1 - t0) / (double) rounds / n, (t2 - t1) / (double) rounds / n);
        }
    }
}
