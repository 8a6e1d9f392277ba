package org.bgpd.rib.table;

import org.bgpd.rib.policy.PeerPolicies;
import org.bgpd.rib.route.Prefix;

/**
 * What the RIB knows about one peer: enough for the decision process and export rules.
 * {@code address} is a host prefix (/32 or /128); {@code localAs} is the AS we present on this
 * session (BIRD's per-protocol {@code local as}). AS numbers and the BGP identifier are unsigned
 * 32-bit values in ints; {@code bgpId} is replaced by the one the peer's OPEN carried when the
 * session comes up. Pseudo-peers (STATIC, KERNEL) use our own router id and AS. {@code policies}
 * are its import and export chains ({@link PeerPolicies#UNSET}: RFC 8212 defaults).
 * {@code allowLocalAs} is how often {@code localAs} may appear in a route's AS_PATH from an
 * eBGP peer before the route counts as a loop (BIRD's {@code allow local as}, default 0).
 * Immutable; safe to share.
 */
public record PeerInfo(int index, PeerKind kind, Prefix address, int as, int localAs, int bgpId,
                       boolean ibgp, boolean rrClient, NextHopMode nextHop, PeerPolicies policies, int allowLocalAs) {

    public PeerInfo {
        if (index < 0 || index > Channels.MAX_PEER) throw new IllegalArgumentException("peer index " + index);
        if (address.length() != address.family().maxLength()) throw new IllegalArgumentException("peer address must be a host: " + address);
        if (nextHop == null) nextHop = NextHopMode.DEFAULT;
        if (policies == null) policies = PeerPolicies.UNSET;
        if (allowLocalAs < 0) throw new IllegalArgumentException("allowLocalAs " + allowLocalAs);
    }

    public PeerInfo(int index, PeerKind kind, Prefix address, int as, int localAs, int bgpId, boolean ibgp,
                    boolean rrClient, NextHopMode nextHop, PeerPolicies policies) {
        this(index, kind, address, as, localAs, bgpId, ibgp, rrClient, nextHop, policies, 0);
    }

    public PeerInfo(int index, PeerKind kind, Prefix address, int as, int localAs, int bgpId, boolean ibgp, boolean rrClient, NextHopMode nextHop) {
        this(index, kind, address, as, localAs, bgpId, ibgp, rrClient, nextHop, PeerPolicies.UNSET);
    }

    public PeerInfo(int index, PeerKind kind, Prefix address, int as, int localAs, int bgpId, boolean ibgp, boolean rrClient) {
        this(index, kind, address, as, localAs, bgpId, ibgp, rrClient, NextHopMode.DEFAULT);
    }

    /** A BGP session; iBGP when the peer's AS equals ours (RFC 4271 §3). */
    public static PeerInfo bgp(int index, String address, int as, int localAs, int bgpId, boolean rrClient) {
        return new PeerInfo(index, PeerKind.BGP, Prefix.host(address), as, localAs, bgpId, as == localAs, rrClient, NextHopMode.DEFAULT);
    }

    /** A pseudo-peer for locally originated routes. */
    public static PeerInfo local(int index, PeerKind kind, int localAs, int routerId) {
        if (kind == PeerKind.BGP) throw new IllegalArgumentException("not a pseudo-peer kind");
        return new PeerInfo(index, kind, Prefix.v4(0, 32), localAs, localAs, routerId, false, false, NextHopMode.DEFAULT);
    }

    public boolean isBgp() { return kind == PeerKind.BGP; }

    public PeerInfo withNextHop(NextHopMode mode) {
        return new PeerInfo(index, kind, address, as, localAs, bgpId, ibgp, rrClient, mode, policies, allowLocalAs);
    }

    public PeerInfo withBgpId(int id) {
        return new PeerInfo(index, kind, address, as, localAs, id, ibgp, rrClient, nextHop, policies, allowLocalAs);
    }

    public PeerInfo withPolicies(PeerPolicies p) {
        return new PeerInfo(index, kind, address, as, localAs, bgpId, ibgp, rrClient, nextHop, p, allowLocalAs);
    }

    public PeerInfo withAllowLocalAs(int times) {
        return new PeerInfo(index, kind, address, as, localAs, bgpId, ibgp, rrClient, nextHop, policies, times);
    }
}
