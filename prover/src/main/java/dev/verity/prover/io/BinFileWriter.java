package dev.verity.prover.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writer of the iden3 binfile container (see {@link BinFile}). Sections are written one after
 * the other in the order the caller opens them; each section's size is patched in when it ends,
 * as snarkjs does. Call {@link #finish()} when done: closing an unfinished writer (after an
 * error) deletes the partial file.
 */
public final class BinFileWriter implements Closeable {
    private static final int CHUNK = 1 << 20;
    /** Up to this many longs are copied one by one; more go through a bulk view. */
    private static final int SMALL = 16;

    private final Path path;
    private final FileChannel channel;
    private final int announcedSections;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    /** File position where {@link #buf}'s content goes. */
    private long flushedTo;
    private int writtenSections;
    /** File position of the open section's size field, or -1 when no section is open. */
    private long openSizeField = -1;
    private boolean finished;

    private BinFileWriter(Path path, FileChannel channel, int announcedSections) {
        this.path = path;
        this.channel = channel;
        this.announcedSections = announcedSections;
    }

    /** Creates (or replaces) {@code path} and writes the file header. */
    public static BinFileWriter create(Path path, String magic, int version, int sectionCount) throws IOException {
        byte[] m = magic.getBytes(StandardCharsets.ISO_8859_1);
        if (m.length != 4) {
            throw new IllegalArgumentException("magic must be 4 ASCII characters: " + magic);
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        BinFileWriter w = new BinFileWriter(path, channel, sectionCount);
        w.writeBytes(m, 0, 4);
        w.writeU32(version);
        w.writeU32(sectionCount);
        return w;
    }

    public void beginSection(int id) throws IOException {
        if (openSizeField >= 0) {
            throw new IllegalStateException("section still open when starting section " + id);
        }
        if (writtenSections == announcedSections) {
            throw new IllegalStateException("more sections than the " + announcedSections + " announced");
        }
        writeU32(id);
        openSizeField = flushedTo + buf.position();
        writeLong(0);
    }

    public void endSection() throws IOException {
        if (openSizeField < 0) {
            throw new IllegalStateException("no section open");
        }
        flush();
        long size = flushedTo - openSizeField - 8;
        ByteBuffer patch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, size);
        while (patch.hasRemaining()) {
            channel.write(patch, openSizeField + patch.position());
        }
        openSizeField = -1;
        writtenSections++;
    }

    /** Writes the low 32 bits of {@code v} (callers pass values in [0, 2^32)). */
    public void writeU32(long v) throws IOException {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("not an unsigned 32-bit value: " + v);
        }
        room(4);
        buf.putInt((int) v);
    }

    public void writeLong(long v) throws IOException {
        room(8);
        buf.putLong(v);
    }

    public void writeLongs(long[] src, int off, int count) throws IOException {
        if (count <= SMALL) {
            room(8 * count);
            for (int i = 0; i < count; i++) {
                buf.putLong(src[off + i]);
            }
            return;
        }
        int done = 0;
        while (done < count) {
            room(8);
            int n = Math.min(count - done, buf.remaining() / 8);
            buf.asLongBuffer().put(src, off + done, n);
            buf.position(buf.position() + 8 * n);
            done += n;
        }
    }

    public void writeBytes(byte[] src, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            room(1);
            int n = Math.min(len - done, buf.remaining());
            buf.put(src, off + done, n);
            done += n;
        }
    }

    /** Completes the file; fails if a section is open or fewer sections were written than announced. */
    public void finish() throws IOException {
        if (openSizeField >= 0) {
            throw new IllegalStateException("section still open");
        }
        if (writtenSections != announcedSections) {
            throw new IllegalStateException(writtenSections + " sections written, " + announcedSections + " announced");
        }
        flush();
        finished = true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
        if (!finished) {
            Files.deleteIfExists(path);
        }
    }

    private void room(int bytes) throws IOException {
        if (buf.remaining() < bytes) {
            flush();
        }
    }

    private void flush() throws IOException {
        buf.flip();
        while (buf.hasRemaining()) {
            flushedTo += channel.write(buf, flushedTo);
        }
        buf.clear();
    }
}
