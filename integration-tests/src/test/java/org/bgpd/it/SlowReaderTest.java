package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bgpd.fsm.State;
import org.bgpd.rib.adjout.UpdateGroup;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.loop.RibLoop;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.NlriList;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.route.Prefixes;
import org.bgpd.rib.wire.AttrsBuilder;
import org.bgpd.rib.wire.EncodeContext;
import org.bgpd.rib.wire.UpdateEncoder;
import org.junit.jupiter.api.Test;

/**
 * A peer that stops reading: a raw session with a tiny receive buffer completes the handshake
 * and never reads again while a feeder pushes rounds of changes to 100,000 routes. BIRD, in the
 * same update group, keeps receiving every round; the slow session's unsent bytes stay near
 * Netty's high water mark instead of growing with what was pushed (a bound on counters, not
 * time), and its backlog in the RIB is a set of prefixes.
 */
class SlowReaderTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int ROUTES = 100_000, ROUNDS = 12;
    /** Several times Netty's 64 KiB high water mark, far below the ~5 MB the rounds push. */
    private static final long PENDING_BOUND = 1 << 20;

    @Test
    void aPeerThatStopsReadingDoesNotStallOthersNorGrowMemory() throws IOException {
        String us = LoopbackAddresses.nextIpv4(), fast = LoopbackAddresses.nextIpv4();
        String slow = LoopbackAddresses.nextIpv4(), feeder = LoopbackAddresses.nextIpv4();
        int usPort = TcpPorts.free(us), fastPort = TcpPorts.free(fast);
        String yaml = """
                router-id: %s
                local-as: 65001
                listen: {address: "%s", port: %d}
                peers:
                  - {name: fast, address: "%s", port: %d, remote-as: 65002, local-address: "%s", hold-time: 30, connect-retry-time: 1, export: all}
                  - {name: slow, address: "%s", remote-as: 65003, passive: true, export: all}
                  - {name: feeder, address: "%s", remote-as: 65004, passive: true}
                """.formatted(us, us, usPort, fast, fastPort, us, slow, feeder);
        BirdConfig cfg = BirdConfig.builder().routerId(fast).debug(false)
                .bgp(BirdBgpProtocol.builder("peer1").local(fast, fastPort, 65002).neighbor(us, usPort, 65001)
                        .holdTime(30).multihop().channel(BirdChannel.ipv4().importAll().exportNone()))
                .build();
        try (BgpdInstance bgpd = BgpdInstance.start(yaml);
             BirdProcess bird = BirdProcess.start(cfg);
             RawSpeaker slowPeer = new RawSpeaker(slow, us, usPort, 65003, 0x0A000003, 4096);
             RawSpeaker feed = new RawSpeaker(feeder, us, usPort, 65004, 0x0A000004, 0)) {
            bgpd.awaitEstablished("fast", TIMEOUT);
            bgpd.awaitEstablished("slow", TIMEOUT);
            bgpd.awaitEstablished("feeder", TIMEOUT);
            UpdateEncoder enc = new UpdateEncoder(EncodeContext.of(NextHop.parse(feeder), null));
            NlriList all = table();
            Prefix last = all.prefix(ROUTES - 1);
            long maxPending = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                var attrs = new AttrsBuilder().asPath(65004, 64500 + round).nextHop(NextHop.parse(feeder)).build();
                for (byte[] body : enc.announce(attrs, all)) feed.sendUpdate(body);
                String path = "65001 65004 " + (64500 + round);
                // Pace by the fast peer: each round reaches BIRD whole, so every round is exported.
                Await.until("round " + round + " at BIRD", TIMEOUT, () -> bird.routesFor(last.toString()),
                        rs -> !rs.isEmpty() && rs.get(0).asPath().equals(path), () -> bird.logTail(5));
                maxPending = Math.max(maxPending, bgpd.daemon().session("slow").pendingWriteBytes());
            }
            long pending = bgpd.daemon().session("slow").pendingWriteBytes();
            assertEquals(State.ESTABLISHED, bgpd.session("slow").state(), "hold time 0: the silent peer stays up");
            assertTrue(Math.max(pending, maxPending) < PENDING_BOUND, "unsent bytes to the slow peer: " + maxPending);
            assertTrue(backlog(bgpd.daemon().rib()) > 0, "the RIB holds the slow member's missed prefixes instead");
            assertTrue(backlog(bgpd.daemon().rib()) <= ROUTES, "a backlog of prefixes, bounded by the table");
        }
    }

    private static NlriList table() {
        NlriList.Builder b = NlriList.builder(Family.IPV4_UNICAST, false, ROUTES);
        for (int i = 0; i < ROUTES; i++) b.addV4(Prefixes.v4(0x0A00_0000 | i << 8, 24), 0);
        return b.build();
    }

    /** The slow member's backlog, read on the RIB thread (a query's reply runs there). */
    private static int backlog(RibLoop rib) {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        rib.offer(new RibCommand.Query(Prefix.parse("10.0.0.0/24"), ignored -> {
            int n = 0;
            for (UpdateGroup g : rib.groups(Family.IPV4_UNICAST)) n += g.backlog();
            f.complete(n);
        }));
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
