package org.bgpd.fib.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bgpd.fib.model.KernelNextHop;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.model.RouteType;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.junit.jupiter.api.Test;

class NextHopResolverTest {
    static final int OURS = 186;
    final List<String> answers = new ArrayList<>();
    final NextHopResolver resolver = new NextHopResolver(OURS, (nh, ok, metric) -> answers.add(nh + (ok ? " up " + metric : " down")));
    final NextHop peer = NextHop.parse("10.99.0.1"), far = NextHop.parse("172.16.5.5");

    static KernelRoute connected(String prefix, int metric) {
        return KernelRoute.unicast(Prefix.parse(prefix), metric, List.of(KernelNextHop.dev(2, "eth0"))).withOwner(KernelRoute.TABLE_MAIN, 2);
    }

    static KernelRoute via(String prefix, String gw, int protocol) {
        return KernelRoute.unicast(Prefix.parse(prefix), 0, List.of(KernelNextHop.via(NextHop.parse(gw)))).withOwner(KernelRoute.TABLE_MAIN, protocol);
    }

    @Test
    void nothingIsAnsweredBeforeTheFirstDumpThenEverythingWatched() {
        resolver.watch(peer);
        resolver.watch(far);
        assertTrue(answers.isEmpty());
        resolver.load(List.of(connected("10.99.0.0/24", 100)));
        assertEquals(List.of("10.99.0.1 up 100", "172.16.5.5 down"), answers);
    }

    @Test
    void routeChangesReResolveOnlyCoveredNextHopsAndReportDifferences() {
        resolver.load(List.of(connected("10.99.0.0/24", 0)));
        resolver.watch(peer);
        resolver.watch(far);
        answers.clear();

        KernelRoute toFar = via("172.16.0.0/16", "10.99.0.254", 4);
        resolver.routeAdded(toFar);
        assertEquals(List.of("172.16.5.5 up 0"), answers);
        resolver.routeAdded(connected("10.99.0.0/16", 0)); // a shorter route changes nothing for 10.99.0.1
        assertEquals(1, answers.size());

        resolver.routeRemoved(toFar);
        assertEquals("172.16.5.5 down", answers.getLast());
    }

    @Test
    void ourOwnRoutesNeverResolveAndRejectRoutesMakeUnreachable() {
        resolver.load(List.of(connected("10.99.0.0/24", 0), via("172.16.0.0/16", "10.99.0.1", OURS)));
        assertEquals(false, resolver.resolve(far).reachable(), "a BGP route does not carry a BGP next hop");
        resolver.routeAdded(KernelRoute.reject(Prefix.parse("10.99.0.0/28"), RouteType.BLACKHOLE, 0).withOwner(KernelRoute.TABLE_MAIN, 3));
        assertEquals(false, resolver.resolve(peer).reachable());
    }

    @Test
    void aResyncReplacesTheTables() {
        resolver.load(List.of(connected("10.99.0.0/24", 0)));
        resolver.watch(peer);
        answers.clear();
        // link down: the kernel dropped the connected route without telling; the monitor re-dumps
        KernelSnapshot empty = new KernelSnapshot(List.of(), Map.of());
        resolver.resynced(new Reconciliation("link eth0 down", List.of(), List.of(connected("10.99.0.0/24", 0)), empty));
        assertEquals(List.of("10.99.0.1 down"), answers);
        assertEquals(new NextHopResolver.Resolution(false, 0), resolver.answer(peer));
    }

    @Test
    void ipv6NextHopsResolveToo() {
        NextHop v6 = NextHop.parse("2001:db8:1::1");
        resolver.load(List.of(connected("2001:db8:1::/64", 256)));
        resolver.watch(v6);
        assertEquals(List.of("2001:db8:1::1 up 256"), answers);
    }

    @Test
    void aRecursiveNextHopInstallsThroughTheGatewayOfItsCoveringRoute() {
        int[] moved = {0};
        resolver.onGatewayMoved(() -> moved[0]++);
        resolver.load(List.of(connected("10.99.0.0/24", 0), via("172.16.0.0/16", "10.99.0.254", 4)));
        assertEquals(peer, resolver.gateway(peer), "on a connected network: itself");
        assertEquals(NextHop.parse("10.99.0.254"), resolver.gateway(far), "behind 10.99.0.254");
        assertEquals(NextHop.parse("192.0.2.1"), resolver.gateway(NextHop.parse("192.0.2.1")), "no route: left to the kernel");

        resolver.watch(far);
        assertEquals(1, moved[0], "watching a recursive next hop reports it (routes refused before may now go in)");
        resolver.routeAdded(via("172.16.5.0/24", "10.99.0.253", 4));
        assertEquals(NextHop.parse("10.99.0.253"), resolver.gateway(far));
        assertEquals(2, moved[0], "a more specific covering route moved the gateway");
        resolver.routeAdded(via("172.16.9.0/24", "10.99.0.252", 4));
        assertEquals(2, moved[0], "a route not covering the next hop moves nothing");

        // two levels: 203.0.113.7 via 172.16.5.1, which is itself behind 10.99.0.253
        resolver.routeAdded(via("203.0.113.0/24", "172.16.5.1", 4));
        assertEquals(NextHop.parse("10.99.0.253"), resolver.gateway(NextHop.parse("203.0.113.7")));
        // our own routes never resolve, so a gateway loop through them cannot form
        resolver.routeAdded(via("198.51.100.0/24", "10.99.0.1", OURS));
        assertEquals(NextHop.parse("198.51.100.1"), resolver.gateway(NextHop.parse("198.51.100.1")));
    }
}
