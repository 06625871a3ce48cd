package dev.verity.prover.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.field.Fr;
import dev.verity.prover.r1cs.Circuit;
import dev.verity.prover.r1cs.CircuitBuilder;
import dev.verity.prover.r1cs.LinearCombination;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Native and in-circuit Poseidon against circomlibjs, computed live for 1 to 16 inputs. */
class PoseidonTest {
    private static final BigInteger R = Fr.MODULUS;
    private static final int[] PARTIAL_ROUNDS = {56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68};

    private static List<List<BigInteger>> vectors() {
        Random rnd = new Random(2024);
        List<List<BigInteger>> inputs = new ArrayList<>();
        for (int n = 1; n <= 16; n++) {
            List<BigInteger> random = new ArrayList<>();
            List<BigInteger> small = new ArrayList<>();
            List<BigInteger> edge = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                random.add(new BigInteger(256, rnd).mod(R));
                small.add(BigInteger.valueOf(i + 1));
                edge.add(i % 2 == 0 ? R.subtract(BigInteger.ONE) : BigInteger.ZERO);
            }
            inputs.add(random);
            inputs.add(small);
            inputs.add(edge);
        }
        return inputs;
    }

    @Test
    void nativeHashEqualsCircomlibjs() throws Exception {
        List<List<BigInteger>> inputs = vectors();
        List<BigInteger> expected = CircomlibJs.poseidon(inputs);
        for (int i = 0; i < inputs.size(); i++) {
            assertEquals(expected.get(i), Poseidon.hash(inputs.get(i)), "inputs " + inputs.get(i));
        }
    }

    @Test
    void circuitHashEqualsCircomlibjsForEveryWidth() throws Exception {
        List<List<BigInteger>> inputs = vectors();
        List<BigInteger> expected = CircomlibJs.poseidon(inputs);
        for (int i = 0; i < inputs.size(); i += 3) { // the random vector of each width
            List<BigInteger> in = inputs.get(i);
            int n = in.size();
            Circuit c = Soundness.build(b -> {
                LinearCombination[] wires = new LinearCombination[n];
                for (int k = 0; k < n; k++) {
                    wires[k] = b.privateInput(in.get(k));
                }
                b.publicOutput(PoseidonGadget.hash(b, wires));
            });
            assertEquals(expected.get(i), c.publicSignals().get(0), n + " inputs");
            int t = n + 1;
            // 3 per S-box, less the first round's constant state[0]; plus the output copy
            assertEquals(3 * (8 * t + PARTIAL_ROUNDS[n - 1]) - 3 + 1, c.cs().nConstraints(), n + " inputs");
        }
    }

    @Test
    void aChangedIntermediateValueIsCaught() {
        Circuit c = Soundness.build(b -> b.publicOutput(PoseidonGadget.hash(b, b.privateInput(1), b.privateInput(2))));
        assertEquals(new BigInteger("7853200120776062878684798364095072458815029376092732009249414926327459813530"),
                c.publicSignals().get(0));
        int nonInternal = 1 + c.cs().nPublic() + c.cs().nPrvIn();
        Random rnd = new Random(5);
        for (int trial = 0; trial < 20; trial++) {
            int w = nonInternal + rnd.nextInt(c.cs().nWires() - nonInternal);
            assertTrue(c.cs().firstUnsatisfied(c.witnessWith(w, c.witness().get(w).add(BigInteger.ONE))) >= 0);
        }
        // claiming another hash as the output
        assertTrue(c.cs().firstUnsatisfied(c.witnessWith(1, c.witness().get(1).add(BigInteger.ONE))) >= 0);
    }

    @Test
    void badInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Poseidon.hash());
        assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(java.util.Collections.nCopies(17, BigInteger.ONE)));
        assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(R));
        assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(BigInteger.valueOf(-1)));
        assertThrows(IllegalArgumentException.class, () -> PoseidonGadget.hash(new CircuitBuilder()));
    }
}
