package org.bgpd.fib.netlink;

/**
 * Bounds-checked host-order (little-endian: x86-64, arm64) reads over a {@code byte[]} window,
 * the netlink twin of rib's WireReader. Reading past the limit never throws: it sets
 * {@link #overrun()} and returns zeros, so decoders check one flag. Not thread-safe; one per parse.
 */
public final class NlReader {
    private final byte[] buf;
    private int pos;
    private final int limit;
    private boolean overrun;

    public NlReader(byte[] buf, int off, int len) {
        this.buf = buf;
        this.pos = Math.max(0, Math.min(off, buf.length));
        this.limit = Math.max(pos, Math.min(buf.length, off + Math.max(0, len)));
    }

    public byte[] array() { return buf; }

    public int position() { return pos; }

    public int limit() { return limit; }

    public int remaining() { return limit - pos; }

    public boolean overrun() { return overrun; }

    private boolean need(int n) {
        if (n < 0 || n > limit - pos) {
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
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    public int u32() {
        if (!need(4)) return 0;
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    public void skip(int n) {
        if (need(n)) pos += n;
    }

    /** A reader over the next {@code n} bytes; this reader moves past them. */
    public NlReader slice(int n) {
        if (!need(n)) return new NlReader(buf, limit, 0);
        NlReader r = new NlReader(buf, pos, n);
        pos += n;
        return r;
    }

    /** The NUL-terminated string in the next {@code n} bytes (IFLA_IFNAME). */
    public String cString(int n) {
        if (!need(n)) return "";
        int end = pos;
        while (end < pos + n && buf[end] != 0) end++;
        String s = new String(buf, pos, end - pos, java.nio.charset.StandardCharsets.UTF_8);
        pos += n;
        return s;
    }
}
