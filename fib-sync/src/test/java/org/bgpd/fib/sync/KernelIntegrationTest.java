package org.bgpd.fib.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bgpd.fib.model.KernelLink;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.model.RouteType;
import org.bgpd.rib.route.Prefix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Dump and monitor against a real kernel, inside a fresh network namespace, with routes added the way Felix adds them. */
class KernelIntegrationTest {
    private TestNamespace ns;

    @BeforeEach
    void setUp() throws Exception {
        ns = new TestNamespace();
        ns.ip("link", "add", "cali123", "type", "veth", "peer", "name", "cali123p");
        ns.ip("link", "set", "cali123", "up");
        ns.ip("link", "set", "cali123p", "up");
    }

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    private static KernelRoute find(List<KernelRoute> routes, String prefix) {
        Prefix p = Prefix.parse(prefix);
        for (KernelRoute r : routes) if (r.prefix().equals(p) && r.table() == KernelRoute.TABLE_MAIN) return r;
        return null;
    }

    @Test
    void dumpSeesFelixStyleRoutes() throws Exception {
        ns.ip("route", "add", "10.244.1.5/32", "dev", "cali123", "proto", "boot");
        ns.ip("route", "add", "blackhole", "10.244.1.0/26", "proto", "80");
        KernelSnapshot s = ns.call(() -> {
            try (KernelTables t = new KernelTables(org.bgpd.fib.netlink.NetlinkSocket.open())) {
                KernelSnapshot snap = t.snapshot();
                assertEquals(0, t.malformed(), t.lastMalformed());
                return snap;
            }
        });
        KernelRoute pod = find(s.routes(), "10.244.1.5/32");
        assertNotNull(pod, "pod route in dump: " + s.routes());
        assertEquals(3, pod.protocol());
        assertEquals(RouteType.UNICAST, pod.type());
        assertEquals("cali123", pod.nextHops().get(0).ifname());
        assertNull(pod.nextHops().get(0).gateway());
        assertEquals(KernelRoute.SCOPE_LINK, pod.scope());
        KernelRoute block = find(s.routes(), "10.244.1.0/26");
        assertNotNull(block);
        assertEquals(RouteType.BLACKHOLE, block.type());
        assertEquals(80, block.protocol());
        assertTrue(block.nextHops().isEmpty());
        assertTrue(s.links().values().stream().anyMatch(l -> l.name().equals("cali123") && l.up()));
    }

    /** Collects listener calls for the test thread. */
    static class Events implements KernelListener {
        final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        final List<Reconciliation> resyncs = new ArrayList<>();

        @Override
        public void routeAdded(KernelRoute r) { queue.add("add " + r.prefix() + " proto " + r.protocol()); }

        @Override
        public void routeRemoved(KernelRoute r) { queue.add("del " + r.prefix() + " proto " + r.protocol()); }

        @Override
        public synchronized void resynced(Reconciliation r) {
            resyncs.add(r);
            StringBuilder sb = new StringBuilder("resync (" + r.reason() + ")");
            for (KernelRoute x : r.removed()) sb.append(" -").append(x.prefix());
            queue.add(sb.toString());
        }

        @Override
        public void linkChanged(KernelLink link, boolean removed) { queue.add("link " + link.name() + (link.up() ? " up" : " down")); }

        @Override
        public void monitorFailed(Exception e, boolean fatal) { queue.add("failed " + e); }

        /** Waits for an event containing {@code text}; events before it are dropped. */
        String await(String text) throws InterruptedException {
            List<String> seen = new ArrayList<>();
            while (true) {
                String e = queue.poll(20, TimeUnit.SECONDS);
                if (e == null) return fail("no event containing '" + text + "'; saw " + seen);
                seen.add(e);
                if (e.contains(text)) return e;
            }
        }
    }

    @Test
    void monitorSeesAddsDeletesAndResyncsOnLinkDown() throws Exception {
        Events ev = new Events();
        RouteMonitor mon = ns.call(() -> RouteMonitor.open(ev));
        try {
            KernelSnapshot initial = mon.start();
            assertNull(find(initial.routes(), "10.244.1.5/32"));

            ns.ip("route", "add", "10.244.1.5/32", "dev", "cali123", "proto", "boot");
            ev.await("add 10.244.1.5/32 proto 3");
            ns.ip("-6", "route", "add", "fd00:1::/64", "dev", "cali123", "proto", "static");
            ev.await("add fd00:1::/64 proto 4");
            ns.ip("route", "add", "blackhole", "10.244.1.0/26", "proto", "80");
            ev.await("add 10.244.1.0/26 proto 80");
            ns.ip("route", "del", "blackhole", "10.244.1.0/26", "proto", "80");
            ev.await("del 10.244.1.0/26 proto 80");

            // The kernel sends no delete for the IPv4 route; only the resync notices it is gone.
            ns.ip("link", "set", "cali123", "down");
            // Address events from the same link change may trigger the resync that sees it first;
            // the link-down resync must happen all the same.
            String seen = ev.await("-10.244.1.5/32");
            if (!seen.contains("(link cali123 down)")) ev.await("(link cali123 down)");
            Reconciliation last;
            synchronized (ev) {
                last = ev.resyncs.get(ev.resyncs.size() - 1);
            }
            assertNull(find(last.snapshot().routes(), "10.244.1.5/32"));
        } finally {
            mon.close();
        }
    }

    /** A listener stuck in a callback lets the small receive buffer overflow: ENOBUFS must end in a resync that has every route. */
    @Test
    void lostEventsTriggerResync() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Events ev = new Events() {
            @Override
            public void routeAdded(KernelRoute r) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.routeAdded(r);
            }
        };
        RouteMonitor mon = ns.call(() -> {
            org.bgpd.fib.netlink.NetlinkSocket events = org.bgpd.fib.netlink.NetlinkSocket.open(RouteMonitor.GROUPS);
            events.receiveBufferSize(4096);
            return new RouteMonitor(events, new KernelTables(org.bgpd.fib.netlink.NetlinkSocket.open()), ev);
        });
        java.nio.file.Path batch = java.nio.file.Files.createTempFile("bgpdfib", ".batch");
        try {
            mon.start();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 500; i++) sb.append("route add 10.50.").append(i / 250).append('.').append(i % 250).append("/32 dev cali123 proto boot\n");
            java.nio.file.Files.writeString(batch, sb);
            ns.ip("route", "add", "10.49.0.0/24", "dev", "cali123", "proto", "boot"); // the monitor thread blocks on this one
            ns.ipBatch(batch);
            release.countDown();
            String resync = ev.await("resync (ENOBUFS");
            Reconciliation r;
            synchronized (ev) {
                r = ev.resyncs.get(ev.resyncs.size() - 1);
            }
            assertNotNull(find(r.snapshot().routes(), "10.50.1.249/32"), resync);
            assertTrue(r.added().size() >= 400, "routes whose events were lost come back as added: " + r.added().size());
        } finally {
            release.countDown();
            mon.close();
            java.nio.file.Files.deleteIfExists(batch);
        }
    }
}
