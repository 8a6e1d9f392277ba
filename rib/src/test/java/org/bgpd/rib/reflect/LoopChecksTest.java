package org.bgpd.rib.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.wire.AttrsBuilder;
import org.junit.jupiter.api.Test;

/** The eBGP AS_PATH loop check and its BIRD-style relaxation ({@code allow local as N}). */
class LoopChecksTest {
    private static final int ROUTER_ID = 0x0A000001;
    private static final int CLUSTER_ID = 0x0A000002;

    private static Attrs path(int... asns) {
        return new AttrsBuilder().asPath(asns).nextHop(NextHop.parse("10.0.0.9")).build();
    }

    private static PeerInfo ebgp(int localAs, int allow) {
        return PeerInfo.bgp(1, "10.0.0.9", 65001, localAs, 7, false).withAllowLocalAs(allow);
    }

    @Test
    void ourAsInThePathIsALoopByDefault() {
        assertTrue(LoopChecks.looped(path(65001, 64512, 65002), ebgp(64512, 0), ROUTER_ID, CLUSTER_ID));
        assertFalse(LoopChecks.looped(path(65001, 65002), ebgp(64512, 0), ROUTER_ID, CLUSTER_ID));
    }

    @Test
    void allowLocalAsAcceptsUpToThatManyOccurrences() {
        PeerInfo allowTwo = ebgp(64512, 2);
        assertFalse(LoopChecks.looped(path(65001, 64512), allowTwo, ROUTER_ID, CLUSTER_ID));
        assertFalse(LoopChecks.looped(path(65001, 64512, 64512), allowTwo, ROUTER_ID, CLUSTER_ID));
        assertTrue(LoopChecks.looped(path(64512, 65001, 64512, 64512), allowTwo, ROUTER_ID, CLUSTER_ID));
    }

    @Test
    void theSessionsOwnLocalAsIsChecked() {
        // A session presenting 65100 (BIRD "local as 65100") loops on 65100, not on the daemon's AS.
        PeerInfo p = ebgp(65100, 0);
        assertTrue(LoopChecks.looped(path(65001, 65100), p, ROUTER_ID, CLUSTER_ID));
        assertFalse(LoopChecks.looped(path(65001, 64512), p, ROUTER_ID, CLUSTER_ID));
    }

    @Test
    void ibgpPathsAreNotCheckedForOurAs() {
        PeerInfo ibgp = PeerInfo.bgp(1, "10.0.0.9", 64512, 64512, 7, false);
        assertFalse(LoopChecks.looped(path(64512, 65001), ibgp, ROUTER_ID, CLUSTER_ID));
    }

    @Test
    void occurrencesStopCountingAtEnough() {
        var segments = org.bgpd.rib.wire.AttrsView.asPath(path(1, 2, 1, 1, 1));
        assertEquals(2, LoopChecks.occurrences(segments, 1, 2));
        assertEquals(4, LoopChecks.occurrences(segments, 1, 10));
        assertEquals(0, LoopChecks.occurrences(segments, 3, 10));
    }
}
