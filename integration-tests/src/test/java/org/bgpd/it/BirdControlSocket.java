package org.bgpd.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.io.BufferedReader;
import java.io.InputStreamReader;

/**
 * Stateless; safe to share. Sends one command to a BIRD control socket over a fresh connection
 * and reads the reply up to its final line (four digits and a space), as described in
 * shared/reference/bird-control-protocol.md. A fresh connection per command keeps callers
 * independent of daemon restarts.
 */
public final class BirdControlSocket {

    private final Path socket;

    public BirdControlSocket(Path socket) {
        this.socket = socket;
    }

    public Path path() {
        return socket;
    }

    /** Sends {@code command} and returns the reply; throws UncheckedIOException if nobody answers. */
    public BirdReply send(String command) {
        if (command.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("one command per call: " + command);
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
            String welcome = readReply(in);
            if (!welcome.startsWith("0001 ")) {
                throw new IOException("unexpected greeting from " + socket + ": " + welcome);
            }
            ByteBuffer out = ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                ch.write(out);
            }
            return BirdReply.parseRaw(readReply(in));
        } catch (IOException e) {
            throw new UncheckedIOException("BIRD control socket " + socket + ": " + command + ": " + e.getMessage(), e);
        }
    }

    private static String readReply(BufferedReader in) throws IOException {
        StringBuilder raw = new StringBuilder();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed mid-reply after: " + raw);
            }
            raw.append(line).append('\n');
            if (BirdReply.isCodedLine(line) && line.charAt(4) == ' ') {
                return raw.toString();
            }
        }
    }
}
