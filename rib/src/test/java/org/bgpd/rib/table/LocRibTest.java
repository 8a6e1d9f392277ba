package org.bgpd.rib.table;

import static org.bgpd.rib.testing.TestAttrs.attrs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bgpd.rib.decision.DecisionOptions;
import org.bgpd.rib.decision.DecisionProcess;
import org.bgpd.rib.decision.DecisionStep;
import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefixes;
import org.junit.jupiter.api.Test;

class LocRibTest {
    final AttrsTable table = new AttrsTable();
    final Peers peers = new Peers();
    final NextHops nextHops = new NextHops();
    final long p = Prefixes.parse("192.0.2.0/24");

    LocRibTest() {
        for (int i = 1; i <= 3; i++) peers.put(PeerInfo.bgp(i, "10.0.0." + i, 65000 + i, 65000, i, false));
    }

    LocRib locRib(DecisionOptions o) { return new LocRib(table, new DecisionProcess(table, peers, nextHops, o)); }

    /** Interns, holding one reference that {@link #put} gives back once the Loc-RIB has its own. */
    long cand(int peer, int pathLength, String nh) {
        int[] path = new int[pathLength];
        java.util.Arrays.fill(path, 65000 + peer);
        int id = table.intern(attrs().path(path).nextHop(nh).build());
        return Candidates.pack(Channels.index(peer, Family.IPV4_UNICAST), id);
    }

    void put(LocRib rib, long c) {
        rib.put(p, c);
        table.release(Candidates.attrs(c));
    }

    @Test
    void singleToOverflowAndBack() {
        LocRib rib = locRib(DecisionOptions.defaults());
        long a = cand(1, 2, "10.0.0.1");
        long b = cand(2, 1, "10.0.0.2");
        put(rib, a);
        assertEquals(LocRib.BEST_CHANGED | LocRib.MULTIPATH_CHANGED, rib.evaluate(p));
        assertEquals(1, rib.singleCount());
        assertEquals(a, rib.best(p));

        put(rib, b);
        assertEquals(LocRib.BEST_CHANGED | LocRib.MULTIPATH_CHANGED, rib.evaluate(p));
        assertEquals(0, rib.singleCount());
        assertEquals(1, rib.overflowCount());
        assertEquals(b, rib.best(p), "shorter AS path");

        rib.remove(p, Candidates.channel(b));
        assertEquals(LocRib.BEST_CHANGED | LocRib.MULTIPATH_CHANGED, rib.evaluate(p));
        assertEquals(1, rib.singleCount());
        assertEquals(0, rib.overflowCount());
        assertEquals(a, rib.best(p));

        rib.remove(p, Candidates.channel(a));
        assertEquals(LocRib.BEST_CHANGED | LocRib.MULTIPATH_CHANGED, rib.evaluate(p));
        assertEquals(0, rib.size());
        assertEquals(0, table.size(), "no reference left behind");
    }

    @Test
    void aWorseArrivalChangesNothing() {
        LocRib rib = locRib(DecisionOptions.defaults());
        put(rib, cand(1, 1, "10.0.0.1"));
        rib.evaluate(p);
        put(rib, cand(2, 3, "10.0.0.2"));
        put(rib, cand(3, 4, "10.0.0.3"));
        assertEquals(0, rib.evaluate(p));
        assertEquals(3, rib.candidateCount(p));
    }

    @Test
    void manyChangesInOneRoundAreOneDecision() {
        LocRib rib = locRib(DecisionOptions.defaults());
        put(rib, cand(1, 1, "10.0.0.1"));
        rib.evaluateDirty((prefix, what) -> {});
        for (int i = 2; i <= 10; i++) {
            put(rib, cand(2, i, "10.0.0.2")); // same channel: each replaces the last
        }
        rib.remove(p, Channels.index(2, Family.IPV4_UNICAST));
        int[] calls = new int[1];
        rib.evaluateDirty((prefix, what) -> calls[0]++);
        assertEquals(0, calls[0], "the best never changed once the round is over");
        assertEquals(1, rib.candidateCount(p));
        assertEquals(1, table.size());
    }

    @Test
    void replacedBestWithTheSameChannelIsAChange() {
        LocRib rib = locRib(DecisionOptions.defaults());
        put(rib, cand(1, 1, "10.0.0.1"));
        rib.evaluate(p);
        put(rib, cand(1, 1, "10.0.0.9"));
        assertEquals(LocRib.BEST_CHANGED | LocRib.MULTIPATH_CHANGED, rib.evaluate(p));
    }

    @Test
    void multipathSetChangesWithoutTheBestChanging() {
        LocRib rib = locRib(DecisionOptions.defaults().withMultipath(true, DecisionStep.IGP_COST));
        long a = cand(1, 2, "10.0.0.1");
        put(rib, a);
        rib.evaluate(p);
        put(rib, cand(2, 2, "10.0.0.2")); // ties through IGP cost, loses at router id
        assertEquals(LocRib.MULTIPATH_CHANGED, rib.evaluate(p));
        long[] set = new long[4];
        assertEquals(2, rib.multipath(p, set));
        assertEquals(a, set[0]);
    }

    @Test
    void anUnreachableNextHopLeavesNoBest() {
        LocRib rib = locRib(DecisionOptions.defaults());
        nextHops.unreachable(NextHop.parse("10.0.0.1"));
        put(rib, cand(1, 1, "10.0.0.1"));
        assertEquals(0, rib.evaluate(p), "nothing eligible before, nothing now");
        assertEquals(Candidates.NONE, rib.best(p));
        put(rib, cand(2, 5, "10.0.0.2"));
        assertEquals(LocRib.BEST_CHANGED | LocRib.MULTIPATH_CHANGED, rib.evaluate(p));
        assertEquals(2, Candidates.peer(rib.best(p)));
    }

    @Test
    void aPrefixChangedWhileTheRoundIsVisitedIsDecidedAgainInTheSameRound() {
        LocRib rib = locRib(DecisionOptions.defaults());
        long a = cand(1, 2, "10.0.0.1");
        long b = cand(2, 1, "10.0.0.2");
        put(rib, a);
        java.util.List<Long> bests = new java.util.ArrayList<>();
        rib.evaluateDirty((prefix, what) -> {
            bests.add(rib.best(prefix));
            if (bests.size() == 1) put(rib, b);
        });
        assertEquals(java.util.List.of(a, b), bests);
        assertEquals(0, rib.dirtyCount());
    }
}
