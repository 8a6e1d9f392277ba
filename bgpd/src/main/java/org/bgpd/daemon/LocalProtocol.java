package org.bgpd.daemon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.PolicyConfig;
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
 * counts. The kernel protocol ({@link KernelSync#PROTOCOL_NAME}, while it runs) is one row whose
 * routes are those learned from the kernel in both families, like BIRD's {@code kernel1};
 * its channel shows IPv4's RIB counts and, as exported, the routes installed in the kernel.
 * Immutable; safe to share.
 *
 * @param peer the RIB pseudo-peer index whose channel holds the routes
 * @param family the family of the row's channel; for the kernel row routes of both families match
 * @param exported routes this protocol exported (installed in the kernel), 0 for statics
 * @param exportFilter what BIRD's "Output filter" line shows
 */
record LocalProtocol(String name, PeerKind kind, int peer, Family family, Instant since, long exported, String exportFilter) {

    LocalProtocol(String name, PeerKind kind, int peer, Family family, Instant since) {
        this(name, kind, peer, family, since, 0, "REJECT");
    }

    /** The statics of {@link #of(DaemonConfig, int, Instant)}, then the kernel protocol while it runs. */
    static List<LocalProtocol> of(DaemonConfig config, int staticPeer, Instant since, KernelSync kernel) {
        List<LocalProtocol> out = new ArrayList<>(of(config, staticPeer, since));
        if (kernel != null && kernel.active() && kernel.peerIndex() >= 0)
            out.add(kernel(config, kernel.peerIndex(), since, kernel.exportStats().installed()));
        return out;
    }

    /** The kernel protocol's row: routes learned by pseudo-peer {@code peer}, {@code installed} routes in the kernel. */
    static LocalProtocol kernel(DaemonConfig config, int peer, Instant since, long installed) {
        List<String> chain = config.kernel().exportPolicies();
        String filter = chain.equals(List.of(PolicyConfig.ALL)) ? "ACCEPT"
                : chain.equals(List.of(PolicyConfig.NONE)) ? "REJECT" : String.join(",", chain);
        return new LocalProtocol(KernelSync.PROTOCOL_NAME, PeerKind.KERNEL, peer, Family.IPV4_UNICAST, since, installed, filter);
    }

    /** Whether this protocol's routes include those of {@code peer} in {@code f}. */
    boolean holds(int peer, Family f) { return this.peer == peer && (kind == PeerKind.KERNEL || family == f); }

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
        ChannelInfo.RouteCounts counts = new ChannelInfo.RouteCounts(cs == null ? 0 : cs.imported(), -1, exported,
                cs == null ? 0 : cs.preferred());
        String table = CapabilityRows.tableName(family);
        ChannelInfo channel = new ChannelInfo(CapabilityRows.channelName(family), "UP", table,
                RouteRows.preference(kind), "ACCEPT", exportFilter, false, false, counts, null, null, null, null, null);
        return new ProtocolInfo(name, proto(), table, ProtocolState.UP, since, "", null, family, List.of(channel), null);
    }
}
