package dev.verity.prover.pairing;

import dev.verity.prover.field.Fp12;
import java.math.BigInteger;

/**
 * The shape of the optimal ate Miller loop on BN254: the signed binary digits of 6x + 2 walked
 * from the top, one doubling step per digit after the first, one addition step per nonzero digit,
 * then two addition steps with the Frobenius images pi(Q) and -pi^2(Q). Prepared points and the
 * multi-Miller loop both follow this schedule, so the line values line up by index.
 */
final class AteLoop {
    /** Non-adjacent form of 6x + 2, most significant digit first (66 digits, 22 nonzero). */
    static final int[] DIGITS = nonAdjacentForm(Fp12.BN_X.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO));
    /** Number of line values per G2 point. */
    static final int LINE_COUNT = lineCount();

    private AteLoop() {
    }

    private static int lineCount() {
        int count = 2;      // the two Frobenius addition steps
        for (int i = 1; i < DIGITS.length; i++) {
            count += DIGITS[i] == 0 ? 1 : 2;
        }
        return count;
    }

    /** Signed digits in {-1, 0, 1} with no two adjacent nonzero, most significant first. */
    static int[] nonAdjacentForm(BigInteger n) {
        int[] lsbFirst = new int[n.bitLength() + 1];
        int length = 0;
        BigInteger rest = n;
        while (rest.signum() > 0) {
            int digit = 0;
            if (rest.testBit(0)) {
                digit = rest.testBit(1) ? -1 : 1;      // rest = 3 mod 4 gives -1, rest = 1 mod 4 gives +1
                rest = rest.subtract(BigInteger.valueOf(digit));
            }
            lsbFirst[length++] = digit;
            rest = rest.shiftRight(1);
        }
        int[] msbFirst = new int[length];
        for (int i = 0; i < length; i++) {
            msbFirst[i] = lsbFirst[length - 1 - i];
        }
        return msbFirst;
    }
}
