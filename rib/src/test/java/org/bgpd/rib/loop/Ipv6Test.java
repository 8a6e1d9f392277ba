package org.bgpd.rib.loop;

import static org.bgpd.rib.loop.RibHarness.BOTH;
import static org.bgpd.rib.loop.RibHarness.LOCAL_AS;
import static org.bgpd.rib.loop.RibHarness.ROUTER_ID;
import static org.bgpd.rib.loop.RibHarness.SELF6;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.PeerKind;
import org.bgpd.rib.wire.AttrsBuilder;
import org.bgpd.rib.wire.AttrsView;
import org.bgpd.rib.wire.ErrorAction;
import org.bgpd.rib.wire.InboundUpdate;
import org.bgpd.rib.route.NlriList;
import org.junit.jupiter.api.Test;

/** IPv6 routes end to end: MP_REACH in, Loc-RIB, export with the session's IPv6 address, FIB, queries. */
class Ipv6Test {
    static final int E1 = 1, I1 = 2, E2 = 3, STATIC = 4;
    final RibHarness h = new RibHarness();
    final Prefix block = Prefix.parse("2001:db8:1::/122");
    final Prefix pod = Prefix.parse("2001:db8:1::40/128");
    final NextHop e1Hop = NextHop.parse("2001:db8::1");
    final RecordingSink e1, i1, e2;

    Ipv6Test() {
        h.peer(E1, 65001, false);
        h.peer(I1, LOCAL_AS, false);
        h.peer(E2, 65002, false);
        h.add(PeerInfo.local(STATIC, PeerKind.STATIC, LOCAL_AS, ROUTER_ID));
        e1 = h.up(E1, BOTH);
        i1 = h.up(I1, BOTH);
        e2 = h.up(E2, Set.of(Family.IPV4_UNICAST));
    }

    @Test
    void anIpv6RouteFlowsFromEbgpToIbgpAndBack() {
        h.announce(E1, new AttrsBuilder().asPath(65001).nextHop(e1Hop).build(), block, pod);
        h.settle();
        RecordingSink.Event ev = i1.last();
        assertEquals(Family.IPV6_UNICAST, ev.family());
        assertEquals(List.of(block, pod), ev.nlri());
        assertEquals(e1Hop, ev.attrs().nextHop(), "iBGP keeps the eBGP next hop");
        assertEquals(100, ev.attrs().localPref());
        assertTrue(e1.events.isEmpty());
        assertTrue(e2.events.isEmpty(), "E2 did not negotiate IPv6");
        assertArrayEquals(new NextHop[] {e1Hop}, h.fib.routes6.get(pod));
        assertEquals(2, h.rib.locRib(Family.IPV6_UNICAST).size());

        h.withdraw(E1, pod);
        h.settle();
        assertEquals("withdraw", i1.last().kind());
        assertEquals(List.of(pod), i1.last().nlri());
        assertEquals(null, h.fib.routes6.get(pod));
        assertEquals(Set.of(block), i1.table().keySet());
    }

    @Test
    void aStaticIpv6RouteTakesEachSessionsOwnAddress() {
        h.rib.offer(new RibCommand.Originate(STATIC, block, new AttrsBuilder().nextHop(NextHop.SELF).build()));
        h.settle();
        assertEquals(SELF6, i1.last().attrs().nextHop());
        assertEquals(SELF6, e1.last().attrs().nextHop());
        assertEquals("65000", AttrsView.asPathText(e1.last().attrs()));
        h.rib.offer(new RibCommand.Unoriginate(STATIC, block));
        h.settle();
        assertTrue(i1.table().isEmpty());
        assertTrue(e1.table().isEmpty());
        assertEquals(0, h.rib.attrsTable().size());
    }

    @Test
    void queriesFindIpv6RoutesExactlyAndByLongestMatch() {
        h.announce(E1, new AttrsBuilder().asPath(65001).nextHop(e1Hop).build(), block, pod);
        List<List<RouteView>> got = new ArrayList<>();
        h.rib.offer(new RibCommand.Query(block, got::add));
        h.rib.offer(new RibCommand.QueryFor(Prefix.host("2001:db8:1::5"), got::add));
        h.rib.offer(new RibCommand.QueryFor(Prefix.host("2001:db8:1::40"), got::add));
        h.rib.offer(new RibCommand.QueryFor(Prefix.host("2001:db8:2::1"), got::add));
        h.settle();
        assertEquals(block, got.get(0).getFirst().prefix());
        assertEquals(E1, got.get(0).getFirst().source().index());
        assertEquals(block, got.get(1).getFirst().prefix());
        assertEquals(pod, got.get(2).getFirst().prefix());
        assertTrue(got.get(3).isEmpty());
    }

    @Test
    void afiSafiDisableWithdrawsTheFamilyAndIgnoresItAfterwards() {
        Attrs v6 = new AttrsBuilder().asPath(65001).nextHop(e1Hop).build();
        Prefix v4 = Prefix.parse("192.0.2.0/24");
        h.announce(E1, v6, block);
        h.announce(E1, new AttrsBuilder().asPath(65001).nextHop(NextHop.parse("10.0.0.1")).build(), v4);
        h.settle();
        InboundUpdate disable = new InboundUpdate(null, null, NlriList.EMPTY_V4, NlriList.EMPTY_V4, NlriList.EMPTY_V6,
                NlriList.EMPTY_V6, ErrorAction.AFI_SAFI_DISABLE, null, Family.IPV6_UNICAST, new int[0], null);
        h.rib.offer(new RibCommand.Update(E1, disable));
        h.settle();
        assertEquals(0, h.rib.locRib(Family.IPV6_UNICAST).size());
        assertTrue(i1.table().keySet().stream().noneMatch(p -> p.family() == Family.IPV6_UNICAST));
        h.announce(E1, v6, pod);
        h.settle();
        assertEquals(0, h.rib.locRib(Family.IPV6_UNICAST).size(), "the family stays disabled for this session");
        assertEquals(1, h.rib.locRib().size(), "IPv4 is untouched");
    }
}
