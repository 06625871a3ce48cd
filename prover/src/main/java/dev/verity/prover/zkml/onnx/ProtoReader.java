package dev.verity.prover.zkml.onnx;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The protobuf wire format, reading side: iterates over the fields of one message. Unknown fields
 * are skipped by their wire type, as protobuf requires; a truncated or malformed message throws
 * {@link IllegalArgumentException} with what was wrong.
 */
final class ProtoReader {
    private final byte[] data;
    private int pos;
    private final int end;
    private int field;
    private int wireType;
    private long varint;
    private int valueFrom;
    private int valueTo;

    ProtoReader(byte[] data) {
        this(data, 0, data.length);
    }

    private ProtoReader(byte[] data, int from, int to) {
        this.data = data;
        this.pos = from;
        this.end = to;
    }

    /** Advances to the next field; false at the end of the message. */
    boolean next() {
        if (pos >= end) {
            return false;
        }
        long tag = readVarint();
        field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        if (field < 1) {
            throw new IllegalArgumentException("field number 0 at byte " + pos);
        }
        switch (wireType) {
            case 0 -> varint = readVarint();
            case 1 -> skip(8);
            case 2 -> {
                long n = readVarint();
                if (n < 0 || n > end - pos) {
                    throw new IllegalArgumentException("field " + field + " runs past the end of its message");
                }
                valueFrom = pos;
                skip((int) n);
                valueTo = pos;
            }
            case 5 -> {
                valueFrom = pos;
                skip(4);
            }
            default -> throw new IllegalArgumentException("unsupported wire type " + wireType + " (field " + field
                    + ")");
        }
        return true;
    }

    int field() {
        return field;
    }

    int wireType() {
        return wireType;
    }

    long varint() {
        expect(0);
        return varint;
    }

    float float32() {
        expect(5);
        int bits = 0;
        for (int i = 0; i < 4; i++) {
            bits |= (data[valueFrom + i] & 0xFF) << (8 * i);
        }
        return Float.intBitsToFloat(bits);
    }

    byte[] bytes() {
        expect(2);
        return Arrays.copyOfRange(data, valueFrom, valueTo);
    }

    String string() {
        expect(2);
        return new String(data, valueFrom, valueTo - valueFrom, StandardCharsets.UTF_8);
    }

    ProtoReader message() {
        expect(2);
        return new ProtoReader(data, valueFrom, valueTo);
    }

    /** A repeated int64 field, packed (wire type 2) or one element (wire type 0), appended to {@code into}. */
    long[] appendVarints(long[] into) {
        if (wireType == 0) {
            long[] out = Arrays.copyOf(into, into.length + 1);
            out[into.length] = varint;
            return out;
        }
        ProtoReader packed = new ProtoReader(data, valueFrom, valueTo);
        int count = 0;
        for (int i = valueFrom; i < valueTo; i++) {
            count += data[i] >= 0 ? 1 : 0; // every varint ends with one byte below 0x80
        }
        long[] out = Arrays.copyOf(into, into.length + count);
        for (int k = into.length; packed.pos < packed.end; k++) {
            out[k] = packed.readVarint();
        }
        return out;
    }

    /** A repeated float field, packed (wire type 2) or one element (wire type 5), appended to {@code into}. */
    float[] appendFloats(float[] into) {
        if (wireType == 5) {
            float[] out = Arrays.copyOf(into, into.length + 1);
            out[into.length] = float32();
            return out;
        }
        expect(2);
        int n = (valueTo - valueFrom) / 4;
        if ((valueTo - valueFrom) % 4 != 0) {
            throw new IllegalArgumentException("packed floats of field " + field + " are not a multiple of 4 bytes");
        }
        float[] out = Arrays.copyOf(into, into.length + n);
        for (int k = 0; k < n; k++) {
            int bits = 0;
            for (int i = 0; i < 4; i++) {
                bits |= (data[valueFrom + 4 * k + i] & 0xFF) << (8 * i);
            }
            out[into.length + k] = Float.intBitsToFloat(bits);
        }
        return out;
    }

    private void expect(int type) {
        if (wireType != type) {
            throw new IllegalArgumentException("field " + field + " has wire type " + wireType + ", expected " + type);
        }
    }

    private void skip(int n) {
        if (n > end - pos) {
            throw new IllegalArgumentException("truncated message (field " + field + ")");
        }
        pos += n;
    }

    private long readVarint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                throw new IllegalArgumentException("truncated varint");
            }
            byte b = data[pos++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("varint longer than 10 bytes");
    }
}
