package org.bgpd.rib.route;

import java.util.Arrays;

/**
 * One path-attribute set, hash-consed: thousands of prefixes share one instance through
 * {@link AttrsTable} ids. Holds the canonical wire bytes of every attribute except NEXT_HOP,
 * MP_REACH_NLRI and MP_UNREACH_NLRI (sorted by type code, flags normalised, AS_PATH and
 * AGGREGATOR always in 4-octet form, no AS4_PATH/AS4_AGGREGATOR), the next hop, and the
 * fields the decision process reads, unpacked. Those fields are derived from the bytes by the
 * codec ({@code org.bgpd.rib.wire}); equality is next hop plus bytes.
 * Immutable; safe to share between threads.
 */
public final class Attrs {
    public static final int ORIGIN_IGP = 0;
    public static final int ORIGIN_EGP = 1;
    public static final int ORIGIN_INCOMPLETE = 2;

    // flags
    public static final int HAS_MED = 1;
    public static final int HAS_LOCAL_PREF = 1 << 1;
    public static final int HAS_ORIGINATOR_ID = 1 << 2;
    public static final int ATOMIC_AGGREGATE = 1 << 3;
    /** RFC 1997 well-known communities present in COMMUNITIES. */
    public static final int NO_EXPORT = 1 << 4;
    public static final int NO_ADVERTISE = 1 << 5;
    public static final int NO_EXPORT_SUBCONFED = 1 << 6;
    /** RFC 9494 LLGR_STALE / NO_LLGR communities present. */
    public static final int LLGR_STALE = 1 << 7;
    public static final int NO_LLGR = 1 << 8;
    /** An AS_SET occurs in AS_PATH. */
    public static final int HAS_AS_SET = 1 << 9;

    private final byte[] wire;
    private final NextHop nextHop;
    private final int origin;
    private final int asPathLength;
    private final int neighborAs;
    private final int originAs;
    private final int med;
    private final int localPref;
    private final int originatorId;
    private final int clusterListLength;
    private final int flags;
    private final int hash;

    /**
     * Built by the codec, which guarantees that the unpacked fields agree with {@code wire}.
     * AS numbers and ids are unsigned 32-bit values in ints.
     */
    public Attrs(byte[] wire, NextHop nextHop, int origin, int asPathLength, int neighborAs, int originAs,
                 int med, int localPref, int originatorId, int clusterListLength, int flags) {
        this.wire = wire;
        this.nextHop = nextHop;
        this.origin = origin;
        this.asPathLength = asPathLength;
        this.neighborAs = neighborAs;
        this.originAs = originAs;
        this.med = med;
        this.localPref = localPref;
        this.originatorId = originatorId;
        this.clusterListLength = clusterListLength;
        this.flags = flags;
        this.hash = 31 * Arrays.hashCode(wire) + nextHop.hashCode();
    }

    /** Canonical attribute bytes; callers must not modify the array. */
    public byte[] wire() { return wire; }

    public NextHop nextHop() { return nextHop; }

    public int origin() { return origin; }

    /** AS_PATH length for best-path selection: an AS_SET counts 1, confederation segments 0 (RFC 4271 §9.1.2.2 a, RFC 5065 §5.3). */
    public int asPathLength() { return asPathLength; }

    /** First AS of the leftmost AS_SEQUENCE (the neighbour AS for MED comparison, RFC 4271 §9.1.2.2 c); 0 when empty. */
    public int neighborAs() { return neighborAs; }

    /** Last AS of the path (the originating AS); 0 when empty. */
    public int originAs() { return originAs; }

    public int med() { return med; }

    public int localPref() { return localPref; }

    public int originatorId() { return originatorId; }

    public int clusterListLength() { return clusterListLength; }

    public int flags() { return flags; }

    public boolean has(int flag) { return (flags & flag) != 0; }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Attrs a && a.hash == hash && a.nextHop.equals(nextHop) && Arrays.equals(a.wire, wire);
    }

    @Override
    public int hashCode() { return hash; }

    @Override
    public String toString() {
        return "Attrs[nh=" + nextHop + " origin=" + origin + " aspathlen=" + asPathLength + " lp=" + localPref
                + " med=" + Integer.toUnsignedString(med) + " flags=0x" + Integer.toHexString(flags) + " " + wire.length + "B]";
    }
}
