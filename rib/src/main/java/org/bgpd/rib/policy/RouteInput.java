package org.bgpd.rib.policy;

import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.route.Prefixes;
import org.bgpd.rib.table.PeerInfo;

/**
 * The route a policy judges: prefix (IPv4 address in {@code lo}'s low 32 bits, as
 * {@link Prefix}), attributes as they entered the chain, the peer it came from and, for routes
 * learned from the kernel, the kernel's facts ({@code null} otherwise). A holder the caller
 * refills for each route, so evaluating a policy allocates nothing.
 * Owned by one thread (the RIB's); not thread-safe.
 */
public final class RouteInput {
    Family family;
    long hi;
    long lo;
    int length;
    Attrs attrs;
    PeerInfo from;
    KernelFacts kernel;

    public RouteInput set(Family family, long hi, long lo, int length, Attrs attrs, PeerInfo from, KernelFacts kernel) {
        this.family = family;
        this.hi = hi;
        this.lo = lo;
        this.length = length;
        this.attrs = attrs;
        this.from = from;
        this.kernel = kernel;
        return this;
    }

    public RouteInput set(Prefix p, Attrs attrs, PeerInfo from, KernelFacts kernel) {
        return set(p.family(), p.hi(), p.lo(), p.length(), attrs, from, kernel);
    }

    /** An IPv4 prefix in {@link Prefixes} packing. */
    public RouteInput setV4(long packed, Attrs attrs, PeerInfo from, KernelFacts kernel) {
        return set(Family.IPV4_UNICAST, 0, Prefixes.address(packed) & 0xFFFF_FFFFL, Prefixes.length(packed), attrs, from, kernel);
    }

    public Family family() { return family; }

    public Attrs attrs() { return attrs; }

    public PeerInfo from() { return from; }

    public KernelFacts kernel() { return kernel; }
}
