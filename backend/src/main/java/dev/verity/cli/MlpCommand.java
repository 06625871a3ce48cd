package dev.verity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verity.prover.field.Fr;
import dev.verity.prover.io.FormatException;
import dev.verity.prover.io.R1csFile;
import dev.verity.prover.io.WtnsFile;
import dev.verity.prover.zkml.MlpCircuit;
import dev.verity.prover.zkml.ModelFile;
import dev.verity.prover.zkml.QuantizedMlp;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "mlp", description = "Quantized MLP circuits: a private 8-bit input behind a Poseidon commitment, "
        + "public class and logits.", subcommands = {MlpCommand.Compile.class, MlpCommand.Witness.class})
final class MlpCommand {
    private static final String MODEL = "quantized model (JSON)";
    private static final String INPUT = "input (JSON array of integers 0..255)";

    @Command(name = "compile", description = "Write the circuit (.r1cs) of a model and print its cost by stage.")
    static final class Compile implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<model.json>") Path model;
        @Parameters(index = "1", paramLabel = "<circuit.r1cs>") Path r1cs;

        @Override
        public Integer call() {
            QuantizedMlp mlp = Inputs.read(model, MODEL, ModelFile::read);
            // the constraint system depends on the model only: any input gives the same one
            MlpCircuit.Result result = MlpCircuit.build(mlp, new int[mlp.inputSize()], BigInteger.ZERO, BigInteger.ZERO);
            Inputs.write(r1cs, "circuit", p -> R1csFile.write(result.circuit().cs(), p));
            PrintWriter out = spec.commandLine().getOut();
            for (MlpCircuit.Cost cost : result.costs()) {
                out.printf("%-60s %8d%n", cost.stage(), cost.constraints());
            }
            out.printf("%-60s %8d%n", "total constraints", result.circuit().cs().nConstraints());
            out.println("public signals: commitment, class, " + mlp.classes() + " logits, address");
            return VerityCli.EXIT_OK;
        }
    }

    @Command(name = "witness", description = {"Run the model on an input and write the circuit's witness (.wtns).",
            "Prints the class, the logits and the input commitment."})
    static final class Witness implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<model.json>") Path model;
        @Parameters(index = "1", paramLabel = "<input.json>") Path input;
        @Parameters(index = "2", paramLabel = "<witness.wtns>") Path wtns;
        @Option(names = "--address", required = true, paramLabel = "<0x...>",
                description = "the submitter's Ethereum address (20 bytes, hex)") String address;
        @Option(names = "--blinding", required = true, paramLabel = "<n>",
                description = "the commitment's secret blinding value below r (decimal or 0x hex); keep it with the input")
        String blinding;

        @Override
        public Integer call() {
            BigInteger addressValue = parseAddress(address);
            BigInteger blindingValue = parseBlinding(blinding);
            QuantizedMlp mlp = Inputs.read(model, MODEL, ModelFile::read);
            int[] pixels = Inputs.read(input, INPUT, p -> readInput(p, mlp.inputSize()));
            MlpCircuit.Result result = MlpCircuit.build(mlp, pixels, blindingValue, addressValue);
            Inputs.write(wtns, "witness", p -> WtnsFile.write(result.circuit().witness(), p));
            PrintWriter out = spec.commandLine().getOut();
            out.println("class: " + result.predictedClass());
            StringJoiner logits = new StringJoiner(" ");
            for (long v : result.logits()) {
                logits.add(Long.toString(v));
            }
            out.println("logits: " + logits);
            out.println("commitment: " + result.commitment());
            return VerityCli.EXIT_OK;
        }
    }

    private static BigInteger parseAddress(String text) {
        if (!text.matches("0x[0-9a-fA-F]{40}")) {
            throw new CliException("--address must be 0x followed by 40 hex digits, got \"" + text + "\"");
        }
        return new BigInteger(text.substring(2), 16);
    }

    private static BigInteger parseBlinding(String text) {
        BigInteger v;
        try {
            v = text.startsWith("0x") ? new BigInteger(text.substring(2), 16) : new BigInteger(text);
        } catch (NumberFormatException e) {
            throw new CliException("--blinding must be a decimal or 0x-hex integer");
        }
        if (!Fr.FIELD.isCanonical(v)) {
            throw new CliException("--blinding must be in [0, r)");
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
