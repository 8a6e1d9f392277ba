package org.bgpd.daemon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bgpd.rib.decision.DecisionOptions;
import org.bgpd.rib.loop.RibLoop;
import org.bgpd.rib.loop.RibStats;
import org.bgpd.rib.loop.RibStats.ChannelStats;
import org.bgpd.rib.route.Family;
import org.junit.jupiter.api.Test;

class InitialConvergenceTest {

    private static RibStats stats(ChannelStats... cs) { return new RibStats(List.of(cs), 0, 0, 0, 0); }

    @Test
    void everyAwaitedPeerNeedsEndOfRibOnEveryOpenChannel() {
        int[] peers = {2, 3};
        ChannelStats twoV4 = new ChannelStats(2, Family.IPV4_UNICAST, 0, 0, 0, true);
        ChannelStats twoV6 = new ChannelStats(2, Family.IPV6_UNICAST, 0, 0, 0, false);
        ChannelStats three = new ChannelStats(3, Family.IPV4_UNICAST, 0, 0, 0, true);
        assertFalse(InitialConvergence.allEndOfRib(stats(twoV4), peers), "peer 3 has not come up");
        assertFalse(InitialConvergence.allEndOfRib(stats(twoV4, twoV6, three), peers), "peer 2 has not finished IPv6");
        assertTrue(InitialConvergence.allEndOfRib(stats(twoV4, three), peers));
    }

    @Test
    void noPeersConvergesAtOnceAndATimeoutEndsTheWait() {
        RibLoop rib = new RibLoop(1, DecisionOptions.defaults(), null, 16, 16);
        assertTrue(new InitialConvergence(rib, new int[0], 60_000, () -> 0).getAsBoolean());
        long[] now = {0};
        InitialConvergence c = new InitialConvergence(rib, new int[] {2}, 1_000, () -> now[0]);
        assertFalse(c.getAsBoolean());
        rib.turn(); // answers the statistics question: peer 2 unknown
        assertFalse(c.getAsBoolean());
        now[0] = 1_000;
        assertTrue(c.getAsBoolean());
    }
}
