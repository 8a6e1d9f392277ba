package org.bgpd.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real {@link Daemon} (RIB thread, one passive peer that never connects, static routes of both
 * families) answering on its configured control sockets, read the way birdc reads them.
 */
class DaemonControlBackendTest {
    static final String PEER = "Node_127_0_0_77";
    Path dir;
    Path configFile;
    Path all;
    Path v4;
    Daemon daemon;

    static String yaml(Path all, Path v4, int port) {
        return """
                router-id: 127.0.0.1
                local-as: 64512
                listen: {address: 127.0.0.1, port: %d}
                control-sockets:
                  - path: %s
                  - {path: %s, dialect: bird1, family: ipv4}
                static-routes:
                  - {prefix: 192.0.2.0/24, blackhole: true}
                  - {prefix: 198.51.100.0/24, unreachable: true}
                  - {prefix: "2001:db8::/48", blackhole: true}
                peers:
                  - name: %s
                    address: 127.0.0.77
                    remote-as: 64512
                    passive: true
                """.formatted(port, all, v4, PEER);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @BeforeEach
    void start() throws IOException {
        dir = Files.createTempDirectory("bgpd-ctl");
        all = dir.resolve("bgpd.ctl");
        v4 = dir.resolve("bird.ctl");
        configFile = dir.resolve("bgpd.yaml");
        Files.writeString(configFile, yaml(all, v4, freePort()));
        daemon = new Daemon(load(configFile), configFile);
        daemon.start();
    }

    static DaemonConfig load(Path file) {
        LoadResult r = ConfigLoader.load(file);
        if (r instanceof LoadResult.Failed f) throw new AssertionError(f.errors());
        return ((LoadResult.Loaded) r).config();
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    /** One connection; each {@link #ask} returns the reply lines as sent. */
    static final class Conn implements AutoCloseable {
        final SocketChannel ch;
        final BufferedReader in;

        Conn(Path socket) throws IOException {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(socket));
            in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
            assertEquals("0001 BIRD", in.readLine().substring(0, 9));
        }

        List<String> ask(String command) throws IOException {
            ByteBuffer b = ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) ch.write(b);
            List<String> out = new ArrayList<>();
            while (true) {
                String l = in.readLine();
                assertTrue(l != null, "connection closed after " + out);
                out.add(l);
                if (l.length() >= 5 && Character.isDigit(l.charAt(0)) && l.charAt(4) == ' ') return out;
            }
        }

        @Override
        public void close() throws IOException { ch.close(); }
    }

    static List<String> ask(Path socket, String command) throws IOException {
        try (Conn c = new Conn(socket)) {
            return c.ask(command);
        }
    }

    static boolean anyMatch(List<String> lines, String regex) {
        Pattern p = Pattern.compile(regex);
        for (String l : lines) if (p.matcher(l).matches()) return true;
        return false;
    }

    @Test
    void theSocketIsCreatedWithMode0660() throws IOException {
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(all)));
    }

    @Test
    void showProtocolsListsStaticsAndThePeerByItsConfiguredName() throws IOException {
        List<String> r = ask(all, "show protocols");
        assertEquals("2002-Name       Proto      Table      State  Since         Info", r.get(0));
        assertTrue(anyMatch(r, "1002-static1    Static     master4    up     \\S+\\s+"), r.toString());
        assertTrue(anyMatch(r, " static2    Static     master6    up     \\S+\\s+"), r.toString());
        assertTrue(anyMatch(r, " " + PEER + " BGP        ---        start  \\S+\\s+Passive\\s*"), r.toString());
        assertEquals("0000 ", r.getLast());
    }

    @Test
    void showProtocolsAllCountsTheStaticRoutesOfEachFamily() throws IOException {
        List<String> r = ask(all, "show protocols all static1");
        assertTrue(r.contains("     Routes:         2 imported, 0 exported, 2 preferred"), r.toString());
        List<String> peer = ask(all, "show protocols all " + PEER);
        assertTrue(peer.contains("     Neighbor address: 127.0.0.77"), peer.toString());
        assertTrue(peer.contains("     BGP state:          Passive") || peer.contains("1006-  BGP state:          Passive"),
                peer.toString());
    }

    @Test
    void showRouteShowsStaticRoutesWithTheirTypes() throws IOException {
        List<String> r = ask(all, "show route");
        assertTrue(r.contains("1007-Table master4:"), r.toString());
        assertTrue(anyMatch(r, " 192\\.0\\.2\\.0/24\\s+blackhole \\[static1 \\S+\\] \\* \\(200\\)"), r.toString());
        assertTrue(anyMatch(r, " 198\\.51\\.100\\.0/24\\s+unreachable \\[static1 \\S+\\] \\* \\(200\\)"), r.toString());
        assertTrue(anyMatch(r, " 2001:db8::/48\\s+blackhole \\[static2 \\S+\\] \\* \\(200\\)"), r.toString());
        List<String> one = ask(all, "show route for 192.0.2.77 all");
        assertTrue(anyMatch(one, " 192\\.0\\.2\\.0/24\\s+blackhole .*"), one.toString());
        assertTrue(one.contains("1008-\tType: static univ"), one.toString());
        assertEquals("8001 Network not found", ask(all, "show route 203.0.113.0/24").getLast());
    }

    @Test
    void showRouteCountCountsPerTable() throws IOException {
        List<String> r = ask(all, "show route count");
        assertEquals(List.of("1007-2 of 2 routes for 2 networks in table master4",
                " 1 of 1 routes for 1 networks in table master6",
                "0014 Total: 3 of 3 routes for 3 networks in 2 tables"), r);
        assertEquals("0014 2 of 2 routes for 2 networks", ask(v4, "show route count protocol static1").getLast());
        assertEquals("0014 0 of 2 routes for 2 networks", ask(v4, "show route count protocol " + PEER).getLast());
    }

    @Test
    void anIpv4Bird1SocketHidesIpv6AndUsesBird1Layout() throws IOException {
        List<String> r = ask(v4, "show protocols");
        assertEquals("2002-name     proto    table    state  since       info", r.get(0));
        assertTrue(anyMatch(r, "1002-static1  Static   master   up     \\S+\\s+"), r.toString());
        assertFalse(r.toString().contains("static2"), r.toString());
        List<String> routes = ask(v4, "show route");
        assertFalse(routes.toString().contains("2001:db8"), routes.toString());
        assertTrue(anyMatch(routes, "1007-192\\.0\\.2\\.0/24\\s+blackhole \\[static1 \\S+\\] \\* \\(200\\)"), routes.toString());
    }

    @Test
    void statusShowsRouterIdAndTheConnectionSurvivesAnUnknownCommand() throws IOException {
        try (Conn c = new Conn(all)) {
            List<String> bad = c.ask("frobnicate");
            assertTrue(bad.getLast().startsWith("9001 "), bad.toString());
            List<String> status = c.ask("show status");
            assertEquals("1000-BIRD 2.0.12", status.get(0));
            assertTrue(status.contains("1011-Router ID is 127.0.0.1"), status.toString());
            assertEquals("0013 Daemon is up and running", status.getLast());
        }
    }

    @Test
    void disableAndEnableDriveThePeer() throws IOException {
        assertEquals(List.of("0009-" + PEER + ": disabled", "0000 "), ask(all, "disable " + PEER));
        assertTrue(anyMatch(ask(all, "show protocols"), " " + PEER + " BGP        ---        down   .*"));
        assertEquals(List.of("0008-" + PEER + ": already disabled", "0000 "), ask(all, "disable " + PEER));
        assertEquals(List.of("0011-" + PEER + ": enabled", "0000 "), ask(all, "enable " + PEER));
        assertTrue(anyMatch(ask(all, "show protocols"), " " + PEER + " BGP        ---        start  .*"));
    }

    @Test
    void configureValidatesTheFileAndReportsErrorsWithTheirPosition() throws IOException {
        assertEquals("0020 Configuration OK", ask(all, "configure check").getLast());
        assertEquals("0003 Reconfigured", ask(all, "configure").getLast());
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "router-id: 127.0.0.1\nlocal-as: 64512\npeerz: []\n");
        List<String> r = ask(all, "configure check \"" + broken + "\"");
        assertEquals("0002-Reading configuration from " + broken, r.get(0));
        assertTrue(r.getLast().startsWith("8002 " + broken + ":3:1: "), r.toString());
    }

    /** Tried: {@code configure check} on a file that adds a peer and drops a static route; nothing may change. */
    @Test
    void configureCheckListsThePlanAndChangesNothing() throws IOException {
        Path next = dir.resolve("next.yaml");
        String text = Files.readString(configFile)
                .replace("  - {prefix: 198.51.100.0/24, unreachable: true}\n", "")
                + "  - {name: added, address: 127.0.0.78, remote-as: 64512, passive: true}\n";
        Files.writeString(next, text);
        List<String> r = ask(all, "configure check \"" + next + "\"");
        // BIRD's protocol: the first line of a code carries it, the following ones start with a space
        assertTrue(r.contains("0020-static route 198.51.100.0/24: withdraw"), r.toString());
        assertTrue(r.contains(" added: start"), r.toString());
        assertEquals("0020 Configuration OK", r.getLast());
        assertEquals(null, daemon.session("added"), "check must not start the peer");
        assertTrue(ask(all, "json configure check \"" + next + "\"").toString().contains("\"plan\":[\""), "json plan");
    }

    @Test
    void aLiveSocketIsNotTakenOver() throws IOException {
        Files.writeString(configFile, yaml(all, dir.resolve("other.ctl"), freePort()));
        Daemon second = new Daemon(load(configFile), configFile);
        try {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, second::start);
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
        } finally {
            second.close();
        }
        assertEquals("0013 Daemon is up and running", ask(all, "show status").getLast());
    }

    @Test
    void aStaleSocketFileIsReplaced() throws IOException {
        daemon.close();
        // The JDK leaves no file behind on close; a crashed daemon does. Make one without a listener.
        try (var s = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(all));
        }
        assertTrue(Files.exists(all));
        Files.writeString(configFile, yaml(all, v4, freePort()));
        daemon = new Daemon(load(configFile), configFile);
        daemon.start();
        assertEquals("0013 Daemon is up and running", ask(all, "show status").getLast());
    }
}
