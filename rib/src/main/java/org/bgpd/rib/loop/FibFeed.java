package org.bgpd.rib.loop;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.bgpd.rib.policy.KernelDirectives;
import org.bgpd.rib.policy.KernelExport;
import org.bgpd.rib.policy.KernelRoutes;
import org.bgpd.rib.policy.PolicyChain;
import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.table.Candidates;
import org.bgpd.rib.table.LocRib;
import org.bgpd.rib.table.NextHops;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.Peers;
import org.bgpd.rib.table.PrefixKeys;

/**
 * The RIB's side of the kernel FIB: hands each changed prefix's ECMP set to the {@link FibSink}
 * after the kernel export chain ({@link KernelExport}) has judged every member, asks the sink to
 * resolve each BGP next hop the RIB sees, and applies its answers ({@link RibCommand.NextHopState})
 * so routes over an unreachable next hop stop being eligible at once.
 * <p>A reachability change re-decides every prefix with a candidate over that next hop, found by
 * a walk of both Loc-RIBs: such changes follow link and address events, which are rare, and a
 * node that installs routes holds a small table (a route reflector runs without a FIB).
 * Owned by the RIB thread; not thread-safe.
 */
final class FibFeed {
    private final FibSink sink;
    private final AttrsTable attrs;
    private final Peers peers;
    private final PrefixKeys prefixKeys;
    private final KernelRoutes kernelRoutes;
    private final NextHops nextHops;
    private final Set<NextHop> watched = new HashSet<>();
    private final long[] members = new long[64];
    private final long[] scratch = new long[256];
    private KernelExport export;

    FibFeed(FibSink sink, AttrsTable attrs, Peers peers, PrefixKeys prefixKeys, KernelRoutes kernelRoutes, NextHops nextHops) {
        this.sink = sink;
        this.attrs = attrs;
        this.peers = peers;
        this.prefixKeys = prefixKeys;
        this.kernelRoutes = kernelRoutes;
        this.nextHops = nextHops;
        this.export = new KernelExport(PolicyChain.ALL, attrs, peers, prefixKeys, kernelRoutes);
    }

    /** Sends the prefix's current ECMP set, as the export chain wants it installed, to the sink. */
    void send(Family f, long prefix, LocRib rib) {
        int k = rib.multipath(prefix, members);
        NextHop[] hops = new NextHop[k];
        KernelDirectives[] how = new KernelDirectives[k];
        int n = 0;
        for (int i = 0; i < k; i++) {
            KernelDirectives d = export.evaluate(f, prefix, members[i]);
            if (d == null) {
                if (i == 0) break; // the chain rejects the best: nothing is installed
                continue;
            }
            hops[n] = attrs.get(Candidates.attrs(members[i])).nextHop();
            how[n++] = d;
        }
        if (n < k) {
            hops = Arrays.copyOf(hops, n);
            how = Arrays.copyOf(how, n);
        }
        PeerInfo from = n == 0 ? null : peers.get(Candidates.peer(members[0]));
        var source = from == null ? null : from.kind();
        if (f == Family.IPV4_UNICAST) sink.route(prefix, hops, how, source);
        else sink.route6(prefixKeys.prefix(f, prefix), hops, how, source);
    }

    /** A new kernel export chain: every prefix goes to the sink again under it. */
    void exportChain(PolicyChain chain, LocRib[] ribs) {
        export = new KernelExport(chain, attrs, peers, prefixKeys, kernelRoutes);
        for (Family f : Family.values()) {
            LocRib rib = ribs[f.ordinal()];
            for (long p : rib.prefixes()) send(f, p, rib);
        }
    }

    /** Asks the sink about a next hop the first time the RIB sees it in an UPDATE. */
    void watch(NextHop nh) {
        if (nh == null || nh.isSelf() || (nh.hi() == 0 && nh.lo() == 0)) return;
        NextHop key = global(nh);
        if (watched.add(key)) sink.watchNextHop(key);
    }

    /**
     * Applies fib-sync's answer for a next hop. Affected prefixes are marked dirty before the
     * state changes, so the Loc-RIB compares against the eligibility they had.
     */
    void nextHopState(RibCommand.NextHopState s, LocRib[] ribs) {
        NextHop key = global(s.nextHop());
        if (s.reachable() == nextHops.isReachable(key) && (!s.reachable() || s.metric() == nextHops.cost(key))) return;
        for (Family f : Family.values()) {
            LocRib rib = ribs[f.ordinal()];
            for (long p : rib.prefixes()) {
                int n = rib.candidates(p, scratch);
                for (int i = 0; i < n; i++) {
                    NextHop h = attrs.get(Candidates.attrs(scratch[i])).nextHop();
                    if (h != null && !h.isSelf() && global(h).equals(key)) {
                        rib.touch(p);
                        break;
                    }
                }
            }
        }
        if (s.reachable()) nextHops.reachable(key, s.metric());
        else nextHops.unreachable(key);
    }

    private static NextHop global(NextHop nh) {
        return nh.hasLinkLocal() ? new NextHop(nh.family(), nh.hi(), nh.lo(), 0, 0) : nh;
    }
}
