package org.bgpd.it;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;

/**
 * A minimal BGP speaker over a plain socket for tests: opens a session with hold time 0 (no
 * keepalives, so it may stop reading without the session expiring), IPv4 unicast and 4-octet
 * AS, then sends raw UPDATE bodies. Owned by the test thread; not thread-safe.
 */
final class RawSpeaker implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    /** Connects from {@code local} to bgpd; {@code receiveBuffer} 0 keeps the default. */
    RawSpeaker(String local, String bgpd, int port, int as, int bgpId, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) socket.setReceiveBufferSize(receiveBuffer);
        socket.bind(new InetSocketAddress(InetAddress.getByName(local), 0));
        socket.connect(new InetSocketAddress(InetAddress.getByName(bgpd), port), 10_000);
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
        ByteBuffer open = ByteBuffer.allocate(10 + 16);
        open.put((byte) 4).putShort((short) (as > 0xFFFF ? 23456 : as)).putShort((short) 0).putInt(bgpId);
        open.put((byte) 16); // optional parameters: two capabilities
        open.put(new byte[] {2, 6, 1, 4, 0, 1, 0, 1}); // multiprotocol IPv4 unicast
        open.put(new byte[] {2, 6, 65, 4}).putInt(as); // 4-octet AS
        send(1, open.array());
        boolean gotOpen = false, gotKeepalive = false;
        while (!(gotOpen && gotKeepalive)) {
            byte[] h = new byte[19];
            in.readFully(h);
            int len = (h[16] & 0xFF) << 8 | (h[17] & 0xFF);
            in.skipNBytes(len - 19);
            if (h[18] == 1) gotOpen = true;
            else if (h[18] == 4) gotKeepalive = true;
            else if (h[18] == 3) throw new IOException("bgpd sent a NOTIFICATION during the handshake");
        }
        send(4, new byte[0]);
    }

    void sendUpdate(byte[] body) throws IOException { send(2, body); }

    private void send(int type, byte[] body) throws IOException {
        byte[] m = new byte[19 + body.length];
        for (int i = 0; i < 16; i++) m[i] = (byte) 0xFF;
        m[16] = (byte) (m.length >>> 8);
        m[17] = (byte) m.length;
        m[18] = (byte) type;
        System.arraycopy(body, 0, m, 19, body.length);
        out.write(m);
        out.flush();
    }

    @Override
    public void close() throws IOException { socket.close(); }
}
