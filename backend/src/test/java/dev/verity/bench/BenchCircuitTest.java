package dev.verity.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.groth16.CircuitShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BenchCircuitTest {
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 6, 10})
    void fillsItsDomainExactlyAndItsWitnessSatisfiesIt(int power) {
        BenchCircuit circuit = BenchCircuit.ofPower(power);
        assertEquals(power, CircuitShape.domainLog2(circuit.constraints));
        assertEquals((1 << power) - 2, circuit.constraints.nConstraints());
        assertEquals(-1, circuit.constraints.firstUnsatisfied(circuit.witness));
        assertTrue(circuit.witness.get(1).bitLength() > 200, "the output is a full-size field element");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 28})
    void refusesPowersOutsideItsRange(int power) {
        assertThrows(IllegalArgumentException.class, () -> BenchCircuit.ofPower(power));
    }
}
