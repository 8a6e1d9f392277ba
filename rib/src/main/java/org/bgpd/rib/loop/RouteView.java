package org.bgpd.rib.loop;

import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerInfo;

/**
 * One candidate of a prefix as the control socket shows it. {@code source} is the peer it came
 * from (index, kind, address, AS); {@code decidedBy} is the {@link org.bgpd.rib.decision.DecisionStep}
 * number by which the best beat this one (0 for the best itself). {@code since} (epoch millis)
 * is when the source's session came up (or the pseudo-peer was added): routes carry no
 * timestamp of their own, which would cost 8 bytes a route. Use
 * {@link org.bgpd.rib.wire.AttrsView} to print the attributes.
 * Immutable; safe to share.
 */
public record RouteView(Prefix prefix, int peer, Attrs attrs, boolean best, boolean multipath, int decidedBy,
                        PeerInfo source, long since) {

    /** The route carries LLGR_STALE: kept by long-lived graceful restart (RFC 9494), least preferred. */
    public boolean llgrStale() { return attrs.has(Attrs.LLGR_STALE); }
}
