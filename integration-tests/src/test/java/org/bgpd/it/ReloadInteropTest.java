package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.bgpd.config.diff.PeerAction;
import org.bgpd.daemon.ReloadResult;
import org.bgpd.daemon.ReloadStep;
import org.bgpd.fsm.State;
import org.bgpd.session.PeerSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live reconfiguration against real BIRD 2 peers on loopback addresses: a reload that adds a
 * peer and changes another's export chain leaves an unrelated session alone (same session, same
 * Established time, no new OPEN); a listen-port change keeps every session; removed peers stay
 * until the added ones delivered End-of-RIB; a BIRD inside a dynamic-peers range that is not
 * configured establishes and exchanges routes, and is forgotten when it goes away.
 */
class ReloadInteropTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(45);

    @TempDir
    Path dir;

    /** One BIRD 2 speaker, AS 65002, originating {@code prefix}. */
    private record Bird(String name, String address, int port, String prefix) {
        static Bird next(String name, String prefix) {
            String a = LoopbackAddresses.nextIpv4();
            return new Bird(name, a, TcpPorts.free(a), prefix);
        }

        BirdProcess start(String bgpd, int bgpdPort) {
            BirdConfig.Builder b = BirdConfig.builder().routerId(address);
            b.staticProtocol(BirdStaticProtocol.ipv4("static1").blackhole(prefix));
            BirdChannel ch = BirdChannel.ipv4().importAll().exportProtocol("static1");
            b.bgp(BirdBgpProtocol.builder("peer1").local(address, port, 65002).neighbor(bgpd, bgpdPort, 65001)
                    .holdTime(9).connectRetryTime(2).multihop().channel(ch));
            return BirdProcess.start(b.build());
        }

        String peerYaml(String export) {
            return """
                      - name: %s
                        address: "%s"
                        port: %d
                        remote-as: 65002
                        hold-time: 9
                        connect-retry-time: 2
                        import: all
                        export: %s
                    """.formatted(name, address, port, export);
        }
    }

    private static String bgpdYaml(String me, int port, String peers) {
        return """
                router-id: %s
                local-as: 65001
                listen: {address: "%s", port: %d}
                static-routes:
                  - prefix: 192.0.2.0/24
                    blackhole: true
                policies:
                  tagged:
                    rules:
                      - set: {communities: {add: ["65001:7"]}}
                        action: accept
                peers:
                %s
                """.formatted(me, me, port, peers);
    }

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("bgpd.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void reloadAddingAPeerAndChangingExportLeavesOtherSessionsAlone() throws IOException {
        String me = LoopbackAddresses.nextIpv4();
        int port = TcpPorts.free(me);
        Bird b1 = Bird.next("bird1", "10.91.0.0/24");
        Bird b2 = Bird.next("bird2", "10.92.0.0/24");
        Bird b3 = Bird.next("bird3", "10.93.0.0/24");
        Path file = write(bgpdYaml(me, port, b1.peerYaml("all") + b2.peerYaml("all")));
        try (BgpdInstance bgpd = BgpdInstance.start(Files.readString(file));
             BirdProcess bird1 = b1.start(me, port);
             BirdProcess bird2 = b2.start(me, port);
             BirdProcess bird3 = b3.start(me, port)) {
            Instant up1 = bgpd.awaitEstablished("bird1", TIMEOUT).since();
            Instant up2 = bgpd.awaitEstablished("bird2", TIMEOUT).since();
            bgpd.awaitRoute("10.91.0.0/24", TIMEOUT);
            bird2.awaitRoute("192.0.2.0/24", TIMEOUT);
            PeerSession s1 = bgpd.daemon().session("bird1");
            PeerSession s2 = bgpd.daemon().session("bird2");

            Files.writeString(file, bgpdYaml(me, port, b1.peerYaml("all") + b2.peerYaml("tagged") + b3.peerYaml("all")));
            ReloadResult r = bgpd.daemon().reload(file);
            assertEquals(ReloadResult.Outcome.APPLIED, r.outcome(), r.errorText());
            assertTrue(r.diff().peer("bird1").has(PeerAction.KEEP));
            assertTrue(r.diff().peer("bird2").has(PeerAction.REFEED_EXPORT));
            assertTrue(r.diff().peer("bird3").has(PeerAction.ADD));
            assertTrue(r.steps().contains(new ReloadStep.RefeedExport("bird2")));

            bgpd.awaitEstablished("bird3", TIMEOUT);
            bgpd.awaitRoute("10.93.0.0/24", TIMEOUT);
            bird3.awaitRoute("192.0.2.0/24", TIMEOUT);
            // The refeed re-sent bird2 its routes on the same session.
            Await.until("bird2 still has our route", TIMEOUT, () -> !bird2.routesFor("192.0.2.0/24").isEmpty());

            assertSame(s1, bgpd.daemon().session("bird1"));
            assertEquals(State.ESTABLISHED, bgpd.session("bird1").state());
            assertEquals(up1, bgpd.session("bird1").since(), "bird1's session was not touched");
            assertSame(s2, bgpd.daemon().session("bird2"));
            assertEquals(up2, bgpd.session("bird2").since(), "an export change does not reset");
            assertTrue(bird1.protocol("peer1").isEstablished());

            // A new listen port: the listener moves, established sessions stay.
            int port2 = TcpPorts.free(me);
            Files.writeString(file, bgpdYaml(me, port2, b1.peerYaml("all") + b2.peerYaml("tagged") + b3.peerYaml("all")));
            Instant up3 = bgpd.session("bird3").since();
            ReloadResult moved = bgpd.daemon().reload(file);
            assertEquals(ReloadResult.Outcome.APPLIED, moved.outcome(), moved.errorText());
            assertEquals(port2, bgpd.daemon().boundAddress().getPort());
            assertEquals(up1, bgpd.session("bird1").since());
            assertEquals(up2, bgpd.session("bird2").since());
            assertEquals(up3, bgpd.session("bird3").since());
            assertTrue(bird1.protocol("peer1").isEstablished() && bird2.protocol("peer1").isEstablished()
                    && bird3.protocol("peer1").isEstablished());
        }
    }

    @Test
    void replacedPeersStopOnlyAfterTheNewOnesDeliveredTheirRoutes() throws IOException {
        String me = LoopbackAddresses.nextIpv4();
        int port = TcpPorts.free(me);
        Bird old = Bird.next("mesh1", "10.94.0.0/24");
        Bird rr = Bird.next("rr1", "10.95.0.0/24");
        Path file = write(bgpdYaml(me, port, old.peerYaml("all")));
        try (BgpdInstance bgpd = BgpdInstance.start(Files.readString(file));
             BirdProcess oldBird = old.start(me, port)) {
            bgpd.awaitEstablished("mesh1", TIMEOUT);
            bgpd.awaitRoute("10.94.0.0/24", TIMEOUT);

            Files.writeString(file, bgpdYaml(me, port, rr.peerYaml("all")));
            ReloadResult r = bgpd.daemon().reload(file);
            assertEquals(ReloadResult.Outcome.APPLIED, r.outcome(), r.errorText());
            assertTrue(r.steps().contains(new ReloadStep.StopPeer("mesh1",
                    org.bgpd.wire.NotifyCode.PEER_DECONFIGURED, true)));
            // Nothing replaces mesh1 yet (rr1's BIRD is not even running): it stays up.
            assertEquals(State.ESTABLISHED, bgpd.session("mesh1").state());
            assertTrue(!bgpd.routes("10.94.0.0/24").isEmpty());

            try (BirdProcess rrBird = rr.start(me, port)) {
                bgpd.awaitEstablished("rr1", TIMEOUT);
                Await.until("mesh1 stopped after rr1 delivered its routes", TIMEOUT,
                        () -> bgpd.daemon().session("mesh1") == null);
                // By the time mesh1 went, rr1's routes were in (End-of-RIB came after them).
                assertTrue(!bgpd.routes("10.95.0.0/24").isEmpty());
                Await.until("mesh1's routes flushed", TIMEOUT, () -> bgpd.routes("10.94.0.0/24").isEmpty());
                Await.until("BIRD saw the Cease", TIMEOUT, () -> !oldBird.protocol("peer1").isEstablished());
                assertTrue(oldBird.birdc("show protocols all peer1").toLowerCase().contains("de-configured"),
                        oldBird.birdc("show protocols all peer1"));
            }
        }
    }

    @Test
    void dynamicPeerFromTheRangeEstablishesAndExchangesRoutes() {
        String me = LoopbackAddresses.nextIpv4();
        int port = TcpPorts.free(me);
        Bird dyn = Bird.next("unused", "10.96.0.0/24");
        String yaml = bgpdYaml(me, port, "").replace("peers:\n", """
                dynamic-peers:
                  - name: Node_
                    accept-from: 127.0.0.0/24
                    remote-as: 65000-65010
                    hold-time: 9
                    import: all
                    export: all
                """);
        try (BgpdInstance bgpd = BgpdInstance.start(yaml);
             BirdProcess bird = dyn.start(me, port)) {
            String name = "Node_" + dyn.address().replace('.', '_');
            Await.until("dynamic peer " + name + " Established", TIMEOUT,
                    () -> bgpd.daemon().session(name) != null && bgpd.session(name).state() == State.ESTABLISHED);
            assertTrue(bgpd.daemon().peerIndex(name) > 0);
            bgpd.awaitRoute("10.96.0.0/24", TIMEOUT);
            BirdRoute out = bird.awaitRoute("192.0.2.0/24", TIMEOUT);
            assertEquals("65001", out.asPath());

            bird.stop();
            Await.until("dynamic peer forgotten", TIMEOUT, () -> bgpd.daemon().session(name) == null);
            Await.until("its routes flushed", TIMEOUT, () -> bgpd.routes("10.96.0.0/24").isEmpty());
            assertNull(bgpd.daemon().session(name));
            assertEquals(-1, bgpd.daemon().peerIndex(name));
        }
    }
}
