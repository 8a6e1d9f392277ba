package org.bgpd.rib.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.bgpd.rib.decision.DecisionProcess;
import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.Candidates;
import org.bgpd.rib.table.LocRib;
import org.bgpd.rib.table.Peers;
import org.bgpd.rib.table.PrefixKeys;

/**
 * Answers the control socket's route questions from the Loc-RIB: the candidates of one prefix,
 * the longest match for an address, and the views a {@link RouteWalk} pages through.
 * Owned by the RIB thread; not thread-safe.
 */
final class RibQueries {
    private final LocRib[] locRibs;
    private final PrefixKeys keys;
    private final AttrsTable attrs;
    private final Peers peers;
    private final DecisionProcess decision;
    private final IntToLongFunction since;
    private long[] scratch = new long[16];
    private final long[] multipath = new long[64];

    RibQueries(LocRib[] locRibs, PrefixKeys keys, AttrsTable attrs, Peers peers, DecisionProcess decision, IntToLongFunction since) {
        this.locRibs = locRibs;
        this.keys = keys;
        this.attrs = attrs;
        this.peers = peers;
        this.decision = decision;
        this.since = since;
    }

    LocRib locRib(Family f) { return locRibs[f.ordinal()]; }

    PrefixKeys keys() { return keys; }

    /** The candidates of exactly {@code prefix}, best first. */
    List<RouteView> exact(Prefix prefix) {
        long key = keys.find(prefix);
        List<RouteView> out = new ArrayList<>(2);
        if (key >= 0) views(prefix, key, -1, out);
        return out;
    }

    /** The candidates of the longest prefix holding {@code address}'s address. */
    List<RouteView> longestMatch(Prefix address) {
        Family f = address.family();
        LocRib rib = locRib(f);
        for (int len = f.maxLength(); len >= 0; len--) {
            Prefix p = new Prefix(f, address.hi(), address.lo(), len);
            long key = keys.find(p);
            if (key >= 0 && rib.candidateCount(key) > 0) return exact(p);
        }
        return List.of();
    }

    /** Appends the candidates of one prefix (those from {@code peerFilter} only, unless -1). */
    void views(Prefix prefix, long key, int peerFilter, List<RouteView> out) {
        LocRib rib = locRib(prefix.family());
        int n = rib.candidateCount(key);
        if (n == 0) return;
        if (n > scratch.length) scratch = new long[Math.max(n, scratch.length * 2)];
        rib.candidates(key, scratch);
        int k = rib.multipath(key, multipath);
        for (int i = 0; i < n; i++) {
            long c = scratch[i];
            int peer = Candidates.peer(c);
            if (peerFilter >= 0 && peer != peerFilter) continue;
            boolean best = k > 0 && i == 0;
            int why = i == 0 ? 0 : Math.abs(decision.compare(scratch[0], c));
            out.add(new RouteView(prefix, peer, attrs.get(Candidates.attrs(c)), best, i < k, why, peers.get(peer), since.applyAsLong(peer)));
        }
    }
}
