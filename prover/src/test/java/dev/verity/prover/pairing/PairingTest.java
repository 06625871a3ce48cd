package dev.verity.prover.pairing;

import static dev.verity.prover.pairing.CurveReference.G1_B;
import static dev.verity.prover.pairing.CurveReference.G1_GENERATOR;
import static dev.verity.prover.pairing.CurveReference.G2_B;
import static dev.verity.prover.pairing.CurveReference.G2_GENERATOR;
import static dev.verity.prover.pairing.CurveReference.P;
import static dev.verity.prover.pairing.CurveReference.R;
import static dev.verity.prover.pairing.CurveReference.concat;
import static dev.verity.prover.pairing.CurveReference.g1Limbs;
import static dev.verity.prover.pairing.CurveReference.g2Limbs;
import static dev.verity.prover.pairing.CurveReference.multiply;
import static dev.verity.prover.pairing.CurveReference.negate;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verity.prover.field.Fp12;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairingTest {
    private static final BigInteger X = Fp12.BN_X;
    private final Fp12 f12 = new Fp12();
    private final Random rnd = new Random(254);

    private static long[] e(BigInteger[] p, BigInteger[] q) {
        return Pairing.pairing(g1Limbs(p), g2Limbs(q));
    }

    private long[] pow(long[] a, BigInteger exponent) {
        long[] r = new long[Fp12.LIMBS];
        f12.pow(a, 0, exponent, r, 0);
        return r;
    }

    private BigInteger randomScalar() {
        return new BigInteger(253, rnd).add(BigInteger.ONE);
    }

    @Test
    void referenceGeneratorsAreOnTheirCurves() {
        assertTrue(CurveReference.isOnCurve(G1_GENERATOR, G1_B));
        assertTrue(CurveReference.isOnCurve(G2_GENERATOR, G2_B));
        assertEquals(null, multiply(G2_GENERATOR, R));
    }

    /** Values printed by ffjavascript 0.3.1 (the version snarkjs 0.7.6 uses); see vectors/ffjavascript-pairing.mjs. */
    @Test
    void matchesFfjavascript() throws IOException {
        JsonNode cases;
        try (InputStream in = PairingTest.class.getResourceAsStream("/vectors/ffjavascript-pairing.json")) {
            cases = new ObjectMapper().readTree(in);
        }
        assertEquals(5, cases.size());
        ObjectMapper mapper = new ObjectMapper();
        for (JsonNode c : cases) {
            BigInteger[] p = multiply(G1_GENERATOR, new BigInteger(c.get("a").asText()));
            BigInteger[] q = multiply(G2_GENERATOR, new BigInteger(c.get("b").asText()));
            // the reference scalar multiplication agrees with ffjavascript's points
            assertEquals(c.get("g1").get(0).asText(), p[0].toString());
            assertEquals(c.get("g1").get(1).asText(), p[2].toString());
            assertEquals(c.get("g2").get(0).get(1).asText(), q[1].toString());
            assertEquals(c.get("g2").get(1).get(0).asText(), q[2].toString());
            String[][][] expected = mapper.convertValue(c.get("pairing"), String[][][].class);
            assertArrayEquals(expected, Fp12.toDecimalStrings(e(p, q), 0), "e([" + c.get("a") + "]G1, [" + c.get("b") + "]G2)");
        }
    }

    @Test
    void bilinear() {
        long[] base = e(G1_GENERATOR, G2_GENERATOR);
        for (int i = 0; i < 2; i++) {
            BigInteger a = randomScalar(), b = randomScalar();
            BigInteger[] aP = multiply(G1_GENERATOR, a), bQ = multiply(G2_GENERATOR, b);
            assertArrayEquals(pow(base, a.multiply(b).mod(R)), e(aP, bQ), "e(aP, bQ) = e(P, Q)^(ab)");
            assertArrayEquals(e(aP, G2_GENERATOR), e(G1_GENERATOR, multiply(G2_GENERATOR, a)), "e(aP, Q) = e(P, aQ)");
        }
        // linear in each argument: e(P1 + P2, Q) = e(P1, Q) e(P2, Q)
        BigInteger[] p1 = multiply(G1_GENERATOR, randomScalar()), p2 = multiply(G1_GENERATOR, randomScalar());
        BigInteger[] q = multiply(G2_GENERATOR, randomScalar());
        long[] product = new long[Fp12.LIMBS];
        f12.mul(e(p1, q), 0, e(p2, q), 0, product, 0);
        assertArrayEquals(product, e(CurveReference.addPoints(p1, p2), q));
    }

    @Test
    void nonDegenerateOfOrderR() {
        long[] g = e(G1_GENERATOR, G2_GENERATOR);
        assertFalse(Fp12.isOne(g, 0));
        assertTrue(Fp12.isOne(pow(g, R), 0));
        assertTrue(Fp12.isOne(e(null, G2_GENERATOR), 0), "infinity pairs to 1");
        assertTrue(Fp12.isOne(e(G1_GENERATOR, null), 0), "infinity pairs to 1");
    }

    /** The final exponent is ffjavascript's: the textbook (p^12 - 1) / r times 2x(6x^2 + 3x + 1). */
    @Test
    void finalExponentiationIsThePowerItClaims() {
        BigInteger x2 = X.multiply(X), x3 = x2.multiply(X);
        BigInteger twelveX3 = x3.multiply(BigInteger.valueOf(12)), sixX2 = x2.multiply(BigInteger.valueOf(6));
        BigInteger lambda0 = twelveX3.add(x2.multiply(BigInteger.valueOf(12))).add(X.multiply(BigInteger.valueOf(6))).add(BigInteger.ONE);
        BigInteger lambda1 = twelveX3.add(sixX2).add(X.multiply(BigInteger.valueOf(4)));
        BigInteger lambda2 = twelveX3.add(sixX2).add(X.multiply(BigInteger.valueOf(6)));
        BigInteger lambda3 = lambda1.subtract(BigInteger.ONE);
        BigInteger lambda = lambda0.add(P.multiply(lambda1)).add(P.pow(2).multiply(lambda2)).add(P.pow(3).multiply(lambda3));
        BigInteger hard = P.pow(4).subtract(P.pow(2)).add(BigInteger.ONE);
        BigInteger m = BigInteger.TWO.multiply(X).multiply(x2.multiply(BigInteger.valueOf(6)).add(X.multiply(BigInteger.valueOf(3))).add(BigInteger.ONE));
        assertEquals(BigInteger.ZERO, hard.mod(R));
        assertEquals(m.multiply(hard.divide(R)), lambda);
        assertEquals(BigInteger.ONE, m.gcd(R), "still non-degenerate");

        BigInteger easy = P.pow(6).subtract(BigInteger.ONE).multiply(P.pow(2).add(BigInteger.ONE));
        BigInteger[] c = new BigInteger[12];
        for (int i = 0; i < 12; i++) {
            c[i] = new BigInteger(260, rnd).mod(P);
        }
        long[] f = Fp12.of(c);
        assertArrayEquals(pow(f, easy.multiply(lambda)), Pairing.finalExponentiation(f));
        // and so the pairing is the textbook reduced pairing to the power m
        long[] miller = Pairing.millerLoop(g1Limbs(G1_GENERATOR), g2Limbs(G2_GENERATOR), 1);
        long[] textbook = pow(miller, P.pow(12).subtract(BigInteger.ONE).divide(R));
        assertArrayEquals(pow(textbook, m.mod(R)), e(G1_GENERATOR, G2_GENERATOR));
    }

    @Test
    void productCheck() {
        BigInteger a = randomScalar(), b = randomScalar();
        BigInteger[] p = multiply(G1_GENERATOR, randomScalar()), q = multiply(G2_GENERATOR, randomScalar());
        // e(aP, bQ) e(-abP, Q) e(O, Q) e(P, O) = 1
        long[] g1 = concat(g1Limbs(multiply(p, a)), g1Limbs(negate(multiply(p, a.multiply(b).mod(R)))), g1Limbs(null), g1Limbs(p));
        long[] g2 = concat(g2Limbs(multiply(q, b)), g2Limbs(q), g2Limbs(q), g2Limbs(null));
        assertTrue(Pairing.pairingProductIsOne(g1, g2, 4));
        assertFalse(Pairing.pairingProductIsOne(g1, g2, 1));
        // a wrong exponent breaks it
        long[] g1Wrong = concat(g1Limbs(multiply(p, a.add(BigInteger.ONE))), g1Limbs(negate(multiply(p, a.multiply(b).mod(R)))));
        assertFalse(Pairing.pairingProductIsOne(g1Wrong, g2, 2));
        assertTrue(Pairing.pairingProductIsOne(new long[0], new long[0], 0), "the empty product is 1");

        PreparedG2[] prepared = new PreparedG2[4];
        for (int i = 0; i < 4; i++) {
            prepared[i] = PreparedG2.of(g2, 16 * i);
        }
        assertTrue(prepared[3].isInfinity());
        assertTrue(Pairing.pairingProductIsOne(g1, prepared, 4));
        assertFalse(Pairing.pairingProductIsOne(g1Wrong, prepared, 2));
        // the multi-Miller loop equals the product of single Miller loops (up to the final exponentiation)
        long[] single = new long[Fp12.LIMBS];
        f12.mul(Pairing.millerLoop(g1, g2, 1), 0, Pairing.millerLoop(concat(g1Limbs(p)), g2Limbs(q), 1), 0, single, 0);
        long[] pair = Pairing.millerLoop(concat(new long[][] {java.util.Arrays.copyOf(g1, 8), g1Limbs(p)}), concat(java.util.Arrays.copyOf(g2, 16), g2Limbs(q)), 2);
        assertArrayEquals(single, pair);
    }

    @Test
    void rejectsMalformedArguments() {
        long[] g1 = g1Limbs(G1_GENERATOR), g2 = g2Limbs(G2_GENERATOR);
        assertThrows(IllegalArgumentException.class, () -> Pairing.pairingProductIsOne(g1, g2, 2));
        assertThrows(IllegalArgumentException.class, () -> Pairing.pairingProductIsOne(g1, g2, -1));
        assertThrows(IllegalArgumentException.class, () -> Pairing.pairing(new long[7], g2));
        assertThrows(IllegalArgumentException.class, () -> Pairing.pairing(g1, null));
        assertThrows(IllegalArgumentException.class, () -> Pairing.pairingProductIsOne(g1, new PreparedG2[1], 1));
        assertThrows(IllegalArgumentException.class, () -> PreparedG2.of(g2, 1));
        assertThrows(IllegalArgumentException.class, () -> Pairing.finalExponentiation(new long[12]));
    }
}
