package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import org.bgpd.fsm.State;
import org.junit.jupiter.api.Test;

/**
 * {@code birdc disable} then {@code enable} on a BIRD peer: BIRD sends Cease/Administrative
 * Shutdown and dials again a few seconds later. bgpd must take that connection, not sit out its
 * 60 s error back-off in Idle refusing it (the bug a colleague saw). The wait below is shorter
 * than that back-off, so the old behaviour fails it.
 */
class BirdDisableEnableTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Less than the 60 s minimum idle-hold back-off: re-establishing within it proves there was none. */
    private static final Duration BELOW_BACK_OFF = Duration.ofSeconds(40);

    @Test
    void aSessionFlappedWithBirdcDisableEnableComesBackWithoutTheErrorBackOff() {
        String us = LoopbackAddresses.nextIpv4(), bird = LoopbackAddresses.nextIpv4();
        int usPort = TcpPorts.free(us), birdPort = TcpPorts.free(bird);
        String yaml = """
                router-id: %s
                local-as: 65001
                listen: {address: "%s", port: %d}
                peers:
                  - {name: bird1, address: "%s", port: %d, remote-as: 65002, local-address: "%s", hold-time: 9, export: all}
                """.formatted(us, us, usPort, bird, birdPort, us);
        BirdConfig cfg = BirdConfig.builder().routerId(bird)
                .bgp(BirdBgpProtocol.builder("peer1").local(bird, birdPort, 65002).neighbor(us, usPort, 65001)
                        .holdTime(9).multihop().connectDelayTime(1).connectRetryTime(2)
                        .channel(BirdChannel.ipv4().importAll().exportNone()))
                .build();
        try (BgpdInstance bgpd = BgpdInstance.start(yaml); BirdProcess b = BirdProcess.start(cfg)) {
            bgpd.awaitEstablished("bird1", TIMEOUT);
            for (int round = 0; round < 2; round++) {
                b.birdc("disable peer1");
                Await.until("bgpd saw the Cease", TIMEOUT, () -> bgpd.session("bird1").state() != State.ESTABLISHED);
                assertNotEquals(State.IDLE, bgpd.session("bird1").state(), "waiting for the peer, not backing off in Idle");
                b.birdc("enable peer1");
                bgpd.awaitEstablished("bird1", BELOW_BACK_OFF);
                b.awaitEstablished("peer1", TIMEOUT);
            }
        }
    }
}
