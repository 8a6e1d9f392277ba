package org.bgpd.fib.netlink;

import java.util.Arrays;

/**
 * Builds netlink messages (host byte order) into a growable buffer: many messages back to back
 * make one batch for a single send. Lengths of messages and nested attributes are patched when
 * they end. Not thread-safe; reuse one per writer thread with {@link #reset()}.
 */
public final class NlWriter {
    private byte[] buf;
    private int pos;

    public NlWriter(int capacity) { buf = new byte[capacity]; }

    public byte[] array() { return buf; }

    public int size() { return pos; }

    public void reset() { pos = 0; }

    private void ensure(int n) {
        if (pos + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
    }

    public NlWriter u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    public NlWriter u16(int v) {
        ensure(2);
        buf[pos++] = (byte) v;
        buf[pos++] = (byte) (v >>> 8);
        return this;
    }

    public NlWriter u32(int v) {
        ensure(4);
        buf[pos++] = (byte) v;
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 24);
        return this;
    }

    public NlWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    private void pad() {
        int aligned = Rtnl.align(pos);
        ensure(aligned - pos);
        while (pos < aligned) buf[pos++] = 0;
    }

    /** Starts a message; returns its offset for {@link #endMessage}. */
    public int beginMessage(int type, int flags, int seq) {
        pad();
        int start = pos;
        u32(0).u16(type).u16(flags).u32(seq).u32(0);
        return start;
    }

    public void endMessage(int start) {
        pad();
        putU32At(start, pos - start);
    }

    public void attr(int type, byte[] value) {
        pad();
        u16(4 + value.length).u16(type).bytes(value);
        pad();
    }

    public void attrU32(int type, int value) {
        pad();
        u16(8).u16(type).u32(value);
    }

    public void attrString(int type, String value) {
        byte[] s = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] z = Arrays.copyOf(s, s.length + 1);
        attr(type, z);
    }

    /** Starts a nested attribute (RTA_MULTIPATH); returns its offset for {@link #endNested}. */
    public int beginNested(int type) {
        pad();
        int start = pos;
        u16(0).u16(type);
        return start;
    }

    public void endNested(int start) {
        putU16At(start, pos - start);
        pad();
    }

    /** Marks the start of a length-prefixed struct (rtnexthop); the u16 length is its first field. */
    public void patchU16(int at, int value) { putU16At(at, value); }

    public int position() { return pos; }

    private void putU16At(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
    }

    private void putU32At(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
        buf[at + 2] = (byte) (v >>> 16);
        buf[at + 3] = (byte) (v >>> 24);
    }
}
