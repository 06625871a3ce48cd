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
 *
 * <p>With {@link Weights#committed} the weights and biases are private too: the public outputs
 * gain the model commitment ({@link ModelCommitment}) right after the input commitment (or first,
 * with a public input). The circuit then depends only on the architecture and the parameter
 * widths, so the key reveals nothing of the weights and serves every model of that shape; the
 * verifier must check the model commitment against the one the model's owner published. Each
 * parameter costs its width in boolean constraints and each multiply-accumulate one constraint.
 */
public final class ModelCircuit {
    /** Which outputs are public: the class and the logits (the default), or the class alone. */
    public enum Outputs {
        CLASS_AND_LOGITS, CLASS_ONLY
    }

    /** Where the weights are: constants of the circuit, or private behind a public commitment. */
    public sealed interface Weights {
        /** The weights fixed in the circuit (cheapest; the key reveals them). */
        Weights FIXED = new Fixed();

        /** The weights private, bound by {@link ModelCommitment#commit}{@code (model, salt)}. */
        static Weights committed(BigInteger salt) {
            ModelCommitment.checkSalt(salt);
            return new Committed(salt);
        }

        /** See {@link #FIXED}. */
        record Fixed() implements Weights {
        }

        /** See {@link #committed}. */
        record Committed(BigInteger salt) implements Weights {
        }
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

    /**
     * The circuit with its witness, what it computed, and its cost by stage. {@code commitment} is
     * the input's (null for a public input), {@code modelCommitment} the weights' (null when fixed).
     */
    public record Result(Circuit circuit, BigInteger commitment, BigInteger modelCommitment, int predictedClass,
            long[] logits, List<Cost> costs) {
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
        return build(model, pixels, blinding, address, outputs, Weights.FIXED);
    }

    /** {@link #build} with the public outputs and the weights' place chosen. */
    public static Result build(QuantizedModel model, int[] pixels, BigInteger blinding, BigInteger address,
            Outputs outputs, Weights weights) {
        return buildWith(model, pixels, blinding, address, outputs, weights, null);
    }

    /**
     * Builds the circuit of {@code model} with the input public (see the class comment); the
     * result's commitment is null.
     */
    public static Result buildPublicInput(QuantizedModel model, int[] pixels, BigInteger address) {
        return buildPublicInput(model, pixels, address, Outputs.CLASS_AND_LOGITS, Weights.FIXED);
    }

    /** {@link #buildPublicInput} with the public outputs and the weights' place chosen. */
    public static Result buildPublicInput(QuantizedModel model, int[] pixels, BigInteger address, Outputs outputs,
            Weights weights) {
        model.checkInput(pixels);
        checkAddress(address);
        CircuitBuilder b = new CircuitBuilder();
        Stages stages = new Stages(b);
        LinearCombination addressWire = b.publicInput(address);
        b.mul(addressWire, addressWire); // see buildWith: binds the address whatever the key setup
        LinearCombination[] x = new LinearCombination[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            x[i] = b.publicInput(pixels[i]);
        }
        stages.record("address + public input (" + pixels.length + " values, range checked by the verifier)");
        return finish(b, stages, model, x, null, weights, outputs);
    }

    private static void checkAddress(BigInteger address) {
        if (address.signum() < 0 || address.bitLength() > 160) {
            throw new IllegalArgumentException("address must be a 160-bit unsigned integer");
        }
    }

    /** {@link #build} with a hook that replaces hint values (a cheating prover, for tests); null for none. */
    static Result buildWith(QuantizedModel model, int[] pixels, BigInteger blinding, BigInteger address,
            Outputs outputs, Weights weights, HintOverride override) {
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
        return finish(b, stages, model, x, commitment, weights, outputs);
    }

    /**
     * The model's parameters, the network, the argmax and the public outputs in their order:
     * input commitment (if any), model commitment (if any), class, logits (if public).
     */
    private static Result finish(CircuitBuilder b, Stages stages, QuantizedModel model, LinearCombination[] x,
            LinearCombination inputCommitment, Weights weights, Outputs outputs) {
        ModelParameters params;
        LinearCombination modelCommitment = null;
        if (weights instanceof Weights.Committed committed) {
            ModelParameters.Committed c = ModelParameters.committed(b, model, committed.salt());
            ModelCommitment.Widths widths = ModelCommitment.Widths.of(model);
            stages.record("private parameters (weights " + widths.weightBits() + "-bit, biases " + widths.biasBits()
                    + "-bit) + model commitment (Poseidon chain)");
            params = c;
            modelCommitment = c.commitment();
        } else {
            params = ModelParameters.fixed(model);
        }
        LinearCombination[] logitWires = model.compile(b, x, params, stages);
        int width = model.logitBound(params).signedBits();
        Selection.Argmax argmax = Selection.argmax(b, logitWires, width);
        stages.record("argmax over " + logitWires.length + " logits (" + width + "-bit)");

        if (inputCommitment != null) {
            b.publicOutput(inputCommitment);
        }
        if (modelCommitment != null) {
            b.publicOutput(modelCommitment);
        }
        b.publicOutput(argmax.index());
        long[] logits = new long[logitWires.length];
        for (int j = 0; j < logitWires.length; j++) {
            if (outputs == Outputs.CLASS_AND_LOGITS) {
                b.publicOutput(logitWires[j]);
            }
            logits[j] = b.longValue(logitWires[j]);
        }
        stages.record("public outputs");
        BigInteger inputCommitted = inputCommitment == null ? null : b.value(inputCommitment);
        BigInteger modelCommitted = modelCommitment == null ? null : b.value(modelCommitment);
        int predicted = (int) b.longValue(argmax.index());
        return new Result(b.build(), inputCommitted, modelCommitted, predicted, logits, List.copyOf(stages.costs));
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
