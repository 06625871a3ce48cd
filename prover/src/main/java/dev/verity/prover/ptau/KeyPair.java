package dev.verity.prover.ptau;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.field.Fr;
import java.math.BigInteger;

/**
 * A contribution's secrets (tau, alpha, beta) and its {@link PublicKey}, derived from a random
 * generator exactly as snarkjs' {@code createPTauKey}: three Fr elements, then for each secret x
 * a random G1 point s, [x] s, and [x] G2sp where G2sp = hashToG2(BLAKE2b(personalization byte
 * (0 tau, 1 alpha, 2 beta) | challenge | s | [x] s)). A beacon derives the generator from public
 * data, so anyone can recompute its key.
 *
 * <p>The secrets are toxic waste: this class never prints them, and callers drop it as soon as
 * the contribution is applied.
 */
public final class KeyPair {
    private final BigInteger tau;
    private final BigInteger alpha;
    private final BigInteger beta;
    private final PublicKey publicKey;

    private KeyPair(BigInteger tau, BigInteger alpha, BigInteger beta, PublicKey publicKey) {
        this.tau = tau;
        this.alpha = alpha;
        this.beta = beta;
        this.publicKey = publicKey;
    }

    /** The key for the contribution that answers {@code challengeHash}, drawn from {@code rng}. */
    public static KeyPair create(byte[] challengeHash, ChaChaRng rng) {
        SnarkjsSampling sampling = new SnarkjsSampling();
        // ffjavascript takes the drawn limbs as a Montgomery representation; the secret is their value
        BigInteger tau = Fr.FIELD.toBigInteger(SnarkjsSampling.fieldElement(Fr.FIELD, rng));
        BigInteger alpha = Fr.FIELD.toBigInteger(SnarkjsSampling.fieldElement(Fr.FIELD, rng));
        BigInteger beta = Fr.FIELD.toBigInteger(SnarkjsSampling.fieldElement(Fr.FIELD, rng));
        PublicKey.Part tauPart = part(sampling, 0, challengeHash, tau, rng);
        PublicKey.Part alphaPart = part(sampling, 1, challengeHash, alpha, rng);
        PublicKey.Part betaPart = part(sampling, 2, challengeHash, beta, rng);
        return new KeyPair(tau, alpha, beta, new PublicKey(tauPart, alphaPart, betaPart));
    }

    private static PublicKey.Part part(SnarkjsSampling sampling, int personalization, byte[] challenge,
            BigInteger secret, ChaChaRng rng) {
        long[] g1s = sampling.g1(rng);
        long[] g1sx = affineG1(new G1().mul(g1s, 0, secret));
        long[] g2sp = proofPoint(sampling, personalization, challenge, g1s, g1sx);
        long[] g2spx = affineG2(new G2().mul(g2sp, 0, secret));
        return new PublicKey.Part(g1s, g1sx, g2spx);
    }

    /**
     * The G2 point a proof of knowledge pairs with: hashToG2 of BLAKE2b(personalization | challenge
     * | s | sx), the G1 points uncompressed (snarkjs' {@code getG2sp}).
     */
    public static long[] proofPoint(SnarkjsSampling sampling, int personalization, byte[] challenge, long[] g1s,
            long[] g1sx) {
        byte[] points = new byte[2 * PointEncodings.G1_UNCOMPRESSED];
        PointEncodings codec = new PointEncodings();
        codec.g1ToUncompressed(g1s, 0, 1, points, 0);
        codec.g1ToUncompressed(g1sx, 0, 1, points, PointEncodings.G1_UNCOMPRESSED);
        byte[] hash = new Blake2b().update(new byte[] {(byte) personalization}).update(challenge).update(points)
                .digest();
        return sampling.hashToG2(hash);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    BigInteger tau() {
        return tau;
    }

    BigInteger alpha() {
        return alpha;
    }

    BigInteger beta() {
        return beta;
    }

    static long[] affineG1(long[] jacobian) {
        long[] out = new long[G1.AFFINE];
        new G1().toAffine(jacobian, 0, out, 0);
        return out;
    }

    static long[] affineG2(long[] jacobian) {
        long[] out = new long[G2.AFFINE];
        new G2().toAffine(jacobian, 0, out, 0);
        return out;
    }

    @Override
    public String toString() {
        return "KeyPair[secrets hidden]";
    }
}
