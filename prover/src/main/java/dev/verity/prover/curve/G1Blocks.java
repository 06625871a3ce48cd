package dev.verity.prover.curve;

import dev.verity.prover.field.BlockMultiplier;
import dev.verity.prover.field.Fp;
import dev.verity.prover.field.MontgomeryField;

/**
 * Doubling of {@link #BLOCK} consecutive Jacobian G1 points at once, with the same formulas as
 * {@link G1#dbl} (dbl-2009-l) and the same results, the seven field products of each point done as
 * seven block multiplications ({@link BlockMultiplier}, SIMD lanes where available). A point at
 * infinity (Z = 0) stays at infinity. Owns scratch space: <b>not thread-safe</b>.
 */
public final class G1Blocks {
    public static final int BLOCK = BlockMultiplier.BLOCK;
    private static final MontgomeryField F = Fp.FIELD;
    private static final int J = G1.JACOBIAN, X = 0, Y = 4, Z = 8;

    private final BlockMultiplier multiplier = BlockMultiplier.of(F);
    /** Scratch blocks in the points' layout (three elements per slot): (A, B, YZ), (C, S^2, F), (S, E, D - X3). */
    private final long[] first = new long[BLOCK * J];
    private final long[] second = new long[BLOCK * J];
    private final long[] terms = new long[BLOCK * J];

    /** The BLOCK points at {@code p[po]} doubled into {@code r[ro]} (which may be p[po]). */
    public void dbl(long[] p, int po, long[] r, int ro) {
        long[] first = this.first, second = this.second, terms = this.terms;
        BlockMultiplier m = multiplier;
        m.mul(p, po + X, p, po + X, first, X, J);              // A = X1^2
        m.mul(p, po + Y, p, po + Y, first, Y, J);              // B = Y1^2
        m.mul(p, po + Y, p, po + Z, first, Z, J);              // Y1 Z1
        for (int i = 0; i < BLOCK * J; i += J) {
            F.add(p, po + i + X, first, i + Y, terms, i + X);  // S = X1 + B
            F.add(first, i + X, first, i + X, terms, i + Y);
            F.add(terms, i + Y, first, i + X, terms, i + Y);   // E = 3A
            F.add(first, i + Z, first, i + Z, r, ro + i + Z);  // Z3 = 2 Y1 Z1
        }
        m.mul(first, Y, first, Y, second, X, J);               // C = B^2
        m.mul(terms, X, terms, X, second, Y, J);               // S^2
        m.mul(terms, Y, terms, Y, second, Z, J);               // F = E^2
        for (int i = 0; i < BLOCK * J; i += J) {
            long[] d = first;                                   // D in the slot of B, no longer needed
            F.sub(second, i + Y, first, i + X, d, i + Y);
            F.sub(d, i + Y, second, i + X, d, i + Y);
            F.add(d, i + Y, d, i + Y, d, i + Y);               // D = 2 (S^2 - A - C)
            F.sub(second, i + Z, d, i + Y, r, ro + i + X);
            F.sub(r, ro + i + X, d, i + Y, r, ro + i + X);     // X3 = F - 2D
            F.sub(d, i + Y, r, ro + i + X, terms, i + Z);      // D - X3
        }
        m.mul(terms, Y, terms, Z, terms, Z, J);                // E (D - X3)
        for (int i = 0; i < BLOCK * J; i += J) {
            F.add(second, i + X, second, i + X, second, i + X);
            F.add(second, i + X, second, i + X, second, i + X);
            F.add(second, i + X, second, i + X, second, i + X);  // 8C
            F.sub(terms, i + Z, second, i + X, r, ro + i + Y);   // Y3 = E (D - X3) - 8C
        }
    }
}
