package org.bgpd.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.BooleanSupplier;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.bgpd.control.ConfdInfo;
import org.bgpd.session.PeerSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code confd:} section end to end with the file backend: first render before start, the
 * section carried through, key changes applied in-process, invalid renderings and section
 * changes refused while the daemon keeps its configuration.
 */
class EmbeddedConfdTest {
    private static final long TIMEOUT_MS = 60_000;

    @TempDir
    Path dir;
    private Daemon daemon;

    @AfterEach
    void stop() {
        if (daemon != null) daemon.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private Path confdir(String template) throws IOException {
        Path confdir = dir.resolve("confdir");
        Files.createDirectories(confdir.resolve("conf.d"));
        Files.createDirectories(confdir.resolve("templates"));
        // dest, check and reload are the daemon's own whatever the resource says.
        Files.writeString(confdir.resolve("conf.d/bgpd.yaml"), """
                src: bgpd.yaml.peb
                dest: /nonexistent/ignored.yaml
                keys: [/bgp]
                reload: "false"
                """);
        Files.writeString(confdir.resolve("templates/bgpd.yaml.peb"), template);
        return confdir;
    }

    private static String template(int port) {
        return """
                router-id: 10.0.0.1
                local-as: 65001
                listen: {address: 127.0.0.1, port: %d}
                peers: [
                {%% for p in lsdir("/bgp/peers") %%}
                  {name: {{ p }}, address: {{ getv("/bgp/peers/" ~ p ~ "/ip") }}, remote-as: {{ getv("/bgp/peers/" ~ p ~ "/as") }}, passive: true},
                {%% endfor %%}
                ]
                """.formatted(port);
    }

    private Path seed(Path confdir, Path keys) throws IOException {
        Path file = dir.resolve("bgpd.yaml");
        Files.writeString(file, """
                router-id: 10.0.0.1
                local-as: 65001
                confd:
                  backend: file
                  file: %s
                  confdir: %s
                  node: node-1
                  debounce-ms: 10
                """.formatted(keys, confdir));
        return file;
    }

    private static void writeKeys(Path keys, String peers) throws IOException {
        Path tmp = keys.resolveSibling(keys.getFileName() + ".tmp");
        Files.writeString(tmp, peers.isEmpty() ? "/bgp/x: {y: z}\n" : peers);
        Files.move(tmp, keys, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String peer(String name, String ip, String as) {
        return "/bgp/peers/" + name + ": {ip: " + ip + ", as: \"" + as + "\"}\n";
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void rendersBeforeStartAppliesKeyChangesAndRefusesInvalidRenderings() throws Exception {
        int port = freePort();
        Path keys = dir.resolve("keys.yaml");
        writeKeys(keys, peer("a", "127.0.1.1", "65002"));
        Path file = seed(confdir(template(port)), keys);
        DaemonConfig seed = ((LoadResult.Loaded) ConfigLoader.load(file)).config();

        DaemonConfig first = EmbeddedConfd.firstRender(seed, file);
        assertNotNull(first.peer("a"));
        assertEquals(seed.confd(), first.confd(), "the section is carried through");
        assertTrue(Files.readString(file).contains("confd:"));

        daemon = new Daemon(first, file);
        daemon.start();
        EmbeddedConfd confd = daemon.confd();
        assertNotNull(confd);
        await(() -> confd.info().lastRender() != null, "the first watched render");
        assertEquals(0, confd.reloads(), "the file already holds this rendering");
        PeerSession a = daemon.session("a");

        writeKeys(keys, peer("a", "127.0.1.1", "65002") + peer("b", "127.0.1.2", "65003"));
        await(() -> daemon.config().peer("b") != null, "peer b from the new keys");
        assertEquals(1, confd.reloads());
        assertSame(a, daemon.session("a"), "an added peer leaves the others alone");
        ConfdInfo ok = new DaemonControlBackend(daemon).confd();
        assertTrue(ok.connected());
        assertNull(ok.lastError());
        assertEquals("node-1", ok.node());

        DaemonConfig before = daemon.config();
        String fileBefore = Files.readString(file);
        writeKeys(keys, peer("a", "127.0.1.1", "65002") + peer("b", "127.0.1.2", "65003") + peer("c", "127.0.1.3", "4294967296"));
        await(() -> confd.info().lastError() != null, "the refusal");
        assertTrue(confd.info().lastError().contains("4294967296"), confd.info().lastError());
        assertSame(before, daemon.config());
        assertEquals(fileBefore, Files.readString(file));
        assertEquals(1, confd.reloads(), "a refused rendering is never applied");
    }

    @Test
    void aRenderingWithADifferentConfdSectionIsRefused() throws Exception {
        int port = freePort();
        Path keys = dir.resolve("keys.yaml");
        writeKeys(keys, peer("a", "127.0.1.1", "65002"));
        Path confdir = confdir(template(port) + "confd: {backend: file, file: /elsewhere.yaml}\n");
        Path file = seed(confdir, keys);
        String seedText = Files.readString(file);
        DaemonConfig seed = ((LoadResult.Loaded) ConfigLoader.load(file)).config();

        assertSame(seed, EmbeddedConfd.firstRender(seed, file), "refused: start from the seed");
        assertEquals(seedText, Files.readString(file));
    }

    @Test
    void reloadingAChangedConfdSectionIsRefused() throws Exception {
        int port = freePort();
        Path keys = dir.resolve("keys.yaml");
        writeKeys(keys, peer("a", "127.0.1.1", "65002"));
        Path file = seed(confdir(template(port)), keys);
        DaemonConfig first = EmbeddedConfd.firstRender(((LoadResult.Loaded) ConfigLoader.load(file)).config(), file);
        daemon = new Daemon(first, file);
        daemon.start();
        // The watched first render would put the rendering back over the edits below.
        await(() -> daemon.confd().info().lastRender() != null, "the first watched render");

        Files.writeString(file, Files.readString(file).replace("debounce-ms: 10", "debounce-ms: 20"));
        ReloadResult changed = daemon.reload(file);
        assertFalse(changed.ok());
        assertTrue(changed.errorText().contains("confd"), changed.errorText());

        Files.writeString(file, Files.readString(file).substring(0, Files.readString(file).indexOf("confd:")));
        ReloadResult removed = daemon.reload(file);
        assertFalse(removed.ok(), "a reload cannot switch the renderer off either");
        assertSame(first, daemon.config());
    }

    @Test
    void carryThroughKeepsASectionTheTemplateWrote() {
        DaemonConfig c = Configs.parse("""
                router-id: 10.0.0.1
                local-as: 65001
                confd: {backend: etcd}
                """);
        var carry = EmbeddedConfd.carryThrough(c.confd().orElseThrow());
        String own = "router-id: 10.0.0.1\nconfd: {backend: etcd}\n";
        assertEquals(own, carry.apply(own));
        String added = carry.apply("router-id: 10.0.0.1\nlocal-as: 65001");
        LoadResult.Loaded l = (LoadResult.Loaded) ConfigLoader.parse(added, "x.yaml");
        assertEquals(c.confd(), l.config().confd());
    }
}
