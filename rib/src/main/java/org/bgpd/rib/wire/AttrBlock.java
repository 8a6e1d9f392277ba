package org.bgpd.rib.wire;

import java.util.List;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;

/**
 * The path attributes of an {@link Attrs} as one peer receives them, for one family: the
 * canonical bytes plus NEXT_HOP for IPv4, with AS_PATH / AGGREGATOR narrowed and AS4_PATH /
 * AS4_AGGREGATOR added for 2-octet peers (RFC 6793 §4.2.2). Attributes stay in type-code order
 * (RFC 4271 §5 SHOULD); {@code mpAt} is where MP_REACH_NLRI (code 14) belongs. Computed once per
 * (attribute set, family, context) and reused for every message it heads.
 * Immutable by convention: callers must not modify {@code bytes}.
 */
record AttrBlock(byte[] bytes, int mpAt, NextHop nextHop) {

    static AttrBlock of(Attrs attrs, Family f, EncodeContext ctx) {
        NextHop nh = attrs.nextHop();
        if (nh.isSelf()) nh = f == Family.IPV4_UNICAST ? ctx.selfV4() : ctx.selfV6();
        if (nh == null || nh.family() != f) throw new IllegalArgumentException("next hop " + nh + " cannot carry " + f.shortName());
        byte[] w = attrs.wire();
        WireWriter out = new WireWriter(w.length + 32);
        byte[] as4Path = null, as4Aggregator = null;
        int mpAt = -1;
        boolean nextHopDone = f != Family.IPV4_UNICAST;
        int p = 0;
        while (p <= w.length) {
            int code = 256, flags = 0, len = 0, off = 0, start = p;
            if (p < w.length) {
                flags = w[p] & 0xFF;
                code = w[p + 1] & 0xFF;
                boolean ext = (flags & AttrSpec.EXTENDED_LENGTH) != 0;
                len = ext ? (w[p + 2] & 0xFF) << 8 | (w[p + 3] & 0xFF) : w[p + 2] & 0xFF;
                off = p + (ext ? 4 : 3);
            }
            // attributes not in the canonical bytes go in at their code's place
            if (!nextHopDone && code > 3) {
                CanonicalAttrs.header(out, AttrSpec.WELL_KNOWN, AttrType.NEXT_HOP.code(), 4);
                out.u32(nh.v4());
                nextHopDone = true;
            }
            if (mpAt < 0 && code > 14) mpAt = out.position();
            if (as4Path != null && code > 17) {
                raw(out, AttrType.AS4_PATH.code(), as4Path);
                as4Path = null;
            }
            if (as4Aggregator != null && code > 18) {
                raw(out, AttrType.AS4_AGGREGATOR.code(), as4Aggregator);
                as4Aggregator = null;
            }
            if (code == 256) break;
            p = off + len;
            if (!ctx.fourOctetAs() && code == AttrType.AS_PATH.code()) {
                List<AsPathSegment> segs = AsPathCodec.segments(w, off, len, 4);
                raw(out, code, AsPathCodec.encode(segs, 2));
                if (AsPathCodec.needsAs4(segs)) as4Path = AsPathCodec.encode(AsPathCodec.withoutConfed(segs), 4);
            } else if (!ctx.fourOctetAs() && code == AttrType.AGGREGATOR.code()) {
                int as = AsPathCodec.u32(w, off);
                boolean wide = Integer.compareUnsigned(as, 0xFFFF) > 0;
                int as2 = wide ? AsPathCodec.AS_TRANS : as;
                CanonicalAttrs.header(out, flags, code, 6);
                out.u16(as2).bytes(w, off + 4, 4);
                if (wide) as4Aggregator = java.util.Arrays.copyOfRange(w, off, off + 8);
            } else {
                out.bytes(w, start, p - start);
            }
        }
        return new AttrBlock(out.toByteArray(), mpAt, nh);
    }

    private static void raw(WireWriter out, int code, byte[] value) {
        int flags = AttrTable.spec(code).flags();
        CanonicalAttrs.header(out, flags, code, value.length);
        out.bytes(value);
    }
}
