package org.bgpd.rib.wire;

import static org.bgpd.rib.wire.AsPathCodec.u32;

import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.NextHop;

/**
 * The canonical attribute bytes {@link Attrs} keeps: attributes sorted by type code, flags
 * normalised (Optional/Transitive from the table, Partial only where RFC 4271 §5 keeps it,
 * Extended Length only when the value exceeds 255 octets), AS_PATH and AGGREGATOR in 4-octet
 * form, no NEXT_HOP, MP_* or AS4_* attributes. Both the decoder and {@link AttrsBuilder} build
 * through {@link #attrs}, so the unpacked decision fields always agree with the bytes.
 * Stateless.
 */
public final class CanonicalAttrs {
    private CanonicalAttrs() {}

    /** Well-known communities (RFC 1997, RFC 9494) that set {@link Attrs} flags. */
    public static final int NO_EXPORT = 0xFFFFFF01;
    public static final int NO_ADVERTISE = 0xFFFFFF02;
    public static final int NO_EXPORT_SUBCONFED = 0xFFFFFF03;
    public static final int LLGR_STALE = 0xFFFF0006;
    public static final int NO_LLGR = 0xFFFF0007;

    /** Value offset of attribute {@code code} in canonical bytes, packed as {@code off << 32 | len}; -1 when absent. */
    public static long find(byte[] wire, int code) {
        int p = 0;
        while (p < wire.length) {
            int flags = wire[p] & 0xFF, c = wire[p + 1] & 0xFF;
            boolean ext = (flags & AttrSpec.EXTENDED_LENGTH) != 0;
            int len = ext ? (wire[p + 2] & 0xFF) << 8 | (wire[p + 3] & 0xFF) : wire[p + 2] & 0xFF;
            int off = p + (ext ? 4 : 3);
            if (c == code) return (long) off << 32 | len;
            if (c > code) return -1;
            p = off + len;
        }
        return -1;
    }

    public static int offset(long found) { return (int) (found >>> 32); }

    public static int length(long found) { return (int) found; }

    /** Attribute header with Extended Length exactly when the value needs it. */
    static void header(WireWriter w, int flags, int code, int len) {
        if (len > 255) w.u8((flags & 0xE0) | AttrSpec.EXTENDED_LENGTH).u8(code).u16(len);
        else w.u8(flags & 0xE0).u8(code).u8(len);
    }

    static int headerSize(int len) { return len > 255 ? 4 : 3; }

    /** Builds the {@link Attrs} for canonical bytes, deriving every decision field from them. */
    public static Attrs attrs(byte[] wire, NextHop nextHop) {
        int origin = Attrs.ORIGIN_IGP, asPathLength = 0, neighborAs = 0, originAs = 0;
        int med = 0, localPref = 0, originatorId = 0, clusterListLength = 0, flags = 0;
        int p = 0;
        while (p < wire.length) {
            int f = wire[p] & 0xFF, code = wire[p + 1] & 0xFF;
            boolean ext = (f & AttrSpec.EXTENDED_LENGTH) != 0;
            int len = ext ? (wire[p + 2] & 0xFF) << 8 | (wire[p + 3] & 0xFF) : wire[p + 2] & 0xFF;
            int off = p + (ext ? 4 : 3);
            p = off + len;
            switch (code) {
                case 1 -> origin = wire[off] & 0xFF;
                case 2 -> {
                    int q = off, end = off + len;
                    boolean first = true;
                    while (q < end) {
                        int type = wire[q] & 0xFF, n = wire[q + 1] & 0xFF;
                        if (type == AsPathSegment.AS_SEQUENCE) {
                            asPathLength += n;
                            if (first) neighborAs = u32(wire, q + 2);
                            originAs = u32(wire, q + 2 + 4 * (n - 1));
                        } else if (type == AsPathSegment.AS_SET) {
                            asPathLength++;
                            flags |= Attrs.HAS_AS_SET;
                            originAs = 0;
                        }
                        if (type == AsPathSegment.AS_SEQUENCE || type == AsPathSegment.AS_SET) first = false;
                        q += 2 + 4 * n;
                    }
                }
                case 4 -> {
                    med = u32(wire, off);
                    flags |= Attrs.HAS_MED;
                }
                case 5 -> {
                    localPref = u32(wire, off);
                    flags |= Attrs.HAS_LOCAL_PREF;
                }
                case 6 -> flags |= Attrs.ATOMIC_AGGREGATE;
                case 8 -> {
                    for (int q = off; q < off + len; q += 4) flags |= communityFlag(u32(wire, q));
                }
                case 9 -> {
                    originatorId = u32(wire, off);
                    flags |= Attrs.HAS_ORIGINATOR_ID;
                }
                case 10 -> clusterListLength = len / 4;
                default -> { }
            }
        }
        return new Attrs(wire, nextHop, origin, asPathLength, neighborAs, originAs, med, localPref, originatorId,
                clusterListLength, flags);
    }

    static int communityFlag(int c) {
        return switch (c) {
            case NO_EXPORT -> Attrs.NO_EXPORT;
            case NO_ADVERTISE -> Attrs.NO_ADVERTISE;
            case NO_EXPORT_SUBCONFED -> Attrs.NO_EXPORT_SUBCONFED;
            case LLGR_STALE -> Attrs.LLGR_STALE;
            case NO_LLGR -> Attrs.NO_LLGR;
            default -> 0;
        };
    }

    /** Canonical bytes from what the decoder kept: sorted by code, flags normalised. */
    static byte[] fromDecoded(DecodeState st) {
        int n = st.keptCount;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            int j = i;
            while (j > 0 && st.keptCode[order[j - 1]] > st.keptCode[i]) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
        int size = 0;
        for (int i = 0; i < n; i++) {
            int len = valueLength(st, i);
            size += headerSize(len) + len;
        }
        WireWriter w = new WireWriter(size);
        for (int k = 0; k < n; k++) {
            int i = order[k], code = st.keptCode[i];
            byte[] replaced = code == 2 ? st.asPath4 : code == 7 ? st.aggregator4 : null;
            int len = valueLength(st, i);
            header(w, st.keptFlags[i], code, len);
            if (replaced != null) w.bytes(replaced);
            else w.bytes(st.body, st.keptOff[i], len);
        }
        return w.array().length == size ? w.array() : w.toByteArray();
    }

    private static int valueLength(DecodeState st, int i) {
        int code = st.keptCode[i];
        if (code == 2 && st.asPath4 != null) return st.asPath4.length;
        if (code == 7 && st.aggregator4 != null) return st.aggregator4.length;
        return st.keptLen[i];
    }
}
