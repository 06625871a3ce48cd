package dev.verity.prover.poly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verity.prover.field.Fr;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class DomainTest {
    private static final BigInteger R = Fr.MODULUS;

    @Test
    void constantsEqualFfjavascripts() {
        JsonNode v = FfjsVectors.root();
        assertEquals(v.get("s").asInt(), Domain.TWO_ADICITY);
        assertEquals(FfjsVectors.big(v.get("nqr")), Domain.NON_RESIDUE);
        assertEquals(FfjsVectors.big(v.get("shift")), Domain.COSET_SHIFT);
        assertEquals(FfjsVectors.big(v.get("shiftInv")), Domain.COSET_SHIFT.modInverse(R));
        JsonNode roots = v.get("roots");
        assertEquals(Domain.TWO_ADICITY + 1, roots.size());
        for (int k = 0; k <= Domain.TWO_ADICITY; k++) {
            assertEquals(FfjsVectors.big(roots.get(k)), Domain.rootOfUnity(k), "w[" + k + "]");
        }
    }

    @Test
    void rootsHaveExactlyTheirOrder() {
        assertEquals(28, R.subtract(BigInteger.ONE).getLowestSetBit(), "2-adicity of r - 1");
        for (int k = 0; k <= Domain.TWO_ADICITY; k++) {
            BigInteger w = Domain.rootOfUnity(k);
            assertEquals(BigInteger.ONE, w.modPow(BigInteger.ONE.shiftLeft(k), R), "w[" + k + "]^(2^k)");
            if (k > 0) {
                assertEquals(R.subtract(BigInteger.ONE), w.modPow(BigInteger.ONE.shiftLeft(k - 1), R),
                        "w[" + k + "]^(2^(k-1)) = -1");
            }
        }
        // A non-residue: its Legendre symbol is -1, and every smaller candidate from 2 is a residue.
        BigInteger half = R.subtract(BigInteger.ONE).shiftRight(1);
        assertEquals(R.subtract(BigInteger.ONE), Domain.NON_RESIDUE.modPow(half, R));
        for (int g = 2; g < Domain.NON_RESIDUE.intValueExact(); g++) {
            assertEquals(BigInteger.ONE, BigInteger.valueOf(g).modPow(half, R), "candidate " + g);
        }
    }

    @Test
    void instanceValuesAreMontgomeryFormOfTheRoots() {
        for (int k : new int[] {0, 1, 5, 20, 28}) {
            Domain d = Domain.of(k);
            BigInteger w = Domain.rootOfUnity(k);
            assertEquals(k, d.log2Size());
            assertEquals(1 << k, d.size());
            assertEquals(w, Fr.FIELD.toBigInteger(d.root()));
            assertEquals(w.modInverse(R), Fr.FIELD.toBigInteger(d.rootInverse()));
            assertEquals(BigInteger.ONE.shiftLeft(k).modInverse(R), Fr.FIELD.toBigInteger(d.sizeInverse()));
        }
    }

    @Test
    void quotientCosetShiftIsTheDoubleDomainRootOrTheShiftAtTheTop() {
        for (int k = 0; k < Domain.TWO_ADICITY; k++) {
            assertEquals(Domain.rootOfUnity(k + 1), Fr.FIELD.toBigInteger(Domain.of(k).quotientCosetShift()));
        }
        BigInteger top = Fr.FIELD.toBigInteger(Domain.of(Domain.TWO_ADICITY).quotientCosetShift());
        assertEquals(BigInteger.valueOf(25), top);
        // The coset must be off the domain: shift^n != 1.
        assertNotEquals(BigInteger.ONE, top.modPow(BigInteger.ONE.shiftLeft(28), R));
    }

    @Test
    void rejectsSizesOutsideTheTwoAdicSubgroup() {
        assertThrows(IllegalArgumentException.class, () -> Domain.of(-1));
        assertThrows(IllegalArgumentException.class, () -> Domain.of(29));
        assertThrows(IllegalArgumentException.class, () -> Domain.rootOfUnity(29));
    }
}
