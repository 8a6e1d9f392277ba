package org.bgpd.rib.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * AS_PATH and AS4_PATH values: validation (RFC 7606 §7.2), 2- and 4-octet forms, the RFC 6793
 * §4.2.3 reconstruction of the path a 2-octet speaker sent, and BIRD's text form.
 * Stateless.
 */
public final class AsPathCodec {
    /** RFC 6793 §2: the AS a 2-octet speaker sees in place of one it cannot represent. */
    public static final int AS_TRANS = 23456;

    private AsPathCodec() {}

    /** RFC 7606 §7.2: known segment types, no zero-length segment, no overrun, no trailing bytes. */
    static boolean valid(byte[] b, int off, int len, int asSize) {
        int p = off, end = off + len;
        while (p < end) {
            if (p + 2 > end) return false;
            int type = b[p] & 0xFF, n = b[p + 1] & 0xFF;
            if (type < AsPathSegment.AS_SET || type > AsPathSegment.AS_CONFED_SET || n == 0) return false;
            p += 2 + n * asSize;
        }
        return p == end;
    }

    /** Segments of a value already checked by {@link #valid}. */
    public static List<AsPathSegment> segments(byte[] b, int off, int len, int asSize) {
        List<AsPathSegment> out = new ArrayList<>(2);
        int p = off, end = off + len;
        while (p + 2 <= end) {
            int type = b[p] & 0xFF, n = b[p + 1] & 0xFF;
            p += 2;
            int[] asns = new int[n];
            for (int i = 0; i < n; i++, p += asSize) asns[i] = asSize == 4 ? u32(b, p) : (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
            out.add(new AsPathSegment(type, asns));
        }
        return out;
    }

    /** Encodes segments; with {@code asSize == 2} any AS above 65535 becomes AS_TRANS (RFC 6793 §4.2.2). */
    public static byte[] encode(List<AsPathSegment> segs, int asSize) {
        int n = 0;
        for (AsPathSegment s : segs) n += 2 + s.asns().length * asSize;
        byte[] out = new byte[n];
        int p = 0;
        for (AsPathSegment s : segs) {
            out[p++] = (byte) s.type();
            out[p++] = (byte) s.asns().length;
            for (int as : s.asns()) {
                if (asSize == 4) {
                    out[p++] = (byte) (as >>> 24);
                    out[p++] = (byte) (as >>> 16);
                } else if (Integer.compareUnsigned(as, 0xFFFF) > 0) {
                    as = AS_TRANS;
                }
                out[p++] = (byte) (as >>> 8);
                out[p++] = (byte) as;
            }
        }
        return out;
    }

    /** Path length for best-path selection: AS_SET counts 1, confederation segments 0. */
    public static int pathLength(List<AsPathSegment> segs) {
        int n = 0;
        for (AsPathSegment s : segs) n += s.pathLength();
        return n;
    }

    /** True if some AS does not fit in 2 octets, so a 2-octet peer also needs AS4_PATH. */
    static boolean needsAs4(List<AsPathSegment> segs) {
        for (AsPathSegment s : segs)
            for (int as : s.asns()) if (Integer.compareUnsigned(as, 0xFFFF) > 0) return true;
        return false;
    }

    /** AS4_PATH carries no confederation segments (RFC 6793 §3). */
    static List<AsPathSegment> withoutConfed(List<AsPathSegment> segs) {
        List<AsPathSegment> out = new ArrayList<>(segs.size());
        for (AsPathSegment s : segs) if (!s.isConfed()) out.add(s);
        return out;
    }

    /**
     * RFC 6793 §4.2.3: keeps as many leading ASes of AS_PATH as AS_PATH has more than AS4_PATH,
     * then appends AS4_PATH. When AS4_PATH is longer than AS_PATH it is ignored. Confederation
     * segments at the front, or next to a prepended segment, are kept.
     */
    static List<AsPathSegment> reconstruct(List<AsPathSegment> asPath, List<AsPathSegment> as4Path) {
        int need = pathLength(asPath) - pathLength(as4Path);
        if (need < 0) return asPath;
        List<AsPathSegment> out = new ArrayList<>(asPath.size() + as4Path.size());
        for (AsPathSegment s : asPath) {
            if (s.isConfed()) {
                out.add(s);
                continue;
            }
            if (need == 0) break;
            if (s.type() == AsPathSegment.AS_SET) {
                out.add(s);
                need--;
            } else {
                int k = Math.min(need, s.asns().length);
                out.add(k == s.asns().length ? s : new AsPathSegment(s.type(), java.util.Arrays.copyOf(s.asns(), k)));
                need -= k;
            }
        }
        // one sequence across the junction, as a 4-octet speaker would have sent it
        int taken = out.size();
        for (AsPathSegment s : as4Path) {
            AsPathSegment last = out.size() == taken && taken > 0 ? out.getLast() : null;
            if (last != null && last.type() == AsPathSegment.AS_SEQUENCE && s.type() == AsPathSegment.AS_SEQUENCE
                    && last.asns().length + s.asns().length <= 255) {
                int[] m = java.util.Arrays.copyOf(last.asns(), last.asns().length + s.asns().length);
                System.arraycopy(s.asns(), 0, m, last.asns().length, s.asns().length);
                out.set(out.size() - 1, AsPathSegment.sequence(m));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** BIRD's text form: "65001 65002 {65003 65004}", confederation segments as "(..)" and "({..})". */
    public static String text(List<AsPathSegment> segs) {
        StringBuilder sb = new StringBuilder();
        for (AsPathSegment s : segs) {
            if (!sb.isEmpty()) sb.append(' ');
            String open = switch (s.type()) {
                case AsPathSegment.AS_SET -> "{";
                case AsPathSegment.AS_CONFED_SEQUENCE -> "(";
                case AsPathSegment.AS_CONFED_SET -> "({";
                default -> "";
            };
            String close = switch (s.type()) {
                case AsPathSegment.AS_SET -> "}";
                case AsPathSegment.AS_CONFED_SEQUENCE -> ")";
                case AsPathSegment.AS_CONFED_SET -> "})";
                default -> "";
            };
            sb.append(open);
            for (int i = 0; i < s.asns().length; i++) {
                if (i > 0) sb.append(' ');
                sb.append(Integer.toUnsignedString(s.asns()[i]));
            }
            sb.append(close);
        }
        return sb.toString();
    }

    static int u32(byte[] b, int p) {
        return (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
    }
}
