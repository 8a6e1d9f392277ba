package org.bgpd.fib.netlink;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Moves the calling thread into a named network namespace (setns(2) with the fd of
 * /var/run/netns/NAME, as `ip netns add` creates it). Sockets opened afterwards on that thread
 * belong to the namespace; the rest of the JVM stays where it was. Stateless; call it on a
 * dedicated thread that does nothing else.
 */
public final class NetworkNamespace {
    private NetworkNamespace() {}

    public static void enter(String name) throws NetlinkException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cs = a.allocate(Libc.CAPTURE_LAYOUT);
            int fd = Libc.open(cs, "/var/run/netns/" + name, Libc.O_RDONLY | Libc.O_CLOEXEC);
            if (fd < 0) throw new NetlinkException("open(/var/run/netns/" + name + ")", Libc.errno(cs));
            int rc = Libc.setns(cs, fd, Libc.CLONE_NEWNET);
            int e = Libc.errno(cs);
            Libc.close(cs, fd);
            if (rc < 0) throw new NetlinkException("setns(" + name + ")", e);
        }
    }
}
