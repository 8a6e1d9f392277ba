package org.bgpd.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.bgpd.fsm.State;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.route.Family;
import org.bgpd.session.PeerSession;
import org.bgpd.wire.Capability;
import org.bgpd.wire.Keepalive;
import org.bgpd.wire.MessageEncoder;
import org.bgpd.wire.Open;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md "when the inbox is full, sessions stop reading": a peer floods UPDATEs while the RIB
 * thread is busy. Proves {@link InboxGate} (auto-read off above a queue depth); without it the
 * daemon read all 200,000 UPDATEs of the first pass into the inbox.
 */
class InboundFloodTest {
    private static final long DEADLINE_MS = 60_000;
    private static final String PEER = "Flood_127_0_0_79";
    private static final int PREFIXES = 200_000;
    /** The 200,000 prefixes announced five times over: 47 MB, more than loopback socket buffers hold. */
    private static final int MESSAGES = 5 * PREFIXES;

    @TempDir
    Path dir;
    private Daemon daemon;

    @AfterEach
    void stop() {
        if (daemon != null) daemon.close();
    }

    /**
     * Tried: a raw peer completes the handshake and writes 1,000,000 single-prefix UPDATEs as fast
     * as its socket takes them, while the RIB thread is held inside a query (busy). The daemon
     * must stop reading: the writer stalls with messages unsent and the session has read far fewer
     * than were sent (no unbounded inbox). Once the RIB is free, reading resumes, every message is
     * taken and the session is still Established.
     */
    @Test
    void aFloodWhileTheRibIsBusyIsReadOnlyAsFastAsTheRibDrains() throws Exception {
        int port = DaemonControlBackendTest.freePort();
        Path config = dir.resolve("bgpd.yaml");
        Files.writeString(config, """
                router-id: 127.0.0.1
                local-as: 64512
                listen: {address: 127.0.0.1, port: %d}
                peers:
                  - name: %s
                    address: 127.0.0.79
                    remote-as: 64513
                    passive: true
                """.formatted(port, PEER));
        daemon = new Daemon(DaemonControlBackendTest.load(config), config);
        daemon.start();
        PeerSession session = daemon.session(PEER);

        CountDownLatch ribHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.79"), 0));
            s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
            s.setSoTimeout(30_000);
            handshake(s);
            long end = System.currentTimeMillis() + DEADLINE_MS;
            while (session.snapshot().state() != State.ESTABLISHED) {
                if (System.currentTimeMillis() > end) fail("never Established");
                Thread.sleep(20);
            }

            // Hold the RIB thread inside a query's reply until the test lets go.
            daemon.rib().offer(new RibCommand.QueryAll(Family.IPV4_UNICAST, -1, 1, page -> {
                ribHeld.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            ribHeld.await();

            AtomicInteger written = new AtomicInteger();
            OutputStream out = s.getOutputStream();
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    byte[] chunk = new byte[1000 * 47];
                    for (int m = 0; m < MESSAGES; m += 1000) {
                        for (int k = 0; k < 1000; k++) update(chunk, k * 47, (m + k) % PREFIXES);
                        out.write(chunk);
                        written.addAndGet(1000);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                int stable = 0;
                long last = -1;
                end = System.currentTimeMillis() + DEADLINE_MS;
                while (stable < 20 && writer.isAlive()) {
                    long in = session.snapshot().updatesIn();
                    if (in > MESSAGES / 10) fail("read " + in + " UPDATEs while the RIB was busy: not throttled");
                    boolean parked = writer.getState() == Thread.State.WAITING;
                    stable = parked && in == last ? stable + 1 : 0;
                    last = in;
                    if (System.currentTimeMillis() > end) fail("writer neither stalled nor finished");
                    Thread.sleep(50);
                }
                assertTrue(writer.isAlive(), "all " + MESSAGES + " UPDATEs were read while the RIB was busy");
                assertTrue(written.get() < MESSAGES);
            } finally {
                release.countDown();
            }
            writer.join(DEADLINE_MS);
            assertEquals(MESSAGES, written.get());
            end = System.currentTimeMillis() + DEADLINE_MS;
            while (session.snapshot().updatesIn() < MESSAGES) {
                if (System.currentTimeMillis() > end) fail("only " + session.snapshot().updatesIn() + " UPDATEs read");
                Thread.sleep(50);
            }
            assertEquals(State.ESTABLISHED, session.snapshot().state());
        }
    }

    private static void handshake(Socket s) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(MessageEncoder.encode(new Open(4, 64513, 240, 0x7F00004F,
                List.of(Capability.Multiprotocol.of(Family.IPV4_UNICAST), new Capability.FourOctetAs(64513)))));
        out.write(MessageEncoder.encode(Keepalive.INSTANCE));
        out.flush();
        DataInputStream in = new DataInputStream(s.getInputStream());
        int keepalives = 0;
        while (keepalives == 0) {
            byte[] header = new byte[19];
            in.readFully(header);
            in.readFully(new byte[((header[16] & 0xFF) << 8 | (header[17] & 0xFF)) - 19]);
            if (header[18] == 3) fail("NOTIFICATION during the handshake");
            if (header[18] == 4) keepalives++;
        }
    }

    /** A 47-byte UPDATE: ORIGIN IGP, AS_PATH [64513], NEXT_HOP 127.0.0.79, NLRI 10.x.y.0/24. */
    private static void update(byte[] b, int at, int prefix) {
        byte[] fixed = {
            -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 47, 2,
            0, 0, 0, 20,
            0x40, 1, 1, 0,
            0x40, 2, 6, 2, 1, 0, 0, (byte) 0xFC, 0x01,
            0x40, 3, 4, 127, 0, 0, 79,
        };
        System.arraycopy(fixed, 0, b, at, fixed.length);
        int p = at + fixed.length;
        // 19 + 4 + 20 = 43 bytes so far; the NLRI 24 10.x.y makes 47.
        b[p] = 24;
        b[p + 1] = 10;
        b[p + 2] = (byte) (prefix >> 8);
        b[p + 3] = (byte) prefix;
    }
}
