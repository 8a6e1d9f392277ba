package org.bgpd.fib.netlink;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * An AF_NETLINK / NETLINK_ROUTE socket driven through libc by the FFM API. The socket lives in
 * the network namespace of the thread that opened it, whichever thread uses it later.
 * Not thread-safe: one owner thread at a time (the monitor's, or the FIB writer's).
 */
public final class NetlinkSocket implements AutoCloseable {
    /** {@link #receive} result: the receive timeout passed with nothing to read. */
    public static final int TIMEOUT = -1;
    /** {@link #receive} result: the kernel dropped messages for us (ENOBUFS); state must be re-read. */
    public static final int OVERRUN = -2;

    private static final int MAX_MESSAGE = 1 << 16;

    private final Arena arena = Arena.ofShared();
    private final MemorySegment errno = arena.allocate(Libc.CAPTURE_LAYOUT);
    private final MemorySegment scratch = arena.allocate(16);
    private MemorySegment sendBuf = arena.allocate(MAX_MESSAGE);
    private final MemorySegment recvBuf = arena.allocate(MAX_MESSAGE);
    private final int fd;
    private int seq = (int) (System.nanoTime() & 0x3FFF_FFFF);
    private boolean closed;

    private NetlinkSocket(int fd) { this.fd = fd; }

    /**
     * Opens and binds a socket, joining the given RTNLGRP_* multicast groups ({@link Rtnl}).
     * NETLINK_NO_ENOBUFS stays off so lost events surface as {@link #OVERRUN}; NETLINK_CAP_ACK
     * keeps acks small (header only) so a batch of 512 acks fits the receive buffer.
     */
    public static NetlinkSocket open(int... groups) throws NetlinkException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cs = a.allocate(Libc.CAPTURE_LAYOUT);
            int fd = Libc.socket(cs, Libc.AF_NETLINK, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, Libc.NETLINK_ROUTE);
            if (fd < 0) throw new NetlinkException("socket(AF_NETLINK)", Libc.errno(cs));
            NetlinkSocket s = new NetlinkSocket(fd);
            try {
                MemorySegment addr = a.allocate(12);
                addr.set(JAVA_SHORT, 0, (short) Libc.AF_NETLINK);
                if (Libc.bind(cs, fd, addr, 12) < 0) throw new NetlinkException("bind(AF_NETLINK)", Libc.errno(cs));
                s.setInt(Libc.SOL_NETLINK, Libc.NETLINK_NO_ENOBUFS, 0, "NETLINK_NO_ENOBUFS");
                s.setInt(Libc.SOL_NETLINK, Libc.NETLINK_CAP_ACK, 1, "NETLINK_CAP_ACK");
                for (int g : groups) s.setInt(Libc.SOL_NETLINK, Libc.NETLINK_ADD_MEMBERSHIP, g, "NETLINK_ADD_MEMBERSHIP " + g);
            } catch (NetlinkException e) {
                s.close();
                throw e;
            }
            return s;
        }
    }

    /** Asks for extended acks (error strings from the kernel); false when the kernel refuses. */
    public boolean enableExtendedAck() {
        try {
            setInt(Libc.SOL_NETLINK, Libc.NETLINK_EXT_ACK, 1, "NETLINK_EXT_ACK");
            return true;
        } catch (NetlinkException e) {
            return false;
        }
    }

    /**
     * Sets the receive buffer: SO_RCVBUFFORCE (needs CAP_NET_ADMIN, may exceed rmem_max), else
     * SO_RCVBUF (capped by net.core.rmem_max). Returns the size the kernel reports.
     */
    public int receiveBufferSize(int bytes) throws NetlinkException {
        try {
            setInt(Libc.SOL_SOCKET, Libc.SO_RCVBUFFORCE, bytes, "SO_RCVBUFFORCE");
        } catch (NetlinkException e) {
            setInt(Libc.SOL_SOCKET, Libc.SO_RCVBUF, bytes, "SO_RCVBUF");
        }
        scratch.set(JAVA_INT, 8, 4);
        if (Libc.getsockopt(errno, fd, Libc.SOL_SOCKET, Libc.SO_RCVBUF, scratch, scratch.asSlice(8, 4)) < 0)
            throw new NetlinkException("getsockopt(SO_RCVBUF)", Libc.errno(errno));
        return scratch.get(JAVA_INT, 0);
    }

    /** Blocking receives return {@link #TIMEOUT} after this long, so an owner thread can notice close. */
    public void receiveTimeoutMillis(int millis) throws NetlinkException {
        scratch.set(JAVA_LONG, 0, millis / 1000);
        scratch.set(JAVA_LONG, 8, (millis % 1000) * 1000L);
        if (Libc.setsockopt(errno, fd, Libc.SOL_SOCKET, Libc.SO_RCVTIMEO, scratch, 16) < 0)
            throw new NetlinkException("setsockopt(SO_RCVTIMEO)", Libc.errno(errno));
    }

    /** A fresh sequence number for a request on this socket. */
    public int nextSeq() { return ++seq; }

    /** Sends {@code len} bytes of {@code buf} (one or many netlink messages) to the kernel. */
    public void send(byte[] buf, int len) throws NetlinkException {
        if (sendBuf.byteSize() < len) sendBuf = arena.allocate(Math.max(len, sendBuf.byteSize() * 2));
        MemorySegment.copy(buf, 0, sendBuf, JAVA_BYTE, 0, len);
        while (true) {
            long n = Libc.send(errno, fd, sendBuf, len, 0);
            if (n >= 0) return;
            int e = Libc.errno(errno);
            if (e != Errno.EINTR) throw new NetlinkException("send(netlink)", e);
        }
    }

    /**
     * Receives one datagram into {@code buf} (at least 64 KiB so no dump part is truncated).
     * Returns its length, {@link #TIMEOUT} or {@link #OVERRUN}.
     */
    public int receive(byte[] buf) throws NetlinkException {
        int cap = Math.min(buf.length, MAX_MESSAGE);
        while (true) {
            long n = Libc.recv(errno, fd, recvBuf, cap, 0);
            if (n >= 0) {
                MemorySegment.copy(recvBuf, JAVA_BYTE, 0, buf, 0, (int) n);
                return (int) n;
            }
            int e = Libc.errno(errno);
            if (e == Errno.EINTR) continue;
            if (e == Errno.EAGAIN) return TIMEOUT;
            if (e == Errno.ENOBUFS) return OVERRUN;
            throw new NetlinkException("recv(netlink)", e);
        }
    }

    private void setInt(int level, int opt, int value, String what) throws NetlinkException {
        scratch.set(JAVA_INT, 0, value);
        if (Libc.setsockopt(errno, fd, level, opt, scratch, 4) < 0)
            throw new NetlinkException("setsockopt(" + what + ")", Libc.errno(errno));
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        Libc.close(errno, fd);
        arena.close();
    }
}
