package dev.verity.prover.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reader of the iden3 "binfile" container shared by {@code .r1cs}, {@code .wtns}, {@code .zkey}
 * and {@code .ptau} files:
 *
 * <pre>
 *   4 bytes magic | u32 version | u32 nSections | nSections x (u32 id | u64 size | size bytes)
 * </pre>
 *
 * all little-endian. Opening indexes the sections and refuses anything malformed: wrong magic,
 * unsupported version, a truncated header, a section running past the end of the file, bytes
 * after the last section, the same section id twice. Section bodies are read on demand through
 * {@link SectionInput}, so files of many gigabytes cost only what is actually read.
 */
public final class BinFile implements Closeable {
    /** One section: its id and where its body lies in the file. */
    public record Section(int id, long offset, long size) {
    }

    private static final int FILE_HEADER_BYTES = 12;
    private static final int SECTION_HEADER_BYTES = 12;

    private final Path path;
    private final FileChannel channel;
    private final int version;
    private final List<Section> sections;
    private final Map<Integer, Section> byId;

    private BinFile(Path path, FileChannel channel, int version, List<Section> sections) {
        this.path = path;
        this.channel = channel;
        this.version = version;
        this.sections = Collections.unmodifiableList(sections);
        this.byId = new HashMap<>();
        for (Section s : sections) {
            byId.put(s.id(), s);
        }
    }

    /**
     * Opens and indexes {@code path}, which must start with {@code magic} and have a version in
     * {@code [minVersion, maxVersion]}.
     */
    public static BinFile open(Path path, String magic, int minVersion, int maxVersion) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            BinFile file = index(path, channel, magic, minVersion, maxVersion);
            channel = null; // owned by the BinFile now
            return file;
        } finally {
            if (channel != null) {
                channel.close();
            }
        }
    }

    private static BinFile index(Path path, FileChannel channel, String magic, int minVersion, int maxVersion)
            throws IOException {
        long fileSize = channel.size();
        if (fileSize < FILE_HEADER_BYTES) {
            throw new FormatException(path, "truncated: " + fileSize + " bytes is too short for a " + magic
                    + " file header");
        }
        ByteBuffer header = readFully(channel, 0, FILE_HEADER_BYTES);
        byte[] found = new byte[4];
        header.get(found);
        if (!magic.equals(new String(found, StandardCharsets.ISO_8859_1))) {
            throw new FormatException(path, "not a " + magic + " file (magic bytes are "
                    + printable(found) + ")");
        }
        long version = Integer.toUnsignedLong(header.getInt());
        if (version < minVersion || version > maxVersion) {
            throw new FormatException(path, "unsupported " + magic + " version " + version + " (supported: "
                    + (minVersion == maxVersion ? String.valueOf(minVersion) : minVersion + " to " + maxVersion) + ")");
        }
        long count = Integer.toUnsignedLong(header.getInt());
        if (count * SECTION_HEADER_BYTES > fileSize - FILE_HEADER_BYTES) {
            throw new FormatException(path, "truncated or corrupt: the header announces " + count
                    + " sections but the file has only " + fileSize + " bytes");
        }
        List<Section> sections = new ArrayList<>((int) Math.min(count, 64));
        Map<Integer, Section> seen = new HashMap<>();
        long pos = FILE_HEADER_BYTES;
        for (long i = 0; i < count; i++) {
            if (fileSize - pos < SECTION_HEADER_BYTES) {
                throw new FormatException(path, "truncated: section header " + (i + 1) + " of " + count
                        + " would start at byte " + pos + " but the file has " + fileSize + " bytes");
            }
            ByteBuffer sh = readFully(channel, pos, SECTION_HEADER_BYTES);
            int id = sh.getInt();
            long size = sh.getLong();
            long body = pos + SECTION_HEADER_BYTES;
            if (size < 0 || size > fileSize - body) {
                throw new FormatException(path, "truncated: section " + Integer.toUnsignedString(id) + " at byte "
                        + body + " announces " + Long.toUnsignedString(size) + " bytes, past the end of the file ("
                        + fileSize + " bytes)");
            }
            Section section = new Section(id, body, size);
            if (seen.put(id, section) != null) {
                throw new FormatException(path, "section " + Integer.toUnsignedString(id) + " appears twice");
            }
            sections.add(section);
            pos = body + size;
        }
        if (pos != fileSize) {
            throw new FormatException(path, (fileSize - pos) + " unexpected bytes after the last section (byte "
                    + pos + " of " + fileSize + ")");
        }
        return new BinFile(path, channel, (int) version, sections);
    }

    public Path path() {
        return path;
    }

    public int version() {
        return version;
    }

    /** Sections in file order. */
    public List<Section> sections() {
        return sections;
    }

    /** Section ids in file order, e.g. for writing a file back with the same layout. */
    public int[] sectionOrder() {
        return sections.stream().mapToInt(Section::id).toArray();
    }

    public boolean has(int id) {
        return byId.containsKey(id);
    }

    /** The section with this id; {@code name} describes it in the error when it is missing. */
    public Section section(int id, String name) throws FormatException {
        Section s = byId.get(id);
        if (s == null) {
            throw error("missing section " + id + " (" + name + ")");
        }
        return s;
    }

    /** A reader over the whole body of section {@code id}. */
    public SectionInput open(int id, String name) throws FormatException {
        Section s = section(id, name);
        return new SectionInput(this, s, name, s.offset(), s.size());
    }

    /**
     * A reader over {@code length} bytes at {@code offset} within section {@code id}, for reading
     * part of a large section without touching the rest.
     */
    public SectionInput open(int id, String name, long offset, long length) throws FormatException {
        Section s = section(id, name);
        if (offset < 0 || length < 0 || offset > s.size() - length) {
            throw error("section " + id + " (" + name + ") has " + s.size() + " bytes; cannot read " + length
                    + " bytes at offset " + offset);
        }
        return new SectionInput(this, s, name, s.offset() + offset, length);
    }

    /** Reads all bytes of a section; for small sections kept verbatim. */
    public byte[] readAll(int id, String name) throws IOException {
        Section s = section(id, name);
        if (s.size() > Integer.MAX_VALUE - 16) {
            throw error("section " + id + " (" + name + ") is too large to hold in memory (" + s.size() + " bytes)");
        }
        byte[] out = new byte[(int) s.size()];
        SectionInput in = open(id, name);
        in.readBytes(out, 0, out.length);
        return out;
    }

    /** A format error about this file. */
    public FormatException error(String problem) {
        return new FormatException(path, problem);
    }

    FileChannel channel() {
        return channel;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static ByteBuffer readFully(FileChannel channel, long pos, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buf.hasRemaining()) {
            if (channel.read(buf, pos + buf.position()) < 0) {
                throw new IOException("file shrank while being read");
            }
        }
        return buf.flip();
    }

    private static String printable(byte[] bytes) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f) {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02x", c));
            }
        }
        return sb.append('"').toString();
    }
}
