package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.bgpd.fsm.State;
import org.junit.jupiter.api.Test;

/**
 * Max-prefix against real BIRD 2: BIRD sends three routes to a family limited to two; bgpd
 * closes the session with Cease subcode 1 (RFC 4486), which BIRD reports by name, and with
 * action disable the session stays down.
 */
class MaxPrefixTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aPeerPastItsLimitGetsCeaseMaxPrefixesAndStaysDown() {
        String us = LoopbackAddresses.nextIpv4(), bird = LoopbackAddresses.nextIpv4();
        int usPort = TcpPorts.free(us), birdPort = TcpPorts.free(bird);
        String yaml = """
                router-id: %s
                local-as: 65001
                listen: {address: "%s", port: %d}
                peers:
                  - name: bird1
                    address: "%s"
                    port: %d
                    remote-as: 65002
                    local-address: "%s"
                    hold-time: 9
                    connect-retry-time: 1
                    families:
                      ipv4:
                        max-prefix: {limit: 2, action: disable}
                """.formatted(us, us, usPort, bird, birdPort, us);
        BirdConfig cfg = BirdConfig.builder().routerId(bird)
                .staticProtocol(BirdStaticProtocol.ipv4("static1").blackhole("10.99.1.0/24").blackhole("10.99.2.0/24").blackhole("10.99.3.0/24"))
                .bgp(BirdBgpProtocol.builder("peer1").local(bird, birdPort, 65002).neighbor(us, usPort, 65001)
                        .holdTime(9).multihop().connectRetryTime(1)
                        .channel(BirdChannel.ipv4().importAll().exportProtocol("static1")))
                .build();
        try (BgpdInstance bgpd = BgpdInstance.start(yaml);
             BirdProcess b = BirdProcess.start(cfg)) {
            Await.until("BIRD told why", TIMEOUT, () -> b.protocolDetails("peer1").lastError(),
                    e -> e != null && e.contains("Maximum number of prefixes reached"), () -> b.logTail(20));
            Await.until("bgpd session down", TIMEOUT, () -> bgpd.session("bird1").state() != State.ESTABLISHED);
            Await.until("BIRD's routes flushed", TIMEOUT, () -> bgpd.routes("10.99.1.0/24").isEmpty()
                    && bgpd.routes("10.99.2.0/24").isEmpty() && bgpd.routes("10.99.3.0/24").isEmpty());
            assertTrue(bgpd.session("bird1").state() != State.ESTABLISHED, "disabled: no automatic restart");
        }
    }
}
