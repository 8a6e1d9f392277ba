package org.bgpd.session;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;

/**
 * The epoll event loop group every session and listener shares (one thread by default: on two
 * cores the other belongs to the RIB). Epoll only, because TCP-MD5 and GTSM need it. Thread-safe.
 */
public final class SessionTransport implements AutoCloseable {

    private final EventLoopGroup group;

    public SessionTransport(int threads) {
        Epoll.ensureAvailability();
        this.group = new MultiThreadIoEventLoopGroup(threads, EpollIoHandler.newFactory());
    }

    public EventLoopGroup group() { return group; }

    @Override
    public void close() { group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly(); }
}
