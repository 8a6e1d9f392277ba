package org.bgpd.rib.adjout;

import org.bgpd.rib.policy.PolicyChain;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.table.NextHopMode;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.wire.EncodeContext;

/**
 * The export parameters that decide what a peer is sent, byte for byte; peers with equal keys
 * share one {@link UpdateGroup}. The encode context holds 4-octet AS, ADD-PATH send, message
 * size and the session's own addresses that next hop "self" becomes. The peer's own AS is not
 * part of it: export does not depend on it (the sender-side AS loop check is the receiver's).
 * {@code export} is the effective export chain (RFC 8212 default resolved), compared by
 * identity: peers share a group only with the same compiled chain.
 * Immutable; safe to share.
 */
public record GroupKey(Family family, boolean ibgp, boolean rrClient, int localAs, NextHopMode nextHop, EncodeContext encode,
                       PolicyChain export) {

    public GroupKey {
        if (export == null) export = PolicyChain.ALL;
    }

    /** A key that exports everything (no policy). */
    public GroupKey(Family family, boolean ibgp, boolean rrClient, int localAs, NextHopMode nextHop, EncodeContext encode) {
        this(family, ibgp, rrClient, localAs, nextHop, encode, PolicyChain.ALL);
    }

    public static GroupKey of(Family family, PeerInfo peer, EncodeContext encode) {
        return new GroupKey(family, peer.ibgp(), peer.ibgp() && peer.rrClient(), peer.localAs(), peer.nextHop(), encode,
                PolicyChain.exportFor(peer, family));
    }
}
