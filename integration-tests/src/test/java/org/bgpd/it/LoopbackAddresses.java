package org.bgpd.it;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread-safe. Distinct local addresses for the speakers of a test. On Linux the whole of
 * 127.0.0.0/8 is local through {@code lo} without setup, so each call to {@link #nextIpv4()}
 * gives a new 127.0.0.x address (2 to 254, then wrapping). IPv6 has only ::1 on {@code lo};
 * {@link #addIpv6(int)} adds a {@code fd00:bd::N/128} (root only) and removes it on close. In a
 * {@link Netns}, add addresses with {@link Netns#addAddress} instead.
 */
public final class LoopbackAddresses {

    /** Inside fd00::/8 (RFC 4193 ULA), but away from fd00::/64 which hosts commonly use. */
    public static final String IPV6_PREFIX = "fd00:bd::";

    private static final AtomicInteger NEXT = new AtomicInteger();

    private LoopbackAddresses() {}

    /** The next unused 127.0.0.x address (x from 2 to 254). */
    public static String nextIpv4() {
        return "127.0.0." + (2 + Math.floorMod(NEXT.getAndIncrement(), 253));
    }

    /** An IPv6 address on the host's {@code lo}; removed on close and at JVM exit. */
    public record Ipv6(String address, ShutdownCleanup.Registration removal) implements AutoCloseable {
        @Override
        public void close() {
            removal.run();
        }
    }

    /** Adds {@code fd00:bd::N/128} to the host's {@code lo} (no DAD, usable at once). Needs root. */
    public static Ipv6 addIpv6(int n) {
        Netns.requireRoot();
        String address = IPV6_PREFIX + Integer.toHexString(n);
        ExternalCommand.run("ip", "-6", "addr", "add", address + "/128", "dev", "lo", "nodad");
        return new Ipv6(address, ShutdownCleanup.register("address " + address + " on lo",
                () -> ExternalCommand.tryRun("ip", "-6", "addr", "del", address + "/128", "dev", "lo")));
    }
}
