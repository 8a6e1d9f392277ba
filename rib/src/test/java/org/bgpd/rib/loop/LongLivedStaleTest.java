package org.bgpd.rib.loop;

import static org.bgpd.rib.loop.RibHarness.BOTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.Candidates;
import org.bgpd.rib.table.Channels;
import org.bgpd.rib.testing.TestAttrs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Long-lived graceful restart, receiving speaker (RFC 9494 §4), driven through {@link RibLoop#turn()}. */
class LongLivedStaleTest {
    static final int R = 1, LLGR = 2, PLAIN = 3, ALT = 4;
    final RibHarness h = new RibHarness();
    final Prefix a = Prefix.parse("192.0.2.0/24"), b = Prefix.parse("198.51.100.0/24"), c = Prefix.parse("203.0.113.0/24");
    final Prefix v6 = Prefix.parse("2001:db8:1::/48");
    final Attrs attrs = TestAttrs.attrs().path(65001).nextHop("10.0.0.1").build();
    final Attrs noLlgr = TestAttrs.attrs().path(65001).nextHop("10.0.0.1").community(0xFFFF_0007).build();
    final Attrs attrs6 = TestAttrs.attrs().path(65001).nextHop("2001:db8::1").build();
    final int ch4 = Channels.index(R, Family.IPV4_UNICAST);
    RecordingSink llgrPeer;
    RecordingSink plainPeer;
    int attrsBefore;

    @BeforeEach
    void setUp() {
        h.peer(R, 65001, false);
        h.peer(LLGR, 65002, false);
        h.peer(PLAIN, 65003, false);
        h.peer(ALT, 65004, false);
        h.up(R, BOTH);
        llgrPeer = new RecordingSink();
        h.rib.offer(new RibCommand.PeerUp(LLGR, LLGR, BOTH, RibHarness.ENCODE.withLongLivedGr(BOTH), llgrPeer));
        plainPeer = h.up(PLAIN, BOTH);
        h.up(ALT, BOTH);
        h.announce(R, attrs, a, b);
        h.announce(R, noLlgr, c);
        h.announce(R, attrs6, v6);
        h.settle();
        llgrPeer.take();
        assertEquals(4, plainPeer.take().stream().mapToInt(e -> e.nlri().size()).sum());
        h.rib.offer(new RibCommand.PeerStale(R, BOTH));
        h.settle();
        attrsBefore = h.rib.attrsTable().size();
    }

    void longLived() {
        h.rib.offer(new RibCommand.LongLivedStale(R, Family.IPV4_UNICAST));
        h.rib.offer(new RibCommand.LongLivedStale(R, Family.IPV6_UNICAST));
        h.settle();
    }

    @Test
    void staleRoutesAreTaggedKeptFromPlainPeersAndNoLlgrRoutesGo() {
        longLived();
        assertEquals(2, h.rib.locRib().size(), "a and b kept, c (NO_LLGR) withdrawn");
        assertTrue(h.rib.attrsTable().get(Candidates.attrs(h.rib.locRib().best(a.packed()))).has(Attrs.LLGR_STALE));
        assertEquals(1, h.rib.locRib(Family.IPV6_UNICAST).size());

        Map<Prefix, Attrs> seen = table(llgrPeer);
        assertEquals(Set.of(a, b, v6), seen.keySet(), "the LLGR peer is sent the tagged routes again");
        for (Attrs x : seen.values()) assertTrue(x.has(Attrs.LLGR_STALE));
        assertTrue(withdrawn(llgrPeer).contains(c));

        List<Prefix> gone = withdrawn(plainPeer);
        assertEquals(Set.of(a, b, c, v6), Set.copyOf(gone), "RFC 9494 §4.3: never sent to a peer without LLGR");
        assertTrue(announced(plainPeer).isEmpty());
        assertEquals(2, h.rib.staleRoutes(ch4), "still stale: End-of-RIB or the LLGR timer ends them");
    }

    @Test
    void anyRouteWithoutTheTagWinsOverAStaleOne() {
        longLived();
        Attrs worse = TestAttrs.attrs().path(65004, 65010, 65011, 65012).localPref(10).nextHop("10.0.0.4").build();
        h.announce(ALT, worse, a);
        h.settle();
        assertEquals(Channels.index(ALT, Family.IPV4_UNICAST), Candidates.channel(h.rib.locRib().best(a.packed())));
        Map<Prefix, Attrs> plain = table(plainPeer);
        assertEquals(Set.of(a), plain.keySet(), "the plain peer gets the live route");
        assertFalse(plain.get(a).has(Attrs.LLGR_STALE));
    }

    @Test
    void theReturningPeerRefreshesRoutesAndEndOfRibFlushesTheRest() {
        longLived();
        llgrPeer.take();
        plainPeer.take();
        h.rib.offer(new RibCommand.PeerUp(R, R, BOTH, RibHarness.ENCODE, new RecordingSink()));
        h.announce(R, attrs, a);
        h.receive(R, new byte[4]); // IPv4 End-of-RIB (RFC 4724 §2)
        h.settle();
        assertEquals(1, h.rib.locRib().size());
        assertFalse(h.rib.attrsTable().get(Candidates.attrs(h.rib.locRib().best(a.packed()))).has(Attrs.LLGR_STALE));
        Map<Prefix, Attrs> plain = table(plainPeer);
        assertEquals(Set.of(a), plain.keySet());
        assertFalse(plain.get(a).has(Attrs.LLGR_STALE));
        assertEquals(List.of(b), withdrawn(llgrPeer));
        assertEquals(0, h.rib.staleRoutes(ch4));
    }

    @Test
    void theLongLivedTimerFlushesEverythingAndFreesTheTaggedSets() {
        longLived();
        h.rib.offer(new RibCommand.FlushStale(R, Family.IPV4_UNICAST));
        h.rib.offer(new RibCommand.FlushStale(R, Family.IPV6_UNICAST));
        h.settle();
        assertEquals(0, h.rib.locRib().size());
        assertEquals(0, h.rib.locRib(Family.IPV6_UNICAST).size());
        assertEquals(0, h.rib.adjRibIn(ch4).size());
        assertTrue(h.rib.attrsTable().size() < attrsBefore, "the received and tagged sets are released");
        assertNull(table(llgrPeer).get(a));
    }

    @Test
    void aRouteReSentBeforeTheWalkIsNotTagged() {
        h.rib.offer(new RibCommand.PeerUp(R, R, BOTH, RibHarness.ENCODE, new RecordingSink()));
        h.announce(R, attrs, a);
        h.rib.offer(new RibCommand.LongLivedStale(R, Family.IPV4_UNICAST));
        h.settle();
        assertFalse(h.rib.attrsTable().get(Candidates.attrs(h.rib.locRib().best(a.packed()))).has(Attrs.LLGR_STALE));
        assertTrue(h.rib.attrsTable().get(Candidates.attrs(h.rib.locRib().best(b.packed()))).has(Attrs.LLGR_STALE));
    }

    @Test
    void longLivedStaleForAChannelNotStaleIsIgnored() {
        h.rib.offer(new RibCommand.FlushStale(R, Family.IPV4_UNICAST));
        h.settle();
        h.rib.offer(new RibCommand.LongLivedStale(R, Family.IPV4_UNICAST));
        h.rib.offer(new RibCommand.LongLivedStale(99, Family.IPV4_UNICAST));
        h.settle();
        assertEquals(0, h.rib.locRib().size());
    }

    /** What the peer holds from us after replaying everything it was sent. */
    static Map<Prefix, Attrs> table(RecordingSink s) { return s.table(); }

    static List<Prefix> withdrawn(RecordingSink s) {
        return s.events.stream().filter(e -> e.kind().equals("withdraw")).flatMap(e -> e.nlri().stream()).toList();
    }

    static List<Prefix> announced(RecordingSink s) {
        return s.events.stream().filter(e -> e.kind().equals("announce")).flatMap(e -> e.nlri().stream()).toList();
    }
}
