package org.bgpd.daemon;

import java.net.Inet4Address;
import java.net.InetAddress;
import org.bgpd.config.model.IpAddress;
import org.bgpd.config.model.IpPrefix;
import org.bgpd.rib.route.Ipv4;
import org.bgpd.rib.route.Ipv6;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;

/** Converts the config module's address values into the RIB's. Stateless; safe from any thread. */
final class Addresses {
    private Addresses() {}

    static Prefix prefix(IpPrefix p) {
        byte[] b = p.address().address().getAddress();
        return b.length == 4
                ? Prefix.v4(Ipv4.fromBytes(b, 0), p.length())
                : Prefix.v6(Ipv6.fromBytes(b, 0), Ipv6.fromBytes(b, 8), p.length());
    }

    static NextHop nextHop(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 4 ? NextHop.v4(Ipv4.fromBytes(b, 0)) : NextHop.v6(Ipv6.fromBytes(b, 0), Ipv6.fromBytes(b, 8));
    }

    static NextHop nextHop(IpAddress a) { return nextHop(a.address()); }

    /** A router id / BGP identifier as the unsigned int the wire carries. */
    static int routerId(IpAddress a) {
        if (!(a.address() instanceof Inet4Address)) throw new IllegalArgumentException("router id must be IPv4: " + a);
        return Ipv4.fromBytes(a.address().getAddress(), 0);
    }

    static String text(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 4 ? Ipv4.toString(Ipv4.fromBytes(b, 0)) : Ipv6.toString(Ipv6.fromBytes(b, 0), Ipv6.fromBytes(b, 8));
    }
}
