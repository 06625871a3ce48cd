package dev.verity.prover.field;

import java.math.BigInteger;

/** The scalar field of BN254 (alt_bn128): circuit values, witnesses, exponents. */
public final class Fr {
    public static final BigInteger MODULUS = new BigInteger(
            "21888242871839275222246405745257275088548364400416034343698204186575808495617");
    public static final MontgomeryField FIELD = new MontgomeryField("Fr", MODULUS);

    private Fr() {
    }
}
