package org.bgpd.fib.sync;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bgpd.fib.model.KernelNextHop;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.model.RouteKey;
import org.bgpd.fib.model.RouteType;
import org.bgpd.fib.netlink.Errno;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class InMemoryFibTest {

    static KernelRoute via(String prefix, String... gws) {
        return KernelRoute.unicast(Prefix.parse(prefix), 0, java.util.Arrays.stream(gws).map(g -> KernelNextHop.via(NextHop.parse(g))).toList());
    }

    private static InMemoryFib fibWithConnectedNetwork() {
        InMemoryFib fib = new InMemoryFib(100, 186);
        fib.addForeign(new KernelRoute(Prefix.parse("192.168.50.0/24"), 254, 2, RouteType.UNICAST, 0, 253, 0, List.of(KernelNextHop.dev(2, "eth0"))));
        fib.addForeign(new KernelRoute(Prefix.parse("10.1.0.0/24"), 100, 4, RouteType.UNICAST, 0, 0, 0, List.of(KernelNextHop.via(NextHop.parse("192.168.50.9")))));
        return fib;
    }

    @Test
    void installsStampsAndReplacesOurRoutes() {
        InMemoryFib fib = fibWithConnectedNetwork();
        assertTrue(fib.install(List.of(via("10.2.0.0/24", "192.168.50.2", "192.168.50.3"), via("fd00:9::/64", "fd00::1"))).failures()
                .stream().allMatch(f -> f.errno() == Errno.ENETUNREACH));
        FibResult r = fib.install(List.of(via("10.2.0.0/24", "192.168.50.2", "192.168.50.3")));
        assertTrue(r.ok());
        KernelRoute ours = fib.routes().stream().filter(x -> x.prefix().equals(Prefix.parse("10.2.0.0/24"))).findFirst().orElseThrow();
        assertEquals(100, ours.table());
        assertEquals(186, ours.protocol());
        assertTrue(ours.isMultipath());
        assertTrue(fib.install(List.of(via("10.2.0.0/24", "192.168.50.4"))).ok());
        assertEquals(1, fib.routes().stream().filter(x -> x.prefix().equals(Prefix.parse("10.2.0.0/24"))).findFirst().orElseThrow().nextHops().size());
    }

    @Test
    void onlinkSkipsTheReachabilityCheckAndIpv6GetsMetric1024() {
        InMemoryFib fib = fibWithConnectedNetwork();
        KernelRoute onlink = KernelRoute.unicast(Prefix.parse("10.3.0.0/26"), 0, List.of(KernelNextHop.via(NextHop.parse("10.99.0.1"), 7, "tunl0", true)));
        KernelRoute v6 = KernelRoute.unicast(Prefix.parse("fd00:9::/64"), 0, List.of(KernelNextHop.dev(2, "eth0")));
        assertTrue(fib.install(List.of(onlink, v6)).ok());
        assertTrue(fib.routes().stream().anyMatch(x -> x.prefix().equals(Prefix.parse("fd00:9::/64")) && x.metric() == 1024));
        assertTrue(fib.remove(List.of(v6)).ok(), "removal finds the route under the same default metric");
    }

    @Test
    void neverTouchesOtherProtocols() {
        InMemoryFib fib = fibWithConnectedNetwork();
        FibResult r = fib.install(List.of(via("10.1.0.0/24", "192.168.50.3")));
        assertEquals(1, r.count(Errno.EEXIST));
        FibResult d = fib.remove(List.of(via("10.1.0.0/24"), via("10.8.0.0/24")));
        assertEquals(2, d.count(Errno.ESRCH));
        assertEquals(2, fib.routes().size());
        assertEquals(4, fib.routes().get(1).protocol());
    }

    @Test
    void reconciliationListsAddedChangedAndRemoved() {
        KernelRoute a = via("10.0.1.0/24", "192.0.2.1").withOwner(254, 3);
        KernelRoute b = via("10.0.2.0/24", "192.0.2.1").withOwner(254, 3);
        KernelRoute b2 = via("10.0.2.0/24", "192.0.2.9").withOwner(254, 3);
        KernelRoute c = via("10.0.3.0/24", "192.0.2.1").withOwner(254, 3);
        Map<RouteKey, KernelRoute> known = new HashMap<>(Map.of(a.key(), a, b.key(), b));
        Reconciliation r = Reconciliation.apply("link eth0 down", known, new KernelSnapshot(List.of(b2, c), Map.of()));
        assertEquals(List.of(a), r.removed());
        assertEquals(2, r.added().size());
        assertTrue(r.added().containsAll(List.of(b2, c)));
        assertEquals(Map.of(b2.key(), b2, c.key(), c), known);
        assertTrue(Reconciliation.apply("again", known, new KernelSnapshot(List.of(b2, c), Map.of())).isEmpty());
    }
}
