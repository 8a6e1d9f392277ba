package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.bgpd.fsm.State;
import org.bgpd.rib.loop.RouteView;
import org.junit.jupiter.api.Test;

/**
 * bgpd as long-lived graceful restart helper (RFC 9494) for a real BIRD 2 with {@code long lived
 * graceful restart on}: BIRD is killed with SIGKILL; after its (short) GR restart time its route
 * stays in our RIB tagged LLGR_STALE, a second BIRD that negotiated LLGR is sent it with the
 * community, a third without LLGR has it withdrawn (§4.3); when the first BIRD comes back the
 * route is refreshed without the tag.
 */
class LongLivedGracefulRestartTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String ROUTE = "10.98.0.0/24";
    private static final String LLGR_STALE = "(65535,6)";

    @Test
    void killedBirdsRouteTurnsLongLivedStaleAndIsRefreshed() throws IOException {
        String us = LoopbackAddresses.nextIpv4(), b1 = LoopbackAddresses.nextIpv4(), b2 = LoopbackAddresses.nextIpv4(),
                b3 = LoopbackAddresses.nextIpv4();
        int usPort = TcpPorts.free(us), b1Port = TcpPorts.free(b1), b2Port = TcpPorts.free(b2), b3Port = TcpPorts.free(b3);
        String yaml = """
                router-id: %s
                local-as: 65001
                listen: {address: "%s", port: %d}
                graceful-restart: {restart-time: 60, long-lived-stale-time: 300}
                peers:
                  - {name: bird1, address: "%s", port: %d, remote-as: 65002, local-address: "%s", hold-time: 9, connect-retry-time: 1, import: all, export: all}
                  - {name: bird2, address: "%s", port: %d, remote-as: 65003, local-address: "%s", hold-time: 9, connect-retry-time: 1, import: all, export: all}
                  - {name: bird3, address: "%s", port: %d, remote-as: 65004, local-address: "%s", hold-time: 9, connect-retry-time: 1, import: all, export: all}
                """.formatted(us, us, usPort, b1, b1Port, us, b2, b2Port, us, b3, b3Port, us);
        BirdConfig origin = BirdConfig.builder().routerId(b1)
                .staticProtocol(BirdStaticProtocol.ipv4("static1").blackhole(ROUTE))
                .bgp(BirdBgpProtocol.builder("peer1").local(b1, b1Port, 65002).neighbor(us, usPort, 65001)
                        .holdTime(9).multihop().gracefulRestartTime(3)
                        .extra("long lived graceful restart on;").extra("long lived stale time 600;")
                        .channel(BirdChannel.ipv4().importAll().exportProtocol("static1")))
                .build();
        BirdConfig llgrWatcher = BirdConfig.builder().routerId(b2)
                .bgp(BirdBgpProtocol.builder("peer2").local(b2, b2Port, 65003).neighbor(us, usPort, 65001)
                        .holdTime(9).multihop().gracefulRestart().extra("long lived graceful restart on;")
                        .channel(BirdChannel.ipv4().importAll().exportNone()))
                .build();
        BirdConfig plainWatcher = BirdConfig.builder().routerId(b3)
                .bgp(BirdBgpProtocol.builder("peer3").local(b3, b3Port, 65004).neighbor(us, usPort, 65001)
                        .holdTime(9).multihop().extra("graceful restart off;").extra("long lived graceful restart off;")
                        .channel(BirdChannel.ipv4().importAll().exportNone()))
                .build();
        try (BgpdInstance bgpd = BgpdInstance.start(yaml);
             BirdProcess bird1 = BirdProcess.start(origin);
             BirdProcess bird2 = BirdProcess.start(llgrWatcher);
             BirdProcess bird3 = BirdProcess.start(plainWatcher)) {
            assertNotNull(bgpd.awaitEstablished("bird1", TIMEOUT).negotiated().peerLongLivedGr(), "BIRD offered LLGR");
            bgpd.awaitEstablished("bird2", TIMEOUT);
            bgpd.awaitEstablished("bird3", TIMEOUT);
            bgpd.awaitRoute(ROUTE, TIMEOUT);
            bird2.awaitRoute(ROUTE, TIMEOUT);
            bird3.awaitRoute(ROUTE, TIMEOUT);
            assertFalse(communities(bird2).contains(LLGR_STALE));

            bird1.kill9();
            Await.until("bgpd noticed bird1 is gone", TIMEOUT, () -> bgpd.session("bird1").state() != State.ESTABLISHED);
            Await.until("bird1's route turned LLGR_STALE after its 3 s restart time", TIMEOUT, () -> stale(bgpd));
            Await.until("bird2 (LLGR) holds the route with LLGR_STALE", TIMEOUT, () -> communities(bird2), c -> c.contains(LLGR_STALE),
                    () -> bird2.birdc("show route all " + ROUTE) + "\n" + bgpd.session("bird2").negotiated() + "\n" + bird2.logTail(60));
            Await.until("bird3 (no LLGR) had the route withdrawn", TIMEOUT, () -> bird3.routesFor(ROUTE).isEmpty());
            String shown = bird2.birdc("show route all " + ROUTE);
            assertTrue(shown.contains(LLGR_STALE), shown);

            bird1.startGracefulRestart();
            bgpd.awaitEstablished("bird1", TIMEOUT);
            Await.until("the refreshed route without the tag", TIMEOUT, () -> !stale(bgpd) && bgpd.routes(ROUTE).size() == 1);
            Await.until("bird2 got the fresh route", TIMEOUT, () -> !communities(bird2).contains(LLGR_STALE));
            bird3.awaitRoute(ROUTE, TIMEOUT);
            assertEquals(1, bgpd.routes(ROUTE).size());
        }
    }

    private static boolean stale(BgpdInstance bgpd) {
        List<RouteView> rs = bgpd.routes(ROUTE);
        return rs.size() == 1 && rs.get(0).llgrStale();
    }

    /** BGP.community of the route at bird, "" when absent or without communities. */
    private static String communities(BirdProcess bird) {
        List<BirdRoute> rs = bird.routesFor(ROUTE);
        if (rs.isEmpty()) return "";
        String c = rs.get(0).attribute("BGP.community");
        return c == null ? "" : c;
    }
}
