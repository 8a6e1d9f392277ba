package org.bgpd.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Thread-safe. Free TCP ports for daemons a test starts. A port is free when the kernel hands
 * it out for an ephemeral bind on that address; the port is released before returning, so
 * another process could take it in between; ports handed out by this JVM are never handed
 * out twice, which is the collision that matters when one test starts several speakers.
 */
public final class TcpPorts {

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private TcpPorts() {}

    /** A currently free TCP port on {@code address} (e.g. {@code 127.0.0.2}). */
    public static int free(String address) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port;
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
                port = s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind a TCP port on " + address, e);
            }
            synchronized (HANDED_OUT) {
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            }
        }
        throw new IllegalStateException("no unused free TCP port on " + address + " after 100 attempts");
    }
}
