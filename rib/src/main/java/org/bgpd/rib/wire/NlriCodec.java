package org.bgpd.rib.wire;

import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NlriList;
import org.bgpd.rib.route.Prefixes;

/**
 * Prefix encoding shared by the classic NLRI / Withdrawn Routes fields and MP_REACH/MP_UNREACH:
 * (length, address bytes rounded up to whole octets) per RFC 4271 §4.3 and RFC 4760 §5,
 * preceded by a 4-byte path identifier when ADD-PATH is in use for the family (RFC 7911 §3).
 * Stateless.
 */
final class NlriCodec {
    private NlriCodec() {}

    /**
     * Appends the prefixes in {@code b[off, off+len)} to {@code out}. Returns null when well
     * formed, else a reason: a length over 32/128 or a prefix running past the field (RFC 7606 §5.3).
     * Host bits beyond the length are cleared, not rejected.
     */
    static String read(byte[] b, int off, int len, Family f, boolean addPath, NlriList.Builder out) {
        int end = off + len;
        int max = f.maxLength();
        int p = off;
        while (p < end) {
            int pathId = 0;
            if (addPath) {
                if (p + 4 >= end) return "truncated path identifier";
                pathId = (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
                p += 4;
            }
            int plen = b[p++] & 0xFF;
            if (plen > max) return "prefix length " + plen + " > " + max;
            int n = (plen + 7) >>> 3;
            if (p + n > end) return "prefix overruns the field";
            if (f == Family.IPV4_UNICAST) {
                int a = 0;
                for (int i = 0; i < 4; i++) a = a << 8 | (i < n ? b[p + i] & 0xFF : 0);
                out.addV4(Prefixes.v4(a, plen), pathId);
            } else {
                long hi = 0, lo = 0;
                for (int i = 0; i < 8; i++) hi = hi << 8 | (i < n ? b[p + i] & 0xFF : 0);
                for (int i = 8; i < 16; i++) lo = lo << 8 | (i < n ? b[p + i] & 0xFF : 0);
                out.addV6(hi, lo, plen, pathId);
            }
            p += n;
        }
        return null;
    }

    /** Bytes prefix {@code i} of {@code l} takes on the wire. */
    static int size(NlriList l, int i, boolean addPath) {
        int plen = l.family() == Family.IPV4_UNICAST ? Prefixes.length(l.v4(i)) : l.v6Length(i);
        return 1 + ((plen + 7) >>> 3) + (addPath ? 4 : 0);
    }

    /** Writes prefix {@code i} of {@code l}. Without path ids in the list, ADD-PATH sends id 0. */
    static void write(WireWriter w, NlriList l, int i, boolean addPath) {
        if (addPath) w.u32(l.pathId(i));
        if (l.family() == Family.IPV4_UNICAST) {
            long p = l.v4(i);
            int plen = Prefixes.length(p);
            int a = Prefixes.address(p);
            w.u8(plen);
            for (int k = 0, n = (plen + 7) >>> 3; k < n; k++) w.u8(a >>> (24 - 8 * k));
        } else {
            int plen = l.v6Length(i);
            long hi = l.v6Hi(i), lo = l.v6Lo(i);
            w.u8(plen);
            for (int k = 0, n = (plen + 7) >>> 3; k < n; k++) w.u8((int) (k < 8 ? hi >>> (56 - 8 * k) : lo >>> (120 - 8 * k)));
        }
    }
}
