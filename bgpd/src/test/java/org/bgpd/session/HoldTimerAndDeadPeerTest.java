package org.bgpd.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.bgpd.fsm.FsmConfig;
import org.bgpd.fsm.Offer;
import org.bgpd.fsm.State;
import org.bgpd.wire.Keepalive;
import org.bgpd.wire.MessageEncoder;
import org.bgpd.wire.NotifyCode;
import org.bgpd.wire.Update;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Peers that stop talking, against real epoll sockets on 127.0.0.x: our sessions connect to
 * {@link RawPeer}s that complete OPEN/KEEPALIVE and then misbehave. Deadlines, not sleeps.
 */
class HoldTimerAndDeadPeerTest {
    private static final long DEADLINE_MS = 40_000;
    private static final InetAddress LOCAL = loopback("127.0.0.1");

    private SessionTransport transport;
    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() { transport = new SessionTransport(1); }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose.reversed()) c.close();
        transport.close();
    }

    private RawPeer raw(String address, long as) throws IOException {
        RawPeer p = new RawPeer(address, as);
        toClose.add(p);
        return p;
    }

    /** An active session from 127.0.0.1 to the raw peer, proposing {@code hold} seconds. */
    private PeerSession sessionTo(RawPeer raw, int hold) {
        FsmConfig cfg = FsmConfig.defaults(65001, 0x01010101, raw.as, Offer.unicast())
                .withHoldTime(hold, Math.max(1, hold / 3)).withConnectRetry(1, 0).withIdleHold(1, 2, 300)
                .withJitter(FsmConfig.NO_JITTER);
        PeerSettings s = new PeerSettings("bgp_" + raw.address.getHostAddress(), raw.listenAddress(), LOCAL, null,
                0, false, 1, cfg);
        PeerSession p = new PeerSession(s, new PeerSessionLoopbackTest.Recorder(), transport.group());
        toClose.add(() -> p.stop(NotifyCode.PEER_DECONFIGURED.notification()));
        return p;
    }

    /**
     * Tried: peer A completes OPEN/KEEPALIVE with hold time 3 and then sends nothing; peer B keeps
     * sending KEEPALIVEs. A must get NOTIFICATION 4/0 (Hold Timer Expired, RFC 4271 §6.5), not
     * before 3 s of its silence, then our session goes down and reconnects; B's session stays
     * Established with the same "since" and B never sees a NOTIFICATION.
     */
    @Test
    void silentPeerGetsHoldTimerExpiredOthersUnaffected() throws Exception {
        RawPeer a = raw("127.0.0.21", 65021);
        RawPeer b = raw("127.0.0.22", 65022);
        PeerSession sa = sessionTo(a, 3);
        PeerSession sb = sessionTo(b, 3);
        sb.start();
        b.accept();
        b.handshake(3);
        await(() -> sb.snapshot().state() == State.ESTABLISHED, "B Established");
        Instant bSince = sb.snapshot().since();

        AtomicBoolean bNotified = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        Thread bReader = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (!stop.get()) if (b.read().type() == RawPeer.NOTIFICATION) bNotified.set(true);
            } catch (IOException e) {
                // closed at the end of the test
            }
        });
        Thread bTalker = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (!stop.get()) {
                    b.send(Keepalive.INSTANCE);
                    Thread.sleep(500); // the peer's keepalive interval, not a wait for a result
                }
            } catch (IOException | InterruptedException e) {
                // closed at the end of the test
            }
        });

        sa.start();
        a.accept();
        a.handshake(3);
        long silentFrom = System.nanoTime();
        await(() -> sa.snapshot().state() == State.ESTABLISHED, "A Established");

        RawPeer.Message n = a.readUntilNotification();
        long silentMillis = (System.nanoTime() - silentFrom) / 1_000_000;
        assertNotNull(n, "A's connection closed without a NOTIFICATION");
        assertEquals(4, n.body()[0] & 0xFF, "error code");
        assertEquals(0, n.body()[1] & 0xFF, "subcode");
        // Measured from this side after the handshake; bgpd's timer started when our last message
        // arrived, a little earlier. Half a second of slack still tells 3 s from the 1 s keepalive.
        assertTrue(silentMillis >= 2_500, "hold timer fired early, after " + silentMillis + " ms");
        assertEquals(-1, a.socket.getInputStream().read(), "closed after the NOTIFICATION");
        await(() -> sa.snapshot().state() != State.ESTABLISHED, "A down");
        assertEquals("BGP Error: Hold timer expired", sa.snapshot().lastError().reason());

        // Reconnects after its idle hold and comes back up.
        a.accept();
        a.handshake(3);
        await(() -> sa.snapshot().state() == State.ESTABLISHED, "A Established again");

        assertEquals(State.ESTABLISHED, sb.snapshot().state());
        assertEquals(bSince, sb.snapshot().since());
        assertTrue(!bNotified.get(), "B got a NOTIFICATION");
        stop.set(true);
        bTalker.interrupt();
        b.close();
        bReader.join(10_000);
    }

    /**
     * Tried: peer C completes the handshake (hold 3), then neither reads nor writes, like a peer
     * whose host vanished; we queue 80 MB of UPDATEs to it, far more than the loopback socket
     * buffers take, so bytes wait in Netty's outbound buffer, ahead of any NOTIFICATION. The hold
     * timer must take the session down and the dead connection must really close, freeing what
     * was queued, although the NOTIFICATION behind it can never be flushed.
     */
    @Test
    void deadPeerWithQueuedWritesIsDroppedAndItsBuffersFreed() throws Exception {
        RawPeer c = raw("127.0.0.23", 65023);
        PeerSession sc = sessionTo(c, 3);
        sc.start();
        c.accept();
        c.handshake(3);
        await(() -> sc.snapshot().state() == State.ESTABLISHED, "C Established");
        floodUpdates(sc);

        await(() -> sc.snapshot().state() != State.ESTABLISHED, "C down");
        assertEquals("BGP Error: Hold timer expired", sc.snapshot().lastError().reason());
        assertTrue(sc.closingConnections() == 1 && sc.closingWriteBytes() > 0,
                "the dead connection should still hold its queued bytes right after the hold timer");
        await(() -> sc.closingConnections() == 0 && sc.closingWriteBytes() == 0, "dead connection closed");
    }

    /**
     * Tried: the same stalled peer, but with hold time 240 (the default) so neither the hold timer
     * nor TCP_USER_TIMEOUT ends it soon, and we stop the session. The Cease cannot be flushed; the
     * connection must still close within {@link Connection#CLOSE_GRACE_SECONDS}, not linger with
     * its buffers until the kernel gives up.
     */
    @Test
    void stoppingAStalledPeerClosesWithinTheGracePeriod() throws Exception {
        RawPeer d = raw("127.0.0.24", 65024);
        PeerSession sd = sessionTo(d, 240);
        sd.start();
        d.accept();
        d.handshake(240);
        await(() -> sd.snapshot().state() == State.ESTABLISHED, "D Established");
        floodUpdates(sd);
        // UPDATEs reach the channel in batches (UpdateOutbox): stop once far more is queued than the
        // kernel's socket buffers (a few MB on loopback) could still take.
        await(() -> sd.pendingWriteBytes() > 16 << 20, "D's unread bytes queued in the channel");
        sd.stop(NotifyCode.ADMINISTRATIVE_SHUTDOWN.notification());
        await(() -> sd.snapshot().state() == State.IDLE, "D stopped");
        assertTrue(sd.closingWriteBytes() > 0, "the stop should find bytes the peer never read");
        await(() -> sd.closingConnections() == 0 && sd.closingWriteBytes() == 0, "stalled connection closed");
    }

    /** 20,000 UPDATEs of 4 KB: one direct buffer shared by reference, so the test itself stays small. */
    /**
     * Tried: back-pressure pauses reading from peer E (hold 3) and E then sends nothing. The hold
     * timer used to put itself off by 10 s for as long as reading stayed paused; now it looks
     * (one read), finds nothing, and expires a hold time past its deadline: NOTIFICATION 4/0,
     * counted as an expiry while paused.
     */
    @Test
    void silentPeerExpiresEvenWhileReadingIsPaused() throws Exception {
        RawPeer e = raw("127.0.0.25", 65025);
        PeerSession se = sessionTo(e, 3);
        se.start();
        e.accept();
        e.handshake(3);
        await(() -> se.snapshot().state() == State.ESTABLISHED, "E Established");
        se.setAutoRead(false);

        RawPeer.Message n = e.readUntilNotification();
        assertNotNull(n, "E's connection closed without a NOTIFICATION");
        assertEquals(4, n.body()[0] & 0xFF, "Hold Timer Expired");
        await(() -> se.holdExpiriesWhilePaused() == 1, "expiry while paused counted");
        assertTrue(se.holdPostponements() >= 1, "it looked before expiring");
    }

    /**
     * Tried: reading from peer F (hold 3) is paused and stays paused while F keeps sending
     * KEEPALIVEs. Each time the hold timer runs out one read finds them, so the session survives
     * three such postponements (about three hold times) with no NOTIFICATION to F.
     */
    @Test
    void talkingPeerSurvivesWhileReadingIsPaused() throws Exception {
        RawPeer f = raw("127.0.0.26", 65026);
        PeerSession sf = sessionTo(f, 3);
        sf.start();
        f.accept();
        f.handshake(3);
        await(() -> sf.snapshot().state() == State.ESTABLISHED, "F Established");
        Instant since = sf.snapshot().since();
        sf.setAutoRead(false);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean notified = new AtomicBoolean();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (!stop.get()) if (f.read().type() == RawPeer.NOTIFICATION) notified.set(true);
            } catch (IOException x) {
                // closed at the end of the test
            }
        });
        Thread talker = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (!stop.get()) {
                    f.send(Keepalive.INSTANCE);
                    Thread.sleep(500); // the peer's keepalive interval, not a wait for a result
                }
            } catch (IOException | InterruptedException x) {
                // closed at the end of the test
            }
        });
        await(() -> sf.holdPostponements() >= 3 || sf.snapshot().state() != State.ESTABLISHED, "three postponements");
        assertEquals(State.ESTABLISHED, sf.snapshot().state());
        assertEquals(since, sf.snapshot().since());
        assertEquals(0, sf.holdExpiriesWhilePaused());
        assertTrue(!notified.get(), "F got a NOTIFICATION");
        stop.set(true);
        talker.interrupt();
        f.close();
        reader.join(10_000);
    }

    private static void floodUpdates(PeerSession s) {
        byte[] body = new byte[4 + 5 * 814];
        for (int i = 0; i < 814; i++) {
            int at = 4 + 5 * i;
            body[at] = 32;
            body[at + 1] = 10;
            body[at + 3] = (byte) (i >> 8);
            body[at + 4] = (byte) i;
        }
        byte[] framed = MessageEncoder.encode(new Update(body));
        ByteBuf shared = Unpooled.directBuffer(framed.length).writeBytes(framed);
        for (int i = 0; i < 20_000; i++) s.sendUpdate(shared.retainedDuplicate());
        shared.release();
    }

    private static InetAddress loopback(String a) {
        try {
            return InetAddress.getByName(a);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + DEADLINE_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) fail("timed out waiting for: " + what);
            Thread.sleep(20);
        }
    }
}
