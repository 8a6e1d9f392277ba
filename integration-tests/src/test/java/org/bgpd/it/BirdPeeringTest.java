package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Self-test of the harness: two real BIRD 2 daemons on distinct loopback addresses peer over eBGP. */
class BirdPeeringTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static BirdConfig speaker(String self, int selfPort, long selfAs, String peer, int peerPort, long peerAs,
                                      boolean originate) {
        BirdConfig.Builder b = BirdConfig.builder().routerId(self);
        BirdChannel v4 = BirdChannel.ipv4();
        BirdChannel v6 = BirdChannel.ipv6();
        if (originate) {
            b.staticProtocol(BirdStaticProtocol.ipv4("static1").blackhole("10.99.0.0/24"))
                    .staticProtocol(BirdStaticProtocol.ipv4("static_other").blackhole("10.98.0.0/24"))
                    .staticProtocol(BirdStaticProtocol.ipv6("static6").blackhole("2001:db8:99::/48"));
            v4 = v4.exportProtocol("static1");
            // An IPv4 session has no IPv6 next hop of its own to send.
            v6 = v6.exportProtocol("static6").nextHopAddress("fd00:bd::99");
        }
        return b.bgp(BirdBgpProtocol.builder("peer1")
                        .local(self, selfPort, selfAs)
                        .neighbor(peer, peerPort, peerAs)
                        .holdTime(3)
                        .multihop()
                        .channel(v4)
                        .channel(v6))
                .build();
    }

    @Test
    void twoBirdsExchangeRoutesOverLoopback() {
        String a = LoopbackAddresses.nextIpv4();
        String b = LoopbackAddresses.nextIpv4();
        assertNotEquals(a, b);
        int portA = TcpPorts.free(a);
        int portB = TcpPorts.free(b);
        try (BirdProcess birdA = BirdProcess.start(speaker(a, portA, 65001, b, portB, 65002, true));
             BirdProcess birdB = BirdProcess.start(speaker(b, portB, 65002, a, portA, 65001, false))) {
            BirdProtocolDetails session = birdB.awaitEstablished("peer1", TIMEOUT);
            assertEquals(a, session.neighborAddress());
            assertEquals(65001, session.neighborAs());
            assertEquals(65002, session.localAs());
            assertTrue(birdB.protocol("peer1").isEstablished());

            BirdRoute v4 = birdB.awaitRoute("10.99.0.0/24", TIMEOUT);
            assertEquals("peer1", v4.protocol());
            assertEquals("master4", v4.table());
            assertEquals("65001", v4.asPath());
            assertEquals(a, v4.bgpNextHop());
            assertEquals("IGP", v4.attribute("BGP.origin"));

            BirdRoute v6 = birdB.awaitRoute("2001:db8:99::/48", TIMEOUT);
            assertEquals("master6", v6.table());
            assertEquals("65001", v6.asPath());
            assertEquals("fd00:bd::99", v6.bgpNextHop());

            // Only static1 is exported: the other static route stays at A.
            BirdProtocolDetails exporter = Await.until("A exported its two routes", TIMEOUT,
                    () -> birdA.protocolDetails("peer1"), d -> d.exportedRoutes() == 2, birdA::diagnostics);
            assertEquals(1, exporter.channel("ipv4").exported());
            assertEquals(List.of(), birdB.routesFor("10.98.0.0/24"));
            assertEquals(1, birdA.routesFor("10.98.0.0/24").size());
        }
    }

    @Test
    void reconfigureWithdrawsAndKill9ThenStartReestablishes() {
        String a = LoopbackAddresses.nextIpv4();
        String b = LoopbackAddresses.nextIpv4();
        int portA = TcpPorts.free(a);
        int portB = TcpPorts.free(b);
        try (BirdProcess birdA = BirdProcess.start(speaker(a, portA, 65001, b, portB, 65002, true));
             BirdProcess birdB = BirdProcess.start(speaker(b, portB, 65002, a, portA, 65001, false))) {
            birdB.awaitRoute("10.99.0.0/24", TIMEOUT);

            birdA.reconfigure(birdA.config().toBuilder().remove("static1")
                    .staticProtocol(BirdStaticProtocol.ipv4("static1").blackhole("10.97.0.0/24")).build());
            birdB.awaitRoute("10.97.0.0/24", TIMEOUT);
            Await.until("10.99.0.0/24 withdrawn at B", TIMEOUT, () -> birdB.routesFor("10.99.0.0/24"), List::isEmpty,
                    birdB::diagnostics);

            birdA.kill9();
            assertTrue(!birdA.isRunning());
            Await.until("B notices A is gone", TIMEOUT, () -> birdB.protocol("peer1"), p -> !p.isEstablished(),
                    birdB::diagnostics);
            birdA.start();
            birdB.awaitEstablished("peer1", TIMEOUT);
            assertEquals("65001", birdB.awaitRoute("10.97.0.0/24", TIMEOUT).asPath());
        }
    }

    @Test
    void aConfigErrorFailsStartWithBirdsMessage() {
        BirdConfig broken = BirdConfig.builder().routerId("127.0.0.2").extra("this is not bird syntax;").build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BirdProcess.start(broken));
        assertTrue(e.getMessage().contains("syntax error"), e::getMessage);
        assertTrue(e.getMessage().contains("BIRD exited during startup"), e::getMessage);
    }

    @Test
    void reconfigureRejectionCarriesBirdsMessageAndKeepsTheOldConfig() {
        String a = LoopbackAddresses.nextIpv4();
        BirdConfig good = BirdConfig.builder().routerId(a).staticProtocol(BirdStaticProtocol.ipv4("static1").blackhole("10.1.0.0/24")).build();
        try (BirdProcess bird = BirdProcess.start(good)) {
            BirdConfig bad = good.toBuilder().extra("nonsense;").build();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> bird.reconfigure(bad));
            assertTrue(e.getMessage().contains("syntax error"), e::getMessage);
            assertEquals(good, bird.config());
            assertEquals("static1", bird.routesFor("10.1.0.0/24").getFirst().protocol());
            assertTrue(bird.birdc("show status").startsWith("BIRD 2."), () -> bird.birdc("show status"));
        }
    }
}
