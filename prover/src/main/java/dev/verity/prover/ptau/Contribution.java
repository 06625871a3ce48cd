package dev.verity.prover.ptau;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;

/**
 * One entry of a {@code .ptau} transcript (section 7), as snarkjs records it: the first points
 * the contribution produced ([tau] G1, [tau] G2, [alpha] G1, [beta] G1, [beta] G2, affine), its
 * public key, the BLAKE2b state of its response hash before the key was absorbed, the challenge
 * hash for the next contributor, and its kind: a random contribution, or a beacon with its
 * public parameters.
 *
 * @param name at most 64 UTF-16 units as snarkjs cuts it; null when absent
 * @param iterationsExp a beacon's 2^exp SHA-256 iterations; 0 for a random contribution
 * @param beaconHash a beacon's seed; null for a random contribution
 */
public record Contribution(long[] tauG1, long[] tauG2, long[] alphaG1, long[] betaG1, long[] betaG2,
        PublicKey key, byte[] partialHash, byte[] nextChallenge, Type type, String name, int iterationsExp,
        byte[] beaconHash) {

    public enum Type { CONTRIBUTION, BEACON }

    public Contribution {
        require(tauG1.length == G1.AFFINE && alphaG1.length == G1.AFFINE && betaG1.length == G1.AFFINE,
                "G1 points have " + G1.AFFINE + " limbs");
        require(tauG2.length == G2.AFFINE && betaG2.length == G2.AFFINE, "G2 points have " + G2.AFFINE + " limbs");
        require(partialHash.length == Blake2b.STATE_BYTES, "a partial hash has " + Blake2b.STATE_BYTES + " bytes");
        require(nextChallenge.length == Blake2b.DIGEST_BYTES, "a challenge hash has 64 bytes");
        if (type == Type.BEACON) {
            require(beaconHash != null && beaconHash.length > 0 && beaconHash.length < 256,
                    "a beacon hash has 1 to 255 bytes");
            require(iterationsExp >= 10 && iterationsExp <= 63, "beacon iterations exponent must be in [10, 63]");
        } else {
            require(beaconHash == null && iterationsExp == 0, "only a beacon has beacon parameters");
        }
    }

    /**
     * The hash of this contribution's response: the partial hash finished with the public key
     * uncompressed. The next challenge hash starts from it.
     */
    public byte[] responseHash() {
        return Blake2b.importState(partialHash).update(key.toBytes(false)).digest();
    }

    /** The same contribution with another next-challenge hash (imports that could not compute it). */
    Contribution withNextChallenge(byte[] hash) {
        return new Contribution(tauG1, tauG2, alphaG1, betaG1, betaG2, key, partialHash, hash, type, name,
                iterationsExp, beaconHash);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
