package org.bgpd.rib.loop;

import static org.bgpd.rib.loop.RibHarness.BOTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bgpd.rib.adjout.UpdateGroup;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.testing.TestAttrs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Back-pressure in an update group: a member whose session stops taking writes is skipped, its
 * backlog is a set of prefixes bounded by the table however much churn passes, the other member
 * keeps receiving, and the slow one catches up to the same table once writable.
 */
class SlowPeerTest {
    static final int SOURCE = 1, FAST = 2, SLOW = 3, PREFIXES = 1_000, CHURN = 50;
    final RibHarness h = new RibHarness();
    final Attrs a = TestAttrs.attrs().path(65001).nextHop("10.0.0.1").build();
    final Attrs b = TestAttrs.attrs().path(65001, 65009).nextHop("10.0.0.1").build();
    RecordingSink fast, slow;

    @BeforeEach
    void setUp() {
        h.peer(SOURCE, 65001, false);
        h.peer(FAST, 65002, false);
        h.peer(SLOW, 65003, false);
        h.up(SOURCE, BOTH);
        fast = h.up(FAST, BOTH);
        slow = h.up(SLOW, BOTH);
    }

    static Prefix[] prefixes(int from, int to) {
        Prefix[] out = new Prefix[to - from];
        for (int i = from; i < to; i++) out[i - from] = Prefix.parse("10." + (i >> 8) + "." + (i & 0xFF) + ".0/24");
        return out;
    }

    private UpdateGroup group() {
        UpdateGroup g = null;
        for (UpdateGroup x : h.rib.groups(Family.IPV4_UNICAST)) if (x.hasMember(SLOW)) g = x;
        assertTrue(g != null && g.hasMember(FAST), "fast and slow share one group");
        return g;
    }

    @Test
    void aBlockedMemberIsSkippedWithABoundedBacklogAndCatchesUp() {
        h.rib.offer(new RibCommand.Writable(SLOW, false));
        for (int round = 0; round < CHURN; round++) {
            h.announce(SOURCE, round % 2 == 0 ? a : b, prefixes(0, PREFIXES));
            h.withdraw(SOURCE, prefixes(0, PREFIXES / 10));
            h.settle();
        }
        assertEquals(0, slow.messages.size(), "nothing written to a session that is not writable");
        assertEquals(PREFIXES - PREFIXES / 10, fast.table().size(), "the other member kept receiving");
        assertTrue(group().backlog() <= PREFIXES, "backlog bounded by the table, not by churn: " + group().backlog());
        assertEquals(PREFIXES - PREFIXES / 10, group().backlog(), "withdrawn in the turn they were announced: never sent, never missed");

        h.rib.offer(new RibCommand.Writable(SLOW, true));
        h.settle();
        assertEquals(0, group().backlog());
        assertEquals(fast.table(), slow.table(), "caught up to the same table");
    }

    @Test
    void endOfRibWaitsForTheBacklog() {
        int late = 9;
        h.peer(late, 65004, false);
        h.announce(SOURCE, a, prefixes(0, 10));
        h.settle();
        RecordingSink s = new RecordingSink();
        h.rib.offer(new RibCommand.PeerUp(late, late, BOTH, RibHarness.ENCODE, s));
        h.rib.offer(new RibCommand.Writable(late, false));
        h.settle();
        assertEquals(0, s.messages.size());
        h.rib.offer(new RibCommand.Writable(late, true));
        h.settle();
        assertEquals(10, s.table().size());
        assertEquals("eor", s.last().kind(), "End-of-RIB after the table");
    }
}
