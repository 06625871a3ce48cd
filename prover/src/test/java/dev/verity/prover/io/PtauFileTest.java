package dev.verity.prover.io;

import static dev.verity.prover.io.Fixtures.assertFormatError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fr;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PtauFileTest {
    private static final BigInteger P = Fp.MODULUS;
    static final BigInteger[] G1_GENERATOR = {BigInteger.ONE, BigInteger.TWO};
    static final BigInteger[] G2_GENERATOR = {
        new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
        new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634"),
        new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
        new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531")};

    @TempDir
    Path dir;

    @Test
    void readsHeaderAndPlainPowers() throws IOException {
        try (PtauFile ptau = PtauFile.open(Fixtures.path("pot8_final.ptau"))) {
            assertEquals(8, ptau.power());
            assertEquals(8, ptau.ceremonyPower());
            assertTrue(ptau.isPreparedForPhase2());
            assertArrayEquals(G1_GENERATOR, affine(ptau.tauG1(0, 1), 0, 2)); // tau^0 = 1
            assertArrayEquals(G2_GENERATOR, affine(ptau.tauG2(0, 1), 0, 4));
            assertEquals(511 * 8, ptau.tauG1(0, 511).length);
            assertEquals(256 * 16, ptau.tauG2(0, 256).length);
            assertArrayEquals(ptau.tauG1(200, 311), Arrays.copyOfRange(ptau.tauG1(0, 511), 200 * 8, 511 * 8));
            assertEquals(16, ptau.betaG2().length);
            assertTrue(ptau.contributions().length > 4);
            assertFormatError(ptau.path(), () -> ptau.tauG1(500, 12), "section 2 (tauG1)", "cannot read");
        }
    }

    /**
     * Block p of each prepared section holds [L_j(tau)] for the size-2^p domain; the Lagrange basis
     * sums to 1, so the block's points sum to [1] (G1, G2) or [alpha], [beta] for sections 14, 15.
     */
    @Test
    void lagrangeBlocksSumToTheFirstPower() throws IOException {
        try (PtauFile ptau = PtauFile.open(Fixtures.path("pot8_final.ptau"))) {
            BigInteger[] alpha = affine(ptau.alphaTauG1(0, 1), 0, 2);
            BigInteger[] beta = affine(ptau.betaTauG1(0, 1), 0, 2);
            for (int p = 0; p <= 9; p++) {
                assertArrayEquals(G1_GENERATOR, sumG1(ptau.lagrangeG1(p)), "tauG1 block " + p);
                if (p <= 8) {
                    assertArrayEquals(alpha, sumG1(ptau.lagrangeAlphaG1(p)), "alphaTauG1 block " + p);
                    assertArrayEquals(beta, sumG1(ptau.lagrangeBetaG1(p)), "betaTauG1 block " + p);
                }
            }
            for (int p : new int[] {0, 1, 3, 8}) {
                assertArrayEquals(G2_GENERATOR, sumG2(ptau.lagrangeG2(p)), "tauG2 block " + p);
            }
            assertArrayEquals(Arrays.copyOfRange(ptau.lagrangeG1(5), 8 * 3, 8 * 10),
                    ptau.lagrangePoints(PtauFile.LAGRANGE_G1, 31 + 3, 7));
            assertFormatError(ptau.path(), () -> ptau.lagrangeG1(10), "needs power 10", "only goes up to 9");
            assertFormatError(ptau.path(), () -> ptau.lagrangeG2(9), "needs power 9", "only goes up to 8");
            assertFormatError(ptau.path(), () -> ptau.lagrangeBetaG1(9), "only goes up to 8");
            ptau.requireDomainPower(8);
            assertFormatError(ptau.path(), () -> ptau.requireDomainPower(9), "needs a domain of 2^9", "power 8");
        }
    }

    /** A fresh zkey takes alpha, beta from the ptau and H from the odd points of the next block up. */
    @Test
    void agreesWithWhatSnarkjsSetupTookFromIt() throws IOException {
        Zkey z = ZkeyFile.read(Fixtures.path("multiplier_0000.zkey"));
        try (PtauFile ptau = PtauFile.open(Fixtures.path("pot8_final.ptau"))) {
            assertArrayEquals(ptau.alphaTauG1(0, 1), z.alpha1());
            assertArrayEquals(ptau.betaTauG1(0, 1), z.beta1());
            assertArrayEquals(ptau.betaG2(), z.beta2());
            int cirPower = Integer.numberOfTrailingZeros(z.domainSize());
            long[] doubled = ptau.lagrangeG1(cirPower + 1);
            long[] odd = new long[8 * z.domainSize()];
            for (int i = 0; i < z.domainSize(); i++) {
                System.arraycopy(doubled, 8 * (2 * i + 1), odd, 8 * i, 8);
            }
            assertArrayEquals(odd, z.h());
        }
    }

    @Test
    void refusesUnpreparedAndCorruptFiles() throws IOException {
        String name = "pot8_final.ptau";
        Path file = Fixtures.path(name);
        Path unprepared = dir.resolve("unprepared.ptau");
        copySections(file, unprepared, 1, 2, 3, 4, 5, 6, 7);
        try (PtauFile ptau = PtauFile.open(unprepared)) {
            assertFalse(ptau.isPreparedForPhase2());
            assertEquals(256 * 8, ptau.alphaTauG1(0, 256).length);
            assertFormatError(unprepared, () -> ptau.lagrangeG1(2), "not prepared for phase 2",
                    "snarkjs powersoftau prepare phase2");
            assertFormatError(unprepared, () -> ptau.requireDomainPower(2), "not prepared for phase 2");
        }
        Path partial = dir.resolve("partial.ptau");
        copySections(file, partial, 1, 2, 3, 4, 5, 6, 7, 12);
        assertFormatError(partial, () -> PtauFile.open(partial), "missing section 13");

        int h = (int) Fixtures.section(file, "ptau", PtauFile.HEADER).offset();
        int tau = (int) Fixtures.section(file, "ptau", PtauFile.TAU_G1).offset();
        Path curve = Fixtures.patched(dir, name, b -> Fixtures.put256(b, h + 4, Fr.MODULUS));
        assertFormatError(curve, () -> PtauFile.open(curve), "powers of tau for another curve");
        Path power = Fixtures.patched(dir, name, b -> b.putInt(h + 36, 7));
        assertFormatError(power, () -> PtauFile.open(power), "section 2 (tauG1) has 32704 bytes, expected 16320");
        Path big = Fixtures.patched(dir, name, b -> b.putInt(h + 36, 40));
        assertFormatError(big, () -> PtauFile.open(big), "power is 40");
        Path coordinate = Fixtures.patched(dir, name, b -> Fixtures.put256(b, tau + 5 * 64 + 32, P));
        try (PtauFile ptau = PtauFile.open(coordinate)) {
            assertEquals(40, ptau.tauG1(0, 5).length);
            assertFormatError(coordinate, () -> ptau.tauG1(3, 4), "section 2 (tauG1): point 5", "not below p");
        }
        int size = Fixtures.bytes(name).length;
        for (int cut : new int[] {0, 11, h + 10, tau + 1000, size - 64}) {
            Path t = Fixtures.truncated(dir, name, cut);
            assertFormatError(t, () -> PtauFile.open(t).close(), "truncated");
        }
    }

    /** Copies the listed sections of a binfile verbatim into a new file. */
    static void copySections(Path from, Path to, int... ids) throws IOException {
        try (BinFile in = BinFile.open(from, "ptau", 1, 1);
                BinFileWriter out = BinFileWriter.create(to, "ptau", 1, ids.length)) {
            for (int id : ids) {
                byte[] body = in.readAll(id, "copy");
                out.beginSection(id);
                out.writeBytes(body, 0, body.length);
                out.endSection();
            }
            out.finish();
        }
    }

    // ------------------------------------------------------------------ affine arithmetic on BigInteger

    /** Plain coordinates of point {@code i} (2 for G1, 4 for G2), null for infinity. */
    static BigInteger[] affine(long[] points, int i, int coordinates) {
        int o = 4 * coordinates * i;
        if (Arrays.stream(points, o, o + 4 * coordinates).allMatch(v -> v == 0)) {
            return null;
        }
        BigInteger[] out = new BigInteger[coordinates];
        for (int k = 0; k < coordinates; k++) {
            out[k] = Fp.FIELD.toBigInteger(points, o + 4 * k);
        }
        return out;
    }

    private static BigInteger[] sumG1(long[] points) {
        BigInteger[] acc = null;
        for (int i = 0; i < points.length / 8; i++) {
            acc = addG1(acc, affine(points, i, 2));
        }
        return acc;
    }

    private static BigInteger[] addG1(BigInteger[] a, BigInteger[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        BigInteger lambda;
        if (a[0].equals(b[0])) {
            if (a[1].add(b[1]).mod(P).signum() == 0) {
                return null;
            }
            lambda = a[0].pow(2).multiply(BigInteger.valueOf(3)).multiply(a[1].shiftLeft(1).modInverse(P)).mod(P);
        } else {
            lambda = b[1].subtract(a[1]).multiply(b[0].subtract(a[0]).modInverse(P)).mod(P);
        }
        BigInteger x = lambda.pow(2).subtract(a[0]).subtract(b[0]).mod(P);
        return new BigInteger[] {x, lambda.multiply(a[0].subtract(x)).subtract(a[1]).mod(P)};
    }

    private static BigInteger[] sumG2(long[] points) {
        BigInteger[] acc = null;
        for (int i = 0; i < points.length / 16; i++) {
            acc = addG2(acc, affine(points, i, 4));
        }
        return acc;
    }

    /** Fp2 elements as {c0, c1} with u^2 = -1. */
    private static BigInteger[] f2(BigInteger c0, BigInteger c1) {
        return new BigInteger[] {c0.mod(P), c1.mod(P)};
    }

    private static BigInteger[] mul2(BigInteger[] a, BigInteger[] b) {
        return f2(a[0].multiply(b[0]).subtract(a[1].multiply(b[1])), a[0].multiply(b[1]).add(a[1].multiply(b[0])));
    }

    private static BigInteger[] sub2(BigInteger[] a, BigInteger[] b) {
        return f2(a[0].subtract(b[0]), a[1].subtract(b[1]));
    }

    private static BigInteger[] inv2(BigInteger[] a) {
        BigInteger n = a[0].pow(2).add(a[1].pow(2)).mod(P).modInverse(P);
        return f2(a[0].multiply(n), a[1].negate().multiply(n));
    }

    private static BigInteger[] addG2(BigInteger[] a, BigInteger[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        BigInteger[] ax = {a[0], a[1]}, ay = {a[2], a[3]}, bx = {b[0], b[1]}, by = {b[2], b[3]};
        BigInteger[] lambda;
        if (Arrays.equals(ax, bx)) {
            if (Arrays.equals(f2(ay[0].add(by[0]), ay[1].add(by[1])), f2(BigInteger.ZERO, BigInteger.ZERO))) {
                return null;
            }
            BigInteger[] x2 = mul2(ax, ax);
            lambda = mul2(f2(x2[0].multiply(BigInteger.valueOf(3)), x2[1].multiply(BigInteger.valueOf(3))),
                    inv2(f2(ay[0].shiftLeft(1), ay[1].shiftLeft(1))));
        } else {
            lambda = mul2(sub2(by, ay), inv2(sub2(bx, ax)));
        }
        BigInteger[] x = sub2(sub2(mul2(lambda, lambda), ax), bx);
        BigInteger[] y = sub2(mul2(lambda, sub2(ax, x)), ay);
        return new BigInteger[] {x[0], x[1], y[0], y[1]};
    }
}
