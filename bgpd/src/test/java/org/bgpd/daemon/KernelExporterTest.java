package org.bgpd.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bgpd.fib.model.KernelNextHop;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.model.RouteType;
import org.bgpd.fib.sync.InMemoryFib;
import org.bgpd.rib.policy.KernelDirectives;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerKind;
import org.junit.jupiter.api.Test;

/** The FIB thread's logic against the in-memory FIB, which applies the kernel's ownership rules. */
class KernelExporterTest {
    private static final int TABLE = 254;
    private static final int PROTO = 186;

    private final InMemoryFib fib = new InMemoryFib(TABLE, PROTO);
    private final Map<String, Integer> ifindex = new ConcurrentHashMap<>();

    KernelExporterTest() {
        // connected networks, as `ip addr add` would create them
        fib.addForeign(connected("192.168.1.0/24", 2));
        fib.addForeign(connected("fd00:1::/64", 2));
    }

    private static KernelRoute connected(String prefix, int ifindex) {
        return new KernelRoute(Prefix.parse(prefix), TABLE, 2, RouteType.UNICAST, 0, KernelRoute.SCOPE_LINK, 0,
                List.of(KernelNextHop.dev(ifindex, "eth0")));
    }

    private KernelExporter exporter() {
        KernelExporter e = new KernelExporter(fib, ifindex);
        e.adopt();
        return e;
    }

    private static FibChange change(String prefix, PeerKind source, String... hops) {
        NextHop[] nh = new NextHop[hops.length];
        for (int i = 0; i < hops.length; i++) nh[i] = hops[i].equals("self") ? NextHop.SELF : NextHop.parse(hops[i]);
        return new FibChange(Prefix.parse(prefix), nh, hops.length == 0 ? null : source);
    }

    private KernelRoute find(String prefix) {
        Prefix p = Prefix.parse(prefix);
        for (KernelRoute r : fib.routes()) if (r.prefix().equals(p)) return r;
        return null;
    }

    @Test
    void installsBestRoutesWithOurTableAndProtocolAndEcmpAsOneRoute() {
        KernelExporter e = exporter();
        e.apply(List.of(
                change("10.1.0.0/24", PeerKind.BGP, "192.168.1.10"),
                change("10.2.0.0/24", PeerKind.BGP, "192.168.1.10", "192.168.1.11"),
                change("2001:db8::/48", PeerKind.BGP, "fd00:1::10")));
        KernelRoute one = find("10.1.0.0/24");
        assertEquals(PROTO, one.protocol());
        assertEquals(TABLE, one.table());
        assertEquals(NextHop.parse("192.168.1.10"), one.nextHops().get(0).gateway());
        KernelRoute ecmp = find("10.2.0.0/24");
        assertTrue(ecmp.isMultipath());
        assertEquals(2, ecmp.nextHops().size());
        assertEquals(KernelExporter.IPV6_METRIC, find("2001:db8::/48").metric());
        assertEquals(3, e.stats().installed());

        e.apply(List.of(change("10.2.0.0/24", PeerKind.BGP)));
        assertNull(find("10.2.0.0/24"));
        assertEquals(2, e.stats().installed());
    }

    @Test
    void coalescesChangesOfOnePrefixToTheLast() {
        KernelExporter e = exporter();
        e.apply(List.of(change("10.1.0.0/24", PeerKind.BGP, "192.168.1.10"), change("10.1.0.0/24", PeerKind.BGP),
                change("10.3.0.0/24", PeerKind.BGP), change("10.3.0.0/24", PeerKind.BGP, "192.168.1.12")));
        assertNull(find("10.1.0.0/24"));
        assertEquals(NextHop.parse("192.168.1.12"), find("10.3.0.0/24").nextHops().get(0).gateway());
        assertEquals(1, e.stats().installs());
    }

    @Test
    void kernelLearnedAndLocallyOriginatedBestsAreNotInstalled() {
        KernelExporter e = exporter();
        e.apply(List.of(change("10.1.0.0/24", PeerKind.BGP, "192.168.1.10")));
        // a kernel-learned route now wins: the kernel already has it, ours must go
        e.apply(List.of(change("10.1.0.0/24", PeerKind.KERNEL, "self"), change("10.9.0.0/26", PeerKind.STATIC, "self")));
        assertNull(find("10.1.0.0/24"));
        assertNull(find("10.9.0.0/26"));
        assertEquals(0, e.stats().installed());
    }

    @Test
    void anotherProtocolsRouteIsNeverReplacedNorRemoved() {
        KernelRoute felix = new KernelRoute(Prefix.parse("10.244.1.5/32"), TABLE, 3, RouteType.UNICAST, 0,
                KernelRoute.SCOPE_LINK, 0, List.of(KernelNextHop.dev(7, "cali123")));
        fib.addForeign(felix);
        KernelExporter e = exporter();
        e.apply(List.of(change("10.244.1.5/32", PeerKind.BGP, "192.168.1.10")));
        assertEquals(3, find("10.244.1.5/32").protocol());
        assertEquals(1, e.stats().failing());
        assertEquals(1, e.stats().errors());

        e.apply(List.of(change("10.244.1.5/32", PeerKind.BGP)));
        e.removeAll();
        assertEquals(felix, find("10.244.1.5/32"));
        assertEquals(0, e.stats().failing());
    }

    @Test
    void refusedRoutesAreRetriedAfterLinksChange() {
        KernelExporter e = exporter();
        e.apply(List.of(change("10.5.0.0/24", PeerKind.BGP, "172.16.0.1")));
        assertNull(find("10.5.0.0/24"));
        assertTrue(e.hasFailures());

        fib.addForeign(connected("172.16.0.0/24", 3)); // the link to the gateway came up
        e.retry();
        assertNotNull(find("10.5.0.0/24"));
        assertFalse(e.hasFailures());
        assertEquals(1, e.stats().installed());
    }

    @Test
    void routesTheKernelDroppedAreReinstalledOnRetry() {
        KernelExporter e = exporter();
        e.apply(List.of(change("10.6.0.0/24", PeerKind.BGP, "192.168.1.10")));
        fib.remove(List.of(find("10.6.0.0/24"))); // as a link-down does, without telling anyone
        assertNull(find("10.6.0.0/24"));
        e.retry();
        assertNotNull(find("10.6.0.0/24"));
    }

    @Test
    void adoptedRoutesStayUntilConvergenceThenOnlyUnwantedOnesGo() {
        KernelRoute wanted = KernelRoute.unicast(Prefix.parse("10.7.0.0/24"), 0,
                List.of(KernelNextHop.via(NextHop.parse("192.168.1.10")))).withOwner(TABLE, PROTO);
        KernelRoute stale = KernelRoute.unicast(Prefix.parse("10.8.0.0/24"), 0,
                List.of(KernelNextHop.via(NextHop.parse("192.168.1.10")))).withOwner(TABLE, PROTO);
        fib.addForeign(wanted);
        fib.addForeign(stale);
        KernelExporter e = exporter();
        assertEquals(2, e.stats().installed());

        e.apply(List.of(change("10.7.0.0/24", PeerKind.BGP, "192.168.1.10")));
        assertEquals(0, e.stats().installs(), "an adopted route with the same content is not sent again");
        assertNotNull(find("10.8.0.0/24"), "stale routes forward traffic until convergence");

        e.converged();
        assertNull(find("10.8.0.0/24"));
        assertNotNull(find("10.7.0.0/24"));
        assertEquals(1, e.stats().installed());
    }

    @Test
    void cleanStopRemovesOursOnly() {
        KernelExporter e = exporter();
        e.apply(List.of(change("10.1.0.0/24", PeerKind.BGP, "192.168.1.10"), change("2001:db8::/48", PeerKind.BGP, "fd00:1::10")));
        int before = fib.routes().size();
        e.removeAll();
        assertEquals(before - 2, fib.routes().size());
        for (KernelRoute r : fib.routes()) assertEquals(2, r.protocol());
    }

    @Test
    void policyDeviceAndOnlinkApplyOnceTheDeviceExists() {
        KernelExporter e = exporter();
        FibChange viaTunnel = new FibChange(Prefix.parse("192.168.40.0/26"), new NextHop[] {NextHop.parse("10.0.0.22")},
                new KernelDirectives[] {new KernelDirectives("tunl0", true)}, PeerKind.BGP);
        e.apply(List.of(viaTunnel));
        assertNull(find("192.168.40.0/26"), "tunl0 does not exist yet");
        assertTrue(e.hasFailures());

        ifindex.put("tunl0", 9);
        e.retry();
        KernelRoute r = find("192.168.40.0/26");
        KernelNextHop h = r.nextHops().get(0);
        assertTrue(h.onlink());
        assertEquals(9, h.ifindex());
        assertEquals(NextHop.parse("10.0.0.22"), h.gateway());
    }

    @Test
    void anEcmpRouteMixesTunnelAndPlainNextHops() {
        ifindex.put("tunl0", 9);
        KernelExporter e = exporter();
        FibChange mixed = new FibChange(Prefix.parse("10.244.7.0/26"),
                new NextHop[] {NextHop.parse("192.168.1.10"), NextHop.parse("10.0.0.22")},
                new KernelDirectives[] {KernelDirectives.PLAIN, new KernelDirectives("tunl0", true)}, PeerKind.BGP);
        e.apply(List.of(mixed));
        KernelRoute r = find("10.244.7.0/26");
        assertEquals(2, r.nextHops().size());
        KernelNextHop plain = r.nextHops().get(0), tunnel = r.nextHops().get(1);
        assertEquals(NextHop.parse("192.168.1.10"), plain.gateway());
        assertFalse(plain.onlink());
        assertEquals(0, plain.ifindex());
        assertEquals(NextHop.parse("10.0.0.22"), tunnel.gateway());
        assertTrue(tunnel.onlink());
        assertEquals(9, tunnel.ifindex());
    }

    /**
     * A BGP next hop reachable only through another router (10.9.9.9 behind 192.168.1.254): the
     * kernel refuses it as a gateway (ENETUNREACH), so the route goes in through 192.168.1.254,
     * and moves when the covering route does.
     */
    @Test
    void aRecursiveNextHopIsInstalledThroughTheCoveringRoutesGateway() {
        Map<NextHop, NextHop> covering = new ConcurrentHashMap<>();
        covering.put(NextHop.parse("10.9.9.9"), NextHop.parse("192.168.1.254"));
        covering.put(NextHop.parse("10.9.9.8"), NextHop.parse("192.168.1.254"));
        KernelExporter plain = new KernelExporter(new InMemoryFib(TABLE, PROTO), ifindex);
        KernelExporter e = new KernelExporter(fib, ifindex, nh -> covering.getOrDefault(nh, nh));
        e.adopt();

        e.apply(List.of(change("10.20.0.0/16", PeerKind.BGP, "10.9.9.9"), change("10.21.0.0/16", PeerKind.BGP, "10.9.9.9", "10.9.9.8")));
        assertEquals("via 192.168.1.254", find("10.20.0.0/16").nextHops().getFirst().toString());
        assertEquals(1, find("10.21.0.0/16").nextHops().size(), "two next hops behind one gateway: one kernel next hop");
        assertFalse(e.hasFailures());

        covering.put(NextHop.parse("10.9.9.9"), NextHop.parse("192.168.1.253"));
        e.regateway();
        assertEquals("via 192.168.1.253", find("10.20.0.0/16").nextHops().getFirst().toString());
        assertEquals(2, find("10.21.0.0/16").nextHops().size(), "now behind two gateways: ECMP");

        plain.adopt();
        plain.apply(List.of(change("10.20.0.0/16", PeerKind.BGP, "10.9.9.9")));
        assertTrue(plain.hasFailures(), "without recursion the kernel refuses the gateway");
    }
}
