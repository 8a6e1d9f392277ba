package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bgpd.fsm.State;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.loop.RibStats;
import org.bgpd.rib.route.Family;
import org.junit.jupiter.api.Test;

/**
 * bgpd as graceful-restart helper (RFC 4724 §4.2) for a real BIRD 2 with {@code graceful restart
 * on}: BIRD is killed with SIGKILL and started again in recovery mode ({@code bird -R}, as Calico
 * runs it); meanwhile its route stays in our RIB as stale, and a second BIRD that learns the route
 * from us never sees it withdrawn (its route trace has no "removed" line for it).
 */
class GracefulRestartHelperTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String ROUTE = "10.99.0.0/24";
    /** bird1 is the first configured peer: RIB peer index 1 (0 is the static pseudo-peer). */
    private static final int BIRD1_PEER = 1;

    @Test
    void killedBirdsRoutesStayStaleAndAreRefreshedNotWithdrawn() throws IOException {
        String us = LoopbackAddresses.nextIpv4(), b1 = LoopbackAddresses.nextIpv4(), b2 = LoopbackAddresses.nextIpv4();
        int usPort = TcpPorts.free(us), b1Port = TcpPorts.free(b1), b2Port = TcpPorts.free(b2);
        String yaml = """
                router-id: %s
                local-as: 65001
                listen: {address: "%s", port: %d}
                graceful-restart: {restart-time: 60}
                peers:
                  - {name: bird1, address: "%s", port: %d, remote-as: 65002, local-address: "%s", hold-time: 9, connect-retry-time: 1, export: all}
                  - {name: bird2, address: "%s", port: %d, remote-as: 65003, local-address: "%s", hold-time: 9, connect-retry-time: 1, export: all}
                """.formatted(us, us, usPort, b1, b1Port, us, b2, b2Port, us);
        BirdConfig origin = BirdConfig.builder().routerId(b1)
                .staticProtocol(BirdStaticProtocol.ipv4("static1").blackhole(ROUTE))
                .bgp(BirdBgpProtocol.builder("peer1").local(b1, b1Port, 65002).neighbor(us, usPort, 65001)
                        .holdTime(9).multihop().gracefulRestartTime(60)
                        .channel(BirdChannel.ipv4().importAll().exportProtocol("static1")))
                .build();
        BirdConfig watcher = BirdConfig.builder().routerId(b2)
                .bgp(BirdBgpProtocol.builder("peer2").local(b2, b2Port, 65003).neighbor(us, usPort, 65001)
                        .holdTime(9).multihop().extra("debug { states, routes };")
                        .channel(BirdChannel.ipv4().importAll().exportNone()))
                .build();
        try (BgpdInstance bgpd = BgpdInstance.start(yaml);
             BirdProcess bird1 = BirdProcess.start(origin);
             BirdProcess bird2 = BirdProcess.start(watcher)) {
            bgpd.awaitEstablished("bird1", TIMEOUT);
            bgpd.awaitEstablished("bird2", TIMEOUT);
            assertTrue(bgpd.awaitEstablished("bird1", TIMEOUT).negotiated().peerGracefulRestart() != null, "BIRD offered GR");
            bgpd.awaitRoute(ROUTE, TIMEOUT);
            bird2.awaitRoute(ROUTE, TIMEOUT);
            Await.until("bird2 traced the route's arrival", TIMEOUT, () -> traced(bird2, "added"));

            bird1.kill9();
            Await.until("bgpd noticed bird1 is gone", TIMEOUT, () -> bgpd.session("bird1").state() != State.ESTABLISHED);
            assertFalse(bgpd.routes(ROUTE).isEmpty(), "stale route kept while bird1 is away");

            bird1.startGracefulRestart();
            bgpd.awaitEstablished("bird1", TIMEOUT);
            Await.until("bird1's End-of-RIB", TIMEOUT, () -> endOfRib(bgpd));
            assertEquals(1, bgpd.routes(ROUTE).size(), "the refreshed route, not a second copy");
            assertTrue(bird2.routesFor(ROUTE).size() == 1, "bird2 still holds the route");
            assertFalse(traced(bird2, "removed"), () -> "bird2 saw a withdrawal:\n" + bird2.logTail(40));
        }
    }

    /** Whether bird2's route trace has a line for ROUTE containing {@code word}. */
    private static boolean traced(BirdProcess bird, String word) {
        try {
            List<String> lines = Files.readAllLines(bird.logFile());
            for (String l : lines) if (l.contains(ROUTE) && l.contains(word)) return true;
            return false;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean endOfRib(BgpdInstance bgpd) {
        CompletableFuture<RibStats> f = new CompletableFuture<>();
        bgpd.daemon().rib().offer(new RibCommand.Stats(f::complete));
        try {
            RibStats.ChannelStats c = f.get(10, TimeUnit.SECONDS).channel(BIRD1_PEER, Family.IPV4_UNICAST);
            return c != null && c.endOfRibReceived();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
