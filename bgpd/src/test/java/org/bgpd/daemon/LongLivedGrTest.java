package org.bgpd.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bgpd.config.model.GracefulRestart;
import org.bgpd.fsm.Negotiated;
import org.bgpd.rib.route.Family;
import org.bgpd.wire.Capability;
import org.bgpd.wire.Notification;
import org.bgpd.wire.Open;
import org.junit.jupiter.api.Test;

/** RFC 9494: what we offer, what a session negotiated, and which families the helper keeps. */
class LongLivedGrTest {
    static final Set<Family> BOTH = Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST);
    static final Set<Family> V4 = Set.of(Family.IPV4_UNICAST);
    static final Capability.GracefulRestart GR = new Capability.GracefulRestart(false, false, 120,
            List.of(new Capability.GrFamily(1, 1, true), new Capability.GrFamily(2, 1, false)));

    static Capability.LongLivedGracefulRestart llgr(int v4Time, int v6Time) {
        List<Capability.LlgrFamily> fs = new ArrayList<>();
        if (v4Time >= 0) fs.add(new Capability.LlgrFamily(1, 1, true, v4Time));
        if (v6Time >= 0) fs.add(new Capability.LlgrFamily(2, 1, false, v6Time));
        return new Capability.LongLivedGracefulRestart(fs);
    }

    static Negotiated session(Capability.GracefulRestart ourGr, Capability.LongLivedGracefulRestart ours,
                              Capability.GracefulRestart peerGr, Capability.LongLivedGracefulRestart peer) {
        List<Capability> local = new ArrayList<>();
        if (ourGr != null) local.add(ourGr);
        if (ours != null) local.add(ours);
        List<Capability> remote = new ArrayList<>();
        if (peerGr != null) remote.add(peerGr);
        if (peer != null) remote.add(peer);
        return new Negotiated(new Open(4, 65000, 90, 1, local), new Open(4, 65001, 90, 2, remote), 65001, 2, 90, 30, true,
                BOTH, Set.of(), Set.of(), true, false, false, peerGr, peer);
    }

    @Test
    void theOfferCopiesTheGrFamiliesAndFlagsWithOurStaleTime() {
        Capability.LongLivedGracefulRestart c = LongLivedGr.offer(new GracefulRestart(true, 120, 3600), GR);
        assertEquals(List.of(new Capability.LlgrFamily(1, 1, true, 3600), new Capability.LlgrFamily(2, 1, false, 3600)), c.families());
    }

    @Test
    void noOfferWithoutAStaleTimeOrWithoutGr() {
        assertNull(LongLivedGr.offer(new GracefulRestart(true, 120, 0), GR));
        assertNull(LongLivedGr.offer(new GracefulRestart(false, 120, 60), null));
    }

    @Test
    void aStaleTimeBeyond24BitsIsCapped() {
        Capability.LongLivedGracefulRestart c = LongLivedGr.offer(new GracefulRestart(true, 120, 1L << 30), GR);
        assertEquals(0xFF_FFFF, c.families().get(0).staleTime());
    }

    @Test
    void staleTimesNeedBothSidesAndANonZeroTime() {
        assertEquals(Map.of(Family.IPV4_UNICAST, 60), LongLivedGr.staleTimes(session(GR, llgr(3600, 3600), GR, llgr(60, 0))));
        assertEquals(Map.of(), LongLivedGr.staleTimes(session(GR, null, GR, llgr(60, 60))));
        assertEquals(Map.of(), LongLivedGr.staleTimes(session(GR, llgr(60, 60), GR, null)));
    }

    @Test
    void receivesFollowsThePeersCapabilityAlone() {
        assertEquals(BOTH, LongLivedGr.receives(session(GR, null, GR, llgr(60, -1))));
        assertEquals(BOTH, LongLivedGr.receives(session(GR, null, GR, llgr(-1, -1))), "aware, no family listed");
        assertEquals(Set.of(), LongLivedGr.receives(session(GR, llgr(60, 60), GR, null)));
    }

    @Test
    void llgrFamiliesAreRetainedEvenWithoutGr() {
        Negotiated n = session(GR, llgr(3600, -1), null, llgr(60, -1));
        assertEquals(V4, GracefulRestartRules.retained(n, null, null));
        assertEquals(Set.of(), GracefulRestartRules.retained(n, null, new Notification(6, 2)), "a NOTIFICATION without N ends it");
    }

    @Test
    void grAndLlgrFamiliesAddUp() {
        Capability.GracefulRestart v4Only = new Capability.GracefulRestart(false, false, 0, List.of(new Capability.GrFamily(1, 1, true)));
        assertEquals(BOTH, GracefulRestartRules.retained(session(GR, llgr(3600, 3600), v4Only, llgr(-1, 60)), null, null));
    }

    @Test
    void theLlgrForwardingBitKeepsRoutesOnReturn() {
        Capability.GracefulRestart noF = new Capability.GracefulRestart(false, false, 120, List.of(new Capability.GrFamily(1, 1, false)));
        assertEquals(Set.of(Family.IPV6_UNICAST), GracefulRestartRules.flushOnReturn(BOTH, session(GR, llgr(60, 60), noF, llgr(60, 60))),
                "IPv4 kept by the LLGR F bit; IPv6 has F clear in both");
    }
}
