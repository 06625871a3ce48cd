package dev.verity.prover.r1cs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConstraintSystemTest {
    private static final BigInteger R = Fr.MODULUS;

    private static BigInteger random(Random rnd) {
        return new BigInteger(260, rnd).mod(R);
    }

    /** Rows as lists of {wire, coefficient}; builds the matrix through the Builder. */
    private static SparseMatrix matrix(List<List<Object[]>> rows) {
        SparseMatrix.Builder b = new SparseMatrix.Builder();
        for (List<Object[]> row : rows) {
            for (Object[] term : row) {
                b.addTerm((Integer) term[0], Fr.FIELD.fromBigInteger((BigInteger) term[1]), 0);
            }
            b.endRow();
        }
        return b.build();
    }

    private static BigInteger dot(List<Object[]> row, BigInteger[] w) {
        BigInteger s = BigInteger.ZERO;
        for (Object[] t : row) {
            s = s.add(((BigInteger) t[1]).multiply(w[(Integer) t[0]]));
        }
        return s.mod(R);
    }

    /**
     * Random constraints made to hold for a random witness (C = the product placed on one wire);
     * breaking any one of them is found at exactly that index, as BigInteger arithmetic says.
     */
    @Test
    void firstUnsatisfiedMatchesBigIntegerEvaluation() {
        Random rnd = new Random(11);
        int nWires = 7;
        BigInteger[] w = new BigInteger[nWires];
        w[0] = BigInteger.ONE;
        for (int i = 1; i < nWires; i++) {
            w[i] = random(rnd);
        }
        int n = 40;
        List<List<Object[]>> a = new ArrayList<>(), b = new ArrayList<>(), c = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Object[]> ra = new ArrayList<>(), rb = new ArrayList<>();
            for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
                ra.add(new Object[] {rnd.nextInt(nWires), random(rnd)});
            }
            for (int k = 0; k < rnd.nextInt(3); k++) { // sometimes empty: <B,w> = 0
                rb.add(new Object[] {rnd.nextInt(nWires), random(rnd)});
            }
            int target = 1 + rnd.nextInt(nWires - 1);
            BigInteger product = dot(ra, w).multiply(dot(rb, w)).mod(R);
            List<Object[]> rc = new ArrayList<>();
            rc.add(new Object[] {target, product.multiply(w[target].modInverse(R)).mod(R)});
            a.add(ra);
            b.add(rb);
            c.add(rc);
        }
        Witness witness = Witness.of(List.of(w));
        ConstraintSystem cs = new ConstraintSystem(nWires, 1, 1, 1, matrix(a), matrix(b), matrix(c));
        assertEquals(-1, cs.firstUnsatisfied(witness));
        assertTrue(cs.isSatisfiedBy(witness));
        for (int broken : new int[] {0, 17, n - 1}) {
            List<List<Object[]>> c2 = new ArrayList<>(c);
            Object[] t = c.get(broken).get(0);
            c2.set(broken, List.<Object[]>of(new Object[] {t[0], ((BigInteger) t[1]).add(BigInteger.ONE).mod(R)}));
            ConstraintSystem bad = new ConstraintSystem(nWires, 1, 1, 1, matrix(a), matrix(b), matrix(c2));
            assertEquals(broken, bad.firstUnsatisfied(witness));
        }
        assertThrows(IllegalArgumentException.class,
                () -> cs.firstUnsatisfied(Witness.of(List.of(BigInteger.ONE, BigInteger.TWO))));
    }

    @Test
    void builderKeepsTermsInOrderAcrossGrowth() {
        SparseMatrix.Builder b = new SparseMatrix.Builder();
        long[] one = Fr.FIELD.one();
        for (int row = 0; row < 50; row++) {
            for (int t = 0; t < row % 7; t++) {
                b.addTerm(row + t, one, 0);
            }
            b.endRow();
        }
        SparseMatrix m = b.build();
        assertEquals(50, m.rows());
        int terms = 0;
        for (int row = 0; row < 50; row++) {
            assertEquals(terms, m.rowStart()[row]);
            for (int t = 0; t < row % 7; t++) {
                assertEquals(row + t, m.wires()[terms + t]);
            }
            terms += row % 7;
        }
        assertEquals(terms, m.terms());
        assertEquals(4 * terms, m.coefficients().length);
    }

    @Test
    void constructorsRefuseInconsistentData() {
        long[] r = MontgomeryField.toLimbs(R);
        assertThrows(IllegalArgumentException.class, () -> new SparseMatrix(new int[] {0, 1}, new int[] {0}, r));
        assertThrows(IllegalArgumentException.class, () -> new SparseMatrix(new int[] {0, 2, 1}, new int[] {0},
                new long[4]));
        assertThrows(IllegalArgumentException.class, () -> new SparseMatrix(new int[] {0, 1}, new int[] {-1},
                new long[4]));
        assertThrows(IllegalArgumentException.class, () -> new SparseMatrix(new int[] {0, 1}, new int[] {0, 1},
                new long[8]));
        SparseMatrix usesWire3 = new SparseMatrix(new int[] {0, 1}, new int[] {3}, new long[4]);
        SparseMatrix empty = new SparseMatrix(new int[] {0, 0}, new int[0], new long[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConstraintSystem(3, 1, 1, 0, usesWire3, empty, empty));
        assertTrue(e.getMessage().contains("A uses wire 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConstraintSystem(3, 1, 1, 1, empty, empty, empty));
        SparseMatrix twoRows = new SparseMatrix(new int[] {0, 0, 0}, new int[0], new long[0]);
        assertThrows(IllegalArgumentException.class, () -> new ConstraintSystem(3, 1, 1, 0, empty, twoRows, empty));
        assertThrows(IllegalArgumentException.class,
                () -> new ConstraintSystem(3, 1, 1, 0, 3, empty, empty, empty, new long[2]));
    }

    @Test
    void witnessChecksItsValues() {
        Witness w = Witness.of(List.of(BigInteger.ONE, R.subtract(BigInteger.ONE), BigInteger.TEN));
        assertEquals(3, w.size());
        assertEquals(BigInteger.TEN, w.get(2));
        assertArrayEquals(MontgomeryField.toLimbs(R.subtract(BigInteger.ONE)), w.publicSignals(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Witness.of(List.of(BigInteger.ONE, R)));
        assertTrue(e.getMessage().contains("witness value 1"), e.getMessage());
        long[] limbs = new long[8];
        limbs[0] = 1;
        System.arraycopy(MontgomeryField.toLimbs(R), 0, limbs, 4, 4);
        e = assertThrows(IllegalArgumentException.class, () -> new Witness(limbs));
        assertTrue(e.getMessage().contains("witness value 1 is not below r"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Witness.of(List.of(BigInteger.TWO)));
        assertTrue(e.getMessage().contains("must be 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Witness(new long[0]));
        assertThrows(IllegalArgumentException.class, () -> new Witness(new long[6]));
        assertThrows(IllegalArgumentException.class, () -> w.publicSignals(3));
    }
}
