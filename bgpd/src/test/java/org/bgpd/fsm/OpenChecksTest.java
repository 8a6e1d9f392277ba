package org.bgpd.fsm;

import static org.bgpd.fsm.FsmFixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.wire.WireError;
import org.bgpd.wire.Capability;
import org.bgpd.wire.Open;
import org.junit.jupiter.api.Test;

class OpenChecksTest {

    private static final FsmConfig CFG = config();

    private static Negotiated accept(Open remote, FsmConfig cfg) {
        return assertInstanceOf(OpenChecks.Result.Accepted.class, OpenChecks.validate(remote, cfg)).negotiated();
    }

    private static WireError reject(Open remote, FsmConfig cfg) {
        return assertInstanceOf(OpenChecks.Result.Rejected.class, OpenChecks.validate(remote, cfg)).error();
    }

    private static Open with(Open o, int version, int myAs, int hold, int id, List<Capability> caps) {
        return new Open(version, myAs, hold, id, caps);
    }

    @Test
    void acceptsAMatchingPeerAndNegotiatesTimers() {
        Negotiated n = accept(peerOpen(90), CFG);
        assertEquals(PEER_AS, n.peerAs());
        assertEquals(PEER_ID, n.peerBgpId());
        assertEquals(90, n.holdTime());
        assertEquals(30, n.keepaliveTime());
        assertEquals(both(), n.families());
        assertTrue(n.fourOctetAs());
        assertTrue(n.routeRefresh());
        assertFalse(n.enhancedRouteRefresh());
        assertFalse(n.extendedMessage());
        assertEquals(4096, n.maxMessageLength());
    }

    @Test
    void holdIsTheSmallerAndKeepaliveTheConfiguredValueWhenBelowAThird() {
        Negotiated n = accept(peerOpen(300), CFG.withHoldTime(60, 5));
        assertEquals(60, n.holdTime());
        assertEquals(5, n.keepaliveTime());
        assertEquals(0, accept(peerOpen(0), CFG).keepaliveTime());
    }

    @Test
    void rejectsVersionAsIdentifierAndHoldTimeWithTheRfcSubcodes() {
        Open good = peerOpen(90);
        WireError v = reject(with(good, 3, good.myAs(), 90, PEER_ID, good.capabilities()), CFG);
        assertEquals(List.of(2, 1), List.of(v.code(), v.subcode()));
        assertArrayEquals(new byte[] {0, 4}, v.data());

        FsmConfig otherPeer = FsmConfig.defaults(LOCAL_AS, LOCAL_ID, 65099, Offer.unicast());
        assertEquals(2, reject(good, otherPeer).subcode());

        assertEquals(3, reject(with(good, 4, good.myAs(), 90, 0, good.capabilities()), CFG).subcode());
        assertEquals(6, reject(peerOpen(1), CFG).subcode());
        assertEquals(6, reject(peerOpen(2), CFG).subcode());
        assertEquals(3, accept(peerOpen(3), CFG).holdTime());
    }

    @Test
    void sameIdentifierIsAnErrorOnlyForInternalPeers() {
        Open sameId = with(peerOpen(90), 4, (int) PEER_AS, 90, LOCAL_ID, peerOpen(90).capabilities());
        accept(sameId, CFG);
        FsmConfig ibgp = FsmConfig.defaults(PEER_AS, LOCAL_ID, PEER_AS, Offer.unicast());
        assertEquals(3, reject(sameId, ibgp).subcode());
    }

    @Test
    void fourOctetAsUsesTheCapabilityAndAsTransRules() {
        FsmConfig cfg = FsmConfig.defaults(LOCAL_AS, LOCAL_ID, 4_200_000_000L, Offer.unicast());
        List<Capability> caps = List.of(new Capability.FourOctetAs(4_200_000_000L));
        assertEquals(4_200_000_000L, accept(new Open(4, Open.AS_TRANS, 90, PEER_ID, caps), cfg).peerAs());
        // A 2-octet speaker can only be AS_TRANS to us, never the configured 4-octet AS.
        assertEquals(2, reject(new Open(4, Open.AS_TRANS, 90, PEER_ID, List.of()), cfg).subcode());
        // The capability must not carry AS_TRANS, and My AS must agree with a 2-octet capability value.
        assertEquals(2, reject(new Open(4, Open.AS_TRANS, 90, PEER_ID,
                List.of(new Capability.FourOctetAs(Open.AS_TRANS))), cfg).subcode());
        assertEquals(2, reject(new Open(4, 65002, 90, PEER_ID,
                List.of(new Capability.FourOctetAs(PEER_AS))), CFG).subcode());
        // peerAs 0 accepts whatever the OPEN says (dynamic peers).
        FsmConfig any = FsmConfig.defaults(LOCAL_AS, LOCAL_ID, 0, Offer.unicast());
        assertEquals(PEER_AS, accept(peerOpen(90), any).peerAs());
    }

    @Test
    void familiesAreTheIntersectionAndNoneInCommonStillEstablishes() {
        Offer v4only = new Offer(Set.of(Family.IPV4_UNICAST), Set.of(), Set.of(), true, false, false, null, null);
        FsmConfig cfg = FsmConfig.defaults(LOCAL_AS, LOCAL_ID, PEER_AS, v4only);
        assertEquals(Set.of(Family.IPV4_UNICAST), accept(peerOpen(90), cfg).families());

        Open v6only = new Open(4, (int) PEER_AS, 90, PEER_ID, List.of(Capability.Multiprotocol.of(Family.IPV6_UNICAST)));
        assertEquals(Set.of(), accept(v6only, cfg).families());
        // No multiprotocol capability at all means IPv4 unicast (RFC 4760 §8).
        Open plain = new Open(4, (int) PEER_AS, 90, PEER_ID, List.of());
        assertEquals(Set.of(Family.IPV4_UNICAST), accept(plain, CFG).families());
        assertFalse(accept(plain, CFG).fourOctetAs());
    }

    @Test
    void addPathDirectionsFollowRfc7911() {
        Offer offer = new Offer(both(), Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST), Set.of(Family.IPV4_UNICAST),
                true, true, true, null, null);
        FsmConfig cfg = FsmConfig.defaults(LOCAL_AS, LOCAL_ID, PEER_AS, offer);
        List<Capability> caps = new ArrayList<>(peerOpen(90).capabilities());
        caps.add(new Capability.AddPath(List.of(
                new Capability.AddPathFamily(1, 1, true, false),    // IPv4: they only receive
                new Capability.AddPathFamily(2, 1, true, true))));  // IPv6: both
        caps.add(new Capability.ExtendedMessage());
        caps.add(new Capability.EnhancedRouteRefresh());
        Capability.GracefulRestart gr = new Capability.GracefulRestart(false, true, 120, List.of());
        caps.add(gr);
        Negotiated n = accept(new Open(4, (int) PEER_AS, 90, PEER_ID, caps), cfg);
        assertEquals(Set.of(Family.IPV6_UNICAST), n.addPathReceive());
        assertEquals(Set.of(Family.IPV4_UNICAST), n.addPathSend());
        assertTrue(n.extendedMessage());
        assertEquals(65535, n.maxMessageLength());
        assertTrue(n.enhancedRouteRefresh());
        assertEquals(gr, n.peerGracefulRestart());
        assertNull(n.peerLongLivedGr());
    }
}
