package org.bgpd.rib.reflect;

import org.bgpd.rib.table.PeerInfo;

/**
 * Who may receive a route, by where it came from (RFC 4271 §9.2, RFC 4456 §6):
 * locally originated and eBGP-learned routes go to every peer; iBGP-learned routes go to eBGP
 * peers, and to iBGP peers only through reflection: a route from a client goes to every iBGP
 * peer, a route from a non-client only to clients. Never back to the sending peer, which the
 * update group enforces per member.
 * Stateless; safe from any thread.
 */
public final class Reflection {
    private Reflection() {}

    public static boolean mayExport(PeerInfo from, boolean toIbgp, boolean toRrClient) {
        if (!from.isBgp() || !from.ibgp() || !toIbgp) return true;
        return from.rrClient() || toRrClient;
    }

    /** True when sending {@code from}'s route to an iBGP peer is reflection (RFC 4456 §8 edits apply). */
    public static boolean reflects(PeerInfo from, boolean toIbgp) {
        return toIbgp && from.isBgp() && from.ibgp();
    }
}
