package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bgpd's kernel protocol for IPv6 against the real kernel and BIRD 2: bgpd in namespace "node"
 * and BIRD in its own are iBGP peers over an IPv6-only session on a veth pair (node fd00:61::1 -
 * bird fd00:61::2). BIRD's IPv6 prefix is installed in node's main table with protocol 186
 * ("bgp", as {@code ip -6 route show proto bgp} lists it) via BIRD's global address (RFC 2545
 * §3), and goes when BIRD withdraws it. Needs root, as in CI.
 */
class KernelSyncIpv6NamespaceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PREFIX = "2001:db8:50::/48";

    @TempDir
    Path dir;

    private static final String BGPD_YAML = """
            router-id: 10.0.61.1
            local-as: 64512
            peers:
              - name: bird6
                address: "fd00:61::2"
                remote-as: 64512
                hold-time: 9
                connect-retry-time: 2
                families: [ipv6]
            kernel:
              enabled: true
            """;

    private static BirdConfig birdConfig(String... blackholes) {
        BirdStaticProtocol st = BirdStaticProtocol.ipv6("static6");
        for (String b : blackholes) st = st.blackhole(b);
        return BirdConfig.builder().routerId("10.0.61.2").staticProtocol(st)
                .bgp(BirdBgpProtocol.builder("node").local("fd00:61::2", 64512).neighbor("fd00:61::1", 64512).holdTime(9)
                        .channel(BirdChannel.ipv6().importAll().exportProtocol("static6").nextHopSelf()))
                .build();
    }

    private static List<IpRoute> ours(Netns ns) {
        return IpRouteParser.parse(ns.ip("-j", "-6", "route", "show", "proto", "bgp"), true, "main");
    }

    @Test
    void birdsIpv6PrefixIsInstalledWithOurProtocolAndGoesOnWithdrawal() throws Exception {
        try (Netns node = Netns.create(); Netns bird = Netns.create()) {
            Netns.connect(node, "veth-b", "fd00:61::1/64", bird, "veth-n", "fd00:61::2/64");
            try (BirdProcess b = BirdProcess.start(birdConfig(PREFIX, "2001:db8:51::/48"), bird);
                 BgpdProcess bgpd = BgpdProcess.start(node, dir, BGPD_YAML)) {
                b.awaitEstablished("node", TIMEOUT);

                List<IpRoute> installed = Await.until(PREFIX + " in node's IPv6 table", TIMEOUT, () -> ours(node),
                        l -> l.size() == 2, () -> node.routes6("main") + "\n" + bgpd.logTail(30));
                assertTrue(installed.stream().anyMatch(x -> x.prefix().equals(PREFIX)), String.valueOf(installed));
                // `ip -j route show proto bgp` leaves out the protocol it filtered on: read it from the full table
                IpRoute r = node.routes6("main").stream().filter(x -> x.prefix().equals(PREFIX)).findFirst().orElseThrow();
                assertEquals("bgp", r.protocol());
                assertEquals("fd00:61::2", r.gateway(), "via BIRD's global address");

                b.reconfigure(birdConfig("2001:db8:51::/48"));
                List<IpRoute> left = Await.until(PREFIX + " withdrawn from the kernel", TIMEOUT, () -> ours(node),
                        l -> l.size() == 1, () -> node.routes6("main") + "\n" + bgpd.logTail(30));
                assertEquals("2001:db8:51::/48", left.getFirst().prefix());

                int exit = bgpd.stop();
                assertTrue(exit == 0 || exit == 128 + 15, "exit " + exit + " after SIGTERM\n" + bgpd.logTail(30));
                assertTrue(ours(node).isEmpty(), "a clean stop removes every route of ours");
            }
        }
    }
}
