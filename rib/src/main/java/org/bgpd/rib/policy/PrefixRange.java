package org.bgpd.rib.policy;

import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.Prefix;

/**
 * A prefix with a length range: matches a route prefix inside {@code prefix} whose length is in
 * {@code ge..le}. {@code ge == le == prefix.length()} is BIRD's {@code net = P}; {@code ge ==
 * prefix.length(), le == max} is {@code net ~ P}; {@code ge == prefix.length() + 1} is "strictly
 * longer", what Calico's aggregation rejects. Immutable; safe to share.
 */
public record PrefixRange(Prefix prefix, int ge, int le) {

    public PrefixRange {
        if (ge < prefix.length() || le < ge || le > prefix.family().maxLength())
            throw new IllegalArgumentException("bad ge/le " + ge + ".." + le + " for " + prefix);
    }

    public static PrefixRange exact(Prefix p) { return new PrefixRange(p, p.length(), p.length()); }

    /** The prefix and everything inside it. */
    public static PrefixRange orLonger(Prefix p) { return new PrefixRange(p, p.length(), p.family().maxLength()); }

    /** Everything inside the prefix, not the prefix itself. */
    public static PrefixRange longer(Prefix p) { return new PrefixRange(p, p.length() + 1, p.family().maxLength()); }

    /** IPv4 prefixes put the address in {@code lo}'s low 32 bits, as {@link Prefix} does. */
    public boolean matches(Family family, long hi, long lo, int length) {
        return length >= ge && length <= le && inside(prefix, family, hi, lo);
    }

    /** True if the address (IPv4 in {@code lo}) lies inside {@code p}, whatever its own length. */
    public static boolean inside(Prefix p, Family family, long hi, long lo) {
        if (family != p.family()) return false;
        int n = p.length();
        if (family == Family.IPV4_UNICAST) {
            long mask = n == 0 ? 0 : (0xFFFF_FFFFL << (32 - n)) & 0xFFFF_FFFFL;
            return (lo & mask) == p.lo();
        }
        long mhi = n == 0 ? 0 : n >= 64 ? -1L : -1L << (64 - n);
        long mlo = n <= 64 ? 0 : n == 128 ? -1L : -1L << (128 - n);
        return (hi & mhi) == p.hi() && (lo & mlo) == p.lo();
    }

    @Override
    public String toString() {
        if (ge == prefix.length() && le == ge) return prefix.toString();
        return prefix + "{" + ge + "," + le + "}";
    }
}
