package org.bgpd.rib.wire;

import static org.bgpd.rib.wire.AsPathCodec.u32;

import java.util.ArrayList;
import java.util.List;
import org.bgpd.rib.route.Attrs;

/**
 * Readers that parse an {@link Attrs}' canonical bytes on demand: for policy matching, display
 * and the control socket. The decision process uses the unpacked fields on {@link Attrs} instead.
 * Stateless; safe from any thread.
 */
public final class AttrsView {
    private AttrsView() {}

    /** AGGREGATOR (RFC 4271 §5.1.7) in 4-octet form. */
    public record Aggregator(int as, int id) {}

    public static List<AsPathSegment> asPath(Attrs a) {
        long f = CanonicalAttrs.find(a.wire(), AttrType.AS_PATH.code());
        if (f < 0) return List.of();
        return AsPathCodec.segments(a.wire(), CanonicalAttrs.offset(f), CanonicalAttrs.length(f), 4);
    }

    /** The AS path as BIRD prints it: "65001 65002 {65003 65004}". */
    public static String asPathText(Attrs a) { return AsPathCodec.text(asPath(a)); }

    /** COMMUNITIES values (RFC 1997), in wire order; empty when absent. */
    public static int[] communities(Attrs a) { return ints(a, AttrType.COMMUNITIES.code()); }

    /** LARGE_COMMUNITIES (RFC 8092) flattened: global admin, data 1, data 2 per community. */
    public static int[] largeCommunities(Attrs a) { return ints(a, AttrType.LARGE_COMMUNITIES.code()); }

    /** EXTENDED_COMMUNITIES (RFC 4360), one long per community. */
    public static long[] extendedCommunities(Attrs a) {
        int[] v = ints(a, AttrType.EXTENDED_COMMUNITIES.code());
        long[] out = new long[v.length / 2];
        for (int i = 0; i < out.length; i++) out[i] = (long) v[2 * i] << 32 | (v[2 * i + 1] & 0xFFFF_FFFFL);
        return out;
    }

    /** CLUSTER_LIST ids (RFC 4456 §8), first is the most recent reflector. */
    public static int[] clusterList(Attrs a) { return ints(a, AttrType.CLUSTER_LIST.code()); }

    public static boolean hasOriginatorId(Attrs a) { return a.has(Attrs.HAS_ORIGINATOR_ID); }

    public static int originatorId(Attrs a) { return a.originatorId(); }

    /** The aggregator, or null when absent. */
    public static Aggregator aggregator(Attrs a) {
        long f = CanonicalAttrs.find(a.wire(), AttrType.AGGREGATOR.code());
        if (f < 0) return null;
        int off = CanonicalAttrs.offset(f);
        return new Aggregator(u32(a.wire(), off), u32(a.wire(), off + 4));
    }

    /** True if the community (RFC 1997) is present. */
    public static boolean hasCommunity(Attrs a, int community) {
        long f = CanonicalAttrs.find(a.wire(), AttrType.COMMUNITIES.code());
        if (f < 0) return false;
        for (int p = CanonicalAttrs.offset(f), end = p + CanonicalAttrs.length(f); p < end; p += 4)
            if (u32(a.wire(), p) == community) return true;
        return false;
    }

    /** Every canonical attribute in type-code order, for display. */
    public static List<RawAttr> attributes(Attrs a) {
        byte[] w = a.wire();
        List<RawAttr> out = new ArrayList<>();
        int p = 0;
        while (p < w.length) {
            int flags = w[p] & 0xFF, code = w[p + 1] & 0xFF;
            boolean ext = (flags & AttrSpec.EXTENDED_LENGTH) != 0;
            int len = ext ? (w[p + 2] & 0xFF) << 8 | (w[p + 3] & 0xFF) : w[p + 2] & 0xFF;
            int off = p + (ext ? 4 : 3);
            out.add(new RawAttr(code, flags, java.util.Arrays.copyOfRange(w, off, off + len)));
            p = off + len;
        }
        return out;
    }

    /** "(65000,100)": a community as BIRD's "show route all" prints it. */
    public static String communityText(int c) { return "(" + (c >>> 16) + "," + (c & 0xFFFF) + ")"; }

    private static int[] ints(Attrs a, int code) {
        long f = CanonicalAttrs.find(a.wire(), code);
        if (f < 0) return new int[0];
        int off = CanonicalAttrs.offset(f);
        int[] out = new int[CanonicalAttrs.length(f) / 4];
        for (int i = 0; i < out.length; i++) out[i] = u32(a.wire(), off + 4 * i);
        return out;
    }
}
