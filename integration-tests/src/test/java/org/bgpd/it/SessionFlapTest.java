package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.loop.RibStats;
import org.bgpd.wire.NotifyCode;
import org.junit.jupiter.api.Test;

/**
 * Session flaps through real sessions (the 1,000-flap count is RibLoop's FlapTest): BIRD's
 * session carrying 1,000 routes is stopped and started 20 times; after each flap the
 * RIB's route count and interned attribute sets are what they were after the first session.
 * The flap is ours (stop with Cease, start): a BIRD that sends Cease itself is damped by our FSM.
 */
class SessionFlapTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int ROUTES = 1_000, FLAPS = 20;

    @Test
    void flapsThroughRealSessionsLeaveTheRibAtItsSize() {
        String us = LoopbackAddresses.nextIpv4(), bird = LoopbackAddresses.nextIpv4();
        int usPort = TcpPorts.free(us), birdPort = TcpPorts.free(bird);
        String yaml = """
                router-id: %s
                local-as: 65001
                listen: {address: "%s", port: %d}
                peers:
                  - {name: bird1, address: "%s", port: %d, remote-as: 65002, local-address: "%s", hold-time: 9, connect-retry-time: 1}
                """.formatted(us, us, usPort, bird, birdPort, us);
        BirdStaticProtocol routes = BirdStaticProtocol.ipv4("static1");
        for (int i = 0; i < ROUTES; i++) routes = routes.blackhole("10." + (i >> 8) + "." + (i & 0xFF) + ".0/24");
        BirdConfig cfg = BirdConfig.builder().routerId(bird).debug(false).staticProtocol(routes)
                .bgp(BirdBgpProtocol.builder("peer1").local(bird, birdPort, 65002).neighbor(us, usPort, 65001)
                        .holdTime(9).multihop().connectRetryTime(1).errorWaitTime("1,1")
                        .channel(BirdChannel.ipv4().importAll().exportProtocol("static1")))
                .build();
        try (BgpdInstance bgpd = BgpdInstance.start(yaml);
             BirdProcess b = BirdProcess.start(cfg)) {
            RibStats first = Await.until("all routes in", TIMEOUT, () -> stats(bgpd), s -> s.routes() == ROUTES);
            for (int i = 0; i < FLAPS; i++) {
                bgpd.daemon().session("bird1").stop(NotifyCode.ADMINISTRATIVE_RESET.notification());
                Await.until("flushed after flap " + i, TIMEOUT, () -> stats(bgpd), s -> s.routes() == 0);
                bgpd.daemon().session("bird1").start();
                Await.until("all routes back after flap " + i, TIMEOUT, () -> stats(bgpd), s -> s.routes() == ROUTES);
            }
            RibStats last = stats(bgpd);
            assertEquals(first.routes(), last.routes());
            assertEquals(first.prefixesV4(), last.prefixesV4());
            assertEquals(first.attrsSets(), last.attrsSets(), "no interned attribute set leaked per flap");
        }
    }

    private static RibStats stats(BgpdInstance bgpd) {
        CompletableFuture<RibStats> f = new CompletableFuture<>();
        bgpd.daemon().rib().offer(new RibCommand.Stats(f::complete));
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
