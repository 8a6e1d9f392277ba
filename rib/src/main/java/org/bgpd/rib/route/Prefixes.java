package org.bgpd.rib.route;

/**
 * Packed IPv4 prefixes: one {@code long} = {@code (addr & 0xFFFFFFFF) << 8 | len}, host bits zero.
 * Packed values sort by address, then length, so ordered walks need no objects.
 * Immutable helpers; safe from any thread.
 */
public final class Prefixes {
    private Prefixes() {}

    /** Packs an IPv4 prefix; host bits beyond {@code len} are cleared. */
    public static long v4(int addr, int len) {
        if (len < 0 || len > 32) throw new IllegalArgumentException("IPv4 prefix length " + len);
        return ((addr & mask(len)) & 0xFFFF_FFFFL) << 8 | len;
    }

    public static int address(long packed) { return (int) (packed >>> 8); }

    public static int length(long packed) { return (int) (packed & 0xFF); }

    /** Network mask for a length, as an int (len 0 gives 0). */
    public static int mask(int len) { return len == 0 ? 0 : -1 << (32 - len); }

    /** True if {@code inner} lies within {@code outer} (equal counts). */
    public static boolean contains(long outer, long inner) {
        int ol = length(outer);
        return length(inner) >= ol && (address(inner) & mask(ol)) == address(outer);
    }

    /** True if the host address lies within the packed prefix. */
    public static boolean containsAddress(long prefix, int addr) {
        return (addr & mask(length(prefix))) == address(prefix);
    }

    public static String toString(long packed) {
        return Ipv4.toString(address(packed)) + "/" + length(packed);
    }

    /** Parses "a.b.c.d/len"; throws IllegalArgumentException when malformed. */
    public static long parse(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("missing /len in " + s);
        int len = Integer.parseInt(s.substring(slash + 1));
        return v4(Ipv4.parse(s.substring(0, slash)), len);
    }
}
