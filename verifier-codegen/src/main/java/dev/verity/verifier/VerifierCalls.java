package dev.verity.verifier;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.io.SnarkjsJson.Proof;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * ABI-encoded calls of a generated verifier (selector and arguments), for a key with
 * {@code nPublic} public inputs. Public signals are plain limbs, four per signal, as
 * {@code SnarkjsJson.readPublicSignals} returns them; they are encoded as given, so callers can
 * also build deliberately malformed calls from raw words with {@link #verifyProofWords}.
 */
public final class VerifierCalls {
    private static final int L = MontgomeryField.LIMBS;
    private final int nPublic;

    public VerifierCalls(int nPublic) {
        if (nPublic < 1) {
            throw new IllegalArgumentException("a verifier needs at least one public input");
        }
        this.nPublic = nPublic;
    }

    public String snarkjsSignature() {
        return "verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[" + nPublic + "])";
    }

    public String compactSignature() {
        return "verifyProof(uint256[8],uint256[" + nPublic + "])";
    }

    public String batchSignature() {
        return "verifyBatch(uint256[8][],uint256[" + nPublic + "][])";
    }

    /** The 8 proof words: A.x, A.y, B.x.im, B.x.re, B.y.im, B.y.re, C.x, C.y. */
    public static List<BigInteger> proofWords(Proof proof) {
        List<BigInteger> out = new ArrayList<>(List.of(Words.of(G1.encodeEvm(proof.a(), 0))));
        out.addAll(List.of(Words.of(G2.encodeEvm(proof.b(), 0))));
        out.addAll(List.of(Words.of(G1.encodeEvm(proof.c(), 0))));
        return out;
    }

    public static List<BigInteger> signalWords(long[] publicSignals) {
        if (publicSignals.length % L != 0) {
            throw new IllegalArgumentException("public signals need 4 limbs each");
        }
        List<BigInteger> out = new ArrayList<>();
        for (int i = 0; i < publicSignals.length / L; i++) {
            out.add(MontgomeryField.limbsToBigInteger(publicSignals, L * i));
        }
        return out;
    }

    /** {@code verifyProof(a, b, c, input)} (snarkjs' ABI) of a proof. */
    public byte[] verifyProof(Proof proof, long[] publicSignals) {
        return verifyProofWords(true, proofWords(proof), signalWords(publicSignals));
    }

    /** {@code verifyProof(uint256[8], uint256[N])} of a proof. */
    public byte[] verifyProofCompact(Proof proof, long[] publicSignals) {
        return verifyProofWords(false, proofWords(proof), signalWords(publicSignals));
    }

    /** Either single-proof call from raw words; both forms take the same words in the same order. */
    public byte[] verifyProofWords(boolean snarkjsAbi, List<BigInteger> proof, List<BigInteger> inputs) {
        requireProof(proof);
        requireInputs(inputs);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Keccak.selector(snarkjsAbi ? snarkjsSignature() : compactSignature()));
        List<BigInteger> words = new ArrayList<>(proof);
        words.addAll(inputs);
        out.writeBytes(Words.bytes(words));
        return out.toByteArray();
    }

    /** {@code verifyBatch(proofs, inputs)} of proofs and their public signals. */
    public byte[] verifyBatch(List<Proof> proofs, List<long[]> publicSignals) {
        List<List<BigInteger>> p = new ArrayList<>();
        List<List<BigInteger>> s = new ArrayList<>();
        for (Proof proof : proofs) {
            p.add(proofWords(proof));
        }
        for (long[] signals : publicSignals) {
            s.add(signalWords(signals));
        }
        return verifyBatchWords(p, s);
    }

    /** {@code verifyBatch} from raw words; the two lists may differ in length (the contract reverts). */
    public byte[] verifyBatchWords(List<List<BigInteger>> proofs, List<List<BigInteger>> inputs) {
        List<BigInteger> words = new ArrayList<>();
        BigInteger proofsHead = BigInteger.valueOf(64);
        BigInteger inputsHead = proofsHead.add(BigInteger.valueOf(32L + 256L * proofs.size()));
        words.add(proofsHead);
        words.add(inputsHead);
        words.add(BigInteger.valueOf(proofs.size()));
        for (List<BigInteger> proof : proofs) {
            requireProof(proof);
            words.addAll(proof);
        }
        words.add(BigInteger.valueOf(inputs.size()));
        for (List<BigInteger> in : inputs) {
            requireInputs(in);
            words.addAll(in);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Keccak.selector(batchSignature()));
        out.writeBytes(Words.bytes(words));
        return out.toByteArray();
    }

    private static void requireProof(List<BigInteger> proof) {
        if (proof.size() != 8) {
            throw new IllegalArgumentException("a proof has 8 words, got " + proof.size());
        }
    }

    private void requireInputs(List<BigInteger> inputs) {
        if (inputs.size() != nPublic) {
            throw new IllegalArgumentException("the verifier takes " + nPublic + " public inputs, got " + inputs.size());
        }
    }
}
