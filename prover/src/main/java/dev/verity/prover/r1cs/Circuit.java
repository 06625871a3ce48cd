package dev.verity.prover.r1cs;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A circuit built by a {@link CircuitBuilder}: its constraint system, in circom's wire order, and
 * the witness computed while building it.
 */
public final class Circuit {
    private final ConstraintSystem cs;
    private final Witness witness;
    private final int[] finalWire;

    Circuit(ConstraintSystem cs, Witness witness, int[] finalWire) {
        this.cs = cs;
        this.witness = witness;
        this.finalWire = finalWire;
    }

    public ConstraintSystem cs() {
        return cs;
    }

    public Witness witness() {
        return witness;
    }

    /** The public signals (outputs, then public inputs) as integers in {@code [0, r)}. */
    public List<BigInteger> publicSignals() {
        List<BigInteger> out = new ArrayList<>(cs.nPublic());
        for (int i = 1; i <= cs.nPublic(); i++) {
            out.add(witness.get(i));
        }
        return out;
    }

    /** The index in {@link #cs()} of the wire behind a one-wire combination from the builder. */
    public int wireIndex(LinearCombination singleWire) {
        int w = singleWire.singleWire();
        if (w < 0 || w >= finalWire.length) {
            throw new IllegalArgumentException("not a single wire of this circuit: " + singleWire);
        }
        return finalWire[w];
    }

    /** A copy of the witness with wire {@code wireIndex} set to {@code value mod r}. */
    public Witness witnessWith(int wireIndex, BigInteger value) {
        long[] limbs = witness.limbs().clone();
        long[] v = MontgomeryField.toLimbs(value.mod(Fr.MODULUS));
        System.arraycopy(v, 0, limbs, MontgomeryField.LIMBS * wireIndex, MontgomeryField.LIMBS);
        return new Witness(limbs);
    }
}
