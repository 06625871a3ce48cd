package dev.verity.prover.ptau;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.io.FormatException;
import dev.verity.prover.io.PtauFile;
import dev.verity.prover.io.PtauWriter;
import dev.verity.prover.util.Progress;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Powers of Tau ceremony of snarkjs (Perpetual Powers of Tau scheme) on {@code .ptau} files:
 * a new accumulator, random contributions, a beacon, and the challenge/response exchange with
 * tools that work on bare challenge files. Files pass freely between Verity and snarkjs.
 *
 * <p>Hash chain: the first challenge hash covers the initial accumulator; a contribution's
 * response hash covers that challenge hash, its output points (compressed) and its public key;
 * the next challenge hash covers the response hash and the output points (uncompressed).
 * Section 7 stores, per contribution, the response hasher's state before the key (so verifiers
 * can finish it) and the next challenge hash.
 *
 * <p>Outputs are written to a temporary file beside the target and moved into place at the end,
 * so a failure never leaves a partial output.
 */
public final class PowersOfTau {
    /** The largest power: Fr has 2-adicity 28 and prepared files go up to power + 1. */
    public static final int MAX_POWER = 27;
    private static final int CHUNK = 1 << 14;

    private PowersOfTau() {
    }

    // ---------------------------------------------------------------- new

    /**
     * {@code powersoftau new}: the accumulator of 2^power powers with every secret equal to one.
     *
     * @return the first challenge hash
     */
    public static byte[] newAccumulator(Path out, int power, Progress progress) throws IOException {
        requirePower(power);
        long[] g1 = repeated(G1.GENERATOR, CHUNK);
        long[] g2 = repeated(G2.GENERATOR, CHUNK);
        writeAtomically(out, tmp -> {
            try (PtauWriter writer = PtauWriter.create(tmp, power, power, false)) {
                for (PointSection section : PointSection.values()) {
                    long count = section.count(power);
                    progress.report("new " + section.label, 0, count);
                    writer.beginSection(section.id);
                    for (long done = 0; done < count; done += CHUNK) {
                        int n = (int) Math.min(CHUNK, count - done);
                        writer.writePoints(section.g1 ? g1 : g2, 0, n);
                        progress.report("new " + section.label, done + n, count);
                    }
                    writer.endSection();
                }
                writer.writeContributions(new byte[4]);
                writer.finish();
            }
        });
        return firstChallengeHash(power);
    }

    /**
     * The hash a first contributor answers: BLAKE2b of the empty BLAKE2b digest and the initial
     * accumulator's points uncompressed (snarkjs' {@code calculateFirstChallengeHash}).
     */
    public static byte[] firstChallengeHash(int power) {
        requirePower(power);
        Blake2b hasher = new Blake2b().update(Blake2b.hash(new byte[0]));
        PointEncodings codec = new PointEncodings();
        for (PointSection section : PointSection.values()) {
            long[] generator = section.g1 ? G1.GENERATOR : G2.GENERATOR;
            int size = section.uncompressedBytes();
            byte[] one = new byte[size];
            section.uncompressed(codec, generator, 1, one);
            long count = section.count(power);
            byte[] block = new byte[(int) Math.min(count, CHUNK) * size];
            for (int i = 0; i < block.length; i += size) {
                System.arraycopy(one, 0, block, i, size);
            }
            for (long done = 0; done < count; done += CHUNK) {
                int n = (int) Math.min(CHUNK, count - done);
                hasher.update(block, 0, n * size);
            }
        }
        return hasher.digest();
    }

    // ---------------------------------------------------------------- contributions

    /**
     * {@code powersoftau contribute}: applies fresh secrets, drawn from the system's secure random
     * generator mixed with {@code entropy} (which may be empty), and appends the contribution.
     * The secrets are forgotten when this returns.
     *
     * @return the contribution's response hash, which the contributor publishes
     */
    public static byte[] contribute(Path in, Path out, String name, byte[] entropy, Progress progress)
            throws IOException {
        return applyContribution(in, out, name, challenge -> KeyPair.create(challenge, randomRng(entropy)), null, 0,
                progress);
    }

    /**
     * {@code powersoftau beacon}: a contribution whose secrets anyone can recompute from a public
     * random value: {@code beaconHash} hashed 2^iterationsExp times with SHA-256 seeds the
     * generator. It ends a ceremony.
     */
    public static byte[] beacon(Path in, Path out, String name, byte[] beaconHash, int iterationsExp,
            Progress progress) throws IOException {
        requireBeacon(beaconHash, iterationsExp);
        return applyContribution(in, out, name, challenge -> beaconKey(challenge, beaconHash, iterationsExp),
                beaconHash, iterationsExp, progress);
    }

    /** The key a beacon derives (snarkjs' {@code keyFromBeacon}). */
    static KeyPair beaconKey(byte[] challengeHash, byte[] beaconHash, int iterationsExp) {
        byte[] seed = beaconHash;
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (long i = 0, n = 1L << iterationsExp; i != n; i++) {
                seed = sha256.digest(seed);
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        return KeyPair.create(challengeHash, ChaChaRng.fromHash(seed));
    }

    static void requireBeacon(byte[] beaconHash, int iterationsExp) {
        if (beaconHash.length == 0 || beaconHash.length > 255) {
            throw new IllegalArgumentException("the beacon hash must have 1 to 255 bytes, got " + beaconHash.length);
        }
        if (iterationsExp < 10 || iterationsExp > 63) {
            throw new IllegalArgumentException("the beacon iterations exponent must be in [10, 63], got "
                    + iterationsExp);
        }
    }

    private interface KeySource {
        KeyPair derive(byte[] challengeHash);
    }

    private static byte[] applyContribution(Path in, Path out, String name, KeySource keys, byte[] beaconHash,
            int iterationsExp, Progress progress) throws IOException {
        try (PtauFile file = PtauFile.open(in)) {
            int power = file.power();
            if (power != file.ceremonyPower()) {
                throw new FormatException(in, "this file was cut from a ceremony of power " + file.ceremonyPower()
                        + " (powersoftau truncate); contribute to the full file instead");
            }
            List<Contribution> contributions = transcript(file);
            byte[] challenge = contributions.isEmpty() ? firstChallengeHash(power)
                    : contributions.get(contributions.size() - 1).nextChallenge();
            KeyPair key = keys.derive(challenge);
            Blake2b response = new Blake2b().update(challenge);
            long[][] firsts = new long[PointSection.values().length][];
            String storedName = Transcript.truncateName(name);
            byte[] next = new byte[Blake2b.DIGEST_BYTES];
            writeAtomically(out, tmp -> {
                List<Contribution> all = new ArrayList<>(contributions);
                try (PtauWriter writer = PtauWriter.create(tmp, power, power, false)) {
                    PointEncodings codec = new PointEncodings();
                    for (PointSection section : PointSection.values()) {
                        BigInteger first = switch (section) {
                            case TAU_G1, TAU_G2 -> BigInteger.ONE;
                            case ALPHA_TAU_G1 -> key.alpha();
                            case BETA_TAU_G1, BETA_G2 -> key.beta();
                        };
                        firsts[section.ordinal()] = transformSection(file, writer, codec, section, first, key.tau(),
                                response, progress);
                    }
                    byte[] partial = response.exportState();
                    all.add(contribution(firsts, key.publicKey(), partial, next, storedName, beaconHash,
                            iterationsExp));
                    writer.writeContributions(Transcript.serialize(all));
                    writer.finish();
                }
                byte[] responseHash = all.get(all.size() - 1).responseHash();
                System.arraycopy(nextChallengeHash(tmp, responseHash, progress), 0, next, 0, next.length);
                patchLastNextChallenge(tmp, all.get(all.size() - 1).withNextChallenge(next));
            });
            return Blake2b.importState(response.exportState()).update(key.publicKey().toBytes(false)).digest();
        }
    }

    /** Multiplies one section by the key and writes it; returns the section's first two points. */
    private static long[] transformSection(PtauFile file, PtauWriter writer, PointEncodings codec,
            PointSection section, BigInteger first, BigInteger tau, Blake2b response, Progress progress)
            throws IOException {
        long count = section.count(file.power());
        long[] firstPoints = new long[2 * section.limbs()];
        // snarkjs feeds its response hasher 1 MiB of uncompressed points at a time; the same
        // pieces leave the same bytes in the hasher's buffer, so the partial hash is identical
        int chunk = (1 << 20) / (8 * section.limbs());
        byte[] compressed = new byte[(int) Math.min(chunk, count) * section.compressedBytes()];
        progress.report("contribute " + section.label, 0, count);
        G2SubgroupCheck subgroup = section.g1 ? null : new G2SubgroupCheck(new SecureRandom());
        writer.beginSection(section.id);
        for (long done = 0; done < count; done += chunk) {
            int n = (int) Math.min(chunk, count - done);
            long[] points = section.read(file, done, n);
            InputPoints.require(file.path(), section, points, n, done, subgroup);
            KeyApplication.apply(section, points, n, done, first, tau);
            writer.writePoints(points, 0, n);
            section.compressed(codec, points, n, compressed);
            response.update(compressed, 0, n * section.compressedBytes());
            if (done == 0) {
                System.arraycopy(points, 0, firstPoints, 0, Math.min(2, n) * section.limbs());
            }
            progress.report("contribute " + section.label, done + n, count);
        }
        InputPoints.requireSubgroup(file.path(), section, subgroup);
        writer.endSection();
        return firstPoints;
    }

    private static Contribution contribution(long[][] firsts, PublicKey key, byte[] partialHash, byte[] next,
            String name, byte[] beaconHash, int iterationsExp) {
        int g1 = G1.AFFINE;
        int g2 = G2.AFFINE;
        return new Contribution(
                Arrays.copyOfRange(firsts[PointSection.TAU_G1.ordinal()], g1, 2 * g1),
                Arrays.copyOfRange(firsts[PointSection.TAU_G2.ordinal()], g2, 2 * g2),
                Arrays.copyOf(firsts[PointSection.ALPHA_TAU_G1.ordinal()], g1),
                Arrays.copyOf(firsts[PointSection.BETA_TAU_G1.ordinal()], g1),
                Arrays.copyOf(firsts[PointSection.BETA_G2.ordinal()], g2),
                key, partialHash, next.clone(),
                beaconHash == null ? Contribution.Type.CONTRIBUTION : Contribution.Type.BEACON, name,
                iterationsExp, beaconHash == null ? null : beaconHash.clone());
    }

    /** BLAKE2b of the response hash and sections 2-6 of {@code file} uncompressed. */
    static byte[] nextChallengeHash(Path path, byte[] responseHash, Progress progress) throws IOException {
        try (PtauFile file = PtauFile.open(path)) {
            Blake2b hasher = new Blake2b().update(responseHash);
            hashSections(file, hasher, progress, "hash");
            return hasher.digest();
        }
    }

    /** Feeds sections 2-6 of {@code file}, uncompressed, to {@code hasher}. */
    static void hashSections(PtauFile file, Blake2b hasher, Progress progress, String step) throws IOException {
        PointEncodings codec = new PointEncodings();
        for (PointSection section : PointSection.values()) {
            long count = section.count(file.power());
            byte[] encoded = new byte[(int) Math.min(CHUNK, count) * section.uncompressedBytes()];
            progress.report(step + " " + section.label, 0, count);
            for (long done = 0; done < count; done += CHUNK) {
                int n = (int) Math.min(CHUNK, count - done);
                section.uncompressed(codec, section.read(file, done, n), n, encoded);
                hasher.update(encoded, 0, n * section.uncompressedBytes());
                progress.report(step + " " + section.label, done + n, count);
            }
        }
    }

    /**
     * Section 7 is the last section and its last contribution ends with next challenge (64) |
     * type (4) | params length (4) | params: overwrite the hash in place.
     */
    private static void patchLastNextChallenge(Path path, Contribution last) throws IOException {
        int tail = Blake2b.DIGEST_BYTES + 8 + Transcript.paramsLength(last);
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.seek(file.length() - tail);
            file.write(last.nextChallenge());
        }
    }

    // ---------------------------------------------------------------- challenge / response

    /**
     * {@code powersoftau export challenge}: the last response hash (64 bytes) then sections 2-6
     * uncompressed, for contributors who use other tools. Checks that the file's points hash to
     * its recorded next challenge.
     *
     * @return the challenge hash (BLAKE2b of the whole challenge file)
     */
    public static byte[] exportChallenge(Path in, Path challenge, Progress progress) throws IOException {
        try (PtauFile file = PtauFile.open(in)) {
            List<Contribution> contributions = transcript(file);
            byte[] lastResponse = contributions.isEmpty() ? Blake2b.hash(new byte[0])
                    : contributions.get(contributions.size() - 1).responseHash();
            byte[] expected = contributions.isEmpty() ? firstChallengeHash(file.power())
                    : contributions.get(contributions.size() - 1).nextChallenge();
            Blake2b hasher = new Blake2b().update(lastResponse);
            writeAtomically(challenge, tmp -> {
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
                    os.write(lastResponse);
                    PointEncodings codec = new PointEncodings();
                    for (PointSection section : PointSection.values()) {
                        long count = section.count(file.power());
                        byte[] encoded = new byte[(int) Math.min(CHUNK, count) * section.uncompressedBytes()];
                        progress.report("export " + section.label, 0, count);
                        for (long done = 0; done < count; done += CHUNK) {
                            int n = (int) Math.min(CHUNK, count - done);
                            section.uncompressed(codec, section.read(file, done, n), n, encoded);
                            os.write(encoded, 0, n * section.uncompressedBytes());
                            hasher.update(encoded, 0, n * section.uncompressedBytes());
                            progress.report("export " + section.label, done + n, count);
                        }
                    }
                }
                byte[] actual = hasher.digest();
                if (!Arrays.equals(actual, expected)) {
                    throw new FormatException(in, "its points do not hash to the challenge recorded in its last"
                            + " contribution: the file is corrupted");
                }
            });
            return expected;
        }
    }

    /**
     * {@code powersoftau challenge contribute}: answers a bare challenge file with a response
     * (challenge hash, the transformed points compressed, the public key uncompressed).
     *
     * @return the response hash
     */
    public static byte[] challengeContribute(Path challenge, Path response, byte[] entropy, Progress progress)
            throws IOException {
        long size = Files.size(challenge);
        int power = challengePower(challenge, size);
        byte[] challengeHash = hashFile(challenge);
        KeyPair key = KeyPair.create(challengeHash, randomRng(entropy));
        Blake2b hasher = new Blake2b().update(challengeHash);
        writeAtomically(response, tmp -> {
            try (InputStream is = new BufferedInputStream(Files.newInputStream(challenge), 1 << 20);
                    OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
                is.readNBytes(Blake2b.DIGEST_BYTES);
                os.write(challengeHash);
                PointEncodings codec = new PointEncodings();
                for (PointSection section : PointSection.values()) {
                    BigInteger first = switch (section) {
                        case TAU_G1, TAU_G2 -> BigInteger.ONE;
                        case ALPHA_TAU_G1 -> key.alpha();
                        case BETA_TAU_G1, BETA_G2 -> key.beta();
                    };
                    long count = section.count(power);
                    byte[] in = new byte[(int) Math.min(CHUNK, count) * section.uncompressedBytes()];
                    byte[] outBytes = new byte[(int) Math.min(CHUNK, count) * section.compressedBytes()];
                    long[] points = new long[(int) Math.min(CHUNK, count) * section.limbs()];
                    G2SubgroupCheck subgroup = section.g1 ? null : new G2SubgroupCheck(new SecureRandom());
                    progress.report("contribute " + section.label, 0, count);
                    for (long done = 0; done < count; done += CHUNK) {
                        int n = (int) Math.min(CHUNK, count - done);
                        readFully(is, in, n * section.uncompressedBytes(), challenge);
                        try {
                            section.fromUncompressed(codec, in, n, points);
                        } catch (IllegalArgumentException e) {
                            throw new FormatException(challenge, section.label + " at " + done + ": " + e.getMessage());
                        }
                        if (subgroup != null) {
                            subgroup.absorb(points, n);
                        }
                        KeyApplication.apply(section, points, n, done, first, key.tau());
                        section.compressed(codec, points, n, outBytes);
                        os.write(outBytes, 0, n * section.compressedBytes());
                        hasher.update(outBytes, 0, n * section.compressedBytes());
                        progress.report("contribute " + section.label, done + n, count);
                    }
                    InputPoints.requireSubgroup(challenge, section, subgroup);
                }
                byte[] keyBytes = key.publicKey().toBytes(false);
                os.write(keyBytes);
                hasher.update(keyBytes);
            }
        });
        return hasher.digest();
    }

    /**
     * {@code powersoftau import response}: appends the contribution a response file carries to
     * the transcript of {@code in}, checking that it answers this file's current challenge and
     * that every point decodes to a valid curve point (the proofs are checked by {@link
     * PtauVerifier}).
     *
     * @return the next challenge hash
     */
    public static byte[] importResponse(Path in, Path response, Path out, String name, Progress progress)
            throws IOException {
        try (PtauFile file = PtauFile.open(in)) {
            int power = file.power();
            long expectedSize = Blake2b.DIGEST_BYTES + PublicKey.BYTES;
            for (PointSection section : PointSection.values()) {
                expectedSize += section.count(power) * section.compressedBytes();
            }
            long size = Files.size(response);
            if (size != expectedSize) {
                throw new FormatException(response, "a response for power " + power + " has " + expectedSize
                        + " bytes, this one has " + size);
            }
            List<Contribution> contributions = transcript(file);
            byte[] challenge = contributions.isEmpty() ? firstChallengeHash(power)
                    : contributions.get(contributions.size() - 1).nextChallenge();
            Blake2b hasher = new Blake2b();
            long[][] firsts = new long[PointSection.values().length][];
            byte[] next = new byte[Blake2b.DIGEST_BYTES];
            writeAtomically(out, tmp -> {
                List<Contribution> all = new ArrayList<>(contributions);
                try (InputStream is = new BufferedInputStream(Files.newInputStream(response), 1 << 20);
                        PtauWriter writer = PtauWriter.create(tmp, power, file.ceremonyPower(), false)) {
                    byte[] answered = is.readNBytes(Blake2b.DIGEST_BYTES);
                    if (!Arrays.equals(answered, challenge)) {
                        throw new FormatException(response, "it answers another challenge than the current one of "
                                + in.getFileName() + " (wrong file, or a contribution is missing in between)");
                    }
                    hasher.update(answered);
                    PointEncodings codec = new PointEncodings();
                    for (PointSection section : PointSection.values()) {
                        long count = section.count(power);
                        // the pieces snarkjs hashes (16 MiB of uncompressed points), for the same partial hash
                        int chunk = (1 << 24) / (8 * section.limbs());
                        byte[] bytes = new byte[(int) Math.min(chunk, count) * section.compressedBytes()];
                        long[] points = new long[(int) Math.min(chunk, count) * section.limbs()];
                        firsts[section.ordinal()] = new long[2 * section.limbs()];
                        G2SubgroupCheck subgroup = section.g1 ? null : new G2SubgroupCheck(new SecureRandom());
                        progress.report("import " + section.label, 0, count);
                        writer.beginSection(section.id);
                        for (long done = 0; done < count; done += chunk) {
                            int n = (int) Math.min(chunk, count - done);
                            readFully(is, bytes, n * section.compressedBytes(), response);
                            hasher.update(bytes, 0, n * section.compressedBytes());
                            try {
                                section.fromCompressed(codec, bytes, n, points);
                            } catch (IllegalArgumentException e) {
                                throw new FormatException(response, section.label + " at " + done + ": "
                                        + e.getMessage());
                            }
                            if (subgroup != null) {
                                subgroup.absorb(points, n);
                            }
                            writer.writePoints(points, 0, n);
                            if (done == 0) {
                                System.arraycopy(points, 0, firsts[section.ordinal()], 0,
                                        Math.min(2, n) * section.limbs());
                            }
                            progress.report("import " + section.label, done + n, count);
                        }
                        InputPoints.requireSubgroup(response, section, subgroup);
                        writer.endSection();
                    }
                    byte[] partial = hasher.exportState();
                    byte[] keyBytes = is.readNBytes(PublicKey.BYTES);
                    PublicKey key;
                    try {
                        key = PublicKey.fromBytes(keyBytes, 0, false);
                    } catch (IllegalArgumentException e) {
                        throw new FormatException(response, "public key: " + e.getMessage());
                    }
                    all.add(contribution(firsts, key, partial, next, Transcript.truncateName(name), null, 0));
                    writer.writeContributions(Transcript.serialize(all));
                    writer.finish();
                }
                byte[] responseHash = all.get(all.size() - 1).responseHash();
                System.arraycopy(nextChallengeHash(tmp, responseHash, progress), 0, next, 0, next.length);
                patchLastNextChallenge(tmp, all.get(all.size() - 1).withNextChallenge(next));
            });
            return next;
        }
    }

    // ---------------------------------------------------------------- helpers

    static List<Contribution> transcript(PtauFile file) throws IOException {
        try {
            return Transcript.parse(file.contributions());
        } catch (IllegalArgumentException e) {
            throw new FormatException(file.path(), "section 7 (contributions): " + e.getMessage());
        }
    }

    private static int challengePower(Path challenge, long size) throws FormatException {
        // 64 + (2^(p+1) - 1) * 64 + 2^p * 128 + 2 * 2^p * 64 + 128 = 64 + 64 + 2^p * 384
        long body = size - 128;
        if (body <= 0 || body % 384 != 0 || Long.bitCount(body / 384) != 1) {
            throw new FormatException(challenge, "size " + size + " is not the size of a challenge file");
        }
        int power = Long.numberOfTrailingZeros(body / 384);
        requirePower(power);
        return power;
    }

    private static byte[] hashFile(Path path) throws IOException {
        Blake2b hasher = new Blake2b();
        byte[] buffer = new byte[1 << 20];
        try (InputStream is = Files.newInputStream(path)) {
            for (int n; (n = is.read(buffer)) > 0; ) {
                hasher.update(buffer, 0, n);
            }
        }
        return hasher.digest();
    }

    private static void readFully(InputStream is, byte[] buffer, int length, Path path) throws IOException {
        if (is.readNBytes(buffer, 0, length) != length) {
            throw new FormatException(path, "truncated");
        }
    }

    /** A generator seeded from 64 fresh secure random bytes and the user's entropy, as snarkjs does. */
    private static ChaChaRng randomRng(byte[] entropy) {
        byte[] fresh = new byte[64];
        new SecureRandom().nextBytes(fresh);
        Blake2b hasher = new Blake2b().update(fresh);
        if (entropy != null) {
            hasher.update(entropy);
        }
        return ChaChaRng.fromHash(hasher.digest());
    }

    /** UTF-8 bytes of a user's entropy text. */
    public static byte[] entropy(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    static void requirePower(int power) {
        if (power < 1 || power > MAX_POWER) {
            throw new IllegalArgumentException("power must be in [1, " + MAX_POWER + "], got " + power);
        }
    }

    private static long[] repeated(long[] point, int count) {
        long[] out = new long[point.length * count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(point, 0, out, i * point.length, point.length);
        }
        return out;
    }

    @FunctionalInterface
    private interface FileWork {
        void write(Path tmp) throws IOException;
    }

    /** Runs {@code work} on a temporary file beside {@code target}, then moves it into place. */
    private static void writeAtomically(Path target, FileWork work) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".partial");
        try {
            work.write(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
