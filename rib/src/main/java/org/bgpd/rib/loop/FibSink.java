package org.bgpd.rib.loop;

import org.bgpd.rib.policy.KernelDirectives;
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

    /**
     * {@link #route(long, NextHop[], PeerKind)} after the kernel export chain: {@code how[i]} says
     * through which device and with which flags {@code nextHops[i]} is installed (each ECMP member
     * is judged with its own attributes, so one route can mix {@code tunl0 onlink} and plain
     * hops). Members the chain rejected are left out; a rejected best removes the prefix.
     */
    default void route(long prefix, NextHop[] nextHops, KernelDirectives[] how, PeerKind source) {
        route(prefix, nextHops, source);
    }

    /** The same for an IPv6 prefix. */
    default void route6(Prefix prefix, NextHop[] nextHops, KernelDirectives[] how, PeerKind source) {
        route6(prefix, nextHops, source);
    }

    /**
     * A BGP next hop the RIB holds routes for and has not asked about before: the sink resolves it
     * through the kernel's tables and answers with {@link RibCommand.NextHopState} when known and
     * whenever that changes. Until then the next hop counts as reachable.
     */
    default void watchNextHop(NextHop nextHop) {}

    /** The end of one turn's changes: a good moment to send a netlink batch. */
    default void endOfBatch() {}
}
