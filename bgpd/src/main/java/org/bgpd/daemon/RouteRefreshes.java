package org.bgpd.daemon;

import java.util.ArrayList;
import java.util.List;
import org.bgpd.fsm.Negotiated;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.route.Family;
import org.bgpd.wire.MessageEncoder;
import org.bgpd.wire.RouteRefresh;

/**
 * Route refresh in both directions (RFC 2918, enhanced: RFC 7313): what to do with a peer's
 * ROUTE-REFRESH, and which requests {@code reload in} sends. Stateless; safe from any thread.
 */
final class RouteRefreshes {
    private RouteRefreshes() {}

    /**
     * Re-sending our Adj-RIB-Out of {@code family} to {@code peer}: between BoRR and EoRR when
     * enhanced route refresh was negotiated (RFC 7313 §4), so the peer can purge what we no longer
     * send; plain UPDATEs otherwise (RFC 2918 §4 asks for no marker).
     */
    static RibCommand.Refeed refeed(int peer, Family family, boolean enhanced) {
        if (!enhanced) return new RibCommand.Refeed(peer, family, null, null);
        return new RibCommand.Refeed(peer, family, marker(family, RouteRefresh.BORR), marker(family, RouteRefresh.EORR));
    }

    private static byte[] marker(Family f, int subtype) {
        return MessageEncoder.encode(new RouteRefresh(f.afi(), subtype, f.safi()));
    }

    /**
     * The answer to a ROUTE-REFRESH from an Established peer, or null to ignore it: a family that
     * was not negotiated (RFC 2918 §4), an unknown subtype (RFC 7313 §5), or the peer's own
     * BoRR/EoRR, which mark its re-advertisement to us; we keep no stale marks to purge, since the
     * peer re-sends every route and withdraws the rest.
     */
    static RibCommand.Refeed answer(int peer, Negotiated n, RouteRefresh r) {
        if (n == null || r.subtype() != RouteRefresh.REQUEST) return null;
        Family f = Family.of(r.afi(), r.safi());
        if (f == null || !n.families().contains(f)) return null;
        return refeed(peer, f, n.enhancedRouteRefresh());
    }

    /**
     * {@code reload in}: one request per negotiated family (RFC 2918 §3), or none when the peer did
     * not advertise the capability, as BIRD does for a channel without an import table.
     */
    static List<RouteRefresh> requests(Negotiated n) {
        List<RouteRefresh> out = new ArrayList<>(2);
        if (n == null || !n.routeRefresh()) return out;
        for (Family f : Family.values()) {
            if (n.families().contains(f)) out.add(new RouteRefresh(f.afi(), RouteRefresh.REQUEST, f.safi()));
        }
        return out;
    }
}
