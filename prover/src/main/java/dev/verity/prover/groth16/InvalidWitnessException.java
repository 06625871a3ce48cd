package dev.verity.prover.groth16;

/** The witness does not fit the key's circuit or does not satisfy it: no proof is made. */
public final class InvalidWitnessException extends IllegalArgumentException {
    public InvalidWitnessException(String message) {
        super(message);
    }
}
