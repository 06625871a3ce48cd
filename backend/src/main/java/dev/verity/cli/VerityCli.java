package dev.verity.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code verity} command line. Subcommands mirror snarkjs' names and argument order, so a
 * script switches from snarkjs by changing one word.
 *
 * <p>Exit codes: 0 success (and a valid proof), 1 a proof that does not verify, 2 bad input or
 * usage, reported as one line on stderr naming the file and the problem.
 *
 * <p>Every subcommand has {@code --help} and {@code --version} (scope INHERIT): the hint of a
 * usage error points to the failing subcommand's {@code --help}.
 */
@Command(name = "verity", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "verity 0.1.0",
        description = "Groth16 over BN254 in pure Java, compatible with circom and snarkjs files.",
        subcommands = {Groth16Command.class, ZkeyCommand.class, R1csCommand.class, PowersOfTauCommand.class,
                ModelCommand.class, BenchCommand.class, DemoCommand.class, DeployCommand.class})
public final class VerityCli implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_INVALID_PROOF = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line on the process' stdout and stderr and returns its exit code. */
    public static int run(String... args) {
        return execute(new CommandLine(new VerityCli()), args);
    }

    /** Runs a command line writing to {@code out} and {@code err} (for tests and embedding). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new VerityCli());
        cli.setOut(out);
        cli.setErr(err);
        return execute(cli, args);
    }

    private static int execute(CommandLine cli, String... args) {
        cli.setExecutionExceptionHandler(VerityCli::reportFailure);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("verity: " + Failures.describe(ex) + " (usage: "
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return EXIT_BAD_INPUT;
        });
        return cli.execute(args);
    }

    /** Bad input of any kind: one line, no stack trace (VERITY_DEBUG=1 shows it), exit code 2. */
    private static int reportFailure(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        err.println("verity: " + Failures.describe(ex));
        if (System.getenv("VERITY_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        return EXIT_BAD_INPUT;
    }
}
