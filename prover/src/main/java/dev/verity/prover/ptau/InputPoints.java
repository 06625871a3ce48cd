package dev.verity.prover.ptau;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.io.FormatException;
import java.nio.file.Path;

/**
 * Checks on points that a contribution is about to multiply by its secrets. Without them a
 * malicious input could learn the secrets: a point off the curve lies on another curve whose
 * order may have small factors, and a twist point outside G2 has small-order components; either
 * way the output leaks the secret modulo those factors. So every input point must be on its
 * curve, and G2 sections in the subgroup, before anything derived from the secrets is published.
 */
final class InputPoints {
    private InputPoints() {
    }

    static void require(Path file, PointSection section, long[] points, int count, long firstIndex)
            throws FormatException {
        for (int i = 0; i < count; i++) {
            boolean ok = section.g1 ? G1.isOnCurve(points, i * G1.AFFINE) : G2.isOnCurve(points, i * G2.AFFINE);
            if (!ok) {
                throw new FormatException(file, section.label + ": point " + (firstIndex + i)
                        + " is not on the curve; refusing to apply secrets to it");
            }
        }
    }

    /** {@link #require} and, for G2, feeds the points to the section's subgroup check. */
    static void require(Path file, PointSection section, long[] points, int count, long firstIndex,
            G2SubgroupCheck subgroup) throws FormatException {
        require(file, section, points, count, firstIndex);
        if (subgroup != null) {
            subgroup.absorb(points, count);
        }
    }

    static void requireSubgroup(Path file, PointSection section, G2SubgroupCheck subgroup) throws FormatException {
        if (subgroup != null && !subgroup.holds()) {
            throw new FormatException(file, section.label + ": some points are not in the subgroup of order r;"
                    + " refusing to publish a contribution to them");
        }
    }
}
