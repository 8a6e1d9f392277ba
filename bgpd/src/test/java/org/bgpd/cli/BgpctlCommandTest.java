package org.bgpd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bgpd.control.ControlBackend;
import org.bgpd.control.ControlServer;
import org.bgpd.control.ControlSocketSpec;
import org.bgpd.control.Dialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bgpctl} against a real control socket served from the test backend of the control package. */
class BgpctlCommandTest {
    Path socket;
    ControlServer server;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        socket = Files.createTempDirectory("bgpctl").resolve("bgpd.ctl");
        ControlBackend backend = org.bgpd.control.TestBackends.nodeA();
        server = new ControlServer(backend, List.of(new ControlSocketSpec(socket, Dialect.BIRD2, null)),
                Clock.fixed(Instant.parse("2026-11-21T19:00:41.256Z"), ZoneOffset.UTC), ZoneOffset.UTC, 1024);
        server.start();
    }

    @AfterEach
    void stop() { server.close(); }

    int run(String... args) {
        return new CommandLine(new BgpctlCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
    }

    String out() { return out.toString(StandardCharsets.UTF_8); }

    @Test
    void humanOutputHasNoCodes() {
        assertEquals(0, run("-s", socket.toString(), "show", "status"));
        String[] lines = out().split("\n");
        assertEquals("BIRD 2.0.12", lines[0]);
        assertEquals("Router ID is 10.99.0.1", lines[1]);
        assertEquals("Daemon is up and running", lines[lines.length - 1]);
    }

    @Test
    void jsonModeUsesTheJsonPrefixAndPrintsOneObjectPerLine() {
        assertEquals(0, run("-s", socket.toString(), "--json", "show", "protocols"));
        String[] lines = out().split("\n");
        assertTrue(lines.length > 3, out());
        for (String l : lines) assertTrue(l.startsWith("{\"type\":\"protocol\""), l);
    }

    @Test
    void anErrorReplyExitsNonZero() {
        assertEquals(1, run("-s", socket.toString(), "show", "protocols", "nosuch*"));
        assertEquals("No protocols match\n", err.toString(StandardCharsets.UTF_8));
        out.reset();
        assertEquals(1, run("-s", socket.toString(), "--json", "disable", "Nope*"));
        assertEquals("{\"error\":{\"code\":8003,\"message\":\"No protocols match\"}}\n", out());
    }

    @Test
    void aMissingSocketExitsWithTwo() {
        assertEquals(2, run("-s", socket.resolveSibling("none.ctl").toString(), "show", "status"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("bgpctl: "));
    }

    @Test
    void patternsAreQuotedForBird() {
        assertEquals("disable \"Node_*\"", BgpctlCommand.commandLine(List.of("disable", "Node_*")));
        assertEquals("graceful restart", BgpctlCommand.commandLine(List.of("graceful-restart")));
        assertEquals("graceful restart", BgpctlCommand.commandLine(List.of("graceful", "restart")));
        assertEquals("show route for 10.0.0.1", BgpctlCommand.commandLine(List.of("show", "route", "for", "10.0.0.1")));
    }
}
