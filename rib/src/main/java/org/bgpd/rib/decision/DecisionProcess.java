package org.bgpd.rib.decision;

import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.table.CandidateOrder;
import org.bgpd.rib.table.Candidates;
import org.bgpd.rib.table.NextHops;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.Peers;

/**
 * Best-path selection over packed candidates ({@link Candidates}): RFC 4271 §9.1.2 extended by
 * RFC 4456 §9, with BIRD's protocol preference ahead of LOCAL_PREF so locally originated static
 * routes win over BGP ones and kernel-learned routes lose to them, as in BIRD, and then RFC 9494
 * §4.2: a route tagged LLGR_STALE loses to every route without the tag (BIRD's order too). Each step is one
 * comparison; {@link #compare} returns {@code ±step} ({@link DecisionStep}).
 * <p><b>MED is not transitive</b> (it only compares routes from the same neighbour AS), so a
 * plain sort would depend on arrival order. {@link #sort} uses deterministic-MED grouping, as
 * BIRD's {@code deterministic med}: candidates are first ordered within their neighbour-AS
 * group, where every step including MED applies and the order is lexicographic; the groups are
 * then merged by repeatedly taking the best group head. Heads of different groups never compare
 * MED, so that choice is transitive as well. The result depends only on the set of candidates.
 * With {@code medAlwaysCompare} there is one group and this is an ordinary sort.
 * <p><b>Multipath</b> (BIRD {@code merge paths}): a BGP candidate joins the best's ECMP set when
 * it ties the best at every step through {@link DecisionOptions#multipathThrough()} (default:
 * resolvable next hop, preference, LOCAL_PREF, AS_PATH length, ORIGIN, MED where compared,
 * eBGP/iBGP, IGP cost; BIRD's {@code bgp_rte_mergable}) and also ties the head of its own
 * neighbour-AS group that far (BIRD suppresses routes that lose within their group).
 * <p>Owned by the RIB thread; not thread-safe (scratch arrays).
 */
public final class DecisionProcess implements CandidateOrder {
    private final AttrsTable attrs;
    private final Peers peers;
    private final NextHops nextHops;
    private final DecisionOptions options;
    private long[] scratch = new long[16];
    private int[] groupNext = new int[16];
    private int[] groupEnd = new int[16];

    public DecisionProcess(AttrsTable attrs, Peers peers, NextHops nextHops, DecisionOptions options) {
        this.attrs = attrs;
        this.peers = peers;
        this.nextHops = nextHops;
        this.options = options;
    }

    public DecisionOptions options() { return options; }

    /**
     * Compares two candidates for the same prefix.
     * @return a positive step number when {@code a} is preferred, negative when {@code b} is
     * @throws IllegalStateException when nothing separates them (the same channel twice: a bug)
     */
    public int compare(long a, long b) {
        Attrs x = attrs.get(Candidates.attrs(a));
        Attrs y = attrs.get(Candidates.attrs(b));
        PeerInfo p = peers.get(Candidates.peer(a));
        PeerInfo q = peers.get(Candidates.peer(b));

        // 1. Next hop resolvable, or the route is not eligible (RFC 4271 9.1.2.1)
        boolean rx = nextHops.isReachable(x.nextHop());
        boolean ry = nextHops.isReachable(y.nextHop());
        if (rx != ry) return rx ? 1 : -1;

        // 2. Protocol preference, higher wins (BIRD rte_better, before any BGP attribute)
        int px = preference(p);
        int py = preference(q);
        if (px != py) return px > py ? 2 : -2;

        // 3. LLGR_STALE, absent wins: a long-lived stale route is the least preferred (RFC 9494 §4.2)
        boolean sx = x.has(Attrs.LLGR_STALE);
        boolean sy = y.has(Attrs.LLGR_STALE);
        if (sx != sy) return sy ? 3 : -3;

        // 4. LOCAL_PREF, higher wins; absent means the configured default (RFC 4271 9.1.1)
        long lx = x.has(Attrs.HAS_LOCAL_PREF) ? Integer.toUnsignedLong(x.localPref()) : options.defaultLocalPref();
        long ly = y.has(Attrs.HAS_LOCAL_PREF) ? Integer.toUnsignedLong(y.localPref()) : options.defaultLocalPref();
        if (lx != ly) return lx > ly ? 4 : -4;

        // 5. AS_PATH length, shorter wins; an AS_SET counts 1 (RFC 4271 9.1.2.2 a)
        if (x.asPathLength() != y.asPathLength()) return x.asPathLength() < y.asPathLength() ? 5 : -5;

        // 6. ORIGIN, lower wins: IGP < EGP < INCOMPLETE (RFC 4271 9.1.2.2 b)
        if (x.origin() != y.origin()) return x.origin() < y.origin() ? 6 : -6;

        // 7. MED, lower wins, only between routes from the same neighbour AS unless configured
        //    otherwise; a missing MED is 0, the lowest (RFC 4271 9.1.2.2 c)
        if (options.medAlwaysCompare() || x.neighborAs() == y.neighborAs()) {
            long mx = x.has(Attrs.HAS_MED) ? Integer.toUnsignedLong(x.med()) : 0;
            long my = y.has(Attrs.HAS_MED) ? Integer.toUnsignedLong(y.med()) : 0;
            if (mx != my) return mx < my ? 7 : -7;
        }

        // 8. Learned by eBGP over learned by iBGP (RFC 4271 9.1.2.2 d)
        if (p.ibgp() != q.ibgp()) return q.ibgp() ? 8 : -8;

        // 9. Interior cost to the next hop, lower wins, where fib-sync knows it (RFC 4271 9.1.2.2 e)
        long cx = nextHops.cost(x.nextHop());
        long cy = nextHops.cost(y.nextHop());
        if (cx != cy) return cx < cy ? 9 : -9;

        // 10. ORIGINATOR_ID if present, else the peer's BGP Identifier, lower wins
        //    (RFC 4271 9.1.2.2 f, RFC 4456 9)
        long ix = Integer.toUnsignedLong(x.has(Attrs.HAS_ORIGINATOR_ID) ? x.originatorId() : p.bgpId());
        long iy = Integer.toUnsignedLong(y.has(Attrs.HAS_ORIGINATOR_ID) ? y.originatorId() : q.bgpId());
        if (ix != iy) return ix < iy ? 10 : -10;

        // 11. CLUSTER_LIST length, shorter wins (RFC 4456 9)
        if (x.clusterListLength() != y.clusterListLength()) return x.clusterListLength() < y.clusterListLength() ? 11 : -11;

        // 12. Peer address, lower wins (RFC 4271 9.1.2.2 g)
        int c = p.address().compareTo(q.address());
        if (c != 0) return c < 0 ? 12 : -12;

        // 13. Channel index, lower wins: only pseudo-peers can share an address
        int ca = Candidates.channel(a);
        int cb = Candidates.channel(b);
        if (ca != cb) return ca < cb ? 13 : -13;

        // 14. ADD-PATH slot, lower wins: two paths of one peer (RFC 7911) that tie on everything
        int sa = Candidates.slot(a);
        int sb = Candidates.slot(b);
        if (sa != sb) return sa < sb ? 14 : -14;

        throw new IllegalStateException("decision tie between candidates from channel " + ca);
    }

    @Override
    public boolean eligible(long candidate) {
        return nextHops.isReachable(attrs.get(Candidates.attrs(candidate)).nextHop());
    }

    @Override
    public int sort(long[] c, int off, int n) {
        if (n <= 0) return 0;
        if (n > 1) {
            sortWithinGroups(c, off, n);
            mergeGroups(c, off, n);
        }
        if (!eligible(c[off])) return 0;
        if (!options.multipath() || !isBgp(c[off])) return 1;
        return partitionMultipath(c, off, n);
    }

    /** Insertion sort by (neighbour-AS group, preference); n is small and input mostly sorted. */
    private void sortWithinGroups(long[] c, int off, int n) {
        for (int i = off + 1; i < off + n; i++) {
            long v = c[i];
            long g = group(v);
            int j = i - 1;
            while (j >= off && precedes(v, g, c[j])) {
                c[j + 1] = c[j];
                j--;
            }
            c[j + 1] = v;
        }
    }

    private boolean precedes(long v, long g, long other) {
        long go = group(other);
        return g != go ? g < go : compare(v, other) > 0;
    }

    /** Merges the sorted groups by repeatedly taking the best head (see the class comment). */
    private void mergeGroups(long[] c, int off, int n) {
        if (scratch.length < n) {
            scratch = new long[Math.max(n, scratch.length * 2)];
            groupNext = new int[scratch.length];
            groupEnd = new int[scratch.length];
        }
        int groups = 0;
        for (int i = off; i < off + n; i++) {
            if (i == off || group(c[i]) != group(c[i - 1])) {
                groupNext[groups] = i;
                if (groups > 0) groupEnd[groups - 1] = i;
                groups++;
            }
        }
        groupEnd[groups - 1] = off + n;
        if (groups == 1) return;
        for (int out = 0; out < n; out++) {
            int pick = -1;
            for (int g = 0; g < groups; g++) {
                if (groupNext[g] == groupEnd[g]) continue;
                if (pick < 0 || compare(c[groupNext[g]], c[groupNext[pick]]) > 0) pick = g;
            }
            scratch[out] = c[groupNext[pick]++];
        }
        System.arraycopy(scratch, 0, c, off, n);
    }

    /** Stable-partitions the ECMP set to the front; @return its size (at least 1) */
    private int partitionMultipath(long[] c, int off, int n) {
        int through = options.multipathThrough().number();
        long best = c[off];
        int[] member = groupNext; // free after mergeGroups; decided on the sorted order before moving
        for (int i = 1; i < n; i++) {
            long v = c[off + i];
            member[i] = isBgp(v) && Math.abs(compare(best, v)) > through && tiesGroupHead(c, off, i, through) ? 1 : 0;
        }
        int k = 1;
        int rest = 0;
        for (int i = 1; i < n; i++) {
            if (member[i] == 1) c[off + k++] = c[off + i];
            else scratch[rest++] = c[off + i];
        }
        System.arraycopy(scratch, 0, c, off + k, rest);
        return k;
    }

    /** BIRD keeps a route out of the set when it loses to the best of its own group before the limit. */
    private boolean tiesGroupHead(long[] c, int off, int i, int through) {
        long g = group(c[off + i]);
        for (int j = 0; j < i; j++) {
            if (group(c[off + j]) == g) return Math.abs(compare(c[off + j], c[off + i])) > through;
        }
        return true;
    }

    private long group(long candidate) {
        return options.medAlwaysCompare() ? 0 : Integer.toUnsignedLong(attrs.get(Candidates.attrs(candidate)).neighborAs());
    }

    private boolean isBgp(long candidate) {
        return peers.get(Candidates.peer(candidate)).isBgp();
    }

    private int preference(PeerInfo p) {
        return switch (p.kind()) {
            case BGP -> options.bgpPreference();
            case STATIC -> options.staticPreference();
            case KERNEL -> options.kernelPreference();
        };
    }
}
