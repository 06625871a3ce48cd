package dev.verity.prover.io;

import static dev.verity.prover.io.Fixtures.assertFormatError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinFileTest {
    @TempDir
    Path dir;

    /** Hand-assembled container: magic, version, count, then (id, size, body) per section. */
    private Path raw(String name, String magic, int version, int count, long[][] sections, int extra)
            throws IOException {
        int total = 12 + extra;
        for (long[] s : sections) {
            total += 12 + (int) s[2];
        }
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.put(magic.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).putInt(version).putInt(count);
        for (long[] s : sections) {
            b.putInt((int) s[0]).putLong(s[1]);
            b.position(b.position() + (int) s[2]);
        }
        Path p = dir.resolve(name);
        Files.write(p, b.array());
        return p;
    }

    @Test
    void writerAndReaderAgreeOnLayoutAndContent() throws IOException {
        Path p = dir.resolve("t.bin");
        long[] big = new long[300_000]; // 2.4 MB: crosses the 1 MB read and write chunks
        for (int i = 0; i < big.length; i++) {
            big[i] = 0x0123_4567_89ab_cdefL * (i + 1);
        }
        try (BinFileWriter w = BinFileWriter.create(p, "test", 3, 3)) {
            w.beginSection(7);
            w.writeU32(0xFFFF_FFFFL);
            w.writeBytes(new byte[] {1, 2, 3}, 0, 3);
            w.endSection();
            w.beginSection(2);
            w.writeU32(5); // puts the following longs off 8-byte alignment within the file
            w.writeLongs(big, 0, big.length);
            w.endSection();
            w.beginSection(1);
            w.endSection();
            w.finish();
        }
        byte[] bytes = Files.readAllBytes(p);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("test", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(3, b.getInt(4));
        assertEquals(3, b.getInt(8));
        assertEquals(7, b.getInt(12));
        assertEquals(7, b.getLong(16));
        assertEquals(2, b.getInt(12 + 12 + 7));
        assertEquals(4 + 8L * big.length, b.getLong(12 + 12 + 7 + 4));

        try (BinFile f = BinFile.open(p, "test", 1, 3)) {
            assertEquals(3, f.version());
            assertArrayEquals(new int[] {7, 2, 1}, f.sectionOrder());
            assertEquals(0, f.section(1, "empty").size());
            assertTrue(f.has(2));
            assertFalse(f.has(3));
            SectionInput seven = f.open(7, "seven");
            assertEquals(0xFFFF_FFFFL, seven.readU32());
            byte[] three = new byte[3];
            seven.readBytes(three, 0, 3);
            assertArrayEquals(new byte[] {1, 2, 3}, three);
            seven.expectEnd();
            SectionInput whole = f.open(2, "big");
            assertEquals(5, whole.readU32());
            long[] back = new long[big.length];
            whole.readLongs(back, 0, 3); // small read, then bulk reads across chunks
            whole.readLongs(back, 3, big.length - 3);
            assertArrayEquals(big, back);
            whole.expectEnd();
            long[] part = new long[3];
            f.open(2, "big", 4 + 8L * 200_000, 8 * 3).readLongs(part, 0, 3);
            assertArrayEquals(Arrays.copyOfRange(big, 200_000, 200_003), part);
        }
    }

    @Test
    void readingPastTheEndOfASectionIsAFormatError() throws IOException {
        Path p = raw("short.bin", "test", 1, 1, new long[][] {{1, 6, 6}}, 0);
        try (BinFile f = BinFile.open(p, "test", 1, 1)) {
            SectionInput in = f.open(1, "one");
            in.readU32();
            assertFormatError(p, in::readLong, "section 1 (one)", "ends early");
            assertFormatError(p, () -> in.readLongs(new long[40], 0, 40), "ends early");
            assertFormatError(p, in::expectEnd, "2 bytes more");
            assertFormatError(p, () -> f.open(1, "one", 4, 3), "cannot read 3 bytes at offset 4");
            assertFormatError(p, () -> f.section(9, "nine"), "missing section 9 (nine)");
        }
    }

    @Test
    void refusesMalformedContainers() throws IOException {
        Path ok = raw("ok.bin", "test", 1, 2, new long[][] {{1, 4, 4}, {2, 0, 0}}, 0);
        BinFile.open(ok, "test", 1, 1).close();

        Path magic = raw("magic.bin", "tset", 1, 0, new long[0][], 0);
        assertFormatError(magic, () -> BinFile.open(magic, "test", 1, 1), "not a test file", "\"tset\"");
        Path version = raw("version.bin", "test", 4, 0, new long[0][], 0);
        assertFormatError(version, () -> BinFile.open(version, "test", 1, 2), "unsupported test version 4");
        Path tiny = dir.resolve("tiny.bin");
        Files.write(tiny, new byte[] {'t', 'e', 's', 't', 1, 0});
        assertFormatError(tiny, () -> BinFile.open(tiny, "test", 1, 1), "truncated");
        Path count = raw("count.bin", "test", 1, 3, new long[][] {{1, 0, 0}}, 0);
        assertFormatError(count, () -> BinFile.open(count, "test", 1, 1), "announces 3 sections");
        Path count2 = raw("count2.bin", "test", 1, 2, new long[][] {{1, 10, 10}}, 4);
        assertFormatError(count2, () -> BinFile.open(count2, "test", 1, 1), "section header 2 of 2");
        Path past = raw("past.bin", "test", 1, 1, new long[][] {{1, 10, 6}}, 0);
        assertFormatError(past, () -> BinFile.open(past, "test", 1, 1), "section 1", "past the end of the file");
        Path huge = raw("huge.bin", "test", 1, 1, new long[][] {{1, -1, 0}}, 0);
        assertFormatError(huge, () -> BinFile.open(huge, "test", 1, 1), "18446744073709551615 bytes");
        Path trailing = raw("trailing.bin", "test", 1, 1, new long[][] {{1, 4, 4}}, 3);
        assertFormatError(trailing, () -> BinFile.open(trailing, "test", 1, 1), "3 unexpected bytes");
        Path twice = raw("twice.bin", "test", 1, 2, new long[][] {{5, 0, 0}, {5, 0, 0}}, 0);
        assertFormatError(twice, () -> BinFile.open(twice, "test", 1, 1), "section 5 appears twice");
        // a section that claims less than it holds makes its tail parse as a bogus section header
        Path overlap = raw("overlap.bin", "test", 1, 2, new long[][] {{1, 2, 16}, {2, 0, 0}}, 0);
        assertFormatError(overlap, () -> BinFile.open(overlap, "test", 1, 1));
    }

    @Test
    void anUnfinishedWriterLeavesNoFile() throws IOException {
        Path p = dir.resolve("partial.bin");
        try (BinFileWriter w = BinFileWriter.create(p, "test", 1, 2)) {
            w.beginSection(1);
            w.endSection();
            assertThrows(IllegalStateException.class, w::finish);
        }
        assertFalse(Files.exists(p));
        try (BinFileWriter w = BinFileWriter.create(p, "test", 1, 1)) {
            w.beginSection(1);
            assertThrows(IllegalStateException.class, () -> w.beginSection(2));
            assertThrows(IllegalArgumentException.class, () -> w.writeU32(-1));
        }
        assertFalse(Files.exists(p));
    }
}
