package dev.verity.prover.field;

import java.math.BigInteger;

/** The base field of BN254 (alt_bn128): coordinates of curve points. */
public final class Fp {
    public static final BigInteger MODULUS = new BigInteger(
            "21888242871839275222246405745257275088696311157297823662689037894645226208583");
    public static final MontgomeryField FIELD = new MontgomeryField("Fp", MODULUS);

    private Fp() {
    }
}
