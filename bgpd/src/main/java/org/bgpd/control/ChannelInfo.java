package org.bgpd.control;

/**
 * One channel (a protocol's connection to a table, BIRD 2's term) in {@code show protocols all}.
 * The bird1 dialect shows the first channel's preference, filters and statistics at protocol level.
 * Immutable; safe to share.
 *
 * @param state "UP", "START", "FEEDING", "DOWN"; statistics are shown unless "DOWN"
 * @param routes route counts, or null when there are none to show
 * @param neighborGr BGP only: the peer's graceful-restart state while it restarts ("Regular"), or null
 * @param bgpNextHop BGP only: the next hop we announce ("10.99.0.1"), shown when the channel is UP
 */
public record ChannelInfo(String name, String state, String table, int preference, String inputFilter,
                          String outputFilter, boolean grPending, boolean grWaiting, RouteCounts routes,
                          ChangeStats stats, String neighborGr, String bgpNextHop, String igpTable4,
                          String igpTable6) {

    /** @param filtered routes kept though filtered, or -1 when filtered routes are not kept */
    public record RouteCounts(long imported, long filtered, long exported, long preferred) {}

    /** The "Route change stats" table; cells BIRD prints as {@code ---} are ignored. */
    public record ChangeStats(Counters importUpdates, Counters importWithdraws, Counters exportUpdates,
                              Counters exportWithdraws) {}

    public record Counters(long received, long rejected, long filtered, long ignored, long accepted) {}
}
