package dev.verity.prover.groth16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.io.Fixtures;
import dev.verity.prover.io.PtauFile;
import dev.verity.prover.io.R1csFile;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.io.ZkeyFile;
import dev.verity.prover.r1cs.ConstraintSystem;
import dev.verity.prover.r1cs.SparseMatrix;
import dev.verity.prover.r1cs.Witness;
import dev.verity.prover.util.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Setup takes wires that appear in many constraints (here the constant wire, with arbitrary
 * coefficients in every row) through Pippenger rather than term by term: the key must still be
 * snarkjs' key byte for byte, and prove and verify.
 */
class SetupHeavyColumnTest {
    private static final MontgomeryField FR = Fr.FIELD;
    private static final int LINKS = 600;

    @TempDir
    Path dir;

    @Test
    void heavyColumnsGiveTheSnarkjsKeyAndItProves() throws Exception {
        Chain chain = chain();
        Path r1cs = dir.resolve("chain.r1cs");
        R1csFile.write(chain.cs, r1cs);
        Path ptau = dir.resolve("dev.ptau");
        DevPowersOfTau.generateUnsafe(ptau, 10, new SecureRandom(), Progress.NONE);
        Zkey key;
        try (PtauFile tau = PtauFile.open(ptau)) {
            key = Setup.fromPtau(chain.cs, tau, Progress.NONE);
        }
        ZkeyFile.write(key, dir.resolve("verity.zkey"), ZkeyFile.NEW_ORDER);
        var proof = Prover.prove(key, chain.witness, new SecureRandom(), Progress.NONE);
        assertTrue(Verifier.verify(VerificationKeys.of(key), chain.witness.publicSignals(key.nPublic()), proof));

        Fixtures.snarkjs(dir, "groth16", "setup", "chain.r1cs", "dev.ptau", "snarkjs.zkey");
        assertArrayEquals(Files.readAllBytes(dir.resolve("snarkjs.zkey")), Files.readAllBytes(dir.resolve("verity.zkey")));
    }

    private record Chain(ConstraintSystem cs, Witness witness) {
    }

    /** x_{i+1} = (x_i + k_i) (x_i + 1), k_i arbitrary field elements; output x_LINKS public. */
    private static Chain chain() {
        int nWires = 3 + LINKS; // one, output, x_0, x_1..x_LINKS
        SparseMatrix.Builder a = new SparseMatrix.Builder();
        SparseMatrix.Builder b = new SparseMatrix.Builder();
        SparseMatrix.Builder c = new SparseMatrix.Builder();
        long[] one = FR.one();
        long[] values = new long[4 * nWires];
        FR.setOne(values, 0);
        FR.fromBigInteger(java.math.BigInteger.valueOf(7), values, 8);
        SplittableRandom random = new SplittableRandom(3);
        long[] k = new long[4];
        long[] left = new long[4];
        long[] right = new long[4];
        for (int i = 0; i < LINKS; i++) {
            int x = 2 + i;
            FR.fromBigInteger(new java.math.BigInteger(250, new java.util.Random(random.nextLong())), k, 0);
            a.addTerm(x, one, 0).addTerm(0, k, 0).endRow();
            b.addTerm(x, one, 0).addTerm(0, one, 0).endRow();
            c.addTerm(x + 1, one, 0).endRow();
            FR.add(values, 4 * x, k, 0, left, 0);
            FR.add(values, 4 * x, one, 0, right, 0);
            FR.mul(left, 0, right, 0, values, 4 * (x + 1));
        }
        a.addTerm(2 + LINKS, one, 0).endRow();
        b.addTerm(0, one, 0).endRow();
        c.addTerm(1, one, 0).endRow();
        MontgomeryField.copy(values, 4 * (2 + LINKS), values, 4);
        for (int w = 0; w < nWires; w++) {
            FR.fromMontgomery(values, 4 * w, values, 4 * w);
        }
        return new Chain(new ConstraintSystem(nWires, 1, 0, 1, a.build(), b.build(), c.build()), new Witness(values));
    }
}
