package org.bgpd.confd.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Stateless; safe to share. Asks a daemon to re-read its configuration over a BIRD-protocol
 * control socket: after the {@code 0001} greeting, send {@code configure} and read reply lines
 * until the last one (four digits and a space). {@code 0003 Reconfigured} and
 * {@code 0004 Reconfiguration in progress} mean success; anything else, notably 8xxx/9xxx errors,
 * is returned as the failure text.
 */
public final class ControlSocketClient {

    private ControlSocketClient() {
    }

    /** Returns null on success, else what went wrong. */
    public static String configure(Path socket) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
            OutputStream out = Channels.newOutputStream(ch);
            String greeting = in.readLine();
            if (greeting == null || !greeting.startsWith("0001")) {
                return socket + ": unexpected greeting " + greeting;
            }
            out.write("configure\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            StringBuilder reply = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                reply.append(reply.isEmpty() ? "" : " | ").append(line);
                if (isLast(line)) {
                    String code = line.substring(0, 4);
                    return code.equals("0003") || code.equals("0004") ? null : socket + ": " + reply;
                }
            }
            return socket + ": connection closed before the reply ended: " + reply;
        } catch (IOException e) {
            return socket + ": " + e.getMessage();
        }
    }

    private static boolean isLast(String line) {
        if (line.length() < 5 || line.charAt(4) != ' ') {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (!Character.isDigit(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
