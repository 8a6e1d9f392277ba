package org.bgpd.rib.route;

/**
 * A BGP next hop: an IPv4 address (in {@code lo}), or an IPv6 global address with an optional
 * link-local one (RFC 2545 §3; {@code llHi == 0 && llLo == 0} means none).
 * {@link #SELF} marks locally originated routes before the session rewrites them.
 * Immutable; safe to share.
 */
public record NextHop(Family family, long hi, long lo, long llHi, long llLo) {

    /** "Our own address": originated routes carry it until export sets the session's address. */
    public static final NextHop SELF = new NextHop(null, 0, 0, 0, 0);

    public static NextHop v4(int addr) { return new NextHop(Family.IPV4_UNICAST, 0, addr & 0xFFFF_FFFFL, 0, 0); }

    public static NextHop v6(long hi, long lo) { return new NextHop(Family.IPV6_UNICAST, hi, lo, 0, 0); }

    public static NextHop v6(long hi, long lo, long llHi, long llLo) { return new NextHop(Family.IPV6_UNICAST, hi, lo, llHi, llLo); }

    public static NextHop parse(String s) {
        if (s.indexOf(':') >= 0) {
            long[] a = Ipv6.parse(s);
            return v6(a[0], a[1]);
        }
        return v4(Ipv4.parse(s));
    }

    public boolean isSelf() { return family == null; }

    public boolean hasLinkLocal() { return llHi != 0 || llLo != 0; }

    public int v4() { return (int) lo; }

    /** The next hop as a host prefix, for resolution and display. */
    public Prefix asPrefix() {
        return family == Family.IPV4_UNICAST ? Prefix.v4((int) lo, 32) : Prefix.v6(hi, lo, 128);
    }

    @Override
    public String toString() {
        if (family == null) return "self";
        if (family == Family.IPV4_UNICAST) return Ipv4.toString((int) lo);
        String g = Ipv6.toString(hi, lo);
        return hasLinkLocal() ? g + " " + Ipv6.toString(llHi, llLo) : g;
    }
}
