package org.bgpd.fib.netlink;

/**
 * Where each known attribute of one message (or nested block) sits: the generic, table-driven
 * walk over struct rtattr TLVs. Unknown types are skipped; a known type whose length is outside
 * its {@link AttrSpec} bounds, or a TLV that runs past the block, makes the block malformed.
 * Not thread-safe; one per decode.
 */
public final class AttrIndex {
    private final byte[] buf;
    private final int[] off;
    private final int[] len;
    private String error;

    private AttrIndex(byte[] buf, int size) {
        this.buf = buf;
        this.off = new int[size];
        this.len = new int[size];
        java.util.Arrays.fill(off, -1);
    }

    /** Indexes the TLVs in {@code r}'s remaining bytes against {@code specs}. */
    public static AttrIndex of(NlReader r, AttrSpec[] specs) {
        AttrIndex ix = new AttrIndex(r.array(), specs.length);
        while (r.remaining() >= 4) {
            int alen = r.u16();
            int type = r.u16() & 0x3FFF; // strip NLA_F_NESTED / NLA_F_NET_BYTEORDER
            if (alen < 4 || alen - 4 > r.remaining()) {
                ix.error = "attribute " + type + " length " + alen + " runs past the message";
                return ix;
            }
            int valueOff = r.position();
            r.skip(alen - 4);
            r.skip(Math.min(Rtnl.align(alen) - alen, r.remaining()));
            AttrSpec spec = type < specs.length ? specs[type] : null;
            if (spec == null) continue;
            int vlen = alen - 4;
            if (vlen < spec.minLen() || vlen > spec.maxLen()) {
                ix.error = spec.name() + " length " + vlen + " not in " + spec.minLen() + ".." + spec.maxLen();
                return ix;
            }
            ix.off[type] = valueOff;
            ix.len[type] = vlen;
        }
        if (r.remaining() != 0) ix.error = "trailing " + r.remaining() + " bytes after attributes";
        return ix;
    }

    /** Null when every TLV fit its bounds, else what was wrong. */
    public String error() { return error; }

    public boolean has(int type) { return off[type] >= 0; }

    public int length(int type) { return len[type]; }

    public NlReader value(int type) { return new NlReader(buf, off[type], len[type]); }

    public int u32(int type, int absent) { return has(type) ? value(type).u32() : absent; }

    public byte[] bytes(int type) {
        byte[] b = new byte[len[type]];
        System.arraycopy(buf, off[type], b, 0, len[type]);
        return b;
    }
}
