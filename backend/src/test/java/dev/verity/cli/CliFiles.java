package dev.verity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/** The circom/snarkjs fixtures in src/test/resources/fixtures, and damaged copies of them. */
final class CliFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CliFiles() {
    }

    static byte[] bytes(String fixture) {
        try (InputStream in = CliFiles.class.getResourceAsStream("/fixtures/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String fixture) {
        return new String(bytes(fixture), StandardCharsets.UTF_8);
    }

    /** Copies fixture {@code name} into {@code dir} under the same name. */
    static Path copy(Path dir, String fixture) {
        return write(dir, fixture, bytes(fixture));
    }

    static Path write(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, String content) {
        return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the first {@code length} bytes of a fixture, named after the length. */
    static Path truncated(Path dir, String fixture, int length) {
        return write(dir, "truncated-" + length + "-" + fixture, Arrays.copyOf(bytes(fixture), length));
    }

    /** A copy of a fixture changed in place by {@code patch}. */
    static Path patched(Path dir, String fixture, String name, Consumer<byte[]> patch) {
        byte[] b = bytes(fixture);
        patch.accept(b);
        return write(dir, name, b);
    }

    /**
     * Offset of the body of section {@code id} in a file of the iden3 binary container
     * (4-byte magic, u32 version, u32 nSections, then per section u32 id, u64 size, body).
     */
    static int sectionBody(byte[] file, int id) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int count = b.getInt(8);
        int at = 12;
        for (int i = 0; i < count; i++) {
            int sectionId = b.getInt(at);
            long size = b.getLong(at + 4);
            if (sectionId == id) {
                return at + 12;
            }
            at += 12 + (int) size;
        }
        throw new IllegalArgumentException("no section " + id);
    }

    /** Writes {@code v} as 32 little-endian bytes at {@code at} (the encoding of field elements in the binary files). */
    static void put256(byte[] file, int at, BigInteger v) {
        byte[] be = v.toByteArray();
        for (int i = 0; i < 32; i++) {
            int j = be.length - 1 - i;
            file[at + i] = j >= 0 ? be[j] : 0;
        }
    }

    /** A JSON fixture as a mutable tree. */
    static JsonNode json(String fixture) {
        try {
            return JSON.readTree(bytes(fixture));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeJson(Path dir, String name, JsonNode node) {
        try {
            return write(dir, name, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of a JSON object fixture with {@code change} applied to its tree. */
    static Path editedJson(Path dir, String fixture, String name, Consumer<ObjectNode> change) {
        ObjectNode root = (ObjectNode) json(fixture);
        change.accept(root);
        return writeJson(dir, name, root);
    }

    static ArrayNode strings(String... values) {
        ArrayNode a = JSON.createArrayNode();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }
}
