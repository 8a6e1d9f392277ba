package org.bgpd.fib.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bgpd.fib.netlink.NetlinkException;
import org.bgpd.fib.netlink.NetlinkSocket;

/**
 * Whether this process can use rtnetlink to read and write routes, and if not, a sentence the
 * daemon prints before running with `kernel: none`. Reading needs only Linux; writing needs
 * CAP_NET_ADMIN, read from /proc/self/status rather than by trying a change. Immutable.
 */
public record NetlinkAvailability(boolean canRead, boolean canWrite, String reason) {
    private static final int CAP_NET_ADMIN = 12;

    public boolean available() { return canRead && canWrite; }

    public static NetlinkAvailability probe() {
        String os = System.getProperty("os.name", "?");
        if (!os.toLowerCase(java.util.Locale.ROOT).startsWith("linux"))
            return new NetlinkAvailability(false, false, "netlink is Linux only (this is " + os + "); running with kernel: none");
        try {
            NetlinkSocket.open().close(); // opened and bound: reading routes works
        } catch (NetlinkException e) {
            return new NetlinkAvailability(false, false, "cannot open a netlink socket: " + e.getMessage() + "; running with kernel: none");
        } catch (LinkageError | IllegalCallerException e) {
            return new NetlinkAvailability(false, false, "native access unavailable (" + e.getMessage()
                    + "; start the JVM with --enable-native-access=ALL-UNNAMED); running with kernel: none");
        }
        Boolean admin = hasNetAdmin(Path.of("/proc/self/status"));
        if (admin == null || admin) return new NetlinkAvailability(true, true, null);
        return new NetlinkAvailability(true, false,
                "no permission to change routes (needs root or CAP_NET_ADMIN; installs would fail with EPERM); running with kernel: none");
    }

    /** The CAP_NET_ADMIN bit of CapEff in a /proc/PID/status file; null when unreadable. */
    static Boolean hasNetAdmin(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (!line.startsWith("CapEff:")) continue;
                long caps = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                return (caps >>> CAP_NET_ADMIN & 1) != 0;
            }
        } catch (IOException | NumberFormatException e) {
            return null;
        }
        return null;
    }
}
