package org.bgpd.daemon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.StaticRoute;
import org.bgpd.control.ChannelInfo;
import org.bgpd.control.ProtocolInfo;
import org.bgpd.control.ProtocolState;
import org.bgpd.rib.loop.RibStats;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.table.PeerKind;

/**
 * A protocol whose routes enter the RIB through a pseudo-peer rather than a session, shown as
 * BIRD shows its static and kernel protocols: one row per family, one channel with the RIB's
 * counts. A kernel protocol is one more entry in {@link #of} with {@link PeerKind#KERNEL}.
 * Immutable; safe to share.
 *
 * @param peer the RIB pseudo-peer index whose channel holds the routes
 */
record LocalProtocol(String name, PeerKind kind, int peer, Family family, Instant since) {

    /** The daemon's local protocols in {@code show protocols} order: statics, one per family with routes. */
    static List<LocalProtocol> of(DaemonConfig config, int staticPeer, Instant since) {
        Set<Family> families = EnumSet.noneOf(Family.class);
        for (StaticRoute r : config.staticRoutes()) {
            families.add(r.prefix().address().address().getAddress().length == 4 ? Family.IPV4_UNICAST : Family.IPV6_UNICAST);
        }
        List<LocalProtocol> out = new ArrayList<>(2);
        int n = 1;
        for (Family f : families) out.add(new LocalProtocol("static" + n++, PeerKind.STATIC, staticPeer, f, since));
        return out;
    }

    /** BIRD's protocol type name for the Proto column. */
    String proto() {
        return switch (kind) {
            case STATIC -> "Static";
            case KERNEL -> "Kernel";
            case BGP -> "BGP";
        };
    }

    ProtocolInfo row(RibStats stats) {
        RibStats.ChannelStats cs = stats == null ? null : stats.channel(peer, family);
        ChannelInfo.RouteCounts counts = new ChannelInfo.RouteCounts(cs == null ? 0 : cs.imported(), -1, 0,
                cs == null ? 0 : cs.preferred());
        String table = CapabilityRows.tableName(family);
        ChannelInfo channel = new ChannelInfo(CapabilityRows.channelName(family), "UP", table,
                RouteRows.preference(kind), "ACCEPT", "REJECT", false, false, counts, null, null, null, null, null);
        return new ProtocolInfo(name, proto(), table, ProtocolState.UP, since, "", null, family, List.of(channel), null);
    }
}
