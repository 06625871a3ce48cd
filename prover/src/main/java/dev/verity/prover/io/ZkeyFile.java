package dev.verity.prover.io;

import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fr;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * snarkjs' Groth16 {@code .zkey} format, version 1, for BN254:
 *
 * <pre>
 * 1 header:         u32 protocol (1 = Groth16)
 * 2 Groth16 header: u32 n8q | q | u32 n8r | r | u32 nVars | u32 nPublic | u32 domainSize
 *                   | alpha1 | beta1 | beta2 | gamma2 | delta1 | delta2
 * 3 IC:             nPublic + 1 G1
 * 4 coefficients:   u32 n | n x (u32 matrix | u32 constraint | u32 signal | 32 bytes value)
 * 5 A:              nVars G1           6 B1: nVars G1            7 B2: nVars G2
 * 8 C:              nVars - nPublic - 1 G1                       9 H:  domainSize G1
 * 10 MPC params:    64-byte circuit hash | u32 n | n contributions
 * </pre>
 *
 * Points are affine with Montgomery-form coordinates, 32 bytes little-endian each (G2: x.c0, x.c1,
 * y.c0, y.c1), infinity as all zeros: the same bits as {@link Zkey}'s long arrays. See
 * {@link Zkey.Coefficients} for what a coefficient value is.
 */
public final class ZkeyFile {
    public static final int HEADER = 1;
    public static final int GROTH16_HEADER = 2;
    public static final int IC = 3;
    public static final int COEFFICIENTS = 4;
    public static final int POINTS_A = 5;
    public static final int POINTS_B1 = 6;
    public static final int POINTS_B2 = 7;
    public static final int POINTS_C = 8;
    public static final int POINTS_H = 9;
    public static final int MPC_PARAMS = 10;

    /** Section order of {@code snarkjs groth16 setup} / {@code zkey new}. */
    public static final int[] NEW_ORDER = {1, 2, 4, 3, 9, 8, 5, 6, 7, 10};
    /** Section order of keys rewritten by {@code snarkjs zkey contribute} / {@code beacon}. */
    public static final int[] CONTRIBUTED_ORDER = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    private static final int VERSION = 1;
    private static final int GROTH16 = 1;
    private static final int PLONK = 2;
    private static final int FFLONK = 10;
    private static final int G1 = CurveCheck.G1_LIMBS;
    private static final int G2 = CurveCheck.G2_LIMBS;
    private static final int COEFFICIENT_BYTES = 12 + 32;

    private ZkeyFile() {
    }

    public static Zkey read(Path path) throws IOException {
        return read(path, domainSize -> { });
    }

    /**
     * As {@link #read(Path)}, telling {@code onDomainSize} the key's domain size as soon as the
     * header is read, before the point sections (a prover can start preparing for that size while
     * the rest loads).
     */
    public static Zkey read(Path path, IntConsumer onDomainSize) throws IOException {
        try (BinFile file = BinFile.open(path, "zkey", VERSION, VERSION)) {
            readProtocol(file);
            long[] vk = new long[3 * G1 + 3 * G2];
            SectionInput in = file.open(GROTH16_HEADER, "Groth16 header");
            FieldHeader.read(in, Fp.MODULUS, "key is for another curve");
            FieldHeader.read(in, Fr.MODULUS, "key is for another curve");
            int nVars = in.readU32AtMost(Integer.MAX_VALUE / G2, "nVars");
            int nPublic = in.readU32AtMost(Integer.MAX_VALUE, "nPublic");
            int domainSize = in.readU32AtMost(Integer.MAX_VALUE / G1, "domainSize");
            in.readLongs(vk, 0, vk.length);
            in.expectEnd();
            // checked before the section sizes that depend on them, for a clear message
            if (nPublic >= nVars) {
                throw file.error("nPublic " + nPublic + " is not below nVars " + nVars);
            }
            if (Integer.bitCount(domainSize) != 1) {
                throw file.error("domainSize " + domainSize + " is not a power of two");
            }
            onDomainSize.accept(domainSize);
            long[] ic = readPoints(file, IC, "IC", nPublic + 1, G1);
            Zkey.Coefficients coefficients = readCoefficients(file);
            long[] a = readPoints(file, POINTS_A, "A points", nVars, G1);
            long[] b1 = readPoints(file, POINTS_B1, "B1 points", nVars, G1);
            long[] b2 = readPoints(file, POINTS_B2, "B2 points", nVars, G2);
            long[] c = readPoints(file, POINTS_C, "C points", nVars - nPublic - 1, G1);
            long[] h = readPoints(file, POINTS_H, "H points", domainSize, G1);
            byte[] mpc = file.readAll(MPC_PARAMS, "MPC parameters");
            try {
                return new Zkey(nVars, nPublic, domainSize,
                        Arrays.copyOfRange(vk, 0, G1), Arrays.copyOfRange(vk, G1, 2 * G1),
                        Arrays.copyOfRange(vk, 2 * G1, 2 * G1 + G2), Arrays.copyOfRange(vk, 2 * G1 + G2, 2 * G1 + 2 * G2),
                        Arrays.copyOfRange(vk, 2 * G1 + 2 * G2, 3 * G1 + 2 * G2),
                        Arrays.copyOfRange(vk, 3 * G1 + 2 * G2, 3 * G1 + 3 * G2),
                        ic, coefficients, a, b1, b2, c, h, mpc);
            } catch (IllegalArgumentException e) {
                throw file.error(e.getMessage());
            }
        }
    }

    private static void readProtocol(BinFile file) throws IOException {
        SectionInput in = file.open(HEADER, "header");
        long protocol = in.readU32();
        in.expectEnd();
        switch ((int) protocol) {
            case GROTH16 -> { }
            case PLONK -> throw file.error("is a PLONK key; only Groth16 keys are supported");
            case FFLONK -> throw file.error("is an FFLONK key; only Groth16 keys are supported");
            default -> throw file.error("unknown protocol id " + protocol + " (Groth16 is 1)");
        }
    }

    private static long[] readPoints(BinFile file, int id, String name, int count, int limbs) throws IOException {
        SectionInput in = file.open(id, name);
        long expected = 8L * limbs * count;
        if (in.remaining() != expected) {
            throw in.error("has " + in.remaining() + " bytes, expected " + expected + " for " + count + " points");
        }
        long[] points = new long[limbs * count];
        in.readLongs(points, 0, points.length);
        return points;
    }

    private static Zkey.Coefficients readCoefficients(BinFile file) throws IOException {
        SectionInput in = file.open(COEFFICIENTS, "coefficients");
        int n = in.readU32AtMost(Integer.MAX_VALUE / 4, "coefficient count");
        if (in.remaining() != (long) COEFFICIENT_BYTES * n) {
            throw in.error("has " + (in.remaining() + 4) + " bytes, expected 4 + 44 x " + n);
        }
        int[] matrix = new int[n];
        int[] constraint = new int[n];
        int[] signal = new int[n];
        long[] value = new long[4 * n];
        for (int i = 0; i < n; i++) {
            matrix[i] = (int) in.readU32();
            constraint[i] = (int) in.readU32();
            signal[i] = (int) in.readU32();
            in.readLongs(value, 4 * i, 4);
        }
        return new Zkey.Coefficients(matrix, constraint, signal, value);
    }

    /** Writes {@code zkey} with the sections in the order {@code snarkjs groth16 setup} uses. */
    public static void write(Zkey zkey, Path path) throws IOException {
        write(zkey, path, NEW_ORDER);
    }

    /** Writes {@code zkey} with the sections in {@code order}, a permutation of 1..10. */
    public static void write(Zkey zkey, Path path, int[] order) throws IOException {
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        if (!Arrays.equals(sorted, CONTRIBUTED_ORDER)) {
            throw new IllegalArgumentException("section order must be a permutation of 1..10: "
                    + Arrays.toString(order));
        }
        try (BinFileWriter out = BinFileWriter.create(path, "zkey", VERSION, order.length)) {
            for (int section : order) {
                out.beginSection(section);
                writeSection(out, zkey, section);
                out.endSection();
            }
            out.finish();
        }
    }

    private static void writeSection(BinFileWriter out, Zkey z, int section) throws IOException {
        switch (section) {
            case HEADER -> out.writeU32(GROTH16);
            case GROTH16_HEADER -> {
                FieldHeader.write(out, Fp.MODULUS);
                FieldHeader.write(out, Fr.MODULUS);
                out.writeU32(z.nVars());
                out.writeU32(z.nPublic());
                out.writeU32(z.domainSize());
                for (long[] p : new long[][] {z.alpha1(), z.beta1(), z.beta2(), z.gamma2(), z.delta1(), z.delta2()}) {
                    out.writeLongs(p, 0, p.length);
                }
            }
            case IC -> out.writeLongs(z.ic(), 0, z.ic().length);
            case COEFFICIENTS -> {
                Zkey.Coefficients k = z.coefficients();
                out.writeU32(k.count());
                for (int i = 0; i < k.count(); i++) {
                    out.writeU32(Integer.toUnsignedLong(k.matrix()[i]));
                    out.writeU32(Integer.toUnsignedLong(k.constraint()[i]));
                    out.writeU32(Integer.toUnsignedLong(k.signal()[i]));
                    out.writeLongs(k.value(), 4 * i, 4);
                }
            }
            case POINTS_A -> out.writeLongs(z.a(), 0, z.a().length);
            case POINTS_B1 -> out.writeLongs(z.b1(), 0, z.b1().length);
            case POINTS_B2 -> out.writeLongs(z.b2(), 0, z.b2().length);
            case POINTS_C -> out.writeLongs(z.c(), 0, z.c().length);
            case POINTS_H -> out.writeLongs(z.h(), 0, z.h().length);
            default -> out.writeBytes(z.mpcParams(), 0, z.mpcParams().length);
        }
    }
}
