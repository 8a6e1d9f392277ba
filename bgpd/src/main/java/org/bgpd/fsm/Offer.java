package org.bgpd.fsm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bgpd.rib.route.Family;
import org.bgpd.wire.Capability;
import org.bgpd.wire.Open;

/**
 * What we advertise in our OPEN: families, ADD-PATH directions per family (RFC 7911), route
 * refresh (RFC 2918, RFC 7313), extended messages (RFC 8654), graceful restart (RFC 4724) and
 * long-lived GR (RFC 9494); the GR capabilities are null when not offered. The 4-octet AS
 * capability (RFC 6793) is always sent, as BIRD does by default. Immutable.
 */
public record Offer(
        Set<Family> families,
        Set<Family> addPathReceive,
        Set<Family> addPathSend,
        boolean routeRefresh,
        boolean enhancedRouteRefresh,
        boolean extendedMessage,
        Capability.GracefulRestart gracefulRestart,
        Capability.LongLivedGracefulRestart longLivedGr) {

    public Offer {
        families = Set.copyOf(families);
        addPathReceive = Set.copyOf(addPathReceive);
        addPathSend = Set.copyOf(addPathSend);
    }

    /** IPv4 and IPv6 unicast with route refresh and nothing else: a plain BIRD neighbour. */
    public static Offer unicast() {
        return new Offer(Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST), Set.of(), Set.of(), true, true, false,
                null, null);
    }

    /** Our OPEN: version 4, AS_TRANS in the 2-octet field when the AS needs 4 octets (RFC 6793 §4.1). */
    public Open toOpen(long localAs, int routerId, int holdTime) {
        List<Capability> caps = new ArrayList<>();
        for (Family f : Family.values()) if (families.contains(f)) caps.add(Capability.Multiprotocol.of(f));
        if (routeRefresh) caps.add(new Capability.RouteRefreshCap());
        if (enhancedRouteRefresh) caps.add(new Capability.EnhancedRouteRefresh());
        if (extendedMessage) caps.add(new Capability.ExtendedMessage());
        if (gracefulRestart != null) caps.add(gracefulRestart);
        caps.add(new Capability.FourOctetAs(localAs));
        List<Capability.AddPathFamily> addPath = new ArrayList<>();
        for (Family f : Family.values()) {
            boolean rx = addPathReceive.contains(f);
            boolean tx = addPathSend.contains(f);
            if (rx || tx) addPath.add(new Capability.AddPathFamily(f.afi(), f.safi(), rx, tx));
        }
        if (!addPath.isEmpty()) caps.add(new Capability.AddPath(addPath));
        if (longLivedGr != null) caps.add(longLivedGr);
        int myAs = localAs > 0xFFFF ? Open.AS_TRANS : (int) localAs;
        return new Open(4, myAs, holdTime, routerId, caps);
    }
}
