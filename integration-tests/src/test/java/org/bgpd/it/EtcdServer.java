package org.bgpd.it;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real etcd (Debian's etcd-server, {@code /usr/bin/etcd}) on a loopback address with free ports
 * and its own data directory; stoppable and restartable on the same directory and ports, so a
 * client can resume from its revision. Owned by the test thread.
 */
final class EtcdServer implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/etcd");
    private static final long START_TIMEOUT_S = 90;

    private final Path dataDir;
    private final Path log;
    private final String address;
    private final int clientPort;
    private final int peerPort;
    private Process process;
    private Client client;

    EtcdServer(Path workDir) {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " is missing: run scripts/install-test-deps (Debian package etcd-server)");
        }
        this.dataDir = workDir.resolve("etcd-data");
        this.log = workDir.resolve("etcd.log");
        this.address = LoopbackAddresses.nextIpv4();
        this.clientPort = TcpPorts.free(address);
        this.peerPort = TcpPorts.free(address);
    }

    String endpoint() { return "http://" + address + ":" + clientPort; }

    void start() throws IOException, InterruptedException {
        String peer = "http://" + address + ":" + peerPort;
        process = new ProcessBuilder(List.of(BINARY.toString(), "--name", "it", "--data-dir", dataDir.toString(),
                "--listen-client-urls", endpoint(), "--advertise-client-urls", endpoint(),
                "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer, "--initial-cluster", "it=" + peer))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_S);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException("etcd exited with " + process.exitValue() + "; see " + log);
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, clientPort), 200);
                return;
            } catch (IOException notYet) {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }
        throw new IOException("etcd did not listen on " + endpoint() + " within " + START_TIMEOUT_S + " s; see " + log);
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }
    }

    /** Writes one key and returns the revision etcd gave it. */
    long put(String key, String value) throws Exception {
        if (client == null) client = Client.builder().endpoints(endpoint()).build();
        return client.getKVClient().put(bytes(key), bytes(value)).get(60, TimeUnit.SECONDS).getHeader().getRevision();
    }

    private static ByteSequence bytes(String s) { return ByteSequence.from(s, StandardCharsets.UTF_8); }

    @Override
    public void close() throws InterruptedException {
        if (client != null) client.close();
        stop();
    }
}
