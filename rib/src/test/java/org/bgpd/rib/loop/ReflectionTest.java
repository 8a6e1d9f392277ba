package org.bgpd.rib.loop;

import static org.bgpd.rib.loop.RibHarness.CLUSTER_ID;
import static org.bgpd.rib.loop.RibHarness.LOCAL_AS;
import static org.bgpd.rib.loop.RibHarness.ROUTER_ID;
import static org.bgpd.rib.loop.RibHarness.SELF4;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.wire.AttrsBuilder;
import org.bgpd.rib.wire.AttrsView;
import org.junit.jupiter.api.Test;

/** RFC 4456 reflection, the import loop checks and per-member source exclusion in shared groups. */
class ReflectionTest {
    static final int C1 = 1, C2 = 2, C3 = 3, N1 = 4, N2 = 5, E1 = 6;
    static final Set<Family> V4 = Set.of(Family.IPV4_UNICAST);
    final Prefix p = Prefix.parse("192.0.2.0/26");
    final RibHarness h = new RibHarness();
    final RecordingSink c1, c2, c3, n1, n2, e1;

    ReflectionTest() {
        h.peer(C1, LOCAL_AS, true);
        h.peer(C2, LOCAL_AS, true);
        h.peer(C3, LOCAL_AS, true);
        h.peer(N1, LOCAL_AS, false);
        h.peer(N2, LOCAL_AS, false);
        h.peer(E1, 65001, false);
        c1 = h.up(C1, V4);
        c2 = h.up(C2, V4);
        c3 = h.up(C3, V4);
        n1 = h.up(N1, V4);
        n2 = h.up(N2, V4);
        e1 = h.up(E1, V4);
    }

    static Attrs ibgp(String nh) {
        return new AttrsBuilder().localPref(100).nextHop(NextHop.parse(nh)).build();
    }

    @Test
    void clientsShareOneGroupAndOneEncoding() {
        assertEquals(3, h.rib.groups(Family.IPV4_UNICAST).size(), "clients, non-clients, eBGP");
        h.announce(N1, ibgp("10.0.0.4"), p);
        h.settle();
        assertEquals(1, c1.messages.size());
        assertSame(c1.messages.getFirst(), c2.messages.getFirst(), "encoded once, the same bytes for every member");
        assertSame(c1.messages.getFirst(), c3.messages.getFirst());
    }

    @Test
    void aClientRouteIsReflectedToEveryoneButItsSource() {
        h.announce(C1, ibgp("10.0.0.1"), p);
        h.settle();
        assertTrue(c1.events.isEmpty(), "never back to the peer it came from");
        for (RecordingSink s : new RecordingSink[] {c2, c3, n1, n2}) {
            RecordingSink.Event ev = s.last();
            assertEquals("announce", ev.kind());
            assertEquals(C1, ev.attrs().originatorId(), "ORIGINATOR_ID is the client's BGP id");
            assertArrayEquals(new int[] {CLUSTER_ID}, AttrsView.clusterList(ev.attrs()));
            assertEquals(NextHop.parse("10.0.0.1"), ev.attrs().nextHop());
        }
        RecordingSink.Event toE1 = e1.last();
        assertFalse(toE1.attrs().has(Attrs.HAS_ORIGINATOR_ID), "reflection attributes stay in the AS");
        assertEquals(0, toE1.attrs().clusterListLength());
        assertEquals(SELF4, toE1.attrs().nextHop());
        assertEquals("65000", AttrsView.asPathText(toE1.attrs()));
    }

    @Test
    void aNonClientRouteGoesToClientsOnly() {
        h.announce(N1, ibgp("10.0.0.4"), p);
        h.settle();
        assertTrue(n1.events.isEmpty());
        assertTrue(n2.events.isEmpty(), "non-client to non-client is not reflected (RFC 4456 §6)");
        for (RecordingSink s : new RecordingSink[] {c1, c2, c3}) assertEquals(N1, s.last().attrs().originatorId());
        assertEquals("announce", e1.last().kind());
    }

    @Test
    void ebgpRoutesGoToEveryInternalPeerWithoutReflectionAttributes() {
        h.announce(E1, new AttrsBuilder().asPath(65001).nextHop(NextHop.parse("10.0.0.6")).build(), p);
        h.settle();
        assertTrue(e1.events.isEmpty());
        for (RecordingSink s : new RecordingSink[] {c1, c2, c3, n1, n2}) {
            Attrs a = s.last().attrs();
            assertFalse(a.has(Attrs.HAS_ORIGINATOR_ID));
            assertEquals(100, a.localPref());
            assertEquals(NextHop.parse("10.0.0.6"), a.nextHop());
        }
    }

    @Test
    void whenTheBestMovesBetweenMembersTheNewSourceIsWithdrawnAndTheOldOneAnnounced() {
        h.announce(C1, new AttrsBuilder().localPref(100).nextHop(NextHop.parse("10.0.0.1")).build(), p);
        h.settle();
        h.announce(C2, new AttrsBuilder().localPref(200).nextHop(NextHop.parse("10.0.0.2")).build(), p);
        h.settle();
        assertEquals(NextHop.parse("10.0.0.2"), c1.table().get(p).nextHop(), "C1 now gets C2's route");
        assertFalse(c2.table().containsKey(p), "C2 had C1's route and must lose it: its own is best");
        assertEquals("withdraw", c2.last().kind());
        assertEquals(NextHop.parse("10.0.0.2"), c3.table().get(p).nextHop());

        h.withdraw(C2, p);
        h.settle();
        assertFalse(c1.table().containsKey(p), "back to C1's own route");
        assertEquals(NextHop.parse("10.0.0.1"), c2.table().get(p).nextHop());
        assertEquals(NextHop.parse("10.0.0.1"), c3.table().get(p).nextHop());

        h.withdraw(C1, p);
        h.settle();
        for (RecordingSink s : new RecordingSink[] {c1, c2, c3, n1, n2, e1}) assertTrue(s.table().isEmpty());
        assertEquals(0, h.rib.attrsTable().size());
    }

    @Test
    void routesThatLoopedAreDropped() {
        Prefix q = Prefix.parse("198.51.100.0/24"), r = Prefix.parse("203.0.113.0/24");
        h.announce(C1, new AttrsBuilder().localPref(100).originatorId(ROUTER_ID).nextHop(NextHop.parse("10.0.0.1")).build(), p);
        h.announce(C2, new AttrsBuilder().localPref(100).originatorId(9).clusterList(7, CLUSTER_ID).nextHop(NextHop.parse("10.0.0.2")).build(), q);
        h.announce(E1, new AttrsBuilder().asPath(65001, LOCAL_AS, 65003).nextHop(NextHop.parse("10.0.0.6")).build(), r);
        h.settle();
        assertEquals(0, h.rib.locRib().size());
        assertEquals(3, h.rib.loopedRoutes());
        assertTrue(n1.events.isEmpty());

        // a clean update of the same prefix replaces nothing and is accepted
        h.announce(E1, new AttrsBuilder().asPath(65001, 65003).nextHop(NextHop.parse("10.0.0.6")).build(), r);
        h.settle();
        assertEquals(1, h.rib.locRib().size());
        // and a looped re-announcement withdraws it again
        h.announce(E1, new AttrsBuilder().asPath(65001, LOCAL_AS).nextHop(NextHop.parse("10.0.0.6")).build(), r);
        h.settle();
        assertEquals(0, h.rib.locRib().size());
        assertNotNull(n1.last());
        assertEquals("withdraw", n1.last().kind());
    }
}
