package org.bgpd.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bgpd.rib.route.Family;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlServerTest {
    @TempDir
    Path tmp;
    private final List<ControlServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(ControlServer::close);
    }

    private ControlServer start(FakeBackend b, ControlSocketSpec... specs) throws IOException {
        ControlServer s = new ControlServer(b, List.of(specs), Clock.fixed(b.status.serverTime(), ZoneOffset.UTC),
                ZoneOffset.UTC, ControlServer.DEFAULT_MAX_LINE);
        servers.add(s);
        s.start();
        return s;
    }

    /** A raw protocol client, as Calico's tools and the capture script are. */
    static final class Client implements AutoCloseable {
        final SocketChannel ch;
        final BufferedReader in;
        final OutputStream out;

        Client(Path path) throws IOException {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(path));
            in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
            out = Channels.newOutputStream(ch);
        }

        /** Reads one reply: lines up to and including the first "DDDD " line. */
        String reply() throws IOException {
            StringBuilder sb = new StringBuilder();
            while (true) {
                String line = in.readLine();
                if (line == null) throw new IOException("closed after: " + sb);
                sb.append(line).append('\n');
                if (line.length() >= 5 && line.charAt(4) == ' ' && line.substring(0, 4).chars().allMatch(Character::isDigit)) {
                    return sb.toString();
                }
            }
        }

        String send(String command) throws IOException {
            out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            return reply();
        }

        @Override
        public void close() throws IOException { ch.close(); }
    }

    @Test
    void servesCommandsSequentiallyAndSurvivesGarbage() throws Exception {
        Path sock = tmp.resolve("run/calico/bird.ctl");
        start(LabData.nodeA(201), new ControlSocketSpec(sock, Dialect.BIRD2, null));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(sock)));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(sock.getParent())));
        try (Client c = new Client(sock)) {
            assertEquals(Captures.raw("bird2-node-a__welcome"), c.reply());
            assertEquals(Captures.raw("bird2-node-a__show_protocols"), c.send("show protocols"));
            assertEquals("9001 Unknown character\n", c.send("\u0001\u00ff garbage !!"));
            assertEquals("9001 syntax error, unexpected CF_SYM_UNDEFINED\n", c.send("garbage !!"));
            assertEquals("9000 Command too long\n", c.send("show route " + "x".repeat(100 * 1024)));
            // Two commands in one write: replies come back in order.
            c.out.write("show status\nshow route count\n".getBytes(StandardCharsets.UTF_8));
            assertEquals(Captures.raw("bird2-node-a__show_status"), c.reply());
            assertEquals(Captures.raw("bird2-node-a__show_route_count"), c.reply());
            assertEquals(Captures.raw("bird2-node-a__show_route"), c.send("show route"));
        }
    }

    @Test
    void manyClientsAtOnce() throws Exception {
        Path sock = tmp.resolve("bird.ctl");
        start(LabData.nodeA(201), new ControlSocketSpec(sock, Dialect.BIRD2, null));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    try (Client c = new Client(sock)) {
                        c.reply();
                        for (int k = 0; k < 20; k++) {
                            if (!Captures.raw("bird2-node-a__show_route_all").equals(c.send("show route all"))) return false;
                            if (!Captures.raw("bird2-node-a__show_protocols_all").equals(c.send("show protocols all"))) {
                                return false;
                            }
                        }
                        return true;
                    }
                }));
            }
            for (Future<Boolean> f : results) assertTrue(f.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void clientLeavingMidReplyReleasesTheRouteWalk() throws Exception {
        FakeBackend b = LabData.nodeA(201);
        RouteInfo template = b.routes.get(1);
        b.routes.clear();
        for (int i = 0; i < 60_000; i++) {
            b.routes.add(new RouteInfo("master4", Family.IPV4_UNICAST, "10." + (i >> 8) + "." + (i & 255) + ".0/24",
                    template.protocol(), template.since(), true, 100, template.dest(), template.nextHops(), template.from(),
                    null, "BGP", "univ", template.attributes()));
        }
        b.pageSize = 500;
        Path sock = tmp.resolve("bird.ctl");
        start(b, new ControlSocketSpec(sock, Dialect.BIRD2, null));
        CountDownLatch left = new CountDownLatch(1);
        CountDownLatch walkClosed = new CountDownLatch(1);
        b.beforePage = () -> {
            try {
                left.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (Client c = new Client(sock)) {
            c.reply();
            c.out.write("show route all\n".getBytes(StandardCharsets.UTF_8));
        }
        left.countDown();
        Thread watcher = Thread.ofVirtual().start(() -> {
            while (b.openPages.get() != 0) Thread.onSpinWait();
            walkClosed.countDown();
        });
        // A guard against hanging, not a speed assertion.
        assertTrue(walkClosed.await(60, TimeUnit.SECONDS), "route walk was not closed");
        watcher.join();
        b.beforePage = () -> { };
        try (Client c = new Client(sock)) {
            c.reply();
            assertEquals(Captures.raw("bird2-node-a__show_status"), c.send("show status"));
        }
    }

    @Test
    void staleSocketFileIsReplaced() throws Exception {
        Path sock = tmp.resolve("bird.ctl");
        ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        crashed.bind(UnixDomainSocketAddress.of(sock));
        crashed.close(); // the JDK leaves the file behind, as a crashed daemon does
        assertTrue(Files.exists(sock));
        start(LabData.nodeA(201), new ControlSocketSpec(sock, Dialect.BIRD2, null));
        try (Client c = new Client(sock)) {
            assertEquals(Captures.raw("bird2-node-a__welcome"), c.reply());
        }
    }

    @Test
    void liveSocketIsNotStolen() throws Exception {
        Path sock = tmp.resolve("bird.ctl");
        try (ServerSocketChannel live = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            live.bind(UnixDomainSocketAddress.of(sock));
            ControlServer s = new ControlServer(LabData.nodeA(201),
                    List.of(new ControlSocketSpec(sock, Dialect.BIRD2, null)), Clock.systemUTC(), ZoneOffset.UTC, 1024);
            IOException e = assertThrows(IOException.class, s::start);
            assertTrue(e.getMessage().contains("in use by a running daemon"), e.getMessage());
            assertTrue(Files.exists(sock), "the live daemon's socket file must stay");
            try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(sock))) {
                assertTrue(probe.isConnected());
            }
        }
    }

    @Test
    void regularFileAtThePathIsRefused() throws Exception {
        Path sock = tmp.resolve("bird.ctl");
        Files.writeString(sock, "not a socket");
        ControlServer s = new ControlServer(LabData.nodeA(201), List.of(new ControlSocketSpec(sock, Dialect.BIRD2, null)),
                Clock.systemUTC(), ZoneOffset.UTC, 1024);
        assertThrows(IOException.class, s::start);
        assertEquals("not a socket", Files.readString(sock));
    }

    @Test
    void twoSocketsEachLimitedToOneFamily() throws Exception {
        FakeBackend b = LabData1.nodeC(LabData1.Phase.NORMAL);
        ProtocolInfo mesh = b.protocols.get(5);
        b.protocols.add(new ProtocolInfo("Node_fd00__2", "BGP", null, ProtocolState.START, LabData.t("19:00:29"), "",
                null, Family.IPV6_UNICAST, mesh.channels(), LabData.down("Passive", "fd00::2", 64512, null, null)));
        b.protocols.add(LabData.other("device6", "Device", null, ProtocolState.UP, LabData.t("19:00:27"), List.of()));
        Path v4 = tmp.resolve("bird.ctl");
        Path v6 = tmp.resolve("bird6.ctl");
        start(b, new ControlSocketSpec(v4, Dialect.BIRD1, Family.IPV4_UNICAST),
                new ControlSocketSpec(v6, Dialect.BIRD1, Family.IPV6_UNICAST));
        try (Client c4 = new Client(v4); Client c6 = new Client(v6)) {
            assertEquals("0001 BIRD 1.6.8 ready.\n", c4.reply());
            assertEquals("0001 BIRD 1.6.8 ready.\n", c6.reply());
            assertEquals(Captures.raw("bird16-node-c__show_protocols").replace("0000 \n", " device6  Device   master   up     19:00:27    \n0000 \n"),
                    c4.send("show protocols"));
            String six = c6.send("show protocols");
            assertTrue(six.contains("\n1002-Node_fd00__2 BGP      master   start"), six);
            assertFalse(six.contains("Node_10_99_1_2"), six);
            assertTrue(six.contains(" device6  Device   master   up"), "family-less protocols show on both sockets");
            assertEquals("0000 \n", c6.send("show route"));
            assertEquals("0014 0 of 0 routes for 0 networks\n", c6.send("show route count"));
            assertEquals("8001 Network not in table\n", c6.send("show route for 172.16.5.1"));
            assertEquals("9002 Node_fd00__2 is not a protocol\n", c4.send("show protocols Node_fd00__2"));
        }
    }

    @Test
    void downRepliesThenShutsDown() throws Exception {
        FakeBackend b = LabData.nodeA(201);
        Path sock = tmp.resolve("bird.ctl");
        start(b, new ControlSocketSpec(sock, Dialect.BIRD2, null));
        try (Client c = new Client(sock)) {
            c.reply();
            assertEquals("0007 Shutdown requested\n", c.send("down"));
        }
        // The reply is flushed before shutdown() runs; wait for it (a hang guard, not a speed check).
        assertTrue(b.shutdownCalled.await(60, TimeUnit.SECONDS));
        assertEquals(1, b.shutdowns.get());
    }

    @Test
    void gracefulRestartRepliesAsBirdThenStopsGracefully() throws Exception {
        FakeBackend b = LabData.nodeA(201);
        Path sock = tmp.resolve("bird.ctl");
        start(b, new ControlSocketSpec(sock, Dialect.BIRD2, null));
        try (Client c = new Client(sock)) {
            c.reply();
            assertEquals("0016 Access restricted\n", c.send("restrict"));
            assertEquals("8007 Access denied\n", c.send("graceful restart"));
        }
        try (Client c = new Client(sock)) {
            c.reply();
            assertEquals("0025 Graceful restart requested\n", c.send("graceful restart"));
        }
        assertTrue(b.shutdownCalled.await(60, TimeUnit.SECONDS));
        assertEquals(1, b.gracefulRestarts.get());
        assertEquals(0, b.shutdowns.get());
    }
}
