package dev.verity.prover.r1cs;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Builds a rank-1 constraint system and its witness in one pass: every wire gets its value when it
 * is created, so gadgets compute the witness as they emit constraints.
 *
 * <p>Costs: adding and scaling {@link LinearCombination}s is free; {@link #mul} of two
 * non-constant combinations and every {@code assert*} cost one constraint each. Values the
 * constraints only check (bits, quotients, remainders) come in as {@linkplain #hint hints}: new
 * private wires the caller must constrain.
 *
 * <p>The circuit's shape (its constraints) must not depend on the values, so that a circuit built
 * with any input has the same constraint system, hence the same proving key.
 *
 * <p>{@link #build()} numbers the wires in circom's order: 0 is the constant one, then the public
 * outputs and the public inputs (each in the order they were declared), the private inputs, then
 * every other wire in creation order.
 */
public final class CircuitBuilder {
    static final int ONE_WIRE = 0;
    private static final int L = MontgomeryField.LIMBS;
    private static final MontgomeryField F = Fr.FIELD;

    private static final byte INTERNAL = 0;
    private static final byte OUTPUT = 1;
    private static final byte PUBLIC_INPUT = 2;
    private static final byte PRIVATE_INPUT = 3;
    private static final byte ONE = 4;

    /** Value of each wire, Montgomery form, 4 limbs per wire, by the builder's own wire id. */
    private long[] values = new long[L * 1024];
    private byte[] kinds = new byte[1024];
    private int nWires;
    private int[] outputs = new int[8];
    private int nOutputs;
    private int nPublicInputs;
    private int nPrivateInputs;

    private final Terms a = new Terms();
    private final Terms b = new Terms();
    private final Terms c = new Terms();
    private int nConstraints;

    private HintOverride override;
    private int nHints;
    private boolean built;
    private final long[] scratch = new long[4 * L];

    public CircuitBuilder() {
        newWire(ONE);
        F.setOne(values, 0);
    }

    // ------------------------------------------------------------------ wires

    public LinearCombination one() {
        return LinearCombination.constant(1);
    }

    public LinearCombination publicInput(long value) {
        return input(PUBLIC_INPUT, LinearCombination.constant(value));
    }

    /** A public input; {@code value} is reduced modulo r. */
    public LinearCombination publicInput(BigInteger value) {
        return input(PUBLIC_INPUT, LinearCombination.constant(value));
    }

    public LinearCombination privateInput(long value) {
        return input(PRIVATE_INPUT, LinearCombination.constant(value));
    }

    /** A private input; {@code value} is reduced modulo r. */
    public LinearCombination privateInput(BigInteger value) {
        return input(PRIVATE_INPUT, LinearCombination.constant(value));
    }

    private LinearCombination input(byte kind, LinearCombination constantValue) {
        checkOpen();
        int w = newWire(kind);
        evaluate(constantValue, values, L * w);
        if (kind == PUBLIC_INPUT) {
            nPublicInputs++;
        } else {
            nPrivateInputs++;
        }
        return LinearCombination.ofWire(w);
    }

    /**
     * Makes {@code value} a public output, the next one in order. An internal wire with coefficient
     * 1 becomes the output itself (no constraint); anything else gets a new wire and one constraint.
     */
    public LinearCombination publicOutput(LinearCombination value) {
        checkOpen();
        int w = value.singleWire();
        if (w < 0 || kinds[w] != INTERNAL) {
            w = newWire(INTERNAL);
            evaluate(value, values, L * w);
            addConstraint(value, one(), LinearCombination.ofWire(w));
        }
        kinds[w] = OUTPUT;
        if (nOutputs == outputs.length) {
            outputs = Arrays.copyOf(outputs, 2 * nOutputs);
        }
        outputs[nOutputs++] = w;
        return LinearCombination.ofWire(w);
    }

    /** A new private wire holding {@code value} (mod r), constrained by nothing until the caller constrains it. */
    public LinearCombination hint(long value) {
        checkOpen();
        int w = newWire(INTERNAL);
        FieldValues.fromLong(value, values, L * w);
        return afterHint(w);
    }

    /** A new private wire holding {@code value mod r}, constrained by nothing until the caller constrains it. */
    public LinearCombination hint(BigInteger value) {
        checkOpen();
        int w = newWire(INTERNAL);
        F.fromBigInteger(value, values, L * w);
        return afterHint(w);
    }

    private LinearCombination afterHint(int w) {
        int index = nHints++;
        if (override != null) {
            BigInteger honest = F.toBigInteger(values, L * w);
            F.fromBigInteger(override.replace(index, honest), values, L * w);
        }
        return LinearCombination.ofWire(w);
    }

    /** Sets (or, with null, clears) the hook that replaces hint values; for tests of soundness. */
    public void overrideHints(HintOverride hook) {
        this.override = hook;
    }

    /** Hints created so far; the next hint has this index. */
    public int hintCount() {
        return nHints;
    }

    private int newWire(byte kind) {
        if (nWires == kinds.length) {
            kinds = Arrays.copyOf(kinds, 2 * nWires);
            values = Arrays.copyOf(values, 2 * L * nWires);
        }
        kinds[nWires] = kind;
        return nWires++;
    }

    // ------------------------------------------------------------------ constraints

    /** {@code x * y}: free when one side is constant, otherwise a new wire and one constraint. */
    public LinearCombination mul(LinearCombination x, LinearCombination y) {
        if (x.isConstant()) {
            return y.times(x.constantValue());
        }
        if (y.isConstant()) {
            return x.times(y.constantValue());
        }
        checkOpen();
        int w = newWire(INTERNAL);
        evaluate(x, scratch, 0);
        evaluate(y, scratch, L);
        F.mul(scratch, 0, scratch, L, values, L * w);
        LinearCombination product = LinearCombination.ofWire(w);
        addConstraint(x, y, product);
        return product;
    }

    /** Constrains {@code x * y = z}. */
    public void assertProduct(LinearCombination x, LinearCombination y, LinearCombination z) {
        if (x.isConstant() && y.isConstant() && z.isConstant()) {
            if (!x.constantValue().multiply(y.constantValue()).subtract(z.constantValue()).mod(Fr.MODULUS)
                    .equals(BigInteger.ZERO)) {
                throw new IllegalArgumentException("constant constraint " + x + " * " + y + " = " + z
                        + " can never hold");
            }
            return;
        }
        addConstraint(x, y, z);
    }

    /** Constrains {@code x = y} (one constraint, none when both are the same combination). */
    public void assertEqual(LinearCombination x, LinearCombination y) {
        LinearCombination d = x.sub(y);
        if (d.isConstant()) {
            if (d.constantValue().signum() != 0) {
                throw new IllegalArgumentException("constants " + x + " and " + y + " are never equal");
            }
            return;
        }
        addConstraint(d, one(), LinearCombination.ZERO);
    }

    /** Constrains {@code x} to be 0 or 1: {@code x * (x - 1) = 0}. */
    public void assertBoolean(LinearCombination x) {
        assertProduct(x, x.add(-1), LinearCombination.ZERO);
    }

    private void addConstraint(LinearCombination x, LinearCombination y, LinearCombination z) {
        checkOpen();
        a.addRow(x);
        b.addRow(y);
        c.addRow(z);
        nConstraints++;
    }

    private void checkOpen() {
        if (built) {
            throw new IllegalStateException("circuit already built");
        }
    }

    public int constraints() {
        return nConstraints;
    }

    public int wires() {
        return nWires;
    }

    // ------------------------------------------------------------------ values

    /** The value of {@code x} in {@code [0, r)}. */
    public BigInteger value(LinearCombination x) {
        evaluate(x, scratch, 0);
        return F.toBigInteger(scratch, 0);
    }

    /** The value of {@code x} as a signed integer in {@code (-r/2, r/2]}. */
    public BigInteger signedValue(LinearCombination x) {
        return FieldValues.signed(value(x));
    }

    /**
     * The value of {@code x} as a signed 64-bit integer.
     *
     * @throws ArithmeticException if it is not one
     */
    public long longValue(LinearCombination x) {
        evaluate(x, scratch, 0);
        return FieldValues.toLong(scratch, 0, new long[2 * L]);
    }

    private void evaluate(LinearCombination x, long[] out, int oo) {
        long[] s = scratch;
        int so = 3 * L;
        F.setZero(s, so);
        int[] w = x.wires;
        long[] k = x.coefficients;
        for (int t = 0; t < w.length; t++) {
            if (F.isOne(k, L * t)) {
                F.add(s, so, values, L * w[t], s, so);
            } else {
                F.mul(k, L * t, values, L * w[t], s, 2 * L);
                F.add(s, so, s, 2 * L, s, so);
            }
        }
        MontgomeryField.copy(s, so, out, oo);
    }

    // ------------------------------------------------------------------ output

    /** Numbers the wires in circom's order and returns the constraint system with its witness. */
    public Circuit build() {
        checkOpen();
        built = true;
        int[] order = new int[nWires]; // final index -> builder wire
        int next = 0;
        order[next++] = ONE_WIRE;
        for (int i = 0; i < nOutputs; i++) {
            order[next++] = outputs[i];
        }
        for (byte kind : new byte[] {PUBLIC_INPUT, PRIVATE_INPUT, INTERNAL}) {
            for (int w = 0; w < nWires; w++) {
                if (kinds[w] == kind) {
                    order[next++] = w;
                }
            }
        }
        int[] finalWire = new int[nWires];
        long[] plain = new long[L * nWires];
        for (int i = 0; i < nWires; i++) {
            finalWire[order[i]] = i;
            F.fromMontgomery(values, L * order[i], plain, L * i);
        }
        ConstraintSystem cs = new ConstraintSystem(nWires, nOutputs, nPublicInputs, nPrivateInputs,
                a.toMatrix(finalWire), b.toMatrix(finalWire), c.toMatrix(finalWire));
        return new Circuit(cs, new Witness(plain), finalWire);
    }

    /** The rows of one matrix, in builder wire ids until {@link #toMatrix} renumbers them. */
    private static final class Terms {
        private int[] rowStart = new int[1024];
        private int rows;
        private int[] wires = new int[4096];
        private long[] coefficients = new long[L * 4096];
        private int n;

        void addRow(LinearCombination lc) {
            int k = lc.wires.length;
            if (n + k > wires.length) {
                int grown = Math.max(n + k, 2 * wires.length);
                wires = Arrays.copyOf(wires, grown);
                coefficients = Arrays.copyOf(coefficients, L * grown);
            }
            System.arraycopy(lc.wires, 0, wires, n, k);
            System.arraycopy(lc.coefficients, 0, coefficients, L * n, L * k);
            n += k;
            if (rows + 2 > rowStart.length) {
                rowStart = Arrays.copyOf(rowStart, 2 * rowStart.length);
            }
            rowStart[++rows] = n;
        }

        SparseMatrix toMatrix(int[] finalWire) {
            int[] w = new int[n];
            for (int t = 0; t < n; t++) {
                w[t] = finalWire[wires[t]];
            }
            return new SparseMatrix(Arrays.copyOf(rowStart, rows + 1), w, Arrays.copyOf(coefficients, L * n));
        }
    }
}
