package org.bgpd.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Thread-safe. Free TCP ports for daemons a test starts, chosen below the kernel's ephemeral
 * range (net.ipv4.ip_local_port_range, 32768-60999 by default). An ephemeral port, released
 * after the probe, was soon handed to some outgoing connection's source port (bgpd retrying a
 * peer every second), and BIRD, which binds its listening socket to the wildcard address unless
 * {@code strict bind}, then failed with "Address already in use" and never listened: a test
 * waited on a peer refusing every connection. A port is free when a bind on that address
 * succeeds; ports handed out by this JVM are never handed out twice.
 */
public final class TcpPorts {

    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    /** Below the default ephemeral range and above the well-known and common service ports. */
    private static final int FIRST = 20000, LAST = 32000;
    private static final Random RANDOM = new Random();

    private TcpPorts() {}

    /** A currently free TCP port on {@code address} (e.g. {@code 127.0.0.2}). */
    public static int free(String address) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = FIRST + RANDOM.nextInt(LAST - FIRST);
            synchronized (HANDED_OUT) {
                if (HANDED_OUT.contains(port)) continue;
            }
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            } catch (BindException e) {
                continue; // taken
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind a TCP port on " + address, e);
            }
            synchronized (HANDED_OUT) {
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            }
        }
        throw new IllegalStateException("no unused free TCP port on " + address + " after 1000 attempts");
    }
}
