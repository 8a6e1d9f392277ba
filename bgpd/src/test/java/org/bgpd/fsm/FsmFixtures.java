package org.bgpd.fsm;

import java.util.List;
import java.util.Set;
import org.bgpd.rib.route.Family;
import org.bgpd.wire.Capability;
import org.bgpd.wire.Open;

/** Shared test data: a local AS 65000 speaker (id 10.0.0.1) configured for peer AS 65001. */
final class FsmFixtures {
    static final long LOCAL_AS = 65000;
    static final long PEER_AS = 65001;
    static final int LOCAL_ID = 0x0A000001;
    static final int PEER_ID = 0x0A000002;

    private FsmFixtures() {}

    static FsmConfig config() {
        return FsmConfig.defaults(LOCAL_AS, LOCAL_ID, PEER_AS, Offer.unicast()).withJitter(FsmConfig.NO_JITTER);
    }

    /** The peer's OPEN: 4-octet AS, both unicast families, route refresh. */
    static Open peerOpen(int hold) {
        return new Open(4, (int) PEER_AS, hold, PEER_ID, List.of(
                Capability.Multiprotocol.of(Family.IPV4_UNICAST),
                Capability.Multiprotocol.of(Family.IPV6_UNICAST),
                new Capability.RouteRefreshCap(),
                new Capability.FourOctetAs(PEER_AS)));
    }

    static Negotiated negotiated(FsmConfig cfg, int hold) {
        return ((OpenChecks.Result.Accepted) OpenChecks.validate(peerOpen(hold), cfg)).negotiated();
    }

    static SessionState state(State st, FsmConfig cfg, Negotiated n) {
        return new SessionState(st, 0, cfg.idleHoldMin(), n, null);
    }

    static Set<Family> both() { return Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST); }
}
