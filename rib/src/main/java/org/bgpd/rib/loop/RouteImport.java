package org.bgpd.rib.loop;

import java.util.Arrays;
import org.bgpd.rib.policy.PolicyChain;
import org.bgpd.rib.policy.RouteInput;
import org.bgpd.rib.reflect.LoopChecks;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NlriList;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.AdjRibIn;
import org.bgpd.rib.table.Candidates;
import org.bgpd.rib.table.LocRib;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.table.PrefixKeys;

/**
 * Applies one UPDATE section of one channel: withdrawals, then the announcements under one
 * attribute set, which is interned here on the RIB thread (one hash lookup per UPDATE, not per
 * prefix) and loop-checked once ({@link LoopChecks}; a looped set withdraws its prefixes, as
 * BIRD does). Every change lands in the channel's Adj-RIB-In and, when the stored value moved,
 * in the Loc-RIB as a candidate. With ADD-PATH receive (RFC 7911) every path is its own
 * candidate (the path's slot in the candidate's source word), withdrawn by its path id.
 * <p>The channel's import chain ({@link PolicyChain#importFor}, RFC 8212 defaults) runs before
 * either table, so the Adj-RIB-In holds post-policy routes: a rejected announcement acts as a
 * withdrawal of that prefix. Changed sets are built once per distinct outcome within the UPDATE.
 * Owned by the RIB thread; not thread-safe.
 */
final class RouteImport {
    private final AttrsTable attrs;
    private final PrefixKeys keys;
    private final int routerId;
    private final int clusterId;
    private long looped;
    private long rejected;
    private final RouteInput input = new RouteInput();
    /** This UPDATE's policy outcomes: decision masks and the interned sets they gave (one reference each). */
    private long[] outcomeMask = new long[4];
    private int[] outcomeId = new int[4];
    private int outcomes;

    RouteImport(AttrsTable attrs, PrefixKeys keys, int routerId, int clusterId) {
        this.attrs = attrs;
        this.keys = keys;
        this.routerId = routerId;
        this.clusterId = clusterId;
    }

    long looped() { return looped; }

    long rejected() { return rejected; }

    void apply(int channel, PeerInfo from, AdjRibIn in, LocRib rib, NlriList withdrawn, NlriList announced, Attrs a) {
        if (withdrawn != null && !withdrawn.isEmpty()) withdraw(channel, in, rib, withdrawn);
        if (announced == null || announced.isEmpty()) return;
        if (a == null || LoopChecks.looped(a, from, routerId, clusterId)) {
            looped += announced.size();
            withdraw(channel, in, rib, announced);
            return;
        }
        int id = attrs.intern(a);
        PolicyChain chain = PolicyChain.importFor(from, announced.family());
        boolean addPath = announced.hasPathIds();
        for (int i = 0; i < announced.size(); i++) {
            long key = key(announced, i);
            int use = chain.acceptsAll() ? id : imported(chain, announced, i, a, from, id);
            if (use == 0) {
                rejected++;
                if (addPath) withdrawPath(channel, in, rib, key, announced.pathId(i));
                else if (in.withdraw(key)) rib.remove(key, channel);
            } else if (addPath) {
                int slot = in.update(key, announced.pathId(i), use);
                if (slot >= 0) rib.put(key, Candidates.pack(channel, slot, use));
            } else if (in.update(key, use)) {
                rib.put(key, Candidates.pack(channel, use));
            }
        }
        for (int i = 0; i < outcomes; i++) attrs.release(outcomeId[i]);
        outcomes = 0;
        attrs.release(id);
    }

    /** The attrs id the import chain gives announced prefix {@code i}, 0 when rejected. */
    private int imported(PolicyChain chain, NlriList l, int i, Attrs a, PeerInfo from, int id) {
        if (l.family() == Family.IPV4_UNICAST) input.setV4(l.v4(i), a, from, null);
        else input.set(Family.IPV6_UNICAST, l.v6Hi(i), l.v6Lo(i), l.v6Length(i), a, from, null);
        long mask = chain.decide(input);
        if (mask == PolicyChain.REJECT) return 0;
        if (mask == 0) return id;
        boolean cacheable = (mask & PolicyChain.UNCACHEABLE) == 0;
        if (cacheable) {
            for (int k = 0; k < outcomes; k++) if (outcomeMask[k] == mask) return outcomeId[k];
        }
        int changed = attrs.intern(chain.apply(input, a));
        if (outcomes == outcomeId.length) {
            outcomeMask = Arrays.copyOf(outcomeMask, outcomes * 2);
            outcomeId = Arrays.copyOf(outcomeId, outcomes * 2);
        }
        // an uncacheable outcome is remembered under a mask no decision returns, only to be released
        outcomeMask[outcomes] = cacheable ? mask : PolicyChain.REJECT;
        outcomeId[outcomes++] = changed;
        return changed;
    }

    private void withdraw(int channel, AdjRibIn in, LocRib rib, NlriList withdrawn) {
        boolean v4 = withdrawn.family() == Family.IPV4_UNICAST;
        boolean addPath = withdrawn.hasPathIds();
        for (int i = 0; i < withdrawn.size(); i++) {
            long key = v4 ? withdrawn.v4(i) : keys.find(Prefix.v6(withdrawn.v6Hi(i), withdrawn.v6Lo(i), withdrawn.v6Length(i)));
            if (key < 0) continue; // an IPv6 prefix never announced
            if (addPath) withdrawPath(channel, in, rib, key, withdrawn.pathId(i));
            else if (in.withdraw(key)) rib.remove(key, channel);
        }
    }

    private static void withdrawPath(int channel, AdjRibIn in, LocRib rib, long key, int pathId) {
        int slot = in.withdraw(key, pathId);
        if (slot >= 0) rib.remove(key, Candidates.source(channel, slot));
    }

    private long key(NlriList l, int i) {
        return l.family() == Family.IPV4_UNICAST ? l.v4(i) : keys.keyV6(l.v6Hi(i), l.v6Lo(i), l.v6Length(i));
    }
}
