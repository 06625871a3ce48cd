package dev.verity.prover.io;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;

/**
 * The text {@code snarkjs zkey export soliditycalldata} prints for a Groth16 proof, the
 * arguments of the generated verifier's {@code verifyProof(a, b, c, input)}:
 *
 * <pre>
 * ["0xA.x", "0xA.y"],[["0xB.x1", "0xB.x0"],["0xB.y1", "0xB.y0"]],["0xC.x", "0xC.y"],["0xIN0","0xIN1",...]
 * </pre>
 *
 * Every number is 0x and 64 lowercase hex digits. The G2 coordinates are swapped within each
 * pair (imaginary part first), the order the EVM pairing precompile expects. Pairs are separated
 * by {@code ", "} but the public inputs by a bare {@code ","}, exactly as snarkjs does. The CLI
 * prints this followed by a newline, which is not part of the returned string.
 */
public final class Calldata {
    private static final int L = MontgomeryField.LIMBS;

    private Calldata() {
    }

    /** {@code publicSignals}: plain canonical limbs, 4 per signal. */
    public static String groth16(SnarkjsJson.Proof proof, long[] publicSignals) {
        if (publicSignals.length % L != 0) {
            throw new IllegalArgumentException("public signals need 4 limbs each");
        }
        BigInteger[] a = SnarkjsJson.g1Coordinates(proof.a(), 0);
        BigInteger[] b = SnarkjsJson.g2Coordinates(proof.b(), 0);
        BigInteger[] c = SnarkjsJson.g1Coordinates(proof.c(), 0);
        StringBuilder inputs = new StringBuilder();
        for (int i = 0; i < publicSignals.length / L; i++) {
            if (!Fr.FIELD.isCanonical(publicSignals, L * i)) {
                throw new IllegalArgumentException("public signal " + i + " is not below r");
            }
            if (i > 0) {
                inputs.append(',');
            }
            inputs.append(hex(MontgomeryField.limbsToBigInteger(publicSignals, L * i)));
        }
        return "[" + hex(a[0]) + ", " + hex(a[1]) + "],"
                + "[[" + hex(b[1]) + ", " + hex(b[0]) + "],[" + hex(b[3]) + ", " + hex(b[2]) + "]],"
                + "[" + hex(c[0]) + ", " + hex(c[1]) + "],"
                + "[" + inputs + "]";
    }

    private static String hex(BigInteger v) {
        String digits = v.toString(16);
        return "\"0x" + "0".repeat(64 - digits.length()) + digits + "\"";
    }
}
