package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Self-test of the namespace harness. Needs root, as in CI; without it {@link Netns#create()}
 * fails with a message saying so (these tests must not skip).
 */
class NetnsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static IpRoute only(List<IpRoute> routes, String prefix) {
        List<IpRoute> found = routes.stream().filter(r -> r.prefix().equals(prefix)).toList();
        assertEquals(1, found.size(), () -> prefix + " in " + routes);
        return found.getFirst();
    }

    private static boolean namespaceExists(String name) {
        return ExternalCommand.run("ip", "netns", "list").lines().anyMatch(l -> l.split(" ")[0].equals(name));
    }

    @Test
    void felixStyleRoutesReadBack() {
        String name;
        try (Netns ns = Netns.create()) {
            name = ns.name();
            assertTrue(name.matches("bgpdtest-[0-9a-f]{4}"), name);
            assertTrue(namespaceExists(name));
            assertTrue(ns.ip("link", "show", "lo").contains("UP"));

            ns.addVethPair("cali1234abcd", "pod-eth0");
            ns.addRoute("10.244.1.5/32 dev cali1234abcd proto boot");
            ns.addRoute("blackhole 10.244.1.0/26 proto boot");
            ns.addVethPair("veth-a", "veth-b");
            ns.addAddress("veth-a", "10.0.0.1/30");
            ns.addAddress("veth-a", "fd00:bd:1::1/64");
            ns.addRoute("10.250.0.0/24 via 10.0.0.2 proto static");
            ns.addRoute("10.251.0.0/24 nexthop via 10.0.0.2 dev veth-a nexthop dev cali1234abcd");
            ns.addRoute("2001:db8:5::/64 via fd00:bd:1::2 proto boot");
            ns.addRoute("10.244.2.0/26 dev cali1234abcd table 100 proto boot");

            List<IpRoute> main = ns.routes();
            IpRoute workload = only(main, "10.244.1.5/32");
            assertEquals("cali1234abcd", workload.dev());
            assertEquals("boot", workload.protocol());
            assertEquals("unicast", workload.type());
            assertNull(workload.gateway());
            assertEquals("main", workload.table());

            IpRoute block = only(main, "10.244.1.0/26");
            assertEquals("blackhole", block.type());
            assertEquals("boot", block.protocol());

            IpRoute viaGateway = only(main, "10.250.0.0/24");
            assertEquals("10.0.0.2", viaGateway.gateway());
            assertEquals("veth-a", viaGateway.dev());
            assertEquals("static", viaGateway.protocol());

            IpRoute ecmp = only(main, "10.251.0.0/24");
            assertTrue(ecmp.isMultipath());
            assertEquals(List.of(new IpRoute.NextHop("10.0.0.2", "veth-a", 1), new IpRoute.NextHop(null, "cali1234abcd", 1)),
                    ecmp.nextHops());

            IpRoute v6 = only(ns.routes6("main"), "2001:db8:5::/64");
            assertEquals("fd00:bd:1::2", v6.gateway());
            assertEquals("boot", v6.protocol());

            IpRoute inTable = only(ns.routes("100"), "10.244.2.0/26");
            assertEquals("cali1234abcd", inTable.dev());
            assertFalse(ns.routes().stream().anyMatch(r -> r.prefix().equals("10.244.2.0/26")));

            ns.deleteRoute("10.244.1.5/32 dev cali1234abcd proto boot");
            assertFalse(ns.routes().stream().anyMatch(r -> r.prefix().equals("10.244.1.5/32")));
            // The host's table never saw any of it.
            assertFalse(IpRouteParser.parse(ExternalCommand.run("ip", "-j", "-4", "route", "show", "table", "main"), false, "main")
                    .stream().anyMatch(r -> r.prefix().equals("10.244.1.0/26")));
        }
        assertFalse(namespaceExists(name), "namespace deleted on close");
    }

    @Test
    void twoNamespacesConnectedByVeth() {
        try (Netns a = Netns.create(); Netns b = Netns.create()) {
            Netns.connect(a, "to-b", "10.0.1.1/30", b, "to-a", "10.0.1.2/30");
            // A refused TCP connection proves the SYN crossed the link and the RST came back.
            ExternalCommand.Result probe = a.tryExec("timeout", "10", "bash", "-c", "exec 3<>/dev/tcp/10.0.1.2/9");
            assertTrue(probe.stderr().contains("Connection refused"), probe::describe);
            IpRoute connected = only(b.routes(), "10.0.1.0/30");
            assertEquals("to-a", connected.dev());
            assertEquals("kernel", connected.protocol());
        }
    }

    /** BIRD inside a namespace learns Felix's routes from the kernel and exports its static routes to it. */
    @Test
    void birdInANamespaceSyncsWithTheKernel(@TempDir Path tmp) {
        try (Netns ns = Netns.create()) {
            ns.addVethPair("cali5678", "pod-eth0");
            ns.addRoute("10.244.3.5/32 dev cali5678 proto boot");
            BirdConfig config = BirdConfig.builder().routerId("10.0.0.1")
                    .staticProtocol(BirdStaticProtocol.ipv4("static1").blackhole("10.96.0.0/24"))
                    .kernel(BirdKernelProtocol.ipv4("kernel1").learn().scanTime(1)
                            .channel(BirdChannel.ipv4().importAll().exportProtocol("static1")))
                    .build();
            try (BirdProcess bird = BirdProcess.start(config, ns)) {
                BirdRoute learned = bird.awaitRoute("10.244.3.5/32", TIMEOUT);
                assertEquals("kernel1", learned.protocol());
                assertEquals("cali5678", learned.dev());
                assertEquals("3", learned.attribute("Kernel.source"));

                IpRoute exported = Await.until("static route in the namespace's kernel table", TIMEOUT,
                        () -> ns.routes().stream().filter(r -> r.prefix().equals("10.96.0.0/24")).toList(),
                        rs -> !rs.isEmpty(), bird::diagnostics).getFirst();
                assertEquals("blackhole", exported.type());
                assertEquals("bird", exported.protocol());
            }
        }
    }

    @Test
    void processesStartedInsideDieOnClose(@TempDir Path tmp) throws Exception {
        Process p;
        try (Netns ns = Netns.create()) {
            p = ns.start(tmp.resolve("sleep.log"), "sleep", "600");
            assertTrue(p.isAlive());
        }
        assertFalse(p.isAlive());
    }
}
