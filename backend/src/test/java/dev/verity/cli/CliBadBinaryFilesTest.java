package dev.verity.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fr;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Missing, empty, truncated, mislabelled and corrupt binary inputs (.r1cs .wtns .zkey .ptau):
 * exit code 2 and a one-line report naming the file and the problem.
 */
class CliBadBinaryFilesTest {
    /** Where the witness values start in a .wtns: file header 12, section 1 (12 + n8 4 + r 32 + nWitness 4), section 2 header 12. */
    private static final int WTNS_VALUES = 12 + 12 + 40 + 12;
    private static final BigInteger MAX_256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    @TempDir
    Path dir;

    /** A binary input kind, a fixture of that kind, and a command line that reads a given file as that kind. */
    enum Kind {
        ZKEY("multiplier.zkey", (dir, bad) -> new Object[] {"groth16", "prove", bad,
            CliFiles.copy(dir, "multiplier.wtns"), dir.resolve("proof.json"), dir.resolve("public.json")}),
        ZKEY_EXPORT("multiplier.zkey", (dir, bad) -> new Object[] {"zkey", "export", "verificationkey", bad,
            dir.resolve("vk.json")}),
        WTNS("multiplier.wtns", (dir, bad) -> new Object[] {"groth16", "prove", CliFiles.copy(dir, "multiplier.zkey"), bad,
            dir.resolve("proof.json"), dir.resolve("public.json")}),
        R1CS("multiplier.r1cs", (dir, bad) -> new Object[] {"r1cs", "info", bad}),
        R1CS_SETUP("multiplier.r1cs", (dir, bad) -> new Object[] {"groth16", "setup", bad,
            CliFiles.copy(dir, "pot8_final.ptau"), dir.resolve("out.zkey")}),
        R1CS_DEVSETUP("multiplier.r1cs", (dir, bad) -> new Object[] {"groth16", "devsetup", bad, dir.resolve("out.zkey")}),
        PTAU("pot8_final.ptau", (dir, bad) -> new Object[] {"groth16", "setup", CliFiles.copy(dir, "multiplier.r1cs"), bad,
            dir.resolve("out.zkey")});

        final String fixture;
        final BiFunction<Path, Path, Object[]> command;

        Kind(String fixture, BiFunction<Path, Path, Object[]> command) {
            this.fixture = fixture;
            this.command = command;
        }

        CliResult runWith(Path dir, Path bad) {
            return CliResult.run(command.apply(dir, bad));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void missingFile(Kind kind) {
        Path missing = dir.resolve("missing-" + kind.fixture);
        kind.runWith(dir, missing).assertBadInput(missing, "no such file");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void emptyFile(Kind kind) {
        Path empty = CliFiles.write(dir, "empty-" + kind.fixture, new byte[0]);
        kind.runWith(dir, empty).assertBadInput(empty, "empty file");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void directoryInsteadOfFile(Kind kind) {
        kind.runWith(dir, dir).assertBadInput(dir, "is a directory");
    }

    /** Cuts inside the magic, the file header, the first section header and bodies, and one byte short. */
    static Stream<Arguments> truncations() {
        List<Arguments> cases = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            int size = CliFiles.bytes(kind.fixture).length;
            for (int length : new int[] {1, 3, 4, 8, 11, 12, 16, 23, 24, 80, size / 2, size - 33, size - 1}) {
                cases.add(Arguments.of(kind, length));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} cut to {1} bytes")
    @MethodSource("truncations")
    void truncatedFile(Kind kind, int length) {
        Path cut = CliFiles.truncated(dir, kind.fixture, length);
        kind.runWith(dir, cut).assertBadInput(cut, "truncated");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void fileOfAnotherFormat(Kind kind) {
        String expected = kind.fixture.substring(kind.fixture.lastIndexOf('.') + 1);
        String other = expected.equals("wtns") ? "multiplier.zkey" : "multiplier.wtns";
        String otherMagic = other.substring(other.lastIndexOf('.') + 1);
        Path wrong = CliFiles.copy(dir, other);
        kind.runWith(dir, wrong).assertBadInput(wrong, "not a " + expected + " file", "\"" + otherMagic + "\"");
    }

    @Test
    void witnessOfAnotherCircuit() {
        Path zkey = CliFiles.copy(dir, "multiplier.zkey");
        Path wtns = CliFiles.copy(dir, "many_public.wtns");
        CliResult.run("groth16", "prove", zkey, wtns, dir.resolve("proof.json"), dir.resolve("public.json"))
                .assertBadInput(wtns, "66 values", zkey + " is for a circuit of 4 wires");
    }

    @Test
    void keyOfAnotherCircuit() {
        Path zkey = CliFiles.copy(dir, "many_public.zkey");
        Path wtns = CliFiles.copy(dir, "multiplier.wtns");
        CliResult.run("groth16", "prove", zkey, wtns, dir.resolve("proof.json"), dir.resolve("public.json"))
                .assertBadInput(wtns, "4 values", zkey + " is for a circuit of 66 wires");
    }

    /**
     * A flipped bit in a wire value: multiplier's wire 3 is its private input b (c = a * b breaks);
     * many_public's wire 40 is an internal signal.
     */
    @ParameterizedTest
    @ValueSource(strings = {"multiplier:3", "many_public:40"})
    void witnessThatDoesNotSatisfyTheCircuit(String circuitAndWire) {
        String circuit = circuitAndWire.split(":")[0];
        int wire = Integer.parseInt(circuitAndWire.split(":")[1]);
        int nWitness = (CliFiles.bytes(circuit + ".wtns").length - WTNS_VALUES) / 32;
        assertEquals(CliFiles.bytes(circuit + ".wtns").length, WTNS_VALUES + 32 * nWitness, "unexpected .wtns layout");
        Path wtns = CliFiles.patched(dir, circuit + ".wtns", "bad-" + circuit + ".wtns",
                b -> b[WTNS_VALUES + 32 * wire] ^= 1);
        Path zkey = CliFiles.copy(dir, circuit + ".zkey");
        CliResult.run("groth16", "prove", zkey, wtns, dir.resolve("proof.json"), dir.resolve("public.json"))
                .assertBadInput(wtns, "does not satisfy the key's circuit", zkey.toString());
    }

    static Stream<BigInteger> notBelowR() {
        return Stream.of(Fr.MODULUS, Fr.MODULUS.add(BigInteger.ONE), Fp.MODULUS, MAX_256);
    }

    @ParameterizedTest
    @MethodSource("notBelowR")
    void witnessValueNotBelowR(BigInteger value) {
        Path wtns = CliFiles.patched(dir, "multiplier.wtns", "big.wtns", b -> CliFiles.put256(b, WTNS_VALUES + 32 * 2, value));
        CliResult.run("groth16", "prove", CliFiles.copy(dir, "multiplier.zkey"), wtns, dir.resolve("proof.json"),
                dir.resolve("public.json")).assertBadInput(wtns, "value 2", "not below r");
    }

    @Test
    void witnessWithoutTheConstantOne() {
        Path wtns = CliFiles.patched(dir, "multiplier.wtns", "zero.wtns", b -> CliFiles.put256(b, WTNS_VALUES, BigInteger.TWO));
        CliResult.run("groth16", "prove", CliFiles.copy(dir, "multiplier.zkey"), wtns, dir.resolve("proof.json"),
                dir.resolve("public.json")).assertBadInput(wtns, "value 0 must be 1");
    }

    static Stream<BigInteger> notBelowP() {
        return Stream.of(Fp.MODULUS, Fp.MODULUS.add(BigInteger.ONE), MAX_256);
    }

    /** alpha1.x in the Groth16 header (section 2): after n8q, q, n8r, r, nVars, nPublic, domainSize. */
    @ParameterizedTest
    @MethodSource("notBelowP")
    void keyCoordinateNotBelowP(BigInteger value) {
        Path zkey = CliFiles.patched(dir, "multiplier.zkey", "big.zkey",
                b -> CliFiles.put256(b, CliFiles.sectionBody(b, 2) + 4 + 32 + 4 + 32 + 12, value));
        CliResult.run("zkey", "export", "verificationkey", zkey, dir.resolve("vk.json")).assertBadInput(zkey, "below p");
    }

    @Test
    void keyPointNotOnTheCurve() {
        Path zkey = CliFiles.patched(dir, "multiplier.zkey", "off.zkey",
                b -> b[CliFiles.sectionBody(b, 2) + 4 + 32 + 4 + 32 + 12] ^= 1);
        CliResult.run("zkey", "export", "verificationkey", zkey, dir.resolve("vk.json")).assertBadInput(zkey, "curve");
    }

    /** Section 5 holds the nVars A points (64 bytes each): a flipped bit takes point 1 off the curve. */
    @Test
    void keyWithAPointOffTheCurve() {
        Path zkey = CliFiles.patched(dir, "multiplier.zkey", "damaged.zkey", b -> b[CliFiles.sectionBody(b, 5) + 64 + 1] ^= 1);
        CliResult.run("groth16", "prove", zkey, CliFiles.copy(dir, "multiplier.wtns"), dir.resolve("proof.json"),
                dir.resolve("public.json")).assertBadInput(zkey, "corrupt proving key", "not on the curve");
    }

    /** A points 2 and 3 swapped: all points valid, but the proof fails the prover's self-check. */
    @Test
    void keyWithSwappedPoints() {
        Path zkey = CliFiles.patched(dir, "multiplier.zkey", "swapped.zkey", b -> {
            int a2 = CliFiles.sectionBody(b, 5) + 2 * 64;
            byte[] point2 = Arrays.copyOfRange(b, a2, a2 + 64);
            System.arraycopy(b, a2 + 64, b, a2, 64);
            System.arraycopy(point2, 0, b, a2 + 64, 64);
        });
        Path wtns = CliFiles.copy(dir, "multiplier.wtns");
        CliResult.run("groth16", "prove", zkey, wtns, dir.resolve("proof.json"), dir.resolve("public.json"))
                .assertBadInput(wtns, "fails verification", zkey.toString(), "or the key is corrupt");
    }

    /**
     * Section 12 of a prepared ptau holds the Lagrange bases of domains 1, 2, 4, ...; multiplier's
     * domain of 4 reads points 3 to 6. Point 4 with a flipped bit is off the curve.
     */
    @Test
    void ptauWithAUsedPointOffTheCurve() {
        Path ptau = CliFiles.patched(dir, "pot8_final.ptau", "damaged.ptau",
                b -> b[CliFiles.sectionBody(b, 12) + 4 * 64 + 33] ^= 1);
        CliResult.run("groth16", "setup", CliFiles.copy(dir, "multiplier.r1cs"), ptau, dir.resolve("out.zkey"))
                .assertBadInput(ptau, "not on the curve");
    }

    @Test
    void ptauOfAnotherCurve() {
        // the ptau header (section 1) starts with n8 then the base field prime q
        Path ptau = CliFiles.patched(dir, "pot8_final.ptau", "other.ptau",
                b -> CliFiles.put256(b, CliFiles.sectionBody(b, 1) + 4, Fp.MODULUS.add(BigInteger.TWO)));
        CliResult.run("groth16", "setup", CliFiles.copy(dir, "multiplier.r1cs"), ptau, dir.resolve("out.zkey"))
                .assertBadInput(ptau, "another curve");
    }
}
