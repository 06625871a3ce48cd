package dev.verity.cli;

import dev.verity.prover.ptau.PowersOfTau;
import dev.verity.prover.ptau.PreparePhase2;
import dev.verity.prover.ptau.PtauVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verity powersoftau ...}: the Powers of Tau ceremony with snarkjs' command names and
 * argument order; the files pass freely between the two tools.
 */
@Command(name = "powersoftau", description = "Powers of Tau ceremony files (.ptau), snarkjs-compatible.",
        subcommands = {PowersOfTauCommand.NewCmd.class, PowersOfTauCommand.ContributeCmd.class,
                PowersOfTauCommand.BeaconCmd.class, PowersOfTauCommand.PrepareCmd.class, PowersOfTauCommand.VerifyCmd.class,
                PowersOfTauCommand.ExportCmd.class, PowersOfTauCommand.ImportCmd.class,
                PowersOfTauCommand.ChallengeCmd.class})
final class PowersOfTauCommand {
    private static final String PTAU = "Powers of Tau file (.ptau)";

    private PowersOfTauCommand() {
    }

    @Command(name = "new", description = {"Start a ceremony: the accumulator of 2^power powers.",
            "Arguments as snarkjs ([bn128] <power> <out.ptau>); power at most " + PowersOfTau.MAX_POWER + "."})
    static final class NewCmd implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(arity = "2..3", paramLabel = "[bn128] <power> <out.ptau>") List<String> args;

        @Override
        public Integer call() {
            if (args.size() == 3) {
                requireCurve(args.get(0));
            }
            String powerText = args.get(args.size() - 2);
            Path out = Path.of(args.get(args.size() - 1));
            int power;
            try {
                power = Integer.parseInt(powerText);
            } catch (NumberFormatException e) {
                throw new CliException("power must be an integer, got '" + powerText + "'");
            }
            if (power < 1 || power > PowersOfTau.MAX_POWER) {
                throw new CliException("power must be in [1, " + PowersOfTau.MAX_POWER + "] (the 2-adicity of BN254's"
                        + " scalar field bounds the domains), got " + power);
            }
            requireWritable(out);
            StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
            byte[] challenge = run(out, () -> PowersOfTau.newAccumulator(out, power, progress));
            progress.finish();
            printHash(spec, "First contribution hash (challenge)", challenge);
            return VerityCli.EXIT_OK;
        }
    }

    @Command(name = "contribute", description = {"Add a random contribution.",
            "The secrets come from the system's secure random generator mixed with --entropy, and are forgotten."})
    static final class ContributeCmd implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<in.ptau>") Path in;
        @Parameters(index = "1", paramLabel = "<out.ptau>") Path out;
        @Option(names = {"-n", "--name"}, description = "Name recorded with the contribution (64 characters at most).")
        String name;
        @Option(names = {"-e", "--entropy"}, description = "Extra entropy text mixed into the random generator.")
        String entropy;

        @Override
        public Integer call() {
            requireWritable(out);
            StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
            byte[] response = Inputs.read(in, PTAU,
                    p -> PowersOfTau.contribute(p, out, name, PowersOfTau.entropy(entropy), progress));
            progress.finish();
            printHash(spec, "Contribution response hash", response);
            return VerityCli.EXIT_OK;
        }
    }

    @Command(name = "beacon", description = {"Add a beacon contribution: secrets derived from a public random value.",
            "<beaconHash> in hex (1 to 255 bytes) is hashed 2^<numIterationsExp> times with SHA-256 (10 to 63)."})
    static final class BeaconCmd implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<in.ptau>") Path in;
        @Parameters(index = "1", paramLabel = "<out.ptau>") Path out;
        @Parameters(index = "2", paramLabel = "<beaconHash>") String beaconHex;
        @Parameters(index = "3", paramLabel = "<numIterationsExp>") int iterationsExp;
        @Option(names = {"-n", "--name"}, description = "Name recorded with the contribution.") String name;

        @Override
        public Integer call() {
            byte[] beacon;
            try {
                beacon = HexFormat.of().parseHex(beaconHex.startsWith("0x") ? beaconHex.substring(2) : beaconHex);
            } catch (IllegalArgumentException e) {
                throw new CliException("beacon hash must be hexadecimal with an even number of digits: " + beaconHex);
            }
            if (beacon.length == 0 || beacon.length > 255) {
                throw new CliException("beacon hash must have 1 to 255 bytes, got " + beacon.length);
            }
            if (iterationsExp < 10 || iterationsExp > 63) {
                throw new CliException("numIterationsExp must be in [10, 63], got " + iterationsExp);
            }
            requireWritable(out);
            StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
            byte[] response = Inputs.read(in, PTAU,
                    p -> PowersOfTau.beacon(p, out, name, beacon, iterationsExp, progress));
            progress.finish();
            printHash(spec, "Contribution response hash", response);
            return VerityCli.EXIT_OK;
        }
    }

    @Command(name = "prepare", description = "Prepare a .ptau file for circuit keys.", subcommands = PrepareCmd.Phase2.class)
    static final class PrepareCmd {
        @Command(name = "phase2", description = {"Compute the Lagrange-basis sections that groth16 setup reads.",
                "Byte-identical to snarkjs' output; parallel group NTTs over G1 and G2."})
        static final class Phase2 implements Callable<Integer> {
            @Spec CommandSpec spec;
            @Parameters(index = "0", paramLabel = "<in.ptau>") Path in;
            @Parameters(index = "1", paramLabel = "<out.ptau>") Path out;

            @Override
            public Integer call() {
                requireWritable(out);
                StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
                Inputs.read(in, PTAU, p -> {
                    PreparePhase2.run(p, out, progress);
                    return out;
                });
                progress.finish();
                return VerityCli.EXIT_OK;
            }
        }
    }

    @Command(name = "verify", description = {"Verify a whole ceremony transcript; exit code 0 if it holds, 1 if a check fails.",
            "Checks every contribution's proofs and chain, the powers, the challenge hash and the phase-2 sections."})
    static final class VerifyCmd implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<pot.ptau>") Path ptau;

        @Override
        public Integer call() {
            StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
            PtauVerifier.Report report = Inputs.read(ptau, PTAU, p -> PtauVerifier.verify(p, progress));
            progress.finish();
            report.log().forEach(spec.commandLine().getOut()::println);
            if (report.ok()) {
                spec.commandLine().getOut().println("OK: Powers of Tau file verified");
                return VerityCli.EXIT_OK;
            }
            spec.commandLine().getOut().println("INVALID: " + report.failure());
            return VerityCli.EXIT_INVALID_PROOF;
        }
    }

    @Command(name = "export", description = "Export data from a .ptau file.", subcommands = ExportCmd.Challenge.class)
    static final class ExportCmd {
        @Command(name = "challenge", description = "Write the current challenge for contributors using other tools.")
        static final class Challenge implements Callable<Integer> {
            @Spec CommandSpec spec;
            @Parameters(index = "0", paramLabel = "<in.ptau>") Path in;
            @Parameters(index = "1", paramLabel = "<challenge>") Path challenge;

            @Override
            public Integer call() {
                requireWritable(challenge);
                StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
                byte[] hash = Inputs.read(in, PTAU, p -> PowersOfTau.exportChallenge(p, challenge, progress));
                progress.finish();
                printHash(spec, "Challenge hash", hash);
                return VerityCli.EXIT_OK;
            }
        }
    }

    @Command(name = "import", description = "Import into a .ptau file.", subcommands = ImportCmd.Response.class)
    static final class ImportCmd {
        @Command(name = "response", description = "Append the contribution of a response file to the transcript.")
        static final class Response implements Callable<Integer> {
            @Spec CommandSpec spec;
            @Parameters(index = "0", paramLabel = "<in.ptau>") Path in;
            @Parameters(index = "1", paramLabel = "<response>") Path response;
            @Parameters(index = "2", paramLabel = "<out.ptau>") Path out;
            @Option(names = {"-n", "--name"}, description = "Name recorded with the contribution.") String name;

            @Override
            public Integer call() {
                requireWritable(out);
                Inputs.read(response, "response file", Files::size);
                StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
                byte[] next = Inputs.read(in, PTAU, p -> PowersOfTau.importResponse(p, response, out, name, progress));
                progress.finish();
                printHash(spec, "Next challenge hash", next);
                return VerityCli.EXIT_OK;
            }
        }
    }

    @Command(name = "challenge", description = "Work on bare challenge files.", subcommands = ChallengeCmd.Contribute.class)
    static final class ChallengeCmd {
        @Command(name = "contribute", description = "Answer a challenge file with a response (snarkjs: <curve> <challenge> <response>).")
        static final class Contribute implements Callable<Integer> {
            @Spec CommandSpec spec;
            @Parameters(index = "0", paramLabel = "<curve>") String curve;
            @Parameters(index = "1", paramLabel = "<challenge>") Path challenge;
            @Parameters(index = "2", paramLabel = "<response>") Path response;
            @Option(names = {"-e", "--entropy"}, description = "Extra entropy text mixed into the random generator.")
            String entropy;

            @Override
            public Integer call() {
                requireCurve(curve);
                requireWritable(response);
                StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
                byte[] hash = Inputs.read(challenge, "challenge file",
                        p -> PowersOfTau.challengeContribute(p, response, PowersOfTau.entropy(entropy), progress));
                progress.finish();
                printHash(spec, "Contribution response hash", hash);
                return VerityCli.EXIT_OK;
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    @FunctionalInterface
    private interface Action<T> {
        T run() throws java.io.IOException;
    }

    private static <T> T run(Path out, Action<T> action) {
        try {
            return action.run();
        } catch (java.io.IOException e) {
            throw new CliException(out + ": cannot write: " + Failures.describe(e), e);
        }
    }

    static void requireCurve(String curve) {
        String c = curve.toLowerCase(Locale.ROOT);
        if (!c.equals("bn128") && !c.equals("bn254") && !c.equals("alt_bn128")) {
            throw new CliException("unsupported curve '" + curve + "': Verity works on BN254 (bn128) only");
        }
    }

    /** Refuses an output that is a directory or lies in a missing directory, before any work. */
    static void requireWritable(Path out) {
        if (Files.isDirectory(out)) {
            throw new CliException(out + ": is a directory (expected an output file)");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new CliException(out + ": its directory does not exist");
        }
    }

    private static void printHash(CommandSpec spec, String title, byte[] hash) {
        String hex = HexFormat.of().formatHex(hash);
        StringBuilder text = new StringBuilder(title).append(':');
        for (int i = 0; i < hex.length(); i += 32) {
            text.append(System.lineSeparator()).append('\t').append(hex, i, i + 32);
        }
        spec.commandLine().getOut().println(text);
    }
}
