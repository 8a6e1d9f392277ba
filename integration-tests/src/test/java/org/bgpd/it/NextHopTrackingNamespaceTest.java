package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Next-hop tracking against the real kernel: BIRD (namespace "a", session over 10.0.1.0/24)
 * advertises 10.60.0.0/24 with next hop 10.9.9.2 (on BIRD's loopback), which node reaches only
 * through a static on-link route (the kernel accepts only gateways on a direct route; recursive
 * next hops are not resolved to their immediate gateway yet). Deleting that route makes the next hop unreachable, so our installed route goes;
 * adding it back brings the route back. The kernel section says graceful-restart, so the
 * final SIGTERM leaves our route in the kernel. Needs root, as in CI.
 */
class NextHopTrackingNamespaceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String NEXT_HOP_ROUTE = "10.9.9.0/24 dev veth-a proto static";

    @TempDir
    Path dir;

    private static IpRoute route(Netns ns, String prefix) {
        for (IpRoute r : ns.routes()) if (r.prefix().equals(prefix)) return r;
        return null;
    }

    @Test
    void aRouteFollowsItsNextHopsReachabilityAndSurvivesAGracefulStop() throws Exception {
        try (Netns node = Netns.create(); Netns a = Netns.create()) {
            Netns.connect(node, "veth-a", "10.0.1.1/24", a, "veth-n", "10.0.1.2/24");
            a.addAddress("lo", "10.9.9.2/32");
            node.addRoute(NEXT_HOP_ROUTE);
            BirdConfig cfg = BirdConfig.builder().routerId("10.0.1.2")
                    .staticProtocol(BirdStaticProtocol.ipv4("static1").blackhole("10.60.0.0/24"))
                    .bgp(BirdBgpProtocol.builder("node").local("10.0.1.2", 64512).neighbor("10.0.1.1", 64512).holdTime(9)
                            .channel(BirdChannel.ipv4().importAll().exportFilter(
                                    "filter { if proto = \"static1\" then { bgp_next_hop = 10.9.9.2; accept; } reject; }")))
                    .build();
            String yaml = """
                    router-id: 10.0.1.1
                    local-as: 64512
                    peers:
                      - name: birdA
                        address: 10.0.1.2
                        remote-as: 64512
                        hold-time: 9
                        connect-retry-time: 2
                    kernel:
                      graceful-restart: true
                    """;
            try (BirdProcess bird = BirdProcess.start(cfg, a); BgpdProcess bgpd = BgpdProcess.start(node, dir, yaml)) {
                bird.awaitEstablished("node", TIMEOUT);
                IpRoute installed = Await.until("10.60.0.0/24 installed", TIMEOUT, () -> route(node, "10.60.0.0/24"),
                        r -> r != null && "bgp".equals(r.protocol()), () -> node.routes() + "\n" + bgpd.logTail(30));
                assertEquals("10.9.9.2", installed.gateway());

                node.deleteRoute(NEXT_HOP_ROUTE);
                Await.until("10.60.0.0/24 gone with its next hop", TIMEOUT, () -> route(node, "10.60.0.0/24"),
                        r -> r == null, () -> node.routes() + "\n" + bgpd.logTail(30));

                node.addRoute(NEXT_HOP_ROUTE);
                Await.until("10.60.0.0/24 back", TIMEOUT, () -> route(node, "10.60.0.0/24"),
                        r -> r != null && "bgp".equals(r.protocol()), () -> node.routes() + "\n" + bgpd.logTail(30));

                int exit = bgpd.stop();
                assertTrue(exit == 0 || exit == 128 + 15, "exit " + exit + "\n" + bgpd.logTail(30));
                IpRoute kept = route(node, "10.60.0.0/24");
                assertTrue(kept != null && "bgp".equals(kept.protocol()), "graceful-restart keeps our route: " + node.routes());
            }
        }
    }
}
