package dev.verity.prover.field;

/**
 * Whether the SIMD kernels may run: the module {@code jdk.incubator.vector} is in the boot layer
 * (the JVM was started with {@code --add-modules jdk.incubator.vector}) and the system property
 * {@code verity.simd} is not {@code false}. Only this class names {@code VectorBlockMultiplier},
 * and only once the module is known to be there, so a JVM without it never loads a class that
 * refers to the Vector API.
 */
final class SimdSupport {
    static final boolean ENABLED = !"false".equals(System.getProperty("verity.simd"))
            && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && VectorBlockMultiplier.supported();

    private SimdSupport() {
    }

    /** Enough block multiplications in both fields for C2 to compile the kernel. */
    static void warmUp() {
        for (MontgomeryField field : new MontgomeryField[] {Fp.FIELD, Fr.FIELD}) {
            BlockMultiplier m = vectorMultiplier(field);
            long[] x = new long[BlockMultiplier.BLOCK * MontgomeryField.LIMBS];
            for (int i = 0; i < x.length; i += MontgomeryField.LIMBS) {
                field.fromBigInteger(java.math.BigInteger.valueOf(i + 2), x, i);
            }
            for (int round = 0; round < 20_000; round++) {
                m.mul(x, 0, x, 0, x, 0);
            }
        }
    }

    static BlockMultiplier vectorMultiplier(MontgomeryField field) {
        return new VectorBlockMultiplier(field);
    }
}
