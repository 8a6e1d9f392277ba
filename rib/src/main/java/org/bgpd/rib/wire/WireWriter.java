package org.bgpd.rib.wire;

import java.util.Arrays;

/** Big-endian writes into a growable {@code byte[]}. Not thread-safe; one per encode. */
public final class WireWriter {
    private byte[] buf;
    private int pos;

    public WireWriter(int initial) { buf = new byte[Math.max(16, initial)]; }

    public WireWriter() { this(256); }

    private void ensure(int n) {
        if (pos + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
    }

    public WireWriter u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    public WireWriter u16(int v) {
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    public WireWriter u32(int v) {
        ensure(4);
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    public WireWriter u64(long v) {
        u32((int) (v >>> 32));
        return u32((int) v);
    }

    public WireWriter bytes(byte[] b) { return bytes(b, 0, b.length); }

    public WireWriter bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
        return this;
    }

    public int position() { return pos; }

    /** Overwrites a 16-bit value at {@code at} (for lengths known only after the body). */
    public void setU16(int at, int v) {
        buf[at] = (byte) (v >>> 8);
        buf[at + 1] = (byte) v;
    }

    public void setU8(int at, int v) { buf[at] = (byte) v; }

    /** Truncates back to {@code at} (undo a partially written element). */
    public void truncate(int at) { pos = at; }

    public byte[] array() { return buf; }

    public byte[] toByteArray() { return Arrays.copyOf(buf, pos); }
}
