package org.bgpd.control;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves BIRD's control protocol on Unix domain sockets. Thread-safe: {@link #start} and
 * {@link #close} may be called from any thread; each socket has one acceptor thread, each client
 * one virtual thread.
 *
 * <p>Why the JDK's blocking {@code UnixDomainSocketAddress} channels rather than Netty's
 * {@code EpollServerDomainSocketChannel}: the control socket carries a few commands a minute, so an
 * event loop buys nothing, while a thread per client gives the strictly sequential replies BIRD's
 * protocol needs for free, and blocking writes give back-pressure for a million-route
 * {@code show route}: the next page is not fetched until the client has read the previous one.
 * The JDK also never deletes an existing socket file on bind (Netty does, silently taking over a
 * live daemon's socket), so the stale-or-live check in {@link SocketFiles} stays in our hands.
 */
public final class ControlServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);
    /** BIRD's CLI receive buffer is 1 KiB; a longer command gets {@code 9000 Command too long}. */
    public static final int DEFAULT_MAX_LINE = 1024;
    /**
     * Pending connections the kernel queues before accept. The JDK's default is 50; past it a
     * client that connects without blocking (Go's net.Dial, a JDK virtual thread) gets EAGAIN
     * instead of waiting, which a burst of calicoctl/health checks on a busy node can reach.
     * The kernel caps it at net.core.somaxconn.
     */
    static final int BACKLOG = 1024;

    private final ControlBackend backend;
    private final List<ControlSocketSpec> specs;
    private final Clock clock;
    private final ZoneId zone;
    private final int maxLine;
    private final List<ServerSocketChannel> servers = new ArrayList<>();
    private final Set<SocketChannel> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public ControlServer(ControlBackend backend, List<ControlSocketSpec> specs, Clock clock, ZoneId zone, int maxLine) {
        this.backend = backend;
        this.specs = List.copyOf(specs);
        this.clock = clock;
        this.zone = zone;
        this.maxLine = maxLine;
    }

    /** Binds every socket; on failure nothing stays bound. */
    public synchronized void start() throws IOException {
        try {
            for (ControlSocketSpec spec : specs) {
                SocketFiles.prepare(spec.path());
                ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                servers.add(server);
                server.bind(UnixDomainSocketAddress.of(spec.path()), BACKLOG);
                SocketFiles.restrict(spec.path());
                Thread.ofPlatform().daemon().name("control-accept-" + spec.path().getFileName())
                        .start(() -> acceptLoop(server, spec));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void acceptLoop(ServerSocketChannel server, ControlSocketSpec spec) {
        while (!closed) {
            try {
                SocketChannel client = server.accept();
                clients.add(client);
                Thread.ofVirtual().name("control-client").start(() -> serve(client, spec));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (!closed) LOG.warn("control socket {}: accept failed", spec.path(), e);
            }
        }
    }

    private void serve(SocketChannel client, ControlSocketSpec spec) {
        try (client) {
            InputStream in = Channels.newInputStream(client);
            ReplyWriter w = new ReplyWriter(new BufferedWriter(
                    new OutputStreamWriter(Channels.newOutputStream(client), StandardCharsets.UTF_8), 8192));
            CommandSession session = new CommandSession(backend, spec.dialect(), spec.family(), clock, zone);
            w.last(1, spec.dialect().greeting());
            w.flush();
            LineReader lines = new LineReader(in, maxLine);
            while (!closed) {
                String line = lines.next();
                if (line == null) return;
                if (line == LineReader.TOO_LONG) w.last(9000, "Command too long");
                else session.execute(line, w);
                w.flush();
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("control client left: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.warn("control client dropped after an unexpected failure", e);
        } finally {
            clients.remove(client);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (ServerSocketChannel s : servers) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debug("closing control socket: {}", e.toString());
            }
        }
        for (SocketChannel c : clients) {
            try {
                c.close();
            } catch (IOException e) {
                LOG.debug("closing control client: {}", e.toString());
            }
        }
        for (int i = 0; i < servers.size(); i++) {
            try {
                Files.deleteIfExists(specs.get(i).path());
            } catch (IOException e) {
                LOG.debug("removing control socket file: {}", e.toString());
            }
        }
        servers.clear();
    }

    /** Reads {@code \n}-terminated lines, dropping {@code \r}; over-long lines are consumed whole. */
    static final class LineReader {
        static final String TOO_LONG = new String("<too long>");
        private final InputStream in;
        private final int max;
        private final byte[] buf = new byte[4096];
        private int pos;
        private int len;

        LineReader(InputStream in, int max) {
            this.in = in;
            this.max = max;
        }

        /** The next line, {@link #TOO_LONG}, or null at end of stream. */
        String next() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean tooLong = false;
            while (true) {
                if (pos == len) {
                    len = in.read(buf);
                    pos = 0;
                    if (len <= 0) {
                        len = 0;
                        return null;
                    }
                }
                byte b = buf[pos++];
                if (b == '\n') return tooLong ? TOO_LONG : line.toString(StandardCharsets.UTF_8);
                if (b == '\r' || tooLong) continue;
                if (line.size() >= max) {
                    tooLong = true;
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }
    }
}
