package org.bgpd.fsm;

import java.util.Set;
import org.bgpd.rib.route.Family;
import org.bgpd.wire.Capability;
import org.bgpd.wire.Open;

/**
 * What two OPENs agreed on (RFC 4271 §4.2, RFC 5492): the result of {@code OpenChecks}.
 * {@code keepaliveTime} is 0 when the hold time is 0 (no keepalives, RFC 4271 §4.4).
 * {@code addPathReceive}: families where the peer sends us path ids; {@code addPathSend}:
 * families where we may send them (RFC 7911 §4). {@code peerGracefulRestart} and
 * {@code peerLongLivedGr} are the peer's capabilities or null. Immutable.
 */
public record Negotiated(
        Open localOpen,
        Open remoteOpen,
        long peerAs,
        int peerBgpId,
        int holdTime,
        int keepaliveTime,
        boolean fourOctetAs,
        Set<Family> families,
        Set<Family> addPathReceive,
        Set<Family> addPathSend,
        boolean routeRefresh,
        boolean enhancedRouteRefresh,
        boolean extendedMessage,
        Capability.GracefulRestart peerGracefulRestart,
        Capability.LongLivedGracefulRestart peerLongLivedGr) {

    public Negotiated {
        families = Set.copyOf(families);
        addPathReceive = Set.copyOf(addPathReceive);
        addPathSend = Set.copyOf(addPathSend);
    }

    /** Largest message either side may send: 65535 with RFC 8654 on both sides, else 4096. */
    public int maxMessageLength() { return extendedMessage ? 65535 : 4096; }
}
