package org.bgpd.session;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BGP listening socket (port 179 by default). Hands each accepted connection to the
 * {@link PeerSession} the daemon's {@link PeerLookup} names, or closes it. TCP-MD5 keys live on
 * the listening socket (the kernel checks the SYN against them) and can change live; rebinding
 * to another address or port leaves established sessions alone, since they are separate sockets.
 * Thread-safe: methods synchronise on the listener; accepted connections run on the event loops.
 */
public final class BgpListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BgpListener.class);

    private final EventLoopGroup group;
    private final PeerLookup lookup;
    private Map<InetAddress, byte[]> md5Keys = Map.of();
    private int minTtl;
    private Channel server;

    public BgpListener(EventLoopGroup group, PeerLookup lookup) {
        this.group = group;
        this.lookup = lookup;
    }

    /** Binds (or rebinds) the listening socket; the old one closes only once the new one is bound. */
    public synchronized void bind(InetSocketAddress address) {
        ServerBootstrap b = new ServerBootstrap().group(group).channel(EpollServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<EpollSocketChannel>() {
                    @Override
                    protected void initChannel(EpollSocketChannel ch) { accepted(ch); }
                });
        if (!md5Keys.isEmpty()) b.option(EpollChannelOption.TCP_MD5SIG, md5Keys);
        Channel fresh = b.bind(address).syncUninterruptibly().channel();
        applyMinTtl(fresh);
        Channel old = server;
        server = fresh;
        if (old != null) old.close().syncUninterruptibly();
    }

    /**
     * The minimum TTL (IPv6: hop limit) of every packet the listening socket takes, SYNs included;
     * 0 for none. GTSM (RFC 5082) on the listener, for when every peer uses it; accepted sockets
     * inherit it until their peer's own value is set.
     */
    public synchronized void setMinTtl(int ttl) {
        minTtl = ttl;
        if (server != null) applyMinTtl(server);
    }

    private void applyMinTtl(Channel ch) {
        boolean v6 = ((InetSocketAddress) ch.localAddress()).getAddress() instanceof Inet6Address;
        try {
            // A dual-stack socket takes IPv4-mapped connections too: set both on it.
            ch.config().setOption(TcpOptions.IP_MINTTL, minTtl);
            if (v6) ch.config().setOption(TcpOptions.IPV6_MINHOPCOUNT, minTtl);
        } catch (RuntimeException e) {
            LOG.warn("cannot set the minimum TTL {} on the listening socket: {}", minTtl, e.toString());
        }
    }

    /** Replaces the TCP-MD5 keys (RFC 2385) per peer address on the listening socket. */
    public synchronized void setMd5Keys(Map<InetAddress, byte[]> keys) {
        md5Keys = Map.copyOf(keys);
        if (server != null) server.config().setOption(EpollChannelOption.TCP_MD5SIG, md5Keys);
    }

    public synchronized InetSocketAddress localAddress() {
        return server == null ? null : (InetSocketAddress) server.localAddress();
    }

    @Override
    public synchronized void close() {
        if (server != null) server.close().syncUninterruptibly();
        server = null;
    }

    private void accepted(EpollSocketChannel ch) {
        InetAddress remote = ch.remoteAddress().getAddress();
        PeerSession peer = lookup.find(remote);
        if (peer == null) {
            LOG.warn("Unexpected connect from unknown address {} (port {})", remote.getHostAddress(),
                    ch.remoteAddress().getPort());
            ch.close();
            return;
        }
        // GTSM (RFC 5082) on the accepted socket: the SYN already passed, the session's packets are checked.
        TcpOptions.applyTtl(ch, remote, peer.settings());
        peer.accept(ch);
    }
}
