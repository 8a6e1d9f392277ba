package org.bgpd.rib.wire;

/**
 * Bounds-checked big-endian reads over {@code byte[]} with a position and a limit. Reading past
 * the limit never throws: it sets {@link #overrun()} and returns zeros, so a parser checks one
 * flag where the RFC asks for a length error instead of catching exceptions.
 * Not thread-safe; one per parse.
 */
public final class WireReader {
    private final byte[] buf;
    private int pos;
    private int limit;
    private boolean overrun;

    public WireReader(byte[] buf, int off, int len) {
        this.buf = buf;
        this.pos = off;
        this.limit = off + len;
    }

    public WireReader(byte[] buf) { this(buf, 0, buf.length); }

    public byte[] array() { return buf; }

    public int position() { return pos; }

    public int limit() { return limit; }

    public int remaining() { return limit - pos; }

    public boolean hasRemaining() { return pos < limit; }

    /** True once any read went past the limit. */
    public boolean overrun() { return overrun; }

    private boolean need(int n) {
        if (n < 0 || pos + n > limit) {
            overrun = true;
            pos = limit;
            return false;
        }
        return true;
    }

    public int u8() {
        if (!need(1)) return 0;
        return buf[pos++] & 0xFF;
    }

    public int u16() {
        if (!need(2)) return 0;
        int v = (buf[pos] & 0xFF) << 8 | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    /** Unsigned 32-bit value in an int (compare with Integer.compareUnsigned). */
    public int u32() {
        if (!need(4)) return 0;
        int v = (buf[pos] & 0xFF) << 24 | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8 | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    public long u64() {
        long hi = u32() & 0xFFFF_FFFFL;
        return hi << 32 | (u32() & 0xFFFF_FFFFL);
    }

    public byte[] bytes(int n) {
        if (!need(n)) return new byte[0];
        byte[] b = new byte[n];
        System.arraycopy(buf, pos, b, 0, n);
        pos += n;
        return b;
    }

    public void skip(int n) {
        if (need(n)) pos += n;
    }

    /** A reader over the next {@code n} bytes; this reader moves past them. */
    public WireReader slice(int n) {
        if (!need(n)) return new WireReader(buf, limit, 0);
        WireReader r = new WireReader(buf, pos, n);
        pos += n;
        return r;
    }
}
