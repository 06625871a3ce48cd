package dev.verity.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.contracts.Chain.CallResult;
import dev.verity.contracts.RegistryCalls;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reading the Registry's answers in chain tests: revert reasons and returned words. */
final class ChainAssertions {
    private ChainAssertions() {
    }

    /** The call reverted with the custom error {@code error} (its signature, e.g. {@code "InvalidProof()"}). */
    static void assertReverts(CallResult result, String error) {
        assertTrue(result.reverted(), () -> "expected " + error + ", but the call succeeded");
        assertTrue(result.returned().length >= 4, () -> "expected " + error + ", got " + result.error());
        assertArrayEquals(RegistryCalls.selector(error), Arrays.copyOf(result.returned(), 4),
                () -> "expected " + error + ", got " + result.error());
    }

    /** The 32-byte words a successful call returned. */
    static List<BigInteger> words(CallResult result) {
        assertTrue(!result.reverted(), () -> "call reverted: " + result.error());
        List<BigInteger> out = new ArrayList<>();
        for (int i = 0; i + 32 <= result.returned().length; i += 32) {
            out.add(new BigInteger(1, Arrays.copyOfRange(result.returned(), i, i + 32)));
        }
        return out;
    }

    /** {@code signals} with one value replaced. */
    static List<BigInteger> with(List<BigInteger> signals, int index, BigInteger value) {
        List<BigInteger> out = new ArrayList<>(signals);
        out.set(index, value);
        return out;
    }
}
