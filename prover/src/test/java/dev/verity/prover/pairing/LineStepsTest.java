package dev.verity.prover.pairing;

import static dev.verity.prover.pairing.CurveReference.G2_GENERATOR;
import static dev.verity.prover.pairing.CurveReference.add;
import static dev.verity.prover.pairing.CurveReference.addPoints;
import static dev.verity.prover.pairing.CurveReference.g2Limbs;
import static dev.verity.prover.pairing.CurveReference.inv;
import static dev.verity.prover.pairing.CurveReference.mul;
import static dev.verity.prover.pairing.CurveReference.multiply;
import static dev.verity.prover.pairing.CurveReference.negate;
import static dev.verity.prover.pairing.CurveReference.x;
import static dev.verity.prover.pairing.CurveReference.y;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.field.Fp2;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The projective doubling and addition steps against affine BigInteger arithmetic on the twist. */
class LineStepsTest {
    private final LineSteps steps = new LineSteps();
    private final Random rnd = new Random(2024);

    private BigInteger[] randomG2() {
        return multiply(G2_GENERATOR, new BigInteger(250, rnd).add(BigInteger.TWO));
    }

    private static BigInteger[] affine(long[] point) {
        BigInteger[] zInv = inv(Fp2.toBigIntegers(point, 16));
        return CurveReference.point(mul(Fp2.toBigIntegers(point, 0), zInv), mul(Fp2.toBigIntegers(point, 8), zInv));
    }

    /** a y + b x + c for the line at lo and an affine twist point. */
    private static BigInteger[] lineAt(long[] line, BigInteger[] point) {
        BigInteger[] a = Fp2.toBigIntegers(line, 0), b = Fp2.toBigIntegers(line, 8), c = Fp2.toBigIntegers(line, 16);
        return add(add(mul(a, y(point)), mul(b, x(point))), c);
    }

    private static final BigInteger[] ZERO = {BigInteger.ZERO, BigInteger.ZERO};

    @Test
    void doublingIsTangentAndDoubles() {
        for (int i = 0; i < 5; i++) {
            BigInteger[] q = randomG2();
            long[] point = new long[LineSteps.POINT_LIMBS], line = new long[LineSteps.LINE_LIMBS];
            LineSteps.setAffine(g2Limbs(q), 0, point);
            steps.doubleStep(point, line, 0);
            BigInteger[] doubled = addPoints(q, q);
            assertArrayEquals(doubled, affine(point));
            assertArrayEquals(ZERO, lineAt(line, q));
            assertArrayEquals(ZERO, lineAt(line, negate(doubled)));
            // a second doubling from a point with Z != 1
            steps.doubleStep(point, line, 0);
            assertArrayEquals(addPoints(doubled, doubled), affine(point));
            assertArrayEquals(ZERO, lineAt(line, doubled));
        }
    }

    @Test
    void additionIsTheChordAndAdds() {
        for (int i = 0; i < 5; i++) {
            BigInteger[] t = randomG2(), q = randomG2();
            long[] point = new long[LineSteps.POINT_LIMBS], line = new long[LineSteps.LINE_LIMBS];
            BigInteger[] half = multiply(t, BigInteger.TWO.modInverse(CurveReference.R));
            LineSteps.setAffine(g2Limbs(half), 0, point);
            steps.doubleStep(point, line, 0);       // T in projective form with Z != 1
            steps.addStep(point, g2Limbs(q), 0, line, 0);
            BigInteger[] sum = addPoints(t, q);
            assertArrayEquals(sum, affine(point));
            assertArrayEquals(ZERO, lineAt(line, t));
            assertArrayEquals(ZERO, lineAt(line, q));
            assertArrayEquals(ZERO, lineAt(line, negate(sum)));
        }
    }

    @Test
    void twistFrobeniusMultipliesG2ByP() {
        BigInteger p = CurveReference.P;
        for (int i = 0; i < 3; i++) {
            BigInteger[] q = randomG2();
            long[] r = new long[16];
            steps.frobenius(g2Limbs(q), 0, 1, r, 0);
            assertTrue(java.util.Arrays.equals(g2Limbs(multiply(q, p.mod(CurveReference.R))), r), "pi(Q) = [p] Q");
            steps.frobenius(g2Limbs(q), 0, 2, r, 0);
            assertTrue(java.util.Arrays.equals(g2Limbs(multiply(q, p.multiply(p).mod(CurveReference.R))), r), "pi^2(Q) = [p^2] Q");
        }
    }
}
