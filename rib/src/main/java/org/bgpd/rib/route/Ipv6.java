package org.bgpd.rib.route;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IPv6 addresses as two {@code long}s (hi, lo). Immutable helpers; safe from any thread. */
public final class Ipv6 {
    private Ipv6() {}

    public static long[] mask(int len) {
        long hi = len == 0 ? 0 : len >= 64 ? -1L : -1L << (64 - len);
        long lo = len <= 64 ? 0 : len == 128 ? -1L : -1L << (128 - len);
        return new long[] {hi, lo};
    }

    /** Parses an IPv6 literal; throws IllegalArgumentException when it is not one. */
    public static long[] parse(String s) {
        if (s.isEmpty() || s.indexOf(':') < 0 || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.'))
            throw new IllegalArgumentException("not an IPv6 address: " + s);
        try {
            InetAddress a = InetAddress.getByName(s); // a literal: no name lookup happens
            if (!(a instanceof Inet6Address)) throw new IllegalArgumentException("not an IPv6 address: " + s);
            byte[] b = a.getAddress();
            return new long[] {fromBytes(b, 0), fromBytes(b, 8)};
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address: " + s);
        }
    }

    public static long fromBytes(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) v = v << 8 | (b[off + i] & 0xFF);
        return v;
    }

    public static byte[] toBytes(long hi, long lo) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return b;
    }

    /** RFC 5952 text form (lower case, longest zero run compressed), as BIRD prints it. */
    public static String toString(long hi, long lo) {
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) (hi >>> (48 - 16 * i)) & 0xFFFF;
            g[4 + i] = (int) (lo >>> (48 - 16 * i)) & 0xFFFF;
        }
        int bestStart = -1, bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    public static boolean isLinkLocal(long hi) { return (hi >>> 54) == (0xFE80L >>> 6); }
}
