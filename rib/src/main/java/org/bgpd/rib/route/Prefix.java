package org.bgpd.rib.route;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A prefix of either family, as a value: used at the edges (config, CLI, tests) and as the
 * IPv6 key. IPv4 lives in {@code lo}'s low 32 bits with {@code hi == 0}. Host bits are zero.
 * Immutable; safe to share. The RIB's IPv4 tables use {@link Prefixes} packed longs instead.
 */
public record Prefix(Family family, long hi, long lo, int length) implements Comparable<Prefix> {

    public Prefix {
        if (length < 0 || length > family.maxLength())
            throw new IllegalArgumentException("prefix length " + length + " out of range for " + family.shortName());
        if (family == Family.IPV4_UNICAST) {
            hi = 0;
            lo = (lo & Prefixes.mask(length)) & 0xFFFF_FFFFL;
        } else {
            long[] m = Ipv6.mask(length);
            hi &= m[0];
            lo &= m[1];
        }
    }

    public static Prefix v4(int addr, int len) { return new Prefix(Family.IPV4_UNICAST, 0, addr & 0xFFFF_FFFFL, len); }

    public static Prefix v6(long hi, long lo, int len) { return new Prefix(Family.IPV6_UNICAST, hi, lo, len); }

    public static Prefix ofPacked(long packedV4) { return v4(Prefixes.address(packedV4), Prefixes.length(packedV4)); }

    /** The packed IPv4 form; only for IPv4 prefixes. */
    public long packed() {
        if (family != Family.IPV4_UNICAST) throw new IllegalStateException("not IPv4: " + this);
        return Prefixes.v4((int) lo, length);
    }

    /** Parses "10.0.0.0/8" or "2001:db8::/32"; throws IllegalArgumentException when malformed. */
    public static Prefix parse(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("missing /length in '" + s + "'");
        String addr = s.substring(0, slash);
        int len;
        try {
            len = Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in '" + s + "'");
        }
        if (addr.indexOf(':') >= 0) {
            long[] a = Ipv6.parse(addr);
            return v6(a[0], a[1], len);
        }
        return v4(Ipv4.parse(addr), len);
    }

    /** Host address (no length) of either family. */
    public static Prefix host(String addr) {
        Prefix p = parse(addr + (addr.indexOf(':') >= 0 ? "/128" : "/32"));
        return p;
    }

    public InetAddress address() {
        try {
            return InetAddress.getByAddress(addressBytes());
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    public byte[] addressBytes() {
        return family == Family.IPV4_UNICAST ? Ipv4.toBytes((int) lo) : Ipv6.toBytes(hi, lo);
    }

    public boolean contains(Prefix other) {
        if (other.family != family || other.length < length) return false;
        return new Prefix(family, other.hi, other.lo, length).equals(this);
    }

    @Override
    public int compareTo(Prefix o) {
        int c = family.compareTo(o.family);
        if (c == 0) c = Long.compareUnsigned(hi, o.hi);
        if (c == 0) c = Long.compareUnsigned(lo, o.lo);
        if (c == 0) c = Integer.compare(length, o.length);
        return c;
    }

    @Override
    public String toString() {
        String a = family == Family.IPV4_UNICAST ? Ipv4.toString((int) lo) : Ipv6.toString(hi, lo);
        return a + "/" + length;
    }
}
