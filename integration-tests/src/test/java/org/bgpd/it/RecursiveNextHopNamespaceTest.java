package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A BGP next hop reachable only through another router, against the real kernel and BIRD 2:
 * BIRD (namespace "bird", 10.0.71.2) advertises 10.77.0.0/24 with next hop 10.0.99.9, which node
 * reaches only by {@code 10.0.99.0/24 via 10.0.71.2}. The kernel refuses 10.0.99.9 as a gateway
 * (ENETUNREACH), so bgpd installs via 10.0.71.2, the covering route's gateway (BIRD's
 * {@code gateway recursive}), and follows when that covering route moves. Needs root, as in CI.
 */
class RecursiveNextHopNamespaceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PREFIX = "10.77.0.0/24";

    @TempDir
    Path dir;

    private static final String BGPD_YAML = """
            router-id: 10.0.71.1
            local-as: 64512
            peers:
              - name: bird
                address: 10.0.71.2
                remote-as: 64512
                hold-time: 9
                connect-retry-time: 2
            kernel:
              enabled: true
            """;

    private static IpRoute route(Netns ns, String prefix) {
        for (IpRoute r : ns.routes()) if (r.prefix().equals(prefix)) return r;
        return null;
    }

    @Test
    void aRecursiveNextHopIsInstalledThroughTheCoveringGatewayAndFollowsIt() throws Exception {
        try (Netns node = Netns.create(); Netns bird = Netns.create()) {
            Netns.connect(node, "veth-b", "10.0.71.1/24", bird, "veth-n", "10.0.71.2/24");
            node.addRoute("10.0.99.0/24 via 10.0.71.2 proto static");
            BirdConfig cfg = BirdConfig.builder().routerId("10.0.71.2")
                    .staticProtocol(BirdStaticProtocol.ipv4("static1").blackhole(PREFIX))
                    .bgp(BirdBgpProtocol.builder("node").local("10.0.71.2", 64512).neighbor("10.0.71.1", 64512).holdTime(9)
                            .channel(BirdChannel.ipv4().importAll().exportProtocol("static1").nextHopSelf().nextHopAddress("10.0.99.9")))
                    .build();
            try (BirdProcess b = BirdProcess.start(cfg, bird);
                 BgpdProcess bgpd = BgpdProcess.start(node, dir, BGPD_YAML)) {
                b.awaitEstablished("node", TIMEOUT);
                IpRoute r = Await.until(PREFIX + " via the covering gateway", TIMEOUT, () -> route(node, PREFIX),
                        x -> x != null && "bgp".equals(x.protocol()), () -> node.routes() + "\n" + bgpd.logTail(30));
                assertEquals("10.0.71.2", r.gateway());

                node.replaceRoute("10.0.99.0/24 via 10.0.71.3 proto static");
                IpRoute moved = Await.until(PREFIX + " follows the covering route", TIMEOUT, () -> route(node, PREFIX),
                        x -> x != null && "10.0.71.3".equals(x.gateway()), () -> node.routes() + "\n" + bgpd.logTail(30));
                assertEquals("bgp", moved.protocol());
            }
        }
    }
}
