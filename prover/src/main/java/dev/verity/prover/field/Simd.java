package dev.verity.prover.field;

/**
 * Whether the SIMD kernels ({@link FieldLanes}) may run: the module {@code jdk.incubator.vector}
 * is in the boot layer (the launcher and the tests add it), the CPU has vectors of at least four
 * longs, and the system property {@code verity.simd} is not {@code false}. Code checks
 * {@link #available()} before it touches a class that uses the Vector API, so a JVM without the
 * module never loads one.
 */
public final class Simd {
    private static final boolean AVAILABLE = !"false".equals(System.getProperty("verity.simd"))
            && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && FieldLanes.supported();
    /** Rounds of {@link #warmUp}: past C2's thresholds (about 5,000 calls) for every operation. */
    private static final int WARM_UP_ROUNDS = 6_000;

    private Simd() {
    }

    public static boolean available() {
        return AVAILABLE;
    }

    /**
     * Starts compiling the lane kernels on a background daemon thread (no-op without SIMD). Until
     * C2 has compiled them, every vector operation allocates an object and runs many times slower
     * than scalar code; a command about to do large MSMs calls this first, so that the compilation
     * overlaps its file reading and NTTs instead of its first MSM.
     */
    public static void warmUpInBackground() {
        if (AVAILABLE) {
            Thread.ofPlatform().daemon().name("verity-simd-warm-up").start(Simd::warmUp);
        }
    }

    /**
     * Runs every lane operation (loads, stores, gathers, scatters, products, sums, differences,
     * selections, zero tests, Fp2 products and squares).
     */
    private static void warmUp() {
        int size = FieldLanes.SIZE;
        Fp2Lanes fp2 = new Fp2Lanes(4 * size);
        long[] lanesArray = new long[4 * size + Fp2Lanes.SCRATCH];
        FieldLanes lanes = new FieldLanes(Fp.FIELD);
        long[] x = new long[2 * BlockMultiplier.BLOCK * MontgomeryField.LIMBS];
        for (int i = 0; i < x.length; i += MontgomeryField.LIMBS) {
            Fp.FIELD.fromBigInteger(java.math.BigInteger.valueOf(i + 2), x, i);
        }
        int[] offsets = new int[BlockMultiplier.BLOCK];
        for (int l = 0; l < offsets.length; l++) {
            offsets[l] = (offsets.length - 1 - l) * MontgomeryField.LIMBS;
        }
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            lanes.gather(x, offsets, 0, offsets.length - round % 2, 0, lanesArray, 3 * size, false);
            lanes.select(lanesArray, 3 * size, 0, 3 * size, lanes.zeroLanes(lanesArray, 3 * size) | round & 3);
            lanes.scatter(lanesArray, 3 * size, x, offsets, 0, offsets.length - round % 2, 0);
            lanes.load(x, 0, MontgomeryField.LIMBS, lanesArray, 0, false);
            lanes.load(x, 0, MontgomeryField.LIMBS, lanesArray, size, true);
            lanes.times32(lanesArray, 0, 2 * size);
            lanes.mul(lanesArray, size, 0, 0);
            lanes.add(lanesArray, 0, 0, 3 * size);
            lanes.sub(lanesArray, 3 * size, 0, 0);
            lanes.store(lanesArray, 0, x, 0, MontgomeryField.LIMBS);
            fp2.load(x, 0, Fp2.LIMBS, lanesArray, 0);
            fp2.mul(lanesArray, 0, 0, 2 * size);
            fp2.sqr(lanesArray, 2 * size, 0);
            fp2.store(lanesArray, 0, x, 0, Fp2.LIMBS);
        }
    }
}
