package org.bgpd.confd.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code configure} against a scripted BIRD-protocol server on a real Unix socket. */
class ControlSocketClientTest {

    @TempDir
    Path dir;

    private CompletableFuture<String> serveOnce(Path socket, String reply) throws Exception {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return CompletableFuture.supplyAsync(() -> {
            try (server; SocketChannel ch = server.accept()) {
                var out = Channels.newOutputStream(ch);
                out.write("0001 BIRD 1.6.8 ready.\n".getBytes(StandardCharsets.US_ASCII));
                String command = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.US_ASCII)).readLine();
                out.write(reply.getBytes(StandardCharsets.US_ASCII));
                return command;
            } catch (Exception e) {
                return "server failed: " + e;
            }
        });
    }

    @Test
    void reconfiguredIsSuccess() throws Exception {
        Path socket = dir.resolve("bird.ctl");
        CompletableFuture<String> seen = serveOnce(socket, "0002-Reading configuration from /etc/bgpd.yaml\n0003 Reconfigured\n");
        assertNull(ControlSocketClient.configure(socket));
        assertEquals("configure", seen.get());
    }

    @Test
    void configErrorIsReportedWithTheDaemonsText() throws Exception {
        Path socket = dir.resolve("bird.ctl");
        serveOnce(socket, "0002-Reading configuration from /etc/bgpd.yaml\n8002 /etc/bgpd.yaml:3:1: unknown key\n");
        String problem = ControlSocketClient.configure(socket);
        assertNotNull(problem);
        assertTrue(problem.contains("8002 /etc/bgpd.yaml:3:1: unknown key"), problem);
    }

    @Test
    void noDaemonIsAFailureNotAnException() {
        assertNotNull(ControlSocketClient.configure(dir.resolve("missing.ctl")));
    }
}
