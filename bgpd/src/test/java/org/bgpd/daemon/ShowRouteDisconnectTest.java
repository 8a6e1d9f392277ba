package org.bgpd.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.bgpd.control.ControlServer;
import org.bgpd.control.ControlSocketSpec;
import org.bgpd.control.Dialect;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Prefix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A real {@link Daemon} with 100,000 static routes in its RIB, and control clients that leave in
 * the middle of {@code show route all}.
 */
class ShowRouteDisconnectTest {
    private static final int ROUTES = 100_000;
    private static final long DEADLINE_MS = 120_000;

    @TempDir
    Path dir;
    private Daemon daemon;
    private Path socket;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void start() throws IOException {
        socket = dir.resolve("bgpd.ctl");
        String yaml = """
                router-id: 127.0.0.1
                local-as: 64512
                listen: {address: 127.0.0.1, port: %d}
                control-sockets:
                  - path: %s
                static-routes:
                  - {prefix: 10.0.0.0/24, blackhole: true}
                """.formatted(DaemonControlBackendTest.freePort(), socket);
        Path config = dir.resolve("bgpd.yaml");
        Files.writeString(config, yaml);
        log.start();
        root().addAppender(log);
        daemon = new Daemon(DaemonControlBackendTest.load(config), config);
        daemon.start();
        // The other 99,999 as the static protocol's routes, injected as a reload would add them
        // (a config file that size exceeds the YAML loader's 3 MB document limit).
        Attrs blackhole = StaticRoutes.attrs(daemon.config().staticRoutes().getFirst());
        for (int i = 1; i < ROUTES; i++) {
            daemon.rib().offer(new RibCommand.Originate(Daemon.STATIC_PEER, Prefix.v4(10 << 24 | i << 8, 24), blackhole));
        }
    }

    @AfterEach
    void stop() {
        if (daemon != null) daemon.close();
        root().detachAppender(log);
    }

    /** {@code show route} read to its end; the networks it lists. */
    private int countNetworksShown() throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
            in.readLine();
            ByteBuffer cmd = ByteBuffer.wrap("show route\n".getBytes(StandardCharsets.US_ASCII));
            while (cmd.hasRemaining()) ch.write(cmd);
            int networks = 0;
            for (String l = in.readLine(); ; l = in.readLine()) {
                if (l == null) fail("closed before the end of the reply");
                if (l.contains("/24 ")) networks++;
                if (l.length() >= 5 && Character.isDigit(l.charAt(0)) && l.charAt(4) == ' ') {
                    assertEquals("0000 ", l);
                    return networks;
                }
            }
        }
    }

    private void awaitRoutes() throws IOException, InterruptedException {
        await("static routes reach the RIB",
                () -> DaemonControlBackendTest.ask(socket, "show route count").getLast().contains(ROUTES + " networks"));
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws IOException;
    }

    private static void await(String what, Condition condition) throws IOException, InterruptedException {
        long end = System.currentTimeMillis() + DEADLINE_MS;
        while (!condition.holds()) {
            if (System.currentTimeMillis() > end) fail("never happened: " + what);
            Thread.sleep(20);
        }
    }

    private static Logger root() { return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME); }

    /**
     * Tried: 20 clients in turn each start {@code show route all} over 100,000 routes, read a few
     * lines (one reads none at all), and close the socket mid-reply, so the server's writes fail
     * while the RIB walk is still handing out pages. Then: nothing was logged at WARN or above,
     * the daemon still answers {@code show status}, and a full {@code show route} lists every one
     * of the 100,000 networks exactly once (abandoned walks left nothing behind that disturbs the
     * next one).
     */
    @Test
    void clientsLeavingMidShowRouteDoNoHarm() throws Exception {
        awaitRoutes();

        for (int c = 0; c < 20; c++) {
            try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                ch.connect(UnixDomainSocketAddress.of(socket));
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
                in.readLine();
                ByteBuffer cmd = ByteBuffer.wrap("show route all\n".getBytes(StandardCharsets.US_ASCII));
                while (cmd.hasRemaining()) ch.write(cmd);
                for (int l = 0; l < c * 3; l++) in.readLine();
            }
        }

        assertTrue(DaemonControlBackendTest.ask(socket, "show status").getLast().startsWith("0013 Daemon is up"));
        assertEquals(ROUTES, countNetworksShown());

        for (ILoggingEvent e : log.list) {
            if (e.getLevel().isGreaterOrEqual(Level.WARN)) fail("logged " + e.getLevel() + ": " + e.getFormattedMessage());
        }
    }

    /**
     * Tried: a client asks {@code show route all} over 100,000 routes and then reads nothing, so
     * the server's writes block. Then: the pages queued for it never exceed the walk's window
     * while its walk waits in the RIB; other clients' {@code show route count} walks (which read
     * the whole table) and {@code show status} still answer; when the slow client disconnects,
     * its walk is cancelled and the RIB's walk count drops to zero.
     */
    @Test
    void aSlowReaderHoldsAWindowOfPagesAndLeavingCancelsItsWalk() throws Exception {
        awaitRoutes();
        DaemonControlBackend backend = new DaemonControlBackend(daemon);
        Path ours = dir.resolve("walks.ctl");
        try (ControlServer server = new ControlServer(backend, List.of(new ControlSocketSpec(ours, Dialect.BIRD2, null)),
                Clock.systemUTC(), ZoneOffset.UTC, ControlServer.DEFAULT_MAX_LINE)) {
            server.start();
            RoutePageFigures figures = backend.routePages();
            SocketChannel slow = SocketChannel.open(StandardProtocolFamily.UNIX);
            slow.connect(UnixDomainSocketAddress.of(ours));
            ByteBuffer cmd = ByteBuffer.wrap("show route all\n".getBytes(StandardCharsets.US_ASCII));
            while (cmd.hasRemaining()) slow.write(cmd);

            // The server thread blocks on the full socket; the walk fills its window and waits.
            await("the slow client's window fills", () -> figures.peakQueued() == RibRoutePages.WINDOW);
            assertEquals(1, daemon.rib().routeWalkCount());

            for (int i = 0; i < 3; i++) {
                List<String> count = DaemonControlBackendTest.ask(socket, "show route count");
                assertTrue(count.getLast().contains(ROUTES + " networks"), count.getLast());
            }
            assertTrue(DaemonControlBackendTest.ask(socket, "show status").getLast().startsWith("0013 Daemon is up"));
            await("the other walks finish", () -> daemon.rib().routeWalkCount() == 1);
            assertEquals(1, figures.open());
            assertEquals(RibRoutePages.WINDOW, figures.peakQueued(), "never more than the window queued");

            slow.close();
            await("the abandoned walk is dropped", () -> daemon.rib().routeWalkCount() == 0);
            assertEquals(1, figures.cancelled());
            assertEquals(0, figures.open());
            assertTrue(daemon.rib().routeWalksCancelled() >= 1);
            assertEquals(RibRoutePages.WINDOW, figures.peakQueued());
        }
    }
}
