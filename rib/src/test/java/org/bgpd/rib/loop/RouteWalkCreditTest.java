package org.bgpd.rib.loop;

import static org.bgpd.rib.loop.RibHarness.LOCAL_AS;
import static org.bgpd.rib.loop.RibHarness.ROUTER_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.PeerKind;
import org.bgpd.rib.wire.AttrsBuilder;
import org.junit.jupiter.api.Test;

/**
 * {@code show route} walks with credit: a walk hands out no more pages than its consumer granted,
 * waits without holding up other walks or BGP, and goes when its consumer cancels it.
 */
class RouteWalkCreditTest {
    static final int STATIC = 4, E1 = 1, I1 = 3;
    static final int ROUTES = 1_000, PAGE = 10;
    final RibHarness h = new RibHarness();
    final Attrs attrs = new AttrsBuilder().nextHop(NextHop.parse("10.0.0.254")).build();

    RouteWalkCreditTest() {
        h.add(PeerInfo.local(STATIC, PeerKind.STATIC, LOCAL_AS, ROUTER_ID));
        for (int i = 0; i < ROUTES; i++) h.rib.offer(new RibCommand.Originate(STATIC, Prefix.v4(10 << 24 | i << 8, 24), attrs));
        h.settle();
    }

    RibCommand.QueryAll walk(List<RoutePage> into, int credit) {
        RibCommand.QueryAll q = new RibCommand.QueryAll(Family.IPV4_UNICAST, -1, PAGE, into::add, credit);
        h.rib.offer(q);
        h.settle();
        return q;
    }

    @Test
    void aWalkHandsOutOnlyTheGrantedPagesThenWaits() {
        List<RoutePage> pages = new ArrayList<>();
        RibCommand.QueryAll q = walk(pages, 3);
        assertEquals(3, pages.size());
        assertEquals(1, h.rib.routeWalkCount(), "waiting, not finished");
        assertFalse(h.rib.walking(), "a waiting walk is no work for the loop");
        assertEquals(0, h.rib.turn(), "the loop is idle while the walk waits");

        h.rib.offer(new RibCommand.MorePages(q, 2));
        h.settle();
        assertEquals(5, pages.size());

        h.rib.offer(new RibCommand.MorePages(q, 1_000));
        h.settle();
        assertEquals(ROUTES / PAGE + 1, pages.size(), "every full page, then an empty last one");
        assertTrue(pages.getLast().last());
        int routes = 0;
        for (RoutePage p : pages) routes += p.routes().size();
        assertEquals(ROUTES, routes);
        assertEquals(0, h.rib.routeWalkCount());
    }

    @Test
    void aWaitingWalkHoldsUpNeitherOtherWalksNorBgp() {
        List<RoutePage> slow = new ArrayList<>();
        walk(slow, 1);
        List<RoutePage> fast = new ArrayList<>();
        walk(fast, Integer.MAX_VALUE);
        assertTrue(fast.getLast().last(), "the second walk ran to its end past the waiting one");
        assertEquals(1, slow.size());

        h.peer(E1, 65001, false);
        h.peer(I1, LOCAL_AS, false);
        h.up(E1, RibHarness.BOTH);
        RecordingSink ibgp = h.up(I1, RibHarness.BOTH);
        h.announce(E1, new AttrsBuilder().asPath(65001).nextHop(NextHop.parse("10.0.0.1")).build(), Prefix.parse("192.0.2.0/24"));
        h.settle();
        assertTrue(ibgp.table().containsKey(Prefix.parse("192.0.2.0/24")), "BGP went on");
        assertEquals(1, slow.size());
        assertEquals(1, h.rib.routeWalkCount());
    }

    @Test
    void aCancelledWalkIsDroppedAndLaterGrantsAreIgnored() {
        List<RoutePage> pages = new ArrayList<>();
        RibCommand.QueryAll q = walk(pages, 2);
        assertEquals(1, h.rib.routeWalkCount());
        h.rib.offer(new RibCommand.CancelWalk(q));
        h.settle();
        assertEquals(0, h.rib.routeWalkCount());
        assertEquals(1, h.rib.routeWalksCancelled());
        h.rib.offer(new RibCommand.MorePages(q, 100));
        h.rib.offer(new RibCommand.CancelWalk(q));
        h.settle();
        assertEquals(2, pages.size(), "nothing after the cancel");
        assertEquals(1, h.rib.routeWalksCancelled(), "cancelling a finished walk counts nothing");
    }

    @Test
    void walksWithCreditShareTheTurnRoundRobin() {
        List<RoutePage> a = new ArrayList<>();
        List<RoutePage> b = new ArrayList<>();
        h.rib.offer(new RibCommand.QueryAll(Family.IPV4_UNICAST, -1, PAGE, a::add));
        h.rib.offer(new RibCommand.QueryAll(Family.IPV4_UNICAST, -1, PAGE, b::add));
        h.rib.turn(); // the harness's walk budget (64 prefixes) is far below the table
        assertFalse(a.isEmpty(), "the first walk advanced");
        assertFalse(b.isEmpty(), "and so did the second, in the same turn");
        h.settle();
        assertEquals(a.size(), b.size());
    }
}
