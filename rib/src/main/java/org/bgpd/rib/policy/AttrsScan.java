package org.bgpd.rib.policy;

import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.wire.AttrType;
import org.bgpd.rib.wire.CanonicalAttrs;

/**
 * Policy matching straight on an {@link Attrs}' canonical bytes (4-octet AS_PATH, RFC 1997 and
 * RFC 8092 communities), so a match allocates nothing. Stateless; safe from any thread.
 */
final class AttrsScan {
    private AttrsScan() {}

    /** True if COMMUNITIES holds any of {@code wanted}. */
    static boolean anyCommunity(Attrs a, int[] wanted) {
        byte[] w = a.wire();
        long f = CanonicalAttrs.find(w, AttrType.COMMUNITIES.code());
        if (f < 0) return false;
        for (int p = CanonicalAttrs.offset(f), end = p + CanonicalAttrs.length(f); p + 4 <= end; p += 4) {
            int c = u32(w, p);
            for (int x : wanted) if (x == c) return true;
        }
        return false;
    }

    /** True if LARGE_COMMUNITIES holds any of {@code wanted} (global, data 1, data 2 per community). */
    static boolean anyLargeCommunity(Attrs a, int[] wanted) {
        byte[] w = a.wire();
        long f = CanonicalAttrs.find(w, AttrType.LARGE_COMMUNITIES.code());
        if (f < 0) return false;
        for (int p = CanonicalAttrs.offset(f), end = p + CanonicalAttrs.length(f); p + 12 <= end; p += 12) {
            int g = u32(w, p), d1 = u32(w, p + 4), d2 = u32(w, p + 8);
            for (int i = 0; i + 2 < wanted.length; i += 3)
                if (wanted[i] == g && wanted[i + 1] == d1 && wanted[i + 2] == d2) return true;
        }
        return false;
    }

    /** True if any segment of AS_PATH (sequences, sets, confederation segments) holds any of {@code asns}. */
    static boolean asPathContains(Attrs a, int[] asns) {
        byte[] w = a.wire();
        long f = CanonicalAttrs.find(w, AttrType.AS_PATH.code());
        if (f < 0) return false;
        int p = CanonicalAttrs.offset(f), end = p + CanonicalAttrs.length(f);
        while (p + 2 <= end) {
            int n = w[p + 1] & 0xFF;
            p += 2;
            for (int i = 0; i < n && p + 4 <= end; i++, p += 4) {
                int as = u32(w, p);
                for (int x : asns) if (x == as) return true;
            }
        }
        return false;
    }

    private static int u32(byte[] b, int p) {
        return (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
    }
}
