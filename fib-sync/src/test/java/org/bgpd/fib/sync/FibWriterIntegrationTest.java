package org.bgpd.fib.sync;

import java.util.ArrayList;
import java.util.List;
import org.bgpd.fib.model.KernelNextHop;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.model.RouteType;
import org.bgpd.fib.netlink.Errno;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Batched installs and deletes against a real kernel in a fresh namespace, checked with `ip -j route`. */
class FibWriterIntegrationTest {
    private static final int TABLE = 100;
    private TestNamespace ns;
    private NetlinkFib fib;
    private int tun0;

    @BeforeEach
    void setUp() throws Exception {
        ns = new TestNamespace();
        // veth with a subnet for gateways; this kernel has no dummy/ipip modules, so a veth
        // named tun0 stands in for the tunnel device of `dev tunl0 onlink`.
        ns.ip("link", "add", "vgw0", "type", "veth", "peer", "name", "vgw0p");
        ns.ip("link", "add", "tun0", "type", "veth", "peer", "name", "tun0p");
        for (String dev : List.of("vgw0", "vgw0p", "tun0", "tun0p")) ns.ip("link", "set", dev, "up");
        ns.ip("addr", "add", "192.168.50.1/24", "dev", "vgw0");
        ns.ip("-6", "addr", "add", "fd00:50::1/64", "dev", "vgw0", "nodad");
        tun0 = Integer.parseInt(ns.ip("-o", "link", "show", "tun0").split(":")[0].trim());
        ns.ip("route", "add", "10.1.0.0/24", "via", "192.168.50.9", "table", "100", "proto", "static");
        ns.ip("route", "add", "blackhole", "10.244.0.0/26", "table", "100", "proto", "80");
        fib = ns.call(() -> NetlinkFib.open(TABLE, Fib.DEFAULT_PROTOCOL));
    }

    @AfterEach
    void tearDown() {
        if (fib != null) fib.close();
        if (ns != null) ns.close();
    }

    private static NextHop gw(String a) { return NextHop.parse(a); }

    private List<KernelRoute> thousandRoutes() {
        List<KernelRoute> routes = new ArrayList<>();
        for (int i = 0; i < 996; i++) {
            Prefix p = Prefix.v4(0x0A640000 | i << 8, 24); // 10.100.i.0/24
            List<KernelNextHop> hops = i % 10 == 0
                    ? List.of(KernelNextHop.via(gw("192.168.50.2")), KernelNextHop.via(gw("192.168.50.3")))
                    : List.of(KernelNextHop.via(gw("192.168.50.2")));
            routes.add(KernelRoute.unicast(p, 0, hops));
        }
        routes.add(KernelRoute.unicast(Prefix.parse("fd00:99::/64"), 0, List.of(KernelNextHop.via(gw("fd00:50::2")))));
        routes.add(KernelRoute.unicast(Prefix.parse("10.200.0.0/26"), 0,
                List.of(KernelNextHop.via(gw("10.99.0.1"), tun0, "tun0", true))));
        // ECMP with one hop through the tunnel device, onlink, as Calico's IPIP mode does.
        routes.add(KernelRoute.unicast(Prefix.parse("10.201.0.0/26"), 0,
                List.of(KernelNextHop.via(gw("192.168.50.2")), KernelNextHop.via(gw("10.99.0.2"), tun0, "tun0", true))));
        routes.add(KernelRoute.reject(Prefix.parse("10.202.0.0/24"), RouteType.UNREACHABLE, 0));
        return routes;
    }

    private static String head(String s) { return s.length() > 300 ? s.substring(0, 300) + "..." : s; }

    private static int count(String json, String needle) {
        int n = 0;
        for (int i = json.indexOf(needle); i >= 0; i = json.indexOf(needle, i + 1)) n++;
        return n;
    }

    @Test
    void installsThousandRoutesAndRemovesOnlyOurs() throws Exception {
        FibResult res = ns.call(() -> fib.install(thousandRoutes()));
        assertTrue(res.ok(), () -> res.failures().toString());
        assertEquals(1000, res.succeeded());

        String v4 = ns.ip("-j", "route", "show", "table", "100", "proto", "186");
        String v6 = ns.ip("-6", "-j", "route", "show", "table", "100", "proto", "186");
        assertEquals(999, count(v4, "\"dst\":"), head(v4));
        assertEquals(1, count(v6, "\"dst\":\"fd00:99::/64\""), v6);
        assertTrue(v6.contains("\"gateway\":\"fd00:50::2\""), v6);
        assertTrue(v4.contains("{\"dst\":\"10.100.10.0/24\",\"flags\":[],\"nexthops\":[{\"gateway\":\"192.168.50.2\",\"dev\":\"vgw0\",\"weight\":1,\"flags\":[]},{\"gateway\":\"192.168.50.3\""), head(v4));
        assertTrue(v4.contains("\"dst\":\"10.200.0.0/26\",\"gateway\":\"10.99.0.1\",\"dev\":\"tun0\",\"flags\":[\"onlink\"]}"), head(v4));
        String ecmpTunnel = ns.ip("route", "show", "table", "100", "10.201.0.0/26");
        assertTrue(ecmpTunnel.contains("nexthop via 10.99.0.2 dev tun0 weight 1 onlink"), ecmpTunnel);
        assertTrue(v4.contains("\"type\":\"unreachable\",\"dst\":\"10.202.0.0/24\""), head(v4));

        // Our dump decodes what we wrote: same route back.
        KernelRoute ecmp = fib.routes().stream().filter(r -> r.prefix().equals(Prefix.parse("10.201.0.0/26"))).findFirst().orElseThrow();
        assertEquals(2, ecmp.nextHops().size());
        assertTrue(ecmp.nextHops().get(1).onlink());
        assertEquals("tun0", ecmp.nextHops().get(1).ifname());

        // Replacing ours works; a key another protocol holds is refused, not replaced.
        List<KernelRoute> clash = List.of(
                KernelRoute.unicast(Prefix.parse("10.100.1.0/24"), 0, List.of(KernelNextHop.via(gw("192.168.50.3")))),
                KernelRoute.unicast(Prefix.parse("10.1.0.0/24"), 0, List.of(KernelNextHop.via(gw("192.168.50.3")))),
                KernelRoute.unicast(Prefix.parse("10.77.0.0/24"), 0, List.of(KernelNextHop.via(gw("172.31.0.1")))));
        FibResult r2 = ns.call(() -> fib.install(clash));
        assertEquals(1, r2.succeeded(), r2.failures().toString());
        assertEquals(1, r2.count(Errno.EEXIST), r2.failures().toString());
        assertEquals(1, r2.count(Errno.ENETUNREACH), r2.failures().toString());
        assertTrue(ns.ip("route", "show", "table", "100", "10.100.1.0/24").contains("via 192.168.50.3"));
        assertTrue(ns.ip("route", "show", "table", "100", "10.1.0.0/24").contains("via 192.168.50.9 dev vgw0 proto static"));

        // Removing everything, plus the foreign routes: only ours go.
        List<KernelRoute> all = new ArrayList<>(thousandRoutes());
        all.add(KernelRoute.reject(Prefix.parse("10.244.0.0/26"), RouteType.BLACKHOLE, 0));
        all.add(KernelRoute.unicast(Prefix.parse("10.1.0.0/24"), 0, List.of()));
        FibResult r3 = ns.call(() -> fib.remove(all));
        assertEquals(1000, r3.succeeded(), r3.failures().toString());
        assertEquals(2, r3.count(Errno.ESRCH));
        assertEquals("[]", ns.ip("-j", "route", "show", "table", "100", "proto", "186").trim());
        String left = ns.ip("route", "show", "table", "100");
        assertTrue(left.contains("blackhole 10.244.0.0/26 proto 80"), left);
        assertTrue(left.contains("10.1.0.0/24 via 192.168.50.9"), left);
        assertEquals(0, fib.writer().ownedCount());
    }

    @Test
    void adoptsRoutesOfItsProtocolLeftByAnEarlierRun() throws Exception {
        ns.ip("route", "add", "10.55.0.0/24", "via", "192.168.50.2", "table", "100", "proto", "186");
        NetlinkFib second = ns.call(() -> NetlinkFib.open(TABLE, Fib.DEFAULT_PROTOCOL));
        try {
            FibResult r = ns.call(() -> second.remove(List.of(KernelRoute.unicast(Prefix.parse("10.55.0.0/24"), 0, List.of()))));
            assertTrue(r.ok(), r.failures().toString());
            assertEquals("", ns.ip("route", "show", "table", "100", "10.55.0.0/24").trim());
        } finally {
            second.close();
        }
    }
}
