package org.bgpd.daemon;

import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bgpd.control.RouteInfo;
import org.bgpd.control.RouteInfo.NextHopInfo;
import org.bgpd.rib.loop.RouteView;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerKind;

/**
 * Turns the RIB's {@link RouteView}s into {@code show route} rows: protocol names, BIRD's
 * preferences (BGP 100, static 200, kernel 10), route types and the interface of each next hop.
 * Owned by one query (it caches interface lookups); not thread-safe.
 */
final class RouteRows {

    /** The protocol name of a RIB peer's routes of one family. */
    @FunctionalInterface
    interface Names {
        String of(int peer, Family family);
    }

    private final Names names;
    private final Map<Prefix, RouteInfo.RouteDest> staticDests;
    private final Map<InetAddress, String> ifaces = new HashMap<>();
    private List<NetworkInterface> interfaces;

    /** @param staticDests how each configured static prefix forwards (absent: unicast via its next hop) */
    RouteRows(Names names, Map<Prefix, RouteInfo.RouteDest> staticDests) {
        this.names = names;
        this.staticDests = staticDests;
    }

    RouteInfo of(RouteView v) {
        Family f = v.prefix().family();
        PeerKind kind = v.source() == null ? PeerKind.BGP : v.source().kind();
        NextHop nh = v.attrs().nextHop();
        RouteInfo.RouteDest dest = RouteInfo.RouteDest.UNICAST;
        if (kind == PeerKind.STATIC) dest = staticDests.getOrDefault(v.prefix(), RouteInfo.RouteDest.UNICAST);
        List<NextHopInfo> hops = new ArrayList<>(1);
        if (dest == RouteInfo.RouteDest.UNICAST && nh != null && !nh.isSelf()) {
            InetAddress gw = nh.asPrefix().address();
            hops.add(new NextHopInfo(Addresses.text(gw), iface(gw), 1));
        }
        String from = kind == PeerKind.BGP && v.source() != null ? Addresses.text(v.source().address().address()) : null;
        String table = f == Family.IPV4_UNICAST ? "master4" : "master6";
        return new RouteInfo(table, f, v.prefix().toString(), names.of(v.peer(), f), Instant.ofEpochMilli(v.since()),
                v.best(), preference(kind), dest, hops, from, null, source(kind), "univ",
                kind == PeerKind.BGP ? BgpAttributeRows.of(v.attrs()) : List.of(), v.llgrStale());
    }

    static int preference(PeerKind kind) {
        return switch (kind) {
            case BGP -> 100;
            case STATIC -> 200;
            case KERNEL -> 10;
        };
    }

    /** BIRD's route source name on the {@code Type:} line. */
    static String source(PeerKind kind) {
        return switch (kind) {
            case BGP -> "BGP";
            case STATIC -> "static";
            case KERNEL -> "inherit";
        };
    }

    /** The interface whose subnet holds {@code gw}, as BIRD shows "via GW on IF"; "?" when none does. */
    private String iface(InetAddress gw) {
        return ifaces.computeIfAbsent(gw, this::lookUp);
    }

    private String lookUp(InetAddress gw) {
        if (interfaces == null) {
            try {
                interfaces = Collections.list(NetworkInterface.getNetworkInterfaces());
            } catch (SocketException e) {
                interfaces = List.of();
            }
        }
        String best = "?";
        int bestLen = -1;
        for (NetworkInterface ni : interfaces) {
            for (InterfaceAddress ia : ni.getInterfaceAddresses()) {
                InetAddress a = ia.getAddress();
                if (a.getClass() != gw.getClass()) continue;
                int len = ia.getNetworkPrefixLength();
                if (len > bestLen && sameSubnet(a.getAddress(), gw.getAddress(), len)) {
                    best = ni.getName();
                    bestLen = len;
                }
            }
        }
        return best;
    }

    static boolean sameSubnet(byte[] a, byte[] b, int len) {
        for (int bit = 0; bit < len; bit++) {
            int mask = 0x80 >>> (bit & 7);
            if ((a[bit >> 3] & mask) != (b[bit >> 3] & mask)) return false;
        }
        return true;
    }
}
