package org.bgpd.rib.loop;

import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerKind;

/**
 * Receives Loc-RIB best-route changes for the kernel FIB; implemented by fib-sync. Called on the
 * RIB thread; arguments are immutable or owned by the sink, so it may queue them for its own
 * thread.
 */
public interface FibSink {

    /**
     * The IPv4 prefix ({@code org.bgpd.rib.route.Prefixes} packing) now routes over
     * {@code nextHops} (the ECMP set, best first); an empty array removes it. {@code source}
     * says who the best came from, null on removal.
     */
    void route(long prefix, NextHop[] nextHops, PeerKind source);

    /** The same for an IPv6 prefix. */
    default void route6(Prefix prefix, NextHop[] nextHops, PeerKind source) {}

    /** The end of one turn's changes: a good moment to send a netlink batch. */
    default void endOfBatch() {}
}
