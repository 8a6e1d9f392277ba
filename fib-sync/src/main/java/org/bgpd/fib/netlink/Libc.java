package org.bgpd.fib.netlink;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The few libc calls rtnetlink needs, bound through the Foreign Function & Memory API (no JNI
 * library to ship). Every call captures errno into a caller-supplied segment of
 * {@link #CAPTURE_LAYOUT}, because errno is per thread and the JVM may clobber it between calls.
 * Stateless; safe from any thread. Only loads on Linux: callers check the OS first
 * ({@link NetlinkAvailability}).
 */
@SuppressWarnings("restricted") // native access is the point; the launcher enables it
final class Libc {
    private Libc() {}

    static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP = LINKER.defaultLookup();
    private static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");

    private static final MethodHandle SOCKET = bind("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle BIND = bind("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SETSOCKOPT = bind("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle GETSOCKOPT = bind("getsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle SEND = bind("send", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle RECV = bind("recv", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle CLOSE = bind("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle SETNS = bind("setns", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    // open(2) is variadic: the mode argument must be passed as a variadic int.
    private static final MethodHandle OPEN = LINKER.downcallHandle(symbol("open"),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
            ERRNO_OPTION, Linker.Option.firstVariadicArg(2));

    static final int AF_NETLINK = 16;
    static final int SOCK_RAW = 3;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int NETLINK_ROUTE = 0;
    static final int SOL_SOCKET = 1;
    static final int SO_SNDBUF = 7;
    static final int SO_RCVBUF = 8;
    static final int SO_RCVTIMEO = 20;
    static final int SO_RCVBUFFORCE = 33;
    static final int SOL_NETLINK = 270;
    static final int NETLINK_ADD_MEMBERSHIP = 1;
    static final int NETLINK_NO_ENOBUFS = 5;
    static final int NETLINK_CAP_ACK = 10;
    static final int NETLINK_EXT_ACK = 11;
    static final int O_RDONLY = 0;
    static final int O_CLOEXEC = 0x80000;
    static final int CLONE_NEWNET = 0x40000000;

    private static MemorySegment symbol(String name) {
        return LOOKUP.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
    }

    private static MethodHandle bind(String name, FunctionDescriptor fd) {
        return LINKER.downcallHandle(symbol(name), fd, ERRNO_OPTION);
    }

    static int errno(MemorySegment capture) {
        return (int) ERRNO.get(capture, 0L);
    }

    static int socket(MemorySegment cs, int domain, int type, int protocol) {
        try {
            return (int) SOCKET.invokeExact(cs, domain, type, protocol);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static int bind(MemorySegment cs, int fd, MemorySegment addr, int len) {
        try {
            return (int) BIND.invokeExact(cs, fd, addr, len);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static int setsockopt(MemorySegment cs, int fd, int level, int opt, MemorySegment value, int len) {
        try {
            return (int) SETSOCKOPT.invokeExact(cs, fd, level, opt, value, len);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static int getsockopt(MemorySegment cs, int fd, int level, int opt, MemorySegment value, MemorySegment len) {
        try {
            return (int) GETSOCKOPT.invokeExact(cs, fd, level, opt, value, len);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static long send(MemorySegment cs, int fd, MemorySegment buf, long len, int flags) {
        try {
            return (long) SEND.invokeExact(cs, fd, buf, len, flags);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static long recv(MemorySegment cs, int fd, MemorySegment buf, long len, int flags) {
        try {
            return (long) RECV.invokeExact(cs, fd, buf, len, flags);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static int close(MemorySegment cs, int fd) {
        try {
            return (int) CLOSE.invokeExact(cs, fd);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static int setns(MemorySegment cs, int fd, int nstype) {
        try {
            return (int) SETNS.invokeExact(cs, fd, nstype);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static int open(MemorySegment cs, String path, int flags) {
        try (Arena a = Arena.ofConfined()) {
            return (int) OPEN.invokeExact(cs, a.allocateFrom(path), flags, 0);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }
}
