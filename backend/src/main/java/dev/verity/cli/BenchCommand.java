package dev.verity.cli;

import dev.verity.bench.Groth16Bench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Benchmarks against snarkjs (not tests: figures to read, not assertions).",
        subcommands = BenchCommand.Groth16Cmd.class)
final class BenchCommand {

    @Command(name = "groth16", description = {
            "Prove with Verity and with snarkjs on the same zkey and witness, whole processes alternating,",
            "then Verity in a warm JVM and its MSM/NTT kernels. Keys come from the unsafe dev setup (bench only)."})
    static final class Groth16Cmd implements Callable<Integer> {
        @Option(names = "--powers", split = ",", defaultValue = "16,20",
                description = "domain sizes as powers of two (default: ${DEFAULT-VALUE})")
        List<Integer> powers;

        @Option(names = "--runs", defaultValue = "3", description = "runs per tool (default: ${DEFAULT-VALUE})")
        int runs;

        @Option(names = "--dir", defaultValue = "verity-data/bench",
                description = "work directory for circuits, keys and proofs (default: ${DEFAULT-VALUE})")
        Path dir;

        @Option(names = "--snarkjs", description = "snarkjs CLI (default: $VERITY_HOME/interop/node_modules/snarkjs/build/cli.cjs)")
        Path snarkjs;

        @Option(names = "--no-snarkjs", description = "measure Verity alone")
        boolean noSnarkjs;

        @Override
        public Integer call() throws Exception {
            if (runs < 1) {
                throw new CliException("--runs must be at least 1");
            }
            List<String> snarkjsCommand = null;
            if (!noSnarkjs) {
                Path cli = snarkjs != null ? snarkjs : SelfCommand.home().resolve("interop/node_modules/snarkjs/build/cli.cjs");
                if (!Files.isRegularFile(cli)) {
                    throw new CliException(cli + ": snarkjs not found (run ./test.sh or npm install in interop/, "
                            + "pass --snarkjs, or --no-snarkjs)");
                }
                snarkjsCommand = new ArrayList<>(List.of("node", "--max-old-space-size=20000", cli.toString()));
            }
            Groth16Bench bench = new Groth16Bench(dir.toAbsolutePath(), SelfCommand.command(), snarkjsCommand, runs,
                    System.out);
            System.out.printf("# verity bench groth16 (%d cores, max heap %d MiB)%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            for (int power : powers) {
                bench.run(power);
            }
            return VerityCli.EXIT_OK;
        }
    }
}
