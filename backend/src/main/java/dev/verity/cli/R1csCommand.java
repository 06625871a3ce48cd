package dev.verity.cli;

import dev.verity.prover.groth16.CircuitShape;
import dev.verity.prover.io.R1csFile;
import dev.verity.prover.r1cs.ConstraintSystem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "r1cs", description = "Circuit tools.", subcommands = R1csCommand.Info.class)
final class R1csCommand {

    @Command(name = "info", description = "Print the size of a circuit (.r1cs).")
    static final class Info implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<circuit.r1cs>") Path r1cs;

        @Override
        public Integer call() {
            ConstraintSystem cs = Inputs.read(r1cs, "circuit (.r1cs)", R1csFile::read);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Curve: bn-128");
            out.println("# of Wires: " + cs.nWires());
            out.println("# of Constraints: " + cs.nConstraints());
            out.println("# of Private Inputs: " + cs.nPrvIn());
            out.println("# of Public Inputs: " + cs.nPubIn());
            out.println("# of Labels: " + cs.nLabels());
            out.println("# of Outputs: " + cs.nPubOut());
            int log2 = CircuitShape.domainLog2(cs);
            out.println("Groth16 domain: " + (1 << log2) + " (needs a Powers of Tau file of power " + log2 + " or more)");
            return VerityCli.EXIT_OK;
        }
    }
}
