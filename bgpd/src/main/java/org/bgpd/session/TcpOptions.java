package org.bgpd.session;

import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.unix.IntegerUnixChannelOption;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Socket options Netty has no name for: TTL and minimum TTL for multihop and GTSM (RFC 5082),
 * as raw setsockopt levels and numbers from linux/in.h and linux/in6.h, and TCP_USER_TIMEOUT
 * (RFC 5482) for peers that vanish without FIN or RST. Stateless.
 */
final class TcpOptions {
    static final IntegerUnixChannelOption IP_TTL = new IntegerUnixChannelOption("IP_TTL", 0, 2);
    static final IntegerUnixChannelOption IP_MINTTL = new IntegerUnixChannelOption("IP_MINTTL", 0, 21);
    static final IntegerUnixChannelOption IPV6_UNICAST_HOPS = new IntegerUnixChannelOption("IPV6_UNICAST_HOPS", 41, 16);
    static final IntegerUnixChannelOption IPV6_MINHOPCOUNT = new IntegerUnixChannelOption("IPV6_MINHOPCOUNT", 41, 73);

    private TcpOptions() {}

    /** Outgoing TTL and, with GTSM, the minimum accepted TTL, on a socket to {@code remote}. */
    static void applyTtl(Channel ch, InetAddress remote, PeerSettings s) {
        ChannelConfig c = ch.config();
        boolean v6 = remote instanceof Inet6Address;
        if (s.ttlSecurity()) {
            c.setOption(v6 ? IPV6_UNICAST_HOPS : IP_TTL, 255);
            c.setOption(v6 ? IPV6_MINHOPCOUNT : IP_MINTTL, 256 - s.hops());
        } else if (s.ttl() > 0) {
            c.setOption(v6 ? IPV6_UNICAST_HOPS : IP_TTL, s.ttl());
        }
    }

    /**
     * TCP_USER_TIMEOUT = the negotiated hold time: the kernel aborts the connection when data we
     * sent stays unacknowledged that long, so a half-open peer is dropped by the kernel as well as
     * by the hold timer, and so is the orphaned socket of a closed connection (whose queued bytes
     * would otherwise be retransmitted for the ~15 minutes of tcp_retries2). Hold time 0 (no
     * keepalives, RFC 4271 §4.4) leaves the kernel default, since then nothing else may end it.
     */
    static void applyUserTimeout(Channel ch, int holdSeconds) {
        if (holdSeconds > 0) ch.config().setOption(EpollChannelOption.TCP_USER_TIMEOUT, holdSeconds * 1000);
    }
}
