package dev.verity.prover.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PtauWriterTest {
    @TempDir
    Path dir;

    /** Every section of the snarkjs-made fixture, read and written back, gives the same bytes. */
    @Test
    void rewritesTheSnarkjsFixtureByteForByte() throws IOException {
        Path copy = dir.resolve("copy.ptau");
        try (PtauFile in = PtauFile.open(Fixtures.path("pot8_final.ptau"));
                PtauWriter out = PtauWriter.create(copy, in.power(), in.ceremonyPower(), true)) {
            int n = 1 << in.power();
            copySection(out, PtauFile.TAU_G1, in.tauG1(0, 2 * n - 1), 8);
            copySection(out, PtauFile.TAU_G2, in.tauG2(0, n), 16);
            copySection(out, PtauFile.ALPHA_TAU_G1, in.alphaTauG1(0, n), 8);
            copySection(out, PtauFile.BETA_TAU_G1, in.betaTauG1(0, n), 8);
            copySection(out, PtauFile.BETA_G2, in.betaG2(), 16);
            out.writeContributions(in.contributions());
            copySection(out, PtauFile.LAGRANGE_G1, in.lagrangePoints(PtauFile.LAGRANGE_G1, 0, 4 * n - 1), 8);
            copySection(out, PtauFile.LAGRANGE_G2, in.lagrangePoints(PtauFile.LAGRANGE_G2, 0, 2 * n - 1), 16);
            copySection(out, PtauFile.LAGRANGE_ALPHA_G1,
                    in.lagrangePoints(PtauFile.LAGRANGE_ALPHA_G1, 0, 2 * n - 1), 8);
            copySection(out, PtauFile.LAGRANGE_BETA_G1,
                    in.lagrangePoints(PtauFile.LAGRANGE_BETA_G1, 0, 2 * n - 1), 8);
            out.finish();
        }
        assertArrayEquals(Fixtures.bytes("pot8_final.ptau"), Files.readAllBytes(copy));
    }

    /** Writes the points in two pieces, as a streaming producer would. */
    private static void copySection(PtauWriter out, int id, long[] points, int limbs) throws IOException {
        int count = points.length / limbs;
        out.beginSection(id);
        out.writePoints(points, 0, count / 2);
        out.writePoints(points, count / 2, count - count / 2);
        out.endSection();
    }

    @Test
    void refusesSectionsOutOfOrderWrongCountsAndAnUnfinishedFile() throws IOException {
        Path file = dir.resolve("bad.ptau");
        long[] g1Points = new long[8 * 8];
        try (PtauWriter out = PtauWriter.create(file, 2, 2, false)) {
            assertThrows(IllegalStateException.class, () -> out.beginSection(PtauFile.TAU_G2));
            assertThrows(IllegalStateException.class, () -> out.writeContributions(new byte[4]));
            out.beginSection(PtauFile.TAU_G1); // 2^3 - 1 = 7 points for power 2
            assertThrows(IllegalArgumentException.class, () -> out.writePoints(g1Points, 0, 8));
            assertThrows(IllegalArgumentException.class, () -> out.writePoints(g1Points, 2, 7));
            out.writePoints(g1Points, 0, 6);
            assertThrows(IllegalStateException.class, out::endSection);
            out.writePoints(g1Points, 0, 1);
            out.endSection();
            assertThrows(IllegalStateException.class, out::finish);
        }
        assertFalse(Files.exists(file), "an unfinished file must be deleted");
    }

    @Test
    void writesAnUnpreparedFileThatPtauFileReads() throws IOException {
        Path file = dir.resolve("plain.ptau");
        try (PtauWriter out = PtauWriter.create(file, 1, 3, false)) {
            for (int id : new int[] {PtauFile.TAU_G1, PtauFile.TAU_G2, PtauFile.ALPHA_TAU_G1, PtauFile.BETA_TAU_G1,
                PtauFile.BETA_G2}) {
                int count = id == PtauFile.TAU_G1 ? 3 : id == PtauFile.BETA_G2 ? 1 : 2;
                int limbs = id == PtauFile.TAU_G2 || id == PtauFile.BETA_G2 ? 16 : 8;
                out.beginSection(id);
                out.writePoints(new long[limbs * count], 0, count);
                out.endSection();
            }
            assertThrows(IllegalArgumentException.class, () -> out.writeContributions(new byte[3]));
            out.writeContributions(new byte[4]);
            assertThrows(IllegalStateException.class, () -> out.beginSection(PtauFile.LAGRANGE_G1));
            out.finish();
        }
        try (PtauFile ptau = PtauFile.open(file)) {
            assertTrue(ptau.power() == 1 && ptau.ceremonyPower() == 3);
            assertFalse(ptau.isPreparedForPhase2());
            assertArrayEquals(new byte[4], ptau.contributions());
        }
    }

    @Test
    void refusesPowersOutsideTheFormat() {
        Path file = dir.resolve("x.ptau");
        assertThrows(IllegalArgumentException.class, () -> PtauWriter.create(file, 0, 0, true));
        assertThrows(IllegalArgumentException.class, () -> PtauWriter.create(file, 31, 31, true));
        assertThrows(IllegalArgumentException.class, () -> PtauWriter.create(file, 8, 7, true));
        assertFalse(Files.exists(file));
    }
}
