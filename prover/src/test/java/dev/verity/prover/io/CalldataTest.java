package dev.verity.prover.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalldataTest {
    /** Same text as {@code snarkjs zkey export soliditycalldata}, which the CLI ends with a newline. */
    @ParameterizedTest
    @ValueSource(strings = {"multiplier", "many_public", "poseidon"})
    void matchesSnarkjsOutput(String circuit) throws IOException {
        SnarkjsJson.Proof proof = SnarkjsJson.readProof(Fixtures.path(circuit + ".proof.json"));
        long[] signals = SnarkjsJson.readPublicSignals(Fixtures.path(circuit + ".public.json"));
        assertEquals(Fixtures.text(circuit + ".calldata.txt"), Calldata.groth16(proof, signals) + "\n");
        assertThrows(IllegalArgumentException.class, () -> Calldata.groth16(proof, MontgomeryField.toLimbs(Fr.MODULUS)));
    }
}
