package org.bgpd.session;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.bgpd.rib.route.Family;
import org.bgpd.wire.BgpMessage;
import org.bgpd.wire.Capability;
import org.bgpd.wire.Keepalive;
import org.bgpd.wire.MessageEncoder;
import org.bgpd.wire.Open;

/**
 * A hand-driven BGP speaker on a plain blocking socket, for tests that need a peer which
 * misbehaves on purpose (goes silent, stops reading). Listens on its own loopback address so our
 * session connects to it. Owned by the test thread; not thread-safe.
 */
final class RawPeer implements AutoCloseable {
    static final int OPEN = 1;
    static final int NOTIFICATION = 3;
    static final int KEEPALIVE = 4;

    final InetAddress address;
    final long as;
    private final ServerSocket server;
    Socket socket;
    private DataInputStream in;
    private OutputStream out;

    /** One received message: its type and body. */
    record Message(int type, byte[] body) {}

    RawPeer(String address, long as) throws IOException {
        this.address = InetAddress.getByName(address);
        this.as = as;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(this.address, 0));
        server.setSoTimeout(30_000);
    }

    InetSocketAddress listenAddress() { return (InetSocketAddress) server.getLocalSocketAddress(); }

    /** Waits for our session's next connection (30 s at most). */
    void accept() throws IOException {
        if (socket != null) socket.close();
        socket = server.accept();
        socket.setSoTimeout(30_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** OPEN with the given hold time, then KEEPALIVE once the other OPEN has arrived. */
    void handshake(int holdTime) throws IOException {
        send(new Open(4, (int) as, holdTime, (int) as,
                List.of(Capability.Multiprotocol.of(Family.IPV4_UNICAST), new Capability.FourOctetAs(as))));
        Message open = read();
        if (open.type() != OPEN) throw new IOException("expected OPEN, got type " + open.type());
        send(Keepalive.INSTANCE);
        while (read().type() != KEEPALIVE) {
            // OPEN CONFIRM: wait for the peer's KEEPALIVE.
        }
    }

    void send(BgpMessage m) throws IOException {
        out.write(MessageEncoder.encode(m));
        out.flush();
    }

    Message read() throws IOException {
        byte[] header = new byte[19];
        in.readFully(header);
        int length = (header[16] & 0xFF) << 8 | (header[17] & 0xFF);
        byte[] body = new byte[length - 19];
        in.readFully(body);
        return new Message(header[18] & 0xFF, body);
    }

    /** Reads until a NOTIFICATION and returns it; null if the connection closes first. */
    Message readUntilNotification() throws IOException {
        try {
            while (true) {
                Message m = read();
                if (m.type() == NOTIFICATION) return m;
            }
        } catch (EOFException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        if (socket != null) socket.close();
        server.close();
    }
}
