package org.bgpd.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.bgpd.fsm.FsmConfig;
import org.bgpd.fsm.Negotiated;
import org.bgpd.fsm.Offer;
import org.bgpd.fsm.State;
import org.bgpd.wire.MessageEncoder;
import org.bgpd.wire.Notification;
import org.bgpd.wire.NotifyCode;
import org.bgpd.wire.RouteRefresh;
import org.bgpd.wire.Update;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real epoll sockets on loopback (Linux routes all of 127/8 to lo), short timers, and polling
 * with a deadline instead of sleeps.
 */
class PeerSessionLoopbackTest {

    private static final long DEADLINE_MS = 20_000;

    private SessionTransport transport;
    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

    /** Records what a session reports. */
    static final class Recorder implements SessionListener {
        final List<Negotiated> up = new CopyOnWriteArrayList<>();
        final List<byte[]> updates = new CopyOnWriteArrayList<>();
        final List<String> down = new CopyOnWriteArrayList<>();

        public void established(PeerSession s, Negotiated n) { up.add(n); }

        public void update(PeerSession s, byte[] body) { updates.add(body); }

        public void routeRefresh(PeerSession s, RouteRefresh r) {}

        public void down(PeerSession s, String reason, Notification sent, Notification received) { down.add(reason); }

        public void writabilityChanged(PeerSession s, boolean writable) {}
    }

    /** One speaker: its listener, its sessions by peer address. */
    final class Speaker {
        final InetAddress address;
        final long as;
        final int id;
        final Map<InetAddress, PeerSession> peers = new ConcurrentHashMap<>();
        final BgpListener listener;

        Speaker(String address, long as, int id) throws IOException {
            this.address = InetAddress.getByName(address);
            this.as = as;
            this.id = id;
            this.listener = new BgpListener(transport.group(), peers::get);
            listener.bind(new InetSocketAddress(this.address, 0));
            toClose.add(listener);
        }

        int port() { return listener.localAddress().getPort(); }

        PeerSession peer(Speaker other, boolean passive, byte[] md5, Recorder rec) {
            FsmConfig cfg = FsmConfig.defaults(as, id, other.as, Offer.unicast())
                    .withHoldTime(3, 1).withConnectRetry(1, 0).withIdleHold(1, 2, 300).withPassive(passive)
                    .withJitter(FsmConfig.NO_JITTER);
            return peerAt(other.address, other.port(), other.as, cfg, md5, rec);
        }

        PeerSession peerAt(InetAddress remote, int port, long remoteAs, FsmConfig cfg, byte[] md5, Recorder rec) {
            PeerSettings s = new PeerSettings("bgp_" + remote.getHostAddress(), new InetSocketAddress(remote, port),
                    address, md5, 0, false, 1, cfg);
            PeerSession p = new PeerSession(s, rec, transport.group());
            peers.put(remote, p);
            if (md5 != null) {
                Map<InetAddress, byte[]> keys = new ConcurrentHashMap<>();
                for (PeerSession q : peers.values()) if (q.settings().md5Key() != null) keys.put(q.settings().remote().getAddress(), q.settings().md5Key());
                listener.setMd5Keys(keys);
            }
            toClose.add(() -> p.stop(NotifyCode.PEER_DECONFIGURED.notification()));
            return p;
        }
    }

    @BeforeEach
    void setUp() { transport = new SessionTransport(1); }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose.reversed()) c.close();
        transport.close();
    }

    @Test
    void twoSpeakersEstablishExchangeKeepalivesAndAnUpdate() throws Exception {
        Speaker a = new Speaker("127.0.0.1", 65001, 0x01010101);
        Speaker b = new Speaker("127.0.0.2", 65002, 0x02020202);
        Recorder ra = new Recorder();
        Recorder rb = new Recorder();
        PeerSession ab = a.peer(b, false, null, ra);
        PeerSession ba = b.peer(a, false, null, rb);
        ab.start();
        ba.start();

        await(() -> ab.snapshot().state() == State.ESTABLISHED && ba.snapshot().state() == State.ESTABLISHED,
                "both Established");
        assertEquals(65002, ab.snapshot().negotiated().peerAs());
        assertEquals(3, ab.snapshot().negotiated().holdTime());
        // Collision resolution leaves exactly one session per side.
        assertEquals(1, ra.up.size());
        assertEquals(1, rb.up.size());

        long inBefore = ba.snapshot().messagesIn();
        await(() -> ba.snapshot().messagesIn() >= inBefore + 2, "keepalives keep arriving");
        assertEquals(State.ESTABLISHED, ba.snapshot().state());

        byte[] endOfRib = {0, 0, 0, 0};
        ab.sendUpdate(endOfRib);
        await(() -> rb.updates.size() == 1, "UPDATE delivered");
        assertArrayEquals(endOfRib, rb.updates.getFirst());

        // Encode once, send the same bytes through the ByteBuf path.
        byte[] body = {0, 0, 0, 0};
        ByteBuf framed = Unpooled.wrappedBuffer(MessageEncoder.encode(new Update(body)));
        ab.sendUpdate(framed.retainedDuplicate());
        framed.release();
        await(() -> rb.updates.size() == 2, "framed UPDATE delivered");
        assertEquals(2, ab.snapshot().updatesOut());
        assertEquals(2, ba.snapshot().updatesIn());

        ab.stop(NotifyCode.ADMINISTRATIVE_SHUTDOWN.notification());
        await(() -> rb.down.size() == 1, "peer sees the shutdown");
        assertEquals("Received: Administrative shutdown", rb.down.getFirst());
        assertEquals(State.IDLE, ab.snapshot().state());
    }

    @Test
    void wrongMd5PasswordNeverEstablishes() throws Exception {
        Speaker c = new Speaker("127.0.0.4", 65004, 0x04040404);
        Speaker d = new Speaker("127.0.0.5", 65005, 0x05050505);
        Recorder rc = new Recorder();
        Recorder rd = new Recorder();
        PeerSession cd = c.peer(d, false, "alpha".getBytes(StandardCharsets.US_ASCII), rc);
        PeerSession dc = d.peer(c, false, "beta".getBytes(StandardCharsets.US_ASCII), rd);
        cd.start();
        dc.start();
        // The kernel drops unsigned-to-it SYNs silently: attempts repeat, the FSM never leaves Connect/Active.
        await(() -> cd.snapshot().connectAttempts() >= 3 && dc.snapshot().connectAttempts() >= 3,
                "repeated connect attempts");
        assertEquals(0, cd.snapshot().messagesIn());
        assertEquals(0, dc.snapshot().messagesIn());
        assertTrue(rc.up.isEmpty() && rd.up.isEmpty());
    }

    @Test
    void matchingMd5PasswordEstablishes() throws Exception {
        Speaker c = new Speaker("127.0.0.6", 65006, 0x06060606);
        Speaker d = new Speaker("127.0.0.7", 65007, 0x07070707);
        byte[] key = "s3cret".getBytes(StandardCharsets.US_ASCII);
        PeerSession cd = c.peer(d, false, key, new Recorder());
        PeerSession dc = d.peer(c, true, key, new Recorder());
        cd.start();
        dc.start();
        await(() -> cd.snapshot().state() == State.ESTABLISHED && dc.snapshot().state() == State.ESTABLISHED,
                "Established with TCP-MD5");
    }

    @Test
    void garbageGetsNotification11AndTheListenerKeepsServing() throws Exception {
        Speaker a = new Speaker("127.0.0.1", 65001, 0x01010101);
        Speaker b = new Speaker("127.0.0.2", 65002, 0x02020202);
        InetAddress rawAddress = InetAddress.getByName("127.0.0.3");
        FsmConfig rawCfg = FsmConfig.defaults(65001, 0x01010101, 65003, Offer.unicast()).withPassive(true)
                .withJitter(FsmConfig.NO_JITTER);
        PeerSession raw = a.peerAt(rawAddress, 179, 65003, rawCfg, null, new Recorder());
        raw.start();
        await(() -> raw.snapshot().state() == State.ACTIVE, "passive peer waits");

        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(rawAddress, 0));
            s.connect(new InetSocketAddress(a.address, a.port()), 5_000);
            s.setSoTimeout(10_000);
            byte[] garbage = new byte[19];
            garbage[17] = 19;
            garbage[18] = 4; // a KEEPALIVE header with a zero marker
            OutputStream out = s.getOutputStream();
            out.write(garbage);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            int[] notification = readUntilNotification(in);
            assertEquals(1, notification[0]);
            assertEquals(1, notification[1]);
        }

        // An address no lookup knows: closed at once.
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.9"), 0));
            s.connect(new InetSocketAddress(a.address, a.port()), 5_000);
            s.setSoTimeout(10_000);
            assertEquals(-1, s.getInputStream().read());
        }

        Recorder rab = new Recorder();
        PeerSession ab = a.peer(b, true, null, rab);
        PeerSession ba = b.peer(a, false, null, new Recorder());
        ab.start();
        ba.start();
        await(() -> ab.snapshot().state() == State.ESTABLISHED, "listener still serves a real peer");
    }

    @Test
    void listenerRebindsWithoutTouchingEstablishedSessions() throws Exception {
        Speaker a = new Speaker("127.0.0.1", 65001, 0x01010101);
        Speaker b = new Speaker("127.0.0.2", 65002, 0x02020202);
        PeerSession ab = a.peer(b, true, null, new Recorder());
        PeerSession ba = b.peer(a, false, null, new Recorder());
        ab.start();
        ba.start();
        await(() -> ab.snapshot().state() == State.ESTABLISHED, "Established");
        int oldPort = a.port();
        a.listener.bind(new InetSocketAddress(a.address, 0));
        assertTrue(a.port() != oldPort);
        long before = ab.snapshot().messagesIn();
        await(() -> ab.snapshot().messagesIn() >= before + 2, "keepalives after rebind");
        assertEquals(State.ESTABLISHED, ab.snapshot().state());
    }

    /** Reads BGP messages until a NOTIFICATION; returns its code and subcode. */
    private static int[] readUntilNotification(DataInputStream in) throws IOException {
        while (true) {
            byte[] header = new byte[19];
            try {
                in.readFully(header);
            } catch (EOFException e) {
                fail("connection closed before a NOTIFICATION");
            }
            int length = (header[16] & 0xFF) << 8 | (header[17] & 0xFF);
            byte[] body = new byte[length - 19];
            in.readFully(body);
            if (header[18] == 3) return new int[] {body[0] & 0xFF, body[1] & 0xFF};
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
