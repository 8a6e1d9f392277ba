package org.bgpd.rib.loop;

import static org.bgpd.rib.loop.RibHarness.BOTH;
import static org.bgpd.rib.loop.RibHarness.LOCAL_AS;
import static org.bgpd.rib.loop.RibHarness.ROUTER_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.PeerKind;
import org.bgpd.rib.wire.AttrsBuilder;
import org.junit.jupiter.api.Test;

/** The control socket's questions: paged walks, statistics, and peers leaving the configuration. */
class RibQueriesTest {
    static final int E1 = 1, E2 = 2, I1 = 3, STATIC = 4;
    final RibHarness h = new RibHarness();
    final List<Prefix> v4 = new ArrayList<>();
    final List<Prefix> v6 = new ArrayList<>();

    RibQueriesTest() {
        h.peer(E1, 65001, false);
        h.peer(E2, 65002, false);
        h.peer(I1, LOCAL_AS, false);
        h.add(PeerInfo.local(STATIC, PeerKind.STATIC, LOCAL_AS, ROUTER_ID));
        h.up(E1, BOTH);
        h.up(E2, BOTH);
        h.up(I1, BOTH);
        for (int i = 9; i >= 0; i--) v4.add(Prefix.parse("10." + i + ".0.0/16"));
        for (int i = 2; i >= 0; i--) v6.add(Prefix.parse("2001:db8:" + i + "::/48"));
        h.announce(E1, new AttrsBuilder().asPath(65001).nextHop(NextHop.parse("10.0.0.1")).build(), v4.toArray(Prefix[]::new));
        h.announce(E1, new AttrsBuilder().asPath(65001).nextHop(NextHop.parse("2001:db8::1")).build(), v6.toArray(Prefix[]::new));
        h.announce(E2, new AttrsBuilder().asPath(65002, 65003).nextHop(NextHop.parse("10.0.0.2")).build(), Prefix.parse("10.0.0.0/16"));
        h.settle();
    }

    List<RoutePage> walk(Family f, int peer, int pageSize) {
        List<RoutePage> pages = new ArrayList<>();
        h.rib.offer(new RibCommand.QueryAll(f, peer, pageSize, pages::add));
        h.settle();
        return pages;
    }

    @Test
    void showRouteWalksBothFamiliesInOrderInPages() {
        List<RoutePage> pages = walk(null, -1, 4);
        List<RouteView> all = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            assertEquals(i == pages.size() - 1, pages.get(i).last(), "only the final page is last");
            assertTrue(pages.get(i).routes().size() <= 4);
            all.addAll(pages.get(i).routes());
        }
        assertEquals(14, all.size(), "10 + 3 prefixes, one of them with two candidates");
        assertEquals(Prefix.parse("10.0.0.0/16"), all.get(0).prefix());
        assertEquals(Prefix.parse("10.9.0.0/16"), all.get(10).prefix());
        assertEquals(Prefix.parse("2001:db8::/48"), all.get(11).prefix());
        assertEquals(Prefix.parse("2001:db8:2::/48"), all.get(13).prefix());
        RouteView first = all.getFirst();
        assertTrue(first.best());
        assertEquals(E1, first.peer());
        assertEquals(1_700_000_000_000L, first.since());
        assertFalse(all.get(1).best());
        assertEquals(E2, all.get(1).source().index());
    }

    @Test
    void aWalkCanBeLimitedToOneFamilyAndOnePeer() {
        List<RoutePage> pages = walk(Family.IPV4_UNICAST, E2, 100);
        assertEquals(1, pages.size());
        assertEquals(1, pages.getFirst().routes().size());
        assertEquals(E2, pages.getFirst().routes().getFirst().peer());
        assertEquals(3, walk(Family.IPV6_UNICAST, -1, 100).getFirst().routes().size());
        assertTrue(walk(Family.IPV6_UNICAST, E2, 100).getFirst().routes().isEmpty());
    }

    @Test
    void statsCountImportedExportedAndPreferredPerChannel() {
        List<RibStats> got = new ArrayList<>();
        h.rib.offer(new RibCommand.Stats(got::add));
        h.settle();
        RibStats s = got.getFirst();
        RibStats.ChannelStats e1v4 = s.channel(E1, Family.IPV4_UNICAST);
        assertEquals(10, e1v4.imported());
        assertEquals(10, e1v4.preferred());
        assertEquals(1, s.channel(E2, Family.IPV4_UNICAST).imported());
        assertEquals(0, s.channel(E2, Family.IPV4_UNICAST).preferred());
        assertEquals(3, s.channel(E1, Family.IPV6_UNICAST).preferred());
        assertEquals(13, s.channel(I1, Family.IPV4_UNICAST).exported() + s.channel(I1, Family.IPV6_UNICAST).exported());
        assertEquals(10, s.prefixesV4());
        assertEquals(3, s.prefixesV6());
        assertEquals(14, s.routes());
        assertEquals(h.rib.attrsTable().size(), s.attrsSets());
    }

    @Test
    void removePeerFlushesItsRoutesAndForgetsIt() {
        h.rib.offer(new RibCommand.RemovePeer(E1));
        h.settle();
        assertNull(h.rib.peers().get(E1));
        assertEquals(1, h.rib.locRib().size(), "E2's route is left");
        assertEquals(0, h.rib.locRib(Family.IPV6_UNICAST).size());
        assertEquals(Prefix.parse("10.0.0.0/16"), h.sink(I1).table().keySet().iterator().next());
        assertEquals(1, h.sink(I1).table().size());
    }
}
