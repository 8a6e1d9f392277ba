package org.bgpd.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A client of BIRD's control protocol on a Unix socket: reads the {@code 0001} greeting, sends a
 * command line, and hands each reply line on as it arrives (a large {@code show route} streams).
 * Owned by the thread that opened it; not thread-safe.
 */
public final class ControlClient implements AutoCloseable {

    /** One reply line: its code (continuation lines inherit the previous code) and its text. */
    public record Line(int code, String text, boolean last) {
        /** BIRD's 8xxx (run-time) and 9xxx (parse) codes. */
        public boolean isError() { return code >= 8000; }
    }

    private final SocketChannel channel;
    private final BufferedReader in;

    private ControlClient(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
    }

    /** Connects and reads the greeting; @throws IOException when nothing answers like BIRD does */
    public static ControlClient connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ControlClient c = new ControlClient(ch);
            Line greeting = c.readLine(-1);
            if (greeting == null || greeting.code() != 1) throw new IOException("unexpected greeting from " + socket);
            return c;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Connects, sends one command and returns every reply line, the final one last. */
    public static List<Line> query(Path socket, String command) throws IOException {
        try (ControlClient c = connect(socket)) {
            List<Line> lines = new ArrayList<>();
            c.send(command, lines::add);
            return lines;
        }
    }

    /** Sends {@code command} and passes each reply line to {@code sink}; @return the final line */
    public Line send(String command, Consumer<Line> sink) throws IOException {
        ByteBuffer out = ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) channel.write(out);
        int code = -1;
        while (true) {
            Line l = readLine(code);
            if (l == null) throw new IOException("connection closed in the middle of a reply");
            sink.accept(l);
            if (l.last()) return l;
            code = l.code();
        }
    }

    /** "DDDD-text", "DDDD text" (last) or " text" (same code as before). */
    private Line readLine(int previous) throws IOException {
        String s = in.readLine();
        if (s == null) return null;
        if (s.length() >= 5 && isCode(s) && (s.charAt(4) == '-' || s.charAt(4) == ' ')) {
            return new Line(Integer.parseInt(s.substring(0, 4)), s.substring(5), s.charAt(4) == ' ');
        }
        if (s.startsWith(" ")) return new Line(previous, s.substring(1), false);
        throw new IOException("not a BIRD reply line: " + s);
    }

    private static boolean isCode(String s) {
        for (int i = 0; i < 4; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
