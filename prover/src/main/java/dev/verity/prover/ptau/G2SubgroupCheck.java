package dev.verity.prover.ptau;

import dev.verity.prover.curve.G2;
import dev.verity.prover.msm.Msm;
import java.security.SecureRandom;

/**
 * Checks that many G2 points lie in the subgroup of order r without a scalar multiplication per
 * point: a few random combinations sum_i rho_i Q_i must each be in the subgroup. A point with a
 * component of order d outside it survives one combination with probability at most 1/q for the
 * smallest prime q dividing d; the twist's cofactor has smallest prime factor 10069, so
 * {@value #TRIALS} independent 64-bit combinations let a bad point through with probability below
 * 2^-79. Points are fed in pieces; sums are kept in Jacobian coordinates.
 */
final class G2SubgroupCheck {
    static final int TRIALS = 6;

    private final SecureRandom random;
    private final long[][] sums = new long[TRIALS][];
    private final G2 group = new G2();

    G2SubgroupCheck(SecureRandom random) {
        this.random = random;
    }

    /** Adds {@code count} affine points from the start of {@code points} to every combination. */
    void absorb(long[] points, int count) {
        long[] scalars = new long[4 * count];
        for (int t = 0; t < TRIALS; t++) {
            for (int i = 0; i < count; i++) {
                scalars[4 * i] = random.nextLong();
            }
            long[] part = Msm.g2(points, 0, scalars, 0, count);
            if (sums[t] == null) {
                sums[t] = part;
            } else {
                group.add(sums[t], 0, part, 0, sums[t], 0);
            }
        }
    }

    /** Whether every combination so far is in the subgroup. */
    boolean holds() {
        long[] affine = new long[G2.AFFINE];
        for (long[] sum : sums) {
            if (sum == null) {
                continue;
            }
            group.toAffine(sum, 0, affine, 0);
            if (!G2.isInSubgroup(affine, 0)) {
                return false;
            }
        }
        return true;
    }
}
