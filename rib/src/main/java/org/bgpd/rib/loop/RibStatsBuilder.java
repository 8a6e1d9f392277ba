package org.bgpd.rib.loop;

import java.util.ArrayList;
import java.util.List;
import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.table.AdjRibIn;
import org.bgpd.rib.table.Channels;
import org.bgpd.rib.table.LocRib;
import org.bgpd.rib.table.Peers;

/** Counts for {@code show protocols all} and {@code show route count}, read off the RIB's tables. Called on the RIB thread. */
final class RibStatsBuilder {
    private RibStatsBuilder() {}

    static RibStats build(Peers peers, ChannelTable channels, UpdateGroups groups, LocRib[] locRibs, AttrsTable attrs) {
        List<RibStats.ChannelStats> out = new ArrayList<>();
        for (int peer = 0; peer < peers.limit(); peer++) {
            if (peers.get(peer) == null) continue;
            for (Family f : Family.values()) {
                int ch = Channels.index(peer, f);
                AdjRibIn in = channels.in(ch);
                if (in == null) continue;
                out.add(new RibStats.ChannelStats(peer, f, in.size(), groups.exportedTo(peer, f),
                        locRibs[f.ordinal()].preferred(ch), channels.endOfRib(ch)));
            }
        }
        int routes = locRibs[0].routeCount() + locRibs[1].routeCount();
        return new RibStats(out, attrs.size(), locRibs[0].size(), locRibs[1].size(), routes);
    }
}
