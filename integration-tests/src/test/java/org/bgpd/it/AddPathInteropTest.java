package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * ADD-PATH send (RFC 7911) against real BIRD 2: bgpd reflects for three BIRD clients; two
 * originate the same prefix (each with its own address as next hop), and the third sees both
 * paths when its channel has {@code add paths rx} and bgpd's peer {@code add-path: send}, one
 * path otherwise.
 */
class AddPathInteropTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PREFIX = "10.77.0.0/24";

    private record Client(String name, String address, int port) {
        static Client next(String name) {
            String a = LoopbackAddresses.nextIpv4();
            return new Client(name, a, TcpPorts.free(a));
        }

        String peerYaml(String addPath) {
            return """
                      - name: %s
                        address: "%s"
                        port: %d
                        remote-as: 65001
                        rr-client: true
                        hold-time: 9
                        connect-retry-time: 2
                        import: all
                        export: all
                        families:
                          ipv4: {add-path: %s}
                    """.formatted(name, address, port, addPath);
        }

        BirdProcess start(String rrAddress, int rrPort, boolean originate, String addPaths) {
            BirdConfig.Builder b = BirdConfig.builder().routerId(address);
            BirdChannel ch = BirdChannel.ipv4().importAll().exportNone();
            if (originate) {
                b.staticProtocol(BirdStaticProtocol.ipv4("static1").blackhole(PREFIX));
                ch = ch.exportProtocol("static1");
            }
            if (addPaths != null) ch = ch.addPaths(addPaths);
            BirdBgpProtocol.Builder peer = BirdBgpProtocol.builder("reflector").local(address, port, 65001)
                    .neighbor(rrAddress, rrPort, 65001).holdTime(9).multihop().channel(ch);
            return BirdProcess.start(b.bgp(peer).build());
        }
    }

    private static Set<String> nextHops(BirdProcess bird) {
        Set<String> out = new TreeSet<>();
        for (BirdRoute r : bird.routesFor(PREFIX)) out.add(r.bgpNextHop());
        return out;
    }

    private void run(boolean addPath, int expected) {
        String rr = LoopbackAddresses.nextIpv4();
        int rrPort = TcpPorts.free(rr);
        Client c1 = Client.next("c1"), c2 = Client.next("c2"), c3 = Client.next("c3");
        String yaml = """
                router-id: %s
                local-as: 65001
                listen: {address: "%s", port: %d}
                peers:
                %s%s%s""".formatted(rr, rr, rrPort, c1.peerYaml("off"), c2.peerYaml("off"), c3.peerYaml(addPath ? "send" : "off"));
        try (BgpdInstance bgpd = BgpdInstance.start(yaml);
             BirdProcess b1 = c1.start(rr, rrPort, true, null);
             BirdProcess b2 = c2.start(rr, rrPort, true, null);
             BirdProcess b3 = c3.start(rr, rrPort, false, addPath ? "rx" : null)) {
            for (String n : List.of("c1", "c2", "c3")) bgpd.awaitEstablished(n, TIMEOUT);
            b3.awaitEstablished("reflector", TIMEOUT);
            Set<String> both = new TreeSet<>(List.of(c1.address(), c2.address()));
            if (expected == 2) {
                Await.until("c3 holds both paths", TIMEOUT, () -> nextHops(b3), s -> s.equals(both), () -> b3.birdc("show route all"));
            } else {
                // wait for c1's and c2's routes to be in bgpd, then for c3 to hold one of them
                Await.until("bgpd holds both paths", TIMEOUT, () -> bgpd.routes(PREFIX).size(), n -> n == 2, () -> "");
                Await.until("c3 holds a path", TIMEOUT, () -> nextHops(b3), s -> s.size() == 1, () -> b3.birdc("show route all"));
            }
            assertEquals(expected, b3.routesFor(PREFIX).size(), () -> b3.birdc("show route all"));
        }
    }

    @Test
    void anAddPathClientSeesBothPaths() { run(true, 2); }

    @Test
    void withoutAddPathAClientSeesOnePath() { run(false, 1); }
}
