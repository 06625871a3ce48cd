package dev.verity.prover.zkml;

import dev.verity.prover.field.Fr;
import dev.verity.prover.gadgets.Bits;
import dev.verity.prover.gadgets.FixedPoint;
import dev.verity.prover.gadgets.Selection;
import dev.verity.prover.r1cs.Circuit;
import dev.verity.prover.r1cs.CircuitBuilder;
import dev.verity.prover.r1cs.HintOverride;
import dev.verity.prover.r1cs.LinearCombination;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a {@link QuantizedModel} with fixed weights into a circuit proving
 * {@code logits = Model(input)} for a private 8-bit input behind a public commitment.
 *
 * <p>Public signals, in order: outputs {@code [commitment, class, logit_0 .. logit_{c-1}]}
 * (negative logits as {@code r - |x|}), then the public input {@code address} (the submitter,
 * so that a proof cannot be replayed by another sender). Private: the input bytes and the
 * blinding of the commitment.
 *
 * <p>Costs: each input byte is 8 boolean hints (the byte is their weighted sum, so packing it
 * into the commitment is free); multiply-accumulates with the fixed weights are free linear
 * combinations; each neuron then pays its rescale and ReLU with one decomposition of its
 * accumulator, sized from the accumulator's static bounds (n + 2 constraints for n bits, n + 1
 * when the neuron can never be negative, none when it can never be positive); max pooling pays
 * comparisons; the class is an argmax over the logits.
 *
 * <p>With {@link Outputs#CLASS_ONLY} the logits are not public signals (the class still is).
 *
 * <p>With a public input ({@link #buildPublicInput}) there is no commitment and no blinding: the
 * public signals are {@code [class, logit_0 .. logit_{c-1}]} then the inputs {@code address,
 * x_0 .. x_{n-1}}, and the pixels are not decomposed into bits: the verifier reads them and checks
 * their range itself (the circuit proves the logits of exactly the values given). That removes
 * the 8n + 1,113 constraints of the private input, at the price of n more public signals.
 */
public final class ModelCircuit {
    /** Which outputs are public: the class and the logits (the default), or the class alone. */
    public enum Outputs {
        CLASS_AND_LOGITS, CLASS_ONLY
    }

    /** Constraints spent by one stage of the circuit. */
    public record Cost(String stage, int constraints) {
    }

    /** Records what each stage of a circuit under construction costs. */
    static final class Stages {
        private final CircuitBuilder b;
        private final List<Cost> costs = new ArrayList<>();
        private int mark;

        Stages(CircuitBuilder b) {
            this.b = b;
        }

        /** The stage that ends now: the constraints added since the previous one. */
        void record(String stage) {
            costs.add(new Cost(stage, b.constraints() - mark));
            mark = b.constraints();
        }
    }

    /** The circuit with its witness, what it computed, and its cost by stage. */
    public record Result(Circuit circuit, BigInteger commitment, int predictedClass, long[] logits,
            List<Cost> costs) {
    }

    private ModelCircuit() {
    }

    /**
     * Builds the circuit for {@code model} and its witness for one input. The constraint system
     * depends only on the model, so the one built for any input serves for the key setup.
     *
     * @param address the submitter's address, below 2^160
     */
    public static Result build(QuantizedModel model, int[] pixels, BigInteger blinding, BigInteger address) {
        return build(model, pixels, blinding, address, Outputs.CLASS_AND_LOGITS);
    }

    /** {@link #build} with the public outputs chosen: with {@link Outputs#CLASS_ONLY} the logits stay private. */
    public static Result build(QuantizedModel model, int[] pixels, BigInteger blinding, BigInteger address,
            Outputs outputs) {
        return buildWith(model, pixels, blinding, address, outputs, null);
    }

    /**
     * Builds the circuit of {@code model} with the input public (see the class comment); the
     * result's commitment is null.
     */
    public static Result buildPublicInput(QuantizedModel model, int[] pixels, BigInteger address) {
        return buildPublicInput(model, pixels, address, Outputs.CLASS_AND_LOGITS);
    }

    /** {@link #buildPublicInput} with the public outputs chosen. */
    public static Result buildPublicInput(QuantizedModel model, int[] pixels, BigInteger address, Outputs outputs) {
        model.checkInput(pixels);
        checkAddress(address);
        CircuitBuilder b = new CircuitBuilder();
        Stages stages = new Stages(b);
        LinearCombination addressWire = b.publicInput(address);
        b.mul(addressWire, addressWire); // see build: binds the address whatever the key setup
        LinearCombination[] x = new LinearCombination[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            x[i] = b.publicInput(pixels[i]);
        }
        stages.record("address + public input (" + pixels.length + " values, range checked by the verifier)");
        LinearCombination[] logitWires = model.compile(b, x, stages);
        Selection.Argmax argmax = argmax(b, model, logitWires, stages);
        long[] logits = publishOutputs(b, argmax, logitWires, outputs, stages);
        return new Result(b.build(), null, (int) b.longValue(argmax.index()), logits, List.copyOf(stages.costs));
    }

    private static void checkAddress(BigInteger address) {
        if (address.signum() < 0 || address.bitLength() > 160) {
            throw new IllegalArgumentException("address must be a 160-bit unsigned integer");
        }
    }

    private static Selection.Argmax argmax(CircuitBuilder b, QuantizedModel model, LinearCombination[] logits,
            Stages stages) {
        int width = model.logitBound().signedBits();
        Selection.Argmax argmax = Selection.argmax(b, logits, width);
        stages.record("argmax over " + logits.length + " logits (" + width + "-bit)");
        return argmax;
    }

    /** Makes the class and, if asked, the logits public outputs (in that order); returns the logits' values. */
    private static long[] publishOutputs(CircuitBuilder b, Selection.Argmax argmax, LinearCombination[] logitWires,
            Outputs outputs, Stages stages) {
        b.publicOutput(argmax.index());
        long[] logits = new long[logitWires.length];
        for (int j = 0; j < logitWires.length; j++) {
            if (outputs == Outputs.CLASS_AND_LOGITS) {
                b.publicOutput(logitWires[j]);
            }
            logits[j] = b.longValue(logitWires[j]);
        }
        stages.record("public outputs");
        return logits;
    }

    /** {@link #build} with a hook that replaces hint values (a cheating prover, for tests); null for none. */
    static Result buildWith(QuantizedModel model, int[] pixels, BigInteger blinding, BigInteger address,
            Outputs outputs, HintOverride override) {
        model.checkInput(pixels);
        if (!Fr.FIELD.isCanonical(blinding)) {
            throw new IllegalArgumentException("blinding must be in [0, r)");
        }
        checkAddress(address);
        CircuitBuilder b = new CircuitBuilder();
        b.overrideHints(override);
        Stages stages = new Stages(b);

        LinearCombination addressWire = b.publicInput(address);
        // a public input that no constraint uses is still bound by the verification equation,
        // but one constraint makes that independent of how the key was set up
        b.mul(addressWire, addressWire);
        LinearCombination blindingWire = b.privateInput(blinding);

        LinearCombination[] x = new LinearCombination[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            x[i] = Bits.fromBits(Bits.booleans(b, BigInteger.valueOf(pixels[i]), QuantizedModel.INPUT_BITS));
        }
        stages.record("address + input bytes (" + pixels.length + " x 8 bits)");

        LinearCombination commitment = InputCommitment.commit(b, x, blindingWire);
        stages.record("input commitment (Poseidon chain)");

        LinearCombination[] logitWires = model.compile(b, x, stages);

        Selection.Argmax argmax = argmax(b, model, logitWires, stages);
        b.publicOutput(commitment);
        long[] logits = publishOutputs(b, argmax, logitWires, outputs, stages);
        BigInteger committed = b.value(commitment);
        int predicted = (int) b.longValue(argmax.index());
        return new Result(b.build(), committed, predicted, logits, List.copyOf(stages.costs));
    }

    /** floor(acc / 2^shift), then ReLU if asked, paying only for what the bounds leave open. */
    static LinearCombination activate(CircuitBuilder b, LinearCombination acc, Interval bound, int shift,
            boolean relu) {
        if (relu && bound.hi() < 0) {
            return LinearCombination.ZERO; // never positive: ReLU always gives 0
        }
        int n = Math.max(bound.signedBits(), shift + 1);
        if (relu && bound.lo() < 0) {
            return FixedPoint.reluFloorDivPow2(b, acc, shift, n);
        }
        return shift == 0 ? acc : FixedPoint.floorDivPow2(b, acc, shift, n);
    }
}
