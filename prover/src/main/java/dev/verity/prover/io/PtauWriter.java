package dev.verity.prover.io;

import dev.verity.prover.field.Fp;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a snarkjs Powers of Tau file ({@code .ptau}, version 1; layout in {@link PtauFile}) as
 * snarkjs does: header, then sections 2, 3, 4, 5, 6, 7 in that order and, for a file prepared for
 * phase 2, sections 12, 13, 14, 15. Point sections are streamed: open one with
 * {@link #beginSection}, write its points in as many pieces as convenient, close it with
 * {@link #endSection}, which checks that it got exactly the count its power requires. Section 7
 * (the ceremony transcript) is written verbatim in one piece by {@link #writeContributions}.
 *
 * <p>Points are affine in the shared layouts (G1 8 longs, G2 16 longs, infinity all zeros), which
 * is the file's own encoding; they are written as given, not checked. As with
 * {@link BinFileWriter}, closing before {@link #finish()} deletes the partial file.
 */
public final class PtauWriter implements Closeable {
    private static final int[] PLAIN_ORDER = {
        PtauFile.TAU_G1, PtauFile.TAU_G2, PtauFile.ALPHA_TAU_G1, PtauFile.BETA_TAU_G1, PtauFile.BETA_G2,
        PtauFile.CONTRIBUTIONS};
    private static final int[] PREPARED_ORDER = {
        PtauFile.TAU_G1, PtauFile.TAU_G2, PtauFile.ALPHA_TAU_G1, PtauFile.BETA_TAU_G1, PtauFile.BETA_G2,
        PtauFile.CONTRIBUTIONS, PtauFile.LAGRANGE_G1, PtauFile.LAGRANGE_G2, PtauFile.LAGRANGE_ALPHA_G1,
        PtauFile.LAGRANGE_BETA_G1};

    private final BinFileWriter out;
    private final int power;
    private final int[] order;
    /** Index in {@link #order} of the next section to write. */
    private int next;
    /** Id of the open point section, or -1. */
    private int open = -1;
    private long written;

    private PtauWriter(BinFileWriter out, int power, int[] order) {
        this.out = out;
        this.power = power;
        this.order = order;
    }

    /**
     * Creates (or replaces) {@code path} and writes the header.
     *
     * @param ceremonyPower the power of the ceremony the file comes from: {@code power} for a file
     *                      made at its own size, larger for one cut from a bigger ceremony
     * @param preparedForPhase2 whether the Lagrange sections 12-15 will follow section 7
     */
    public static PtauWriter create(Path path, int power, int ceremonyPower, boolean preparedForPhase2)
            throws IOException {
        if (power < 1 || power > PtauFile.MAX_POWER) {
            throw new IllegalArgumentException("power must be in [1, " + PtauFile.MAX_POWER + "], got " + power);
        }
        if (ceremonyPower < power || ceremonyPower > PtauFile.MAX_POWER) {
            throw new IllegalArgumentException("ceremonyPower must be in [power = " + power + ", "
                    + PtauFile.MAX_POWER + "], got " + ceremonyPower);
        }
        int[] order = preparedForPhase2 ? PREPARED_ORDER : PLAIN_ORDER;
        BinFileWriter out = BinFileWriter.create(path, "ptau", 1, 1 + order.length);
        try {
            out.beginSection(PtauFile.HEADER);
            FieldHeader.write(out, Fp.MODULUS);
            out.writeU32(power);
            out.writeU32(ceremonyPower);
            out.endSection();
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
        return new PtauWriter(out, power, order);
    }

    /** Opens point section {@code id}, which must be the next one in snarkjs' order. */
    public void beginSection(int id) throws IOException {
        if (id == PtauFile.CONTRIBUTIONS) {
            throw new IllegalArgumentException("section 7 is written whole by writeContributions");
        }
        takeNext(id);
        out.beginSection(id);
        open = id;
        written = 0;
    }

    /** Appends {@code count} points from point index {@code first} of {@code points} to the open section. */
    public void writePoints(long[] points, int first, int count) throws IOException {
        if (open < 0) {
            throw new IllegalStateException("no point section open");
        }
        int limbs = pointLimbs(open);
        if (first < 0 || count < 0 || (long) (first + (long) count) * limbs > points.length) {
            throw new IllegalArgumentException("points " + first + " .. " + ((long) first + count)
                    + " are not all in an array of " + points.length / limbs + " points");
        }
        if (written + count > pointCount(open)) {
            throw new IllegalArgumentException("section " + open + " holds " + pointCount(open)
                    + " points for power " + power + "; " + (written + count) + " written");
        }
        out.writeLongs(points, first * limbs, count * limbs);
        written += count;
    }

    /** Closes the open point section; it must hold exactly the points its power requires. */
    public void endSection() throws IOException {
        if (open < 0) {
            throw new IllegalStateException("no point section open");
        }
        if (written != pointCount(open)) {
            throw new IllegalStateException("section " + open + " needs " + pointCount(open) + " points for power "
                    + power + ", got " + written);
        }
        out.endSection();
        open = -1;
    }

    /**
     * Writes section 7 verbatim: {@code u32 n} and n contribution records (see the snarkjs sources);
     * {@code {0, 0, 0, 0}} is the empty transcript of {@code snarkjs powersoftau new}.
     */
    public void writeContributions(byte[] body) throws IOException {
        if (body.length < 4) {
            throw new IllegalArgumentException("section 7 starts with a u32 count of contributions; got " + body.length
                    + " bytes");
        }
        takeNext(PtauFile.CONTRIBUTIONS);
        out.beginSection(PtauFile.CONTRIBUTIONS);
        out.writeBytes(body, 0, body.length);
        out.endSection();
    }

    /** Completes the file; every section must have been written. */
    public void finish() throws IOException {
        if (open >= 0 || next < order.length) {
            throw new IllegalStateException("file incomplete: section "
                    + (open >= 0 ? open + " still open" : order[next] + " not written"));
        }
        out.finish();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void takeNext(int id) {
        if (open >= 0) {
            throw new IllegalStateException("section " + open + " still open when starting section " + id);
        }
        if (next == order.length || order[next] != id) {
            throw new IllegalStateException("section " + id + " out of order: expected "
                    + (next == order.length ? "no more sections" : "section " + order[next]));
        }
        next++;
    }

    private static int pointLimbs(int id) {
        return switch (id) {
            case PtauFile.TAU_G2, PtauFile.BETA_G2, PtauFile.LAGRANGE_G2 -> CurveCheck.G2_LIMBS;
            default -> CurveCheck.G1_LIMBS;
        };
    }

    private long pointCount(int id) {
        long n = 1L << power;
        return switch (id) {
            case PtauFile.TAU_G1 -> 2 * n - 1;
            case PtauFile.BETA_G2 -> 1;
            case PtauFile.LAGRANGE_G1 -> 4 * n - 1;
            case PtauFile.LAGRANGE_G2, PtauFile.LAGRANGE_ALPHA_G1, PtauFile.LAGRANGE_BETA_G1 -> 2 * n - 1;
            default -> n; // tauG2, alphaTauG1, betaTauG1
        };
    }
}
