package org.bgpd.daemon;

import java.util.ArrayList;
import java.util.List;
import org.bgpd.control.BgpCaps;
import org.bgpd.rib.route.Family;
import org.bgpd.wire.Capability;
import org.bgpd.wire.Open;

/**
 * One OPEN's capabilities (RFC 5492) as {@code show protocols all} lists them, with BIRD's family
 * names ("ipv4", "ipv6"). Stateless; safe from any thread.
 */
final class CapabilityRows {
    private CapabilityRows() {}

    static BgpCaps of(Open open) {
        List<String> mp = new ArrayList<>();
        List<String> grSupported = new ArrayList<>();
        List<String> grPreserved = new ArrayList<>();
        List<String> addPathRx = new ArrayList<>();
        List<String> addPathTx = new ArrayList<>();
        List<String> llgrSupported = new ArrayList<>();
        List<String> llgrPreserved = new ArrayList<>();
        boolean refresh = false, enhanced = false, extended = false, as4 = false, gr = false, grRestart = false,
                llgr = false;
        int grTime = 0, llgrStale = 0;
        for (Capability c : open.capabilities()) {
            switch (c) {
                case Capability.Multiprotocol m -> mp.add(name(m.afi(), m.safi()));
                case Capability.RouteRefreshCap r -> refresh = true;
                case Capability.EnhancedRouteRefresh r -> enhanced = true;
                case Capability.ExtendedMessage e -> extended = true;
                case Capability.FourOctetAs a -> as4 = true;
                case Capability.GracefulRestart g -> {
                    gr = true;
                    grRestart = g.restarting();
                    grTime = g.restartTime();
                    for (Capability.GrFamily f : g.families()) {
                        grSupported.add(name(f.afi(), f.safi()));
                        if (f.forwardingPreserved()) grPreserved.add(name(f.afi(), f.safi()));
                    }
                }
                case Capability.LongLivedGracefulRestart l -> {
                    llgr = true;
                    for (Capability.LlgrFamily f : l.families()) {
                        llgrSupported.add(name(f.afi(), f.safi()));
                        if (f.forwardingPreserved()) llgrPreserved.add(name(f.afi(), f.safi()));
                        llgrStale = Math.max(llgrStale, f.staleTime());
                    }
                }
                case Capability.AddPath a -> {
                    for (Capability.AddPathFamily f : a.families()) {
                        if (f.receive()) addPathRx.add(name(f.afi(), f.safi()));
                        if (f.send()) addPathTx.add(name(f.afi(), f.safi()));
                    }
                }
                default -> { }
            }
        }
        return new BgpCaps(mp, refresh, extended, gr, grTime, grRestart, grSupported, grPreserved, as4, addPathRx,
                addPathTx, enhanced, llgr, llgrStale, llgrSupported, llgrPreserved);
    }

    /** BIRD's channel name for an AFI/SAFI pair; "afi/safi" numbers for pairs we do not carry. */
    static String name(int afi, int safi) {
        Family f = Family.of(afi, safi);
        return f != null ? channelName(f) : "<" + afi + "/" + safi + ">";
    }

    static String channelName(Family f) {
        return f == Family.IPV4_UNICAST ? "ipv4" : "ipv6";
    }

    static String tableName(Family f) {
        return f == Family.IPV4_UNICAST ? "master4" : "master6";
    }
}
