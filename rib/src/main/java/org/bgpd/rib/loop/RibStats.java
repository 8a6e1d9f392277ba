package org.bgpd.rib.loop;

import java.util.List;
import org.bgpd.rib.route.Family;

/**
 * Route counts at one moment, for {@code show protocols all} and {@code show route count}.
 * Per channel: {@code imported} routes in the Adj-RIB-In (after the loop checks), {@code exported}
 * routes in the Adj-RIB-Out of the peer's update group (routes the peer itself announced are
 * counted although not sent back to it), {@code preferred} Loc-RIB bests that came from it.
 * Immutable; safe to share.
 */
public record RibStats(List<ChannelStats> channels, int attrsSets, int prefixesV4, int prefixesV6, int routes) {
    public RibStats {
        channels = List.copyOf(channels);
    }

    public record ChannelStats(int peer, Family family, int imported, int exported, int preferred, boolean endOfRibReceived) {}

    /** The counts of one channel, or null. */
    public ChannelStats channel(int peer, Family family) {
        for (ChannelStats c : channels) if (c.peer() == peer && c.family() == family) return c;
        return null;
    }

    public int prefixes() { return prefixesV4 + prefixesV6; }
}
