package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bgpd's kernel protocol against the real kernel and BIRD 2. Topology: bgpd runs as its own
 * process in namespace "node" (see {@link BgpdProcess} for why a process); two BIRD instances,
 * each in its own namespace, are iBGP peers over veth pairs (node 10.0.1.1 - birdA 10.0.1.2,
 * node 10.0.2.1 - birdB 10.0.2.2). Felix-style routes in node are learned and advertised;
 * BIRD's routes are installed in node's main table with protocol 186 ("bgp"), as ECMP when both
 * advertise a prefix; routes of other protocols stay untouched; a clean stop removes ours.
 * Needs root, as in CI.
 */
class KernelSyncNamespaceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static final String BGPD_YAML = """
            router-id: 10.0.1.1
            local-as: 64512
            peers:
              - name: birdA
                address: 10.0.1.2
                remote-as: 64512
                hold-time: 9
                connect-retry-time: 2
                export: all
              - name: birdB
                address: 10.0.2.2
                remote-as: 64512
                hold-time: 9
                connect-retry-time: 2
                export: all
            kernel:
              learn:
                interfaces: ["cali*"]
                types: [unicast, blackhole]
                protocols: [boot, 80]
            """;

    /** BIRD as iBGP peer of bgpd, exporting its static routes with next hop self. */
    private static BirdProcess startBird(Netns ns, String id, String self, String bgpdAddress, String... blackholes) {
        BirdStaticProtocol st = BirdStaticProtocol.ipv4("static1");
        for (String b : blackholes) st = st.blackhole(b);
        BirdConfig cfg = BirdConfig.builder().routerId(id).staticProtocol(st)
                .bgp(BirdBgpProtocol.builder("node").local(self, 64512).neighbor(bgpdAddress, 64512).holdTime(9)
                        .channel(BirdChannel.ipv4().importAll().exportProtocol("static1").nextHopSelf()))
                .build();
        return BirdProcess.start(cfg, ns);
    }

    private static IpRoute route(Netns ns, String prefix) {
        for (IpRoute r : ns.routes()) if (r.prefix().equals(prefix)) return r;
        return null;
    }

    private static Set<String> bgpPrefixes(Netns ns) {
        return ns.routes().stream().filter(r -> r.protocol().equals("bgp")).map(IpRoute::prefix).collect(Collectors.toSet());
    }

    @Test
    void felixRoutesGoToBirdAndBirdRoutesComeToTheKernelAsEcmp() throws Exception {
        try (Netns node = Netns.create(); Netns a = Netns.create(); Netns b = Netns.create()) {
            Netns.connect(node, "veth-a", "10.0.1.1/24", a, "veth-n", "10.0.1.2/24");
            Netns.connect(node, "veth-b", "10.0.2.1/24", b, "veth-n", "10.0.2.2/24");
            // Felix's routes, and routes of other protocols that must never be touched
            node.addVethPair("cali123", "pod0");
            node.addRoute("10.244.1.5/32 dev cali123 proto boot");
            node.addRoute("blackhole 10.244.1.0/26 proto 80");
            node.addRoute("10.70.0.0/24 via 10.0.1.2 proto static");
            node.addRoute("10.80.0.0/24 via 10.0.2.2 proto static");
            List<IpRoute> othersBefore = node.routes().stream().filter(r -> !r.protocol().equals("bgp")).toList();

            try (BirdProcess birdA = startBird(a, "10.0.1.2", "10.0.1.2", "10.0.1.1", "10.50.0.0/24", "10.60.0.0/24", "10.80.0.0/24");
                 BirdProcess birdB = startBird(b, "10.0.2.2", "10.0.2.2", "10.0.2.1", "10.50.0.0/24");
                 BgpdProcess bgpd = BgpdProcess.start(node, dir, BGPD_YAML)) {
                birdA.awaitEstablished("node", TIMEOUT);
                birdB.awaitEstablished("node", TIMEOUT);

                // learned from the kernel and advertised, next hop self
                BirdRoute pod = birdA.awaitRoute("10.244.1.5/32", TIMEOUT);
                assertEquals("10.0.1.1", pod.bgpNextHop());
                birdA.awaitRoute("10.244.1.0/26", TIMEOUT);
                birdB.awaitRoute("10.244.1.0/26", TIMEOUT);

                // installed: a single path, and ECMP when both peers advertise the prefix
                IpRoute single = Await.until("10.60.0.0/24 in node's kernel", TIMEOUT, () -> route(node, "10.60.0.0/24"),
                        r -> r != null, bgpd::log);
                assertEquals("bgp", single.protocol());
                assertEquals("10.0.1.2", single.gateway());
                IpRoute ecmp = Await.until("10.50.0.0/24 as ECMP", TIMEOUT, () -> route(node, "10.50.0.0/24"),
                        r -> r != null && r.isMultipath(), () -> node.routes() + "\n" + bgpd.logTail(30));
                assertEquals("bgp", ecmp.protocol());
                assertEquals(Set.of("10.0.1.2", "10.0.2.2"),
                        ecmp.nextHops().stream().map(IpRoute.NextHop::gateway).collect(Collectors.toSet()));

                // Felix deletes a pod route: withdrawn at both peers
                node.deleteRoute("10.244.1.5/32 dev cali123 proto boot");
                Await.until("10.244.1.5/32 withdrawn at BIRD", TIMEOUT, () -> birdA.routesFor("10.244.1.5/32").isEmpty()
                        && birdB.routesFor("10.244.1.5/32").isEmpty());
                // a new one appears: advertised
                node.addRoute("10.244.1.9/32 dev cali123 proto boot");
                birdB.awaitRoute("10.244.1.9/32", TIMEOUT);

                // BIRD withdraws one of the two paths: back to a single path
                birdB.reconfigure(birdB.config().toBuilder().remove("static1")
                        .staticProtocol(BirdStaticProtocol.ipv4("static1").blackhole("10.55.0.0/24")).build());
                IpRoute back = Await.until("10.50.0.0/24 single path", TIMEOUT, () -> route(node, "10.50.0.0/24"),
                        r -> r != null && !r.isMultipath(), () -> String.valueOf(node.routes()));
                assertEquals("10.0.1.2", back.gateway());

                assertEquals(Set.of("10.50.0.0/24", "10.55.0.0/24", "10.60.0.0/24"), Await.until("bgp routes settle",
                        TIMEOUT, () -> bgpPrefixes(node), s -> s.contains("10.55.0.0/24")));
                assertTrue(bgpd.log().contains("EEXIST"), "the conflicting 10.80.0.0/24 was refused, and said so");

                int exit = bgpd.stop();
                assertTrue(exit == 0 || exit == 128 + 15, "exit " + exit + " after SIGTERM\n" + bgpd.logTail(30));
                assertEquals(Set.of(), bgpPrefixes(node), "a clean stop removes every route of ours");
            }
            List<IpRoute> othersAfter = node.routes().stream()
                    .filter(r -> !r.protocol().equals("bgp") && !r.prefix().equals("10.244.1.5/32") && !r.prefix().equals("10.244.1.9/32"))
                    .toList();
            assertEquals(othersBefore.stream().filter(r -> !r.prefix().equals("10.244.1.5/32")).toList(), othersAfter,
                    "routes of other protocols untouched");
            assertTrue(Files.exists(dir.resolve("bgpd.log")));
        }
    }
}
