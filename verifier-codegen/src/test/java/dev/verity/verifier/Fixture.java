package dev.verity.verifier;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The snarkjs reference files in src/test/resources/fixtures. */
final class Fixture {
    private Fixture() {
    }

    static Path path(String name) {
        try {
            return Path.of(Fixture.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no fixture " + name, e);
        }
    }
}
