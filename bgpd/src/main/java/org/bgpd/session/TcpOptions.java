package org.bgpd.session;

import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.unix.IntegerUnixChannelOption;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Socket options Netty has no name for: TTL and minimum TTL for multihop and GTSM (RFC 5082),
 * as raw setsockopt levels and numbers from linux/in.h and linux/in6.h. Stateless.
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
}
