package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.bgpd.fsm.State;
import org.bgpd.rib.wire.AttrsView;
import org.junit.jupiter.api.Test;

/**
 * GTSM (RFC 5082, {@code ttl-security: true}) against BIRD 2's {@code ttl security on}, over
 * loopback addresses. Loopback delivery does not decrement the TTL: a packet arrives with exactly
 * the TTL its sender set (checked with a packet socket on {@code lo}: default 64, IP_TTL 2 gives
 * 2, 255 gives 255). So both speakers sending 255 satisfy a minimum of 255, and a peer sending
 * with {@code multihop 2} (TTL 2) never does; no network namespace is needed.
 */
class GtsmInteropTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private record Ends(String bgpd, int bgpdPort, String bird, int birdPort) {
        static Ends create() {
            String a = LoopbackAddresses.nextIpv4();
            String b = LoopbackAddresses.nextIpv4();
            return new Ends(a, TcpPorts.free(a), b, TcpPorts.free(b));
        }

        /** bgpd, AS 65001, with GTSM for its one peer: sends TTL 255, accepts only 255 (one hop). */
        BgpdInstance startBgpd() {
            return BgpdInstance.start(config(true));
        }

        String config(boolean ttlSecurity) {
            return """
                    router-id: %s
                    local-as: 65001
                    listen: {address: "%s", port: %d}
                    static-routes:
                      - {prefix: 192.0.2.0/24, blackhole: true}
                    peers:
                      - name: bird1
                        address: "%s"
                        port: %d
                        remote-as: 65002
                        local-address: "%s"
                        hold-time: 6
                        connect-retry-time: 2
                        ttl-security: %s
                        import: all
                        export: all
                    """.formatted(bgpd, bgpd, bgpdPort, bird, birdPort, bgpd, ttlSecurity);
        }

        /** BIRD, AS 65002, exporting 10.99.0.0/24; {@code peer} carries the TTL options under test. */
        BirdProcess startBird(BirdBgpProtocol.Builder peer) {
            peer.local(bird, birdPort, 65002).neighbor(bgpd, bgpdPort, 65001).holdTime(6)
                    .channel(BirdChannel.ipv4().importAll().exportProtocol("static1"));
            return BirdProcess.start(BirdConfig.builder().routerId(bird)
                    .staticProtocol(BirdStaticProtocol.ipv4("static1").blackhole("10.99.0.0/24"))
                    .bgp(peer).build());
        }
    }

    @Test
    void establishesWhenBothSidesRunGtsm() {
        Ends e = Ends.create();
        // multihop 1 with ttl security: BIRD sends 255 and accepts only 255, like us. (Plain
        // "direct" would make BIRD reject a loopback neighbor as not directly connected.)
        try (BgpdInstance bgpd = e.startBgpd();
             BirdProcess bird = e.startBird(BirdBgpProtocol.builder("peer1").multihop(1).extra("ttl security on"))) {
            bgpd.awaitEstablished("bird1", TIMEOUT);
            bird.awaitEstablished("peer1", TIMEOUT);
            assertEquals("65002", AttrsView.asPathText(bgpd.awaitRoute("10.99.0.0/24", TIMEOUT).attrs()));
            assertEquals("65001", bird.awaitRoute("192.0.2.0/24", TIMEOUT).asPath());
        }
    }

    /**
     * BIRD without GTSM and {@code multihop 2} sends with TTL 2; our minimum of 255 drops every
     * segment it sends once the connection exists, so its OPEN or KEEPALIVE never reaches our FSM.
     * Our listener carries the minimum too (every peer uses GTSM), so BIRD's own SYNs die there
     * and no OPEN slips in before the accepted socket gets its option. We wait until BIRD has
     * given up on a session attempt ("Last error" is set) and check that neither side was
     * Established at any sample until then; then, as a control, drop ttl-security and see the
     * same BIRD establish.
     */
    @Test
    void neverEstablishesWhenThePeerSendsWithTtl2() {
        Ends e = Ends.create();
        try (BgpdInstance bgpd = e.startBgpd();
             BirdProcess bird = e.startBird(BirdBgpProtocol.builder("peer1").multihop(2))) {
            BirdProtocolDetails failed = Await.until("BIRD reports a failed session attempt", TIMEOUT, () -> {
                BirdProtocolDetails d = bird.protocolDetails("peer1");
                assertNotEquals("Established", d.bgpState(), "BIRD Established despite GTSM on our side");
                assertNotEquals(State.ESTABLISHED, bgpd.session("bird1").state(), "bgpd Established with a TTL-2 peer");
                return d;
            }, d -> d.lastError() != null && !d.lastError().isEmpty(), bird::diagnostics);
            assertNotEquals(State.ESTABLISHED, bgpd.session("bird1").state());
            assertEquals(0, bgpd.routes("10.99.0.0/24").size());
            // BIRD got our OPEN (TTL 255) and timed out waiting for a KEEPALIVE we never sent,
            // because not one of its TTL-2 segments reached us.
            assertEquals("BGP Error: Hold timer expired", failed.lastError(), bird.diagnostics());
            assertEquals(0, bgpd.session("bird1").messagesIn(), bgpd.session("bird1").toString());

            // The control: the same BIRD establishes once we stop requiring TTL 255.
            LoadResult r = ConfigLoader.parse(e.config(false), "test.yaml");
            assertTrue(bgpd.daemon().reload(((LoadResult.Loaded) r).config()).ok());
            bgpd.awaitEstablished("bird1", TIMEOUT);
            bird.awaitEstablished("peer1", TIMEOUT);
            bgpd.awaitRoute("10.99.0.0/24", TIMEOUT);
        }
    }
}
