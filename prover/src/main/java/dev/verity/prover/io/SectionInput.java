package dev.verity.prover.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Sequential little-endian reader over (part of) one section of a {@link BinFile}.
 *
 * <p>Every read is bounds-checked against the section: reading past its end raises a
 * {@link FormatException} naming the section, never a buffer underflow. Bulk reads of
 * {@code long}s copy through a {@code LongBuffer} view straight into the destination array.
 * Not thread-safe; it holds no resources of its own (the file belongs to the {@link BinFile}).
 */
public final class SectionInput {
    private static final int CHUNK = 1 << 20;
    /** Up to this many longs are copied one by one; more go through a bulk view. */
    private static final int SMALL = 16;

    private final BinFile file;
    private final BinFile.Section section;
    private final String name;
    private final long start;
    private final long end;
    /** File position of the next byte not yet loaded into {@link #buf}. */
    private long filePos;
    private final ByteBuffer buf;

    SectionInput(BinFile file, BinFile.Section section, String name, long start, long length) {
        this.file = file;
        this.section = section;
        this.name = name;
        this.start = start;
        this.end = start + length;
        this.filePos = start;
        int capacity = (int) Math.min(CHUNK, Math.max(length, 8));
        this.buf = ByteBuffer.allocateDirect(capacity).order(ByteOrder.LITTLE_ENDIAN).limit(0);
    }

    /** Bytes consumed so far. */
    public long position() {
        return filePos - start - buf.remaining();
    }

    /** Bytes left to read. */
    public long remaining() {
        return end - filePos + buf.remaining();
    }

    /** Unsigned 32-bit integer. */
    public long readU32() throws IOException {
        need(4);
        return Integer.toUnsignedLong(buf.getInt());
    }

    /**
     * An unsigned 32-bit count or index that must be at most {@code max}; {@code what} names it in
     * the error message.
     */
    public int readU32AtMost(long max, String what) throws IOException {
        long v = readU32();
        if (v > max) {
            throw error(what + " is " + v + ", more than the allowed " + max);
        }
        return (int) v;
    }

    /** Unsigned 64-bit integer that must fit in a signed {@code long}. */
    public long readU64(String what) throws IOException {
        need(8);
        long v = buf.getLong();
        if (v < 0) {
            throw error(what + " is " + Long.toUnsignedString(v) + ", too large");
        }
        return v;
    }

    public long readLong() throws IOException {
        need(8);
        return buf.getLong();
    }

    /** Reads {@code count} little-endian longs into {@code dst} from {@code off}. */
    public void readLongs(long[] dst, int off, int count) throws IOException {
        checkAvailable(8L * count);
        if (count <= SMALL) {
            need(8 * count);
            for (int i = 0; i < count; i++) {
                dst[off + i] = buf.getLong();
            }
            return;
        }
        int done = 0;
        while (done < count) {
            if (buf.remaining() < 8) {
                refill(8);
            }
            int n = Math.min(count - done, buf.remaining() / 8);
            buf.asLongBuffer().get(dst, off + done, n);
            buf.position(buf.position() + 8 * n);
            done += n;
        }
    }

    public void readBytes(byte[] dst, int off, int len) throws IOException {
        checkAvailable(len);
        int done = 0;
        while (done < len) {
            if (!buf.hasRemaining()) {
                refill(1);
            }
            int n = Math.min(len - done, buf.remaining());
            buf.get(dst, off + done, n);
            done += n;
        }
    }

    /** Fails unless every byte of the range was consumed (catches a section longer than its content). */
    public void expectEnd() throws FormatException {
        long left = remaining();
        if (left != 0) {
            throw error("has " + left + " bytes more than its content needs");
        }
    }

    /** A format error about this section. */
    public FormatException error(String problem) {
        return file.error("section " + Integer.toUnsignedString(section.id()) + " (" + name + "): " + problem);
    }

    private void need(int bytes) throws IOException {
        if (buf.remaining() < bytes) {
            checkAvailable(bytes);
            refill(bytes);
        }
    }

    private void checkAvailable(long bytes) throws FormatException {
        if (bytes > remaining()) {
            throw error("ends early: " + bytes + " more bytes needed at offset " + (position() + start - section.offset())
                    + " but only " + remaining() + " remain");
        }
    }

    /** Moves unread bytes to the front and loads more, so that at least {@code min} are buffered. */
    private void refill(int min) throws IOException {
        buf.compact();
        int want = (int) Math.min(buf.remaining(), end - filePos);
        int target = buf.position() + want;
        buf.limit(target);
        while (buf.position() < target) {
            int n = file.channel().read(buf, filePos);
            if (n < 0) {
                throw error("the file ended while reading; was it truncated while open?");
            }
            filePos += n;
        }
        buf.flip();
        if (buf.remaining() < min) {
            throw error("ends early at offset " + (position() + start - section.offset()));
        }
    }
}
