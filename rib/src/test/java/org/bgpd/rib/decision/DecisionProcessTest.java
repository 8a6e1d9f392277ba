package org.bgpd.rib.decision;

import static org.bgpd.rib.testing.TestAttrs.attrs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.Candidates;
import org.bgpd.rib.table.Channels;
import org.bgpd.rib.table.NextHops;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.PeerKind;
import org.bgpd.rib.table.Peers;
import org.bgpd.rib.testing.TestAttrs;
import org.junit.jupiter.api.Test;

/** OpenBGPD-style: each row loses to the row above at exactly the step it is named for. */
class DecisionProcessTest {
    static final int LOCAL_AS = 65000;
    static final int STATIC = 1, E1 = 2, I1 = 3, I2 = 4, I3 = 5, KERNEL = 6;

    final AttrsTable table = new AttrsTable();
    final Peers peers = new Peers();
    final NextHops nextHops = new NextHops();

    DecisionProcessTest() {
        peers.put(PeerInfo.local(STATIC, PeerKind.STATIC, LOCAL_AS, 0x0909_0909));
        peers.put(PeerInfo.bgp(E1, "10.0.0.1", 65001, LOCAL_AS, 0x0101_0101, false));
        peers.put(PeerInfo.bgp(I1, "10.0.0.2", LOCAL_AS, LOCAL_AS, 0x0101_0101, false));
        peers.put(PeerInfo.bgp(I2, "10.0.0.3", LOCAL_AS, LOCAL_AS, 0x0101_0101, false));
        // Same address as I2: only pseudo-peers share one in practice, but the CHANNEL step
        // must still be reachable from the table.
        peers.put(new PeerInfo(I3, PeerKind.BGP, Prefix.host("10.0.0.3"), LOCAL_AS, LOCAL_AS, 0x0101_0101, true, false));
        peers.put(PeerInfo.local(KERNEL, PeerKind.KERNEL, LOCAL_AS, 0x0909_0909));
        nextHops.reachable(NextHop.parse("10.0.0.1"), 1);
        nextHops.reachable(NextHop.parse("10.0.0.9"), 20);
        nextHops.unreachable(NextHop.parse("10.0.0.66"));
    }

    long cand(int peer, TestAttrs a) {
        return Candidates.pack(Channels.index(peer, Family.IPV4_UNICAST), table.intern(a.build()));
    }

    record Row(String name, DecisionStep lostBy, long candidate) {}

    Row[] table() {
        TestAttrs base = attrs().localPref(150).path(65001, 65002).origin(Attrs.ORIGIN_EGP).med(50);
        return new Row[] {
            new Row("static", null, cand(STATIC, attrs().nextHop("self"))),
            new Row("preference", DecisionStep.PREFERENCE, cand(E1, attrs().localPref(200).path(65001))),
            new Row("local-pref", DecisionStep.LOCAL_PREF, cand(E1, attrs().localPref(150).path(65001))),
            new Row("as-path", DecisionStep.AS_PATH_LENGTH, cand(E1, attrs().localPref(150).path(65001, 65002))),
            new Row("origin", DecisionStep.ORIGIN, cand(E1, attrs().localPref(150).path(65001, 65002).origin(Attrs.ORIGIN_EGP))),
            new Row("med", DecisionStep.MED, cand(E1, base)),
            new Row("ebgp", DecisionStep.EXTERNAL, cand(I1, base)),
            new Row("igp-cost", DecisionStep.IGP_COST, cand(I1, base.nextHop("10.0.0.9"))),
            new Row("router-id", DecisionStep.ROUTER_ID, cand(I1, base.originator(0x0303_0303))),
            new Row("cluster-list", DecisionStep.CLUSTER_LIST, cand(I1, base.clusterLength(1))),
            new Row("peer-address", DecisionStep.PEER_ADDRESS, cand(I2, base)),
            new Row("channel", DecisionStep.CHANNEL, cand(I3, base)),
            new Row("next-hop-unresolvable", DecisionStep.NEXT_HOP_RESOLVABLE, cand(I1, base.nextHop("10.0.0.66"))),
        };
    }

    DecisionProcess process(DecisionOptions o) { return new DecisionProcess(table, peers, nextHops, o); }

    @Test
    void eachRowLosesToThePreviousAtItsStep() {
        DecisionProcess dp = process(DecisionOptions.defaults());
        Row[] rows = table();
        for (int i = 1; i < rows.length; i++) {
            int r = dp.compare(rows[i - 1].candidate(), rows[i].candidate());
            assertEquals(rows[i].lostBy().number(), r, rows[i].name());
            assertEquals(rows[i].lostBy(), DecisionStep.of(r), rows[i].name());
        }
    }

    @Test
    void everyPairIsOrderedBothWays() {
        DecisionProcess dp = process(DecisionOptions.defaults());
        Row[] rows = table();
        for (int i = 0; i < rows.length; i++) {
            for (int j = i + 1; j < rows.length; j++) {
                assertTrue(dp.compare(rows[i].candidate(), rows[j].candidate()) > 0, rows[i].name() + " over " + rows[j].name());
                assertTrue(dp.compare(rows[j].candidate(), rows[i].candidate()) < 0, rows[j].name() + " under " + rows[i].name());
            }
        }
    }

    @Test
    void aCandidateAgainstItselfIsATie() {
        DecisionProcess dp = process(DecisionOptions.defaults());
        long c = table()[3].candidate();
        assertThrows(IllegalStateException.class, () -> dp.compare(c, c));
    }

    @Test
    void shuffledInsertionAlwaysGivesTheTableOrder() {
        DecisionProcess dp = process(DecisionOptions.defaults());
        Row[] rows = table();
        long[] expected = new long[rows.length];
        for (int i = 0; i < rows.length; i++) expected[i] = rows[i].candidate();
        Random rnd = new Random(4271);
        for (int round = 0; round < 3000; round++) {
            long[] c = shuffled(expected, rnd);
            assertEquals(1, dp.sort(c, 0, c.length));
            assertArrayEquals(expected, c, "round " + round);
        }
    }

    /** A (AS 65001, MED 20), B (AS 65002), C (AS 65001, MED 10): A > B > C > A pairwise. */
    long[] medTriangle() {
        peers.put(PeerInfo.bgp(10, "10.1.0.1", 65001, LOCAL_AS, 1, false));
        peers.put(PeerInfo.bgp(11, "10.1.0.2", 65002, LOCAL_AS, 2, false));
        peers.put(PeerInfo.bgp(12, "10.1.0.3", 65001, LOCAL_AS, 3, false));
        long a = cand(10, attrs().path(65001, 65100).med(20));
        long b = cand(11, attrs().path(65002, 65100).med(0));
        long c = cand(12, attrs().path(65001, 65100).med(10));
        return new long[] {a, b, c};
    }

    @Test
    void medIsNotTransitiveUnderPairwiseComparison() {
        DecisionProcess dp = process(DecisionOptions.defaults());
        long[] t = medTriangle();
        long a = t[0], b = t[1], c = t[2];
        assertEquals(DecisionStep.ROUTER_ID.number(), dp.compare(a, b));
        assertEquals(DecisionStep.ROUTER_ID.number(), dp.compare(b, c));
        assertEquals(DecisionStep.MED.number(), dp.compare(c, a));
    }

    @Test
    void deterministicMedOrdersTheTriangleTheSameWayFromEveryStart() {
        DecisionProcess dp = process(DecisionOptions.defaults());
        long[] t = medTriangle();
        long[] expected = {t[1], t[2], t[0]}; // B beats group AS 65001's head C by router id; C beats A by MED
        Random rnd = new Random(7);
        for (int round = 0; round < 2000; round++) {
            long[] c = shuffled(t, rnd);
            dp.sort(c, 0, c.length);
            assertArrayEquals(expected, c, "round " + round);
        }
    }

    @Test
    void medAlwaysCompareMakesOneGroup() {
        DecisionProcess dp = process(DecisionOptions.defaults().withMedAlwaysCompare(true));
        long[] t = medTriangle();
        long[] c = {t[0], t[1], t[2]};
        dp.sort(c, 0, 3);
        assertArrayEquals(new long[] {t[1], t[2], t[0]}, c); // MED 0 < 10 < 20
        assertEquals(DecisionStep.MED.number(), dp.compare(t[1], t[0]));
    }

    @Test
    void multipathTakesGroupWinnersThatTieThroughIgpCost() {
        DecisionProcess dp = process(DecisionOptions.defaults().withMultipath(true, DecisionStep.IGP_COST));
        long[] t = medTriangle();
        peers.put(PeerInfo.bgp(13, "10.1.0.4", 65003, LOCAL_AS, 4, false));
        long d = cand(13, attrs().path(65003, 65100).origin(Attrs.ORIGIN_INCOMPLETE)); // loses at ORIGIN
        long[] c = {t[0], d, t[2], t[1]};
        int k = dp.sort(c, 0, c.length);
        // A ties B through IGP cost but loses to C, the head of its own AS group, at MED: BIRD suppresses it
        assertEquals(2, k);
        assertArrayEquals(new long[] {t[1], t[2], t[0], d}, c);
    }

    @Test
    void multipathThroughAsPathLengthAlsoTakesWorseOrigins() {
        DecisionProcess dp = process(DecisionOptions.defaults().withMultipath(true, DecisionStep.AS_PATH_LENGTH));
        long[] t = medTriangle();
        peers.put(PeerInfo.bgp(13, "10.1.0.4", 65003, LOCAL_AS, 4, false));
        long d = cand(13, attrs().path(65003, 65100).origin(Attrs.ORIGIN_INCOMPLETE));
        long[] c = {d, t[0], t[1], t[2]};
        assertEquals(4, dp.sort(c, 0, c.length));
        assertEquals(t[1], c[0]);
    }

    @Test
    void anUnresolvableBestMeansNoBest() {
        DecisionProcess dp = process(DecisionOptions.defaults());
        long only = cand(E1, attrs().nextHop("10.0.0.66"));
        assertEquals(0, dp.sort(new long[] {only}, 0, 1));
    }

    @Test
    void kernelRoutesLoseToBgpAsInBird() {
        DecisionProcess dp = process(DecisionOptions.defaults());
        long kernel = cand(KERNEL, attrs().nextHop("self"));
        long bgp = cand(E1, attrs().path(65001, 65002, 65003));
        assertEquals(DecisionStep.PREFERENCE.number(), dp.compare(bgp, kernel));
    }

    @Test
    void anLlgrStaleRouteLosesToAnyBgpRouteWithoutTheTag() {
        DecisionProcess dp = process(DecisionOptions.defaults());
        // every later step favours the stale route; only RFC 9494 §4.2 ranks it last
        long stale = cand(E1, attrs().localPref(500).path(65001).community(0xFFFF0006));
        long fresh = cand(I1, attrs().localPref(50).path(65001, 65002, 65003).origin(Attrs.ORIGIN_INCOMPLETE));
        assertEquals(DecisionStep.LLGR_STALE.number(), dp.compare(fresh, stale));
        assertEquals(-DecisionStep.LLGR_STALE.number(), dp.compare(stale, fresh));
        long[] c = {stale, fresh};
        assertEquals(1, dp.sort(c, 0, 2));
        assertEquals(fresh, c[0]);
    }

    @Test
    void anLlgrStaleRouteStillBeatsAKernelRouteByPreferenceAsInBird() {
        DecisionProcess dp = process(DecisionOptions.defaults());
        long stale = cand(E1, attrs().path(65001).community(0xFFFF0006));
        long kernel = cand(KERNEL, attrs().nextHop("self"));
        assertEquals(DecisionStep.PREFERENCE.number(), dp.compare(stale, kernel));
    }

    @Test
    void twoLlgrStaleRoutesAreComparedByTheUsualSteps() {
        DecisionProcess dp = process(DecisionOptions.defaults());
        long a = cand(E1, attrs().localPref(200).path(65001).community(0xFFFF0006));
        long b = cand(I1, attrs().localPref(100).path(65001).community(0xFFFF0006));
        assertEquals(DecisionStep.LOCAL_PREF.number(), dp.compare(a, b));
    }

    static long[] shuffled(long[] in, Random rnd) {
        long[] c = in.clone();
        for (int i = c.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            long t = c[i];
            c[i] = c[j];
            c[j] = t;
        }
        return c;
    }
}
