package org.bgpd.fib.sync;

import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.netlink.Errno;

/**
 * One route the kernel (or bgpd's ownership rule) refused: the operation, errno and, when the
 * kernel sent an extended ack, its text. Logged and counted by the caller, never fatal.
 * Immutable; safe to share.
 */
public record RouteFailure(KernelRoute route, String op, int errno, String message) {
    @Override
    public String toString() {
        return op + " " + route + ": " + Errno.name(errno) + (message != null ? " (" + message + ")" : "");
    }
}
