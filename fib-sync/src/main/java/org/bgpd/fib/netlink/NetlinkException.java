package org.bgpd.fib.netlink;

/**
 * A system call on a netlink socket failed (socket, bind, send, recv, setns). Carries the errno.
 * Kernel answers to individual requests are not exceptions: they come back as per-route results.
 */
public final class NetlinkException extends Exception {
    private final int errno;

    public NetlinkException(String call, int errno) {
        super(call + " failed: " + Errno.name(errno));
        this.errno = errno;
    }

    public int errno() { return errno; }
}
