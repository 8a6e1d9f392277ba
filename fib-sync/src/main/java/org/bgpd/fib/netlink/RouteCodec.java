package org.bgpd.fib.netlink;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.bgpd.fib.model.KernelNextHop;
import org.bgpd.fib.model.KernelRoute;
import org.bgpd.fib.model.RouteType;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.Ipv4;
import org.bgpd.rib.route.Ipv6;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;

import static org.bgpd.fib.netlink.Rtnl.*;

/**
 * RTM_NEWROUTE / RTM_DELROUTE bodies (struct rtmsg + rtattrs) to and from {@link KernelRoute}.
 * Attribute bounds come from the {@link #ROUTE_ATTRS} and {@link #HOP_ATTRS} tables; value
 * parsing happens only after the generic walk accepted them. Stateless; safe from any thread.
 */
public final class RouteCodec {
    private RouteCodec() {}

    static final AttrSpec[] ROUTE_ATTRS = AttrSpec.table(RTA_MAX_KNOWN,
            new AttrSpec(RTA_DST, "RTA_DST", 4, 16),
            new AttrSpec(RTA_OIF, "RTA_OIF", 4, 4),
            new AttrSpec(RTA_GATEWAY, "RTA_GATEWAY", 4, 16),
            new AttrSpec(RTA_PRIORITY, "RTA_PRIORITY", 4, 4),
            new AttrSpec(RTA_MULTIPATH, "RTA_MULTIPATH", 0, 0xFFFF),
            new AttrSpec(RTA_TABLE, "RTA_TABLE", 4, 4),
            new AttrSpec(RTA_VIA, "RTA_VIA", 2, 18));

    static final AttrSpec[] HOP_ATTRS = AttrSpec.table(RTA_MAX_KNOWN,
            new AttrSpec(RTA_GATEWAY, "RTA_GATEWAY", 4, 16),
            new AttrSpec(RTA_VIA, "RTA_VIA", 2, 18));

    /**
     * Appends one route request. Table ids above 255 go in RTA_TABLE with rtm_table unset, as
     * iproute2 does; a single onlink hop sets RTNH_F_ONLINK in rtm_flags, ECMP hops in rtnh_flags.
     */
    public static void encode(NlWriter w, int msgType, int nlFlags, int seq, KernelRoute r) {
        int start = w.beginMessage(msgType, nlFlags, seq);
        int family = r.family() == Family.IPV4_UNICAST ? AF_INET : AF_INET6;
        boolean singleOnlink = r.nextHops().size() == 1 && r.nextHops().get(0).onlink();
        w.u8(family).u8(r.prefix().length()).u8(0).u8(r.tos())
                .u8(r.table() < 256 ? r.table() : RT_TABLE_UNSPEC).u8(r.protocol()).u8(r.scope()).u8(r.type().number())
                .u32(singleOnlink ? RTNH_F_ONLINK : 0);
        w.attrU32(RTA_TABLE, r.table());
        if (r.prefix().length() > 0) w.attr(RTA_DST, r.prefix().addressBytes());
        if (r.metric() != 0) w.attrU32(RTA_PRIORITY, r.metric());
        if (r.nextHops().size() == 1) {
            KernelNextHop h = r.nextHops().get(0);
            gateway(w, r.family(), h.gateway());
            if (h.ifindex() != 0) w.attrU32(RTA_OIF, h.ifindex());
        } else if (r.nextHops().size() > 1) {
            int mp = w.beginNested(RTA_MULTIPATH);
            for (KernelNextHop h : r.nextHops()) {
                int at = w.position();
                w.u16(0).u8(h.onlink() ? RTNH_F_ONLINK : 0).u8(h.weight() - 1).u32(h.ifindex());
                gateway(w, r.family(), h.gateway());
                w.patchU16(at, w.position() - at);
            }
            w.endNested(mp);
        }
        w.endMessage(start);
    }

    private static void gateway(NlWriter w, Family routeFamily, NextHop gw) {
        if (gw == null) return;
        byte[] addr = gw.asPrefix().addressBytes();
        if (gw.family() == routeFamily) {
            w.attr(RTA_GATEWAY, addr);
        } else {
            byte[] via = new byte[2 + addr.length];
            int af = gw.family() == Family.IPV4_UNICAST ? AF_INET : AF_INET6;
            via[0] = (byte) af; // struct rtvia's rtvia_family is a host-order u16
            via[1] = (byte) (af >>> 8);
            System.arraycopy(addr, 0, via, 2, addr.length);
            w.attr(RTA_VIA, via);
        }
    }

    /** Decodes an RTM_NEWROUTE/RTM_DELROUTE body; {@code ifnames} names output interfaces (may be null). */
    public static Decoded<KernelRoute> decode(NlReader body, IntFunction<String> ifnames) {
        int af = body.u8();
        int dstLen = body.u8();
        body.u8(); // src_len: source-specific routes are not ours to learn
        int tos = body.u8();
        int rtmTable = body.u8();
        int protocol = body.u8();
        int scope = body.u8();
        int typeNo = body.u8();
        int flags = body.u32();
        if (body.overrun()) return Decoded.malformed("rtmsg shorter than " + RTMSG_LEN + " bytes");
        Family family = af == AF_INET ? Family.IPV4_UNICAST : af == AF_INET6 ? Family.IPV6_UNICAST : null;
        if (family == null || (flags & RTM_F_CLONED) != 0) return Decoded.ignored();
        if (dstLen > family.maxLength()) return Decoded.malformed("rtm_dst_len " + dstLen + " too long for " + family.shortName());
        RouteType type = RouteType.of(typeNo);
        if (type == null) return Decoded.malformed("unknown rtm_type " + typeNo);
        AttrIndex ix = AttrIndex.of(body, ROUTE_ATTRS);
        if (ix.error() != null) return Decoded.malformed(ix.error());

        Prefix prefix;
        if (ix.has(RTA_DST)) {
            if (ix.length(RTA_DST) != family.addressBytes()) return Decoded.malformed("RTA_DST length " + ix.length(RTA_DST));
            prefix = prefix(family, ix.bytes(RTA_DST), dstLen);
        } else {
            prefix = family == Family.IPV4_UNICAST ? Prefix.v4(0, dstLen) : Prefix.v6(0, 0, dstLen);
        }
        int table = ix.u32(RTA_TABLE, rtmTable);
        int metric = ix.u32(RTA_PRIORITY, 0);

        List<KernelNextHop> hops = new ArrayList<>(1);
        if (!type.isReject()) {
            if (ix.has(RTA_MULTIPATH)) {
                String err = multipath(ix.value(RTA_MULTIPATH), family, ifnames, hops);
                if (err != null) return Decoded.malformed(err);
            } else {
                NextHop gw = gateway(ix, family);
                if (gw == BAD) return Decoded.malformed("bad gateway attribute");
                int oif = ix.u32(RTA_OIF, 0);
                if (gw != null || oif != 0)
                    hops.add(new KernelNextHop(gw, oif, name(ifnames, oif), (flags & RTNH_F_ONLINK) != 0, 1));
            }
        }
        return Decoded.of(new KernelRoute(prefix, table, protocol, type, metric, scope, tos, hops));
    }

    private static String multipath(NlReader r, Family family, IntFunction<String> ifnames, List<KernelNextHop> out) {
        while (r.remaining() >= RTNH_LEN) {
            int len = r.u16();
            int hopFlags = r.u8();
            int hops = r.u8();
            int ifindex = r.u32();
            if (len < RTNH_LEN || len - RTNH_LEN > r.remaining()) return "rtnexthop length " + len + " runs past RTA_MULTIPATH";
            AttrIndex ix = AttrIndex.of(r.slice(len - RTNH_LEN), HOP_ATTRS);
            r.skip(Math.min(Rtnl.align(len) - len, r.remaining()));
            if (ix.error() != null) return "in rtnexthop: " + ix.error();
            NextHop gw = gateway(ix, family);
            if (gw == BAD) return "bad gateway in rtnexthop";
            out.add(new KernelNextHop(gw, ifindex, name(ifnames, ifindex), (hopFlags & RTNH_F_ONLINK) != 0, hops + 1));
        }
        return r.remaining() == 0 ? null : "trailing bytes in RTA_MULTIPATH";
    }

    private static final NextHop BAD = NextHop.v4(0);

    private static NextHop gateway(AttrIndex ix, Family family) {
        if (ix.has(RTA_GATEWAY)) {
            byte[] a = ix.bytes(RTA_GATEWAY);
            if (a.length != family.addressBytes()) return BAD;
            return address(a, 0, family);
        }
        if (ix.has(RTA_VIA)) {
            NlReader v = ix.value(RTA_VIA);
            int af = v.u16();
            Family f = af == AF_INET ? Family.IPV4_UNICAST : af == AF_INET6 ? Family.IPV6_UNICAST : null;
            if (f == null || v.remaining() != f.addressBytes()) return BAD;
            return address(ix.bytes(RTA_VIA), 2, f);
        }
        return null;
    }

    private static NextHop address(byte[] a, int off, Family f) {
        return f == Family.IPV4_UNICAST ? NextHop.v4(Ipv4.fromBytes(a, off)) : NextHop.v6(Ipv6.fromBytes(a, off), Ipv6.fromBytes(a, off + 8));
    }

    private static Prefix prefix(Family f, byte[] a, int len) {
        return f == Family.IPV4_UNICAST ? Prefix.v4(Ipv4.fromBytes(a, 0), len) : Prefix.v6(Ipv6.fromBytes(a, 0), Ipv6.fromBytes(a, 8), len);
    }

    private static String name(IntFunction<String> ifnames, int ifindex) {
        return ifnames == null || ifindex == 0 ? null : ifnames.apply(ifindex);
    }

    /** An RTM_GETROUTE dump request for every family and table. */
    public static void encodeDumpRequest(NlWriter w, int seq) {
        int start = w.beginMessage(RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP, seq);
        w.u8(AF_UNSPEC).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u32(0);
        w.endMessage(start);
    }
}
