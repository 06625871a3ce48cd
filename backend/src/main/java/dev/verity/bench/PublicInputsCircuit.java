package dev.verity.bench;

import dev.verity.prover.field.Fr;
import dev.verity.prover.r1cs.ConstraintSystem;
import dev.verity.prover.r1cs.SparseMatrix;
import dev.verity.prover.r1cs.Witness;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small circuit with exactly {@code nPublic} public inputs x_i and one private input w, with
 * the constraints x_i * w = t_i: the smallest shape whose verifier does the work of a real one
 * (one ecMul and one ecAdd per input). Witnesses take random full-size values, so calldata costs
 * what real field elements cost.
 */
public final class PublicInputsCircuit {

    private final int nPublic;
    private final ConstraintSystem constraints;

    private PublicInputsCircuit(int nPublic, ConstraintSystem constraints) {
        this.nPublic = nPublic;
        this.constraints = constraints;
    }

    /** Wires: 0 the one, 1..n the public inputs, n + 1 the private w, n + 2 + i the products t_i. */
    public static PublicInputsCircuit of(int nPublic) {
        if (nPublic < 1 || nPublic > 1024) {
            throw new IllegalArgumentException("nPublic must be in [1, 1024], got " + nPublic);
        }
        long[] one = Fr.FIELD.one();
        SparseMatrix.Builder a = new SparseMatrix.Builder();
        SparseMatrix.Builder b = new SparseMatrix.Builder();
        SparseMatrix.Builder c = new SparseMatrix.Builder();
        for (int i = 0; i < nPublic; i++) {
            a.addTerm(1 + i, one, 0).endRow();
            b.addTerm(nPublic + 1, one, 0).endRow();
            c.addTerm(nPublic + 2 + i, one, 0).endRow();
        }
        int nWires = 2 * nPublic + 2;
        return new PublicInputsCircuit(nPublic,
                new ConstraintSystem(nWires, 0, nPublic, 1, a.build(), b.build(), c.build()));
    }

    public int nPublic() {
        return nPublic;
    }

    public ConstraintSystem constraints() {
        return constraints;
    }

    /** A satisfying assignment with random inputs and a random private w. */
    public Witness randomWitness(Random random) {
        List<BigInteger> inputs = new ArrayList<>();
        for (int i = 0; i < nPublic; i++) {
            inputs.add(randomElement(random));
        }
        return witness(inputs, randomElement(random));
    }

    public Witness witness(List<BigInteger> inputs, BigInteger w) {
        if (inputs.size() != nPublic) {
            throw new IllegalArgumentException("the circuit has " + nPublic + " public inputs, got " + inputs.size());
        }
        List<BigInteger> values = new ArrayList<>();
        values.add(BigInteger.ONE);
        values.addAll(inputs);
        values.add(w);
        for (BigInteger x : inputs) {
            values.add(x.multiply(w).mod(Fr.MODULUS));
        }
        return Witness.of(values);
    }

    private static BigInteger randomElement(Random random) {
        BigInteger v;
        do {
            v = new BigInteger(Fr.MODULUS.bitLength(), random);
        } while (v.compareTo(Fr.MODULUS) >= 0);
        return v;
    }
}
