package org.bgpd.fib.netlink;

import org.bgpd.fib.model.KernelAddress;
import org.bgpd.fib.model.KernelLink;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.Ipv4;
import org.bgpd.rib.route.Ipv6;
import org.bgpd.rib.route.Prefix;

import static org.bgpd.fib.netlink.Rtnl.*;

/**
 * RTM_NEWLINK/DELLINK (struct ifinfomsg) and RTM_NEWADDR/DELADDR (struct ifaddrmsg) bodies.
 * bgpd needs only names, indexes, up/running flags and that an address changed.
 * Stateless; safe from any thread.
 */
public final class LinkCodec {
    private LinkCodec() {}

    static final AttrSpec[] LINK_ATTRS = AttrSpec.table(IFLA_MAX_KNOWN,
            new AttrSpec(IFLA_IFNAME, "IFLA_IFNAME", 1, 16));

    static final AttrSpec[] ADDR_ATTRS = AttrSpec.table(IFA_MAX_KNOWN,
            new AttrSpec(IFA_ADDRESS, "IFA_ADDRESS", 4, 16),
            new AttrSpec(IFA_LOCAL, "IFA_LOCAL", 4, 16));

    public static Decoded<KernelLink> decodeLink(NlReader body) {
        body.u8(); // ifi_family
        body.u8();
        body.u16(); // ifi_type
        int index = body.u32();
        int flags = body.u32();
        body.u32(); // ifi_change
        if (body.overrun()) return Decoded.malformed("ifinfomsg shorter than " + IFINFOMSG_LEN + " bytes");
        AttrIndex ix = AttrIndex.of(body, LINK_ATTRS);
        if (ix.error() != null) return Decoded.malformed(ix.error());
        String name = ix.has(IFLA_IFNAME) ? ix.value(IFLA_IFNAME).cString(ix.length(IFLA_IFNAME)) : "";
        return Decoded.of(new KernelLink(index, name, flags));
    }

    public static void encodeLink(NlWriter w, int msgType, int nlFlags, int seq, KernelLink link) {
        int start = w.beginMessage(msgType, nlFlags, seq);
        w.u8(AF_UNSPEC).u8(0).u16(0).u32(link.index()).u32(link.flags()).u32(0);
        w.attrString(IFLA_IFNAME, link.name());
        w.endMessage(start);
    }

    public static void encodeLinkDumpRequest(NlWriter w, int seq) {
        int start = w.beginMessage(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, seq);
        w.u8(AF_UNSPEC).u8(0).u16(0).u32(0).u32(0).u32(0);
        w.endMessage(start);
    }

    public static Decoded<KernelAddress> decodeAddress(NlReader body) {
        int af = body.u8();
        int prefixLen = body.u8();
        body.u8(); // ifa_flags
        int scope = body.u8();
        int index = body.u32();
        if (body.overrun()) return Decoded.malformed("ifaddrmsg shorter than " + IFADDRMSG_LEN + " bytes");
        Family f = af == AF_INET ? Family.IPV4_UNICAST : af == AF_INET6 ? Family.IPV6_UNICAST : null;
        if (f == null) return Decoded.ignored();
        if (prefixLen > f.maxLength()) return Decoded.malformed("ifa_prefixlen " + prefixLen);
        AttrIndex ix = AttrIndex.of(body, ADDR_ATTRS);
        if (ix.error() != null) return Decoded.malformed(ix.error());
        // IFA_LOCAL is the interface's own address on point-to-point links; IFA_ADDRESS the peer.
        int attr = ix.has(IFA_LOCAL) ? IFA_LOCAL : IFA_ADDRESS;
        if (!ix.has(attr)) return Decoded.malformed("no IFA_ADDRESS");
        byte[] a = ix.bytes(attr);
        if (a.length != f.addressBytes()) return Decoded.malformed("address length " + a.length);
        Prefix p = f == Family.IPV4_UNICAST ? Prefix.v4(Ipv4.fromBytes(a, 0), 32) : Prefix.v6(Ipv6.fromBytes(a, 0), Ipv6.fromBytes(a, 8), 128);
        return Decoded.of(new KernelAddress(index, p, prefixLen, scope));
    }

    public static void encodeAddress(NlWriter w, int msgType, int nlFlags, int seq, KernelAddress a) {
        int start = w.beginMessage(msgType, nlFlags, seq);
        boolean v4 = a.address().family() == Family.IPV4_UNICAST;
        w.u8(v4 ? AF_INET : AF_INET6).u8(a.prefixLength()).u8(0).u8(a.scope()).u32(a.ifindex());
        w.attr(IFA_ADDRESS, a.address().addressBytes());
        if (v4) w.attr(IFA_LOCAL, a.address().addressBytes());
        w.endMessage(start);
    }
}
