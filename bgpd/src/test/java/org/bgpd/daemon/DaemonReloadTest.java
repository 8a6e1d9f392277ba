package org.bgpd.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bgpd.config.diff.PeerAction;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.session.PeerSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon with passive peers on loopback (nothing connects): what reload does to the running
 * configuration, the peer table and the listener.
 */
class DaemonReloadTest {
    @TempDir
    Path dir;
    private Daemon daemon;
    private Path file;
    private int port;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @BeforeEach
    void start() throws IOException {
        port = freePort();
        file = dir.resolve("bgpd.yaml");
        Files.writeString(file, Configs.base(port, "    export: p1", "", ""));
        daemon = new Daemon(Configs.parse(Files.readString(file)), file);
        daemon.start();
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    @Test
    void invalidFileIsRefusedWithPositionsAndTheRunningConfigurationStays() throws IOException {
        DaemonConfig before = daemon.config();
        PeerSession a = daemon.session("a");
        Files.writeString(file, Configs.base(port, "    export: p1\n    hold-tme: 3", "", ""));
        ReloadResult r = daemon.reload(file);
        assertEquals(ReloadResult.Outcome.FAILED, r.outcome());
        assertTrue(r.errorText().startsWith(file + ":"), r.errorText());
        assertTrue(r.errorText().contains("hold-tme"), r.errorText());
        assertSame(before, daemon.config());
        assertSame(a, daemon.session("a"));
        assertTrue(r.steps().isEmpty());
    }

    @Test
    void checkReportsWithoutApplying() throws IOException {
        DaemonConfig before = daemon.config();
        Files.writeString(file, Configs.base(port, "    export: p2", "", ""));
        ReloadResult r = daemon.checkReload(file);
        assertEquals(ReloadResult.Outcome.CHECKED, r.outcome());
        assertEquals(List.of(new ReloadStep.RefeedExport("a")), r.steps());
        assertTrue(r.peerChanges().stream().anyMatch(c -> c.name().equals("a") && c.has(PeerAction.REFEED_EXPORT)));
        assertSame(before, daemon.config());
    }

    @Test
    void unchangedFileDoesNothing() {
        assertEquals(ReloadResult.Outcome.UNCHANGED, daemon.reload(file).outcome());
    }

    @Test
    void addRemoveAndResetTouchOnlyThosePeers() throws IOException {
        PeerSession a = daemon.session("a");
        int aIndex = daemon.peerIndex("a");
        PeerSession b = daemon.session("b");
        String yaml = Configs.base(port, "    export: p1", "    hold-time: 30", """
                  - name: c
                    address: 127.0.1.3
                    remote-as: 65003
                    passive: true
                """);
        Files.writeString(file, yaml);
        ReloadResult r = daemon.reload(file);
        assertEquals(ReloadResult.Outcome.APPLIED, r.outcome(), r.errorText());
        assertSame(a, daemon.session("a"));
        assertEquals(aIndex, daemon.peerIndex("a"));
        assertNotNull(daemon.session("b"));
        assertTrue(b != daemon.session("b"), "b's session was reset");
        assertNotNull(daemon.session("c"));
        assertEquals(30, daemon.session("b").settings().fsm().holdTime());

        Files.writeString(file, Configs.base(port, "    export: p1", "    hold-time: 30", ""));
        assertEquals(ReloadResult.Outcome.APPLIED, daemon.reload(file).outcome());
        assertNull(daemon.session("c"));
        assertEquals(-1, daemon.peerIndex("c"));
        assertSame(a, daemon.session("a"));
        assertEquals(List.of("a", "b"), daemon.sessions().stream().map(PeerSession::name).toList());
    }

    @Test
    void listenPortChangeRebinds() throws IOException {
        PeerSession a = daemon.session("a");
        int next = freePort();
        Files.writeString(file, Configs.base(next, "    export: p1", "", ""));
        ReloadResult r = daemon.reload(file);
        assertEquals(ReloadResult.Outcome.APPLIED, r.outcome(), r.errorText());
        assertEquals(next, daemon.boundAddress().getPort());
        assertSame(a, daemon.session("a"));
    }

    @Test
    void listenOnAPortInUseIsRefusedAndNothingChanges() throws IOException {
        DaemonConfig before = daemon.config();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Files.writeString(file, Configs.base(taken.getLocalPort(), "    export: p2", "", ""));
            ReloadResult r = daemon.reload(file);
            assertEquals(ReloadResult.Outcome.FAILED, r.outcome());
            assertTrue(r.errorText().contains("cannot listen"), r.errorText());
        }
        assertSame(before, daemon.config());
        assertEquals(port, daemon.boundAddress().getPort());
    }
}
