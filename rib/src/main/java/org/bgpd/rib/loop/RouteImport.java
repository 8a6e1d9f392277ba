package org.bgpd.rib.loop;

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
 * in the Loc-RIB as a candidate. ADD-PATH paths (RFC 7911) are kept in the Adj-RIB-In only:
 * the Loc-RIB holds one candidate per channel.
 * Owned by the RIB thread; not thread-safe.
 */
final class RouteImport {
    private final AttrsTable attrs;
    private final PrefixKeys keys;
    private final int routerId;
    private final int clusterId;
    private long looped;

    RouteImport(AttrsTable attrs, PrefixKeys keys, int routerId, int clusterId) {
        this.attrs = attrs;
        this.keys = keys;
        this.routerId = routerId;
        this.clusterId = clusterId;
    }

    long looped() { return looped; }

    void apply(int channel, PeerInfo from, AdjRibIn in, LocRib rib, NlriList withdrawn, NlriList announced, Attrs a) {
        if (withdrawn != null && !withdrawn.isEmpty()) withdraw(channel, in, rib, withdrawn);
        if (announced == null || announced.isEmpty()) return;
        if (a == null || LoopChecks.looped(a, from, routerId, clusterId)) {
            looped += announced.size();
            withdraw(channel, in, rib, announced);
            return;
        }
        int id = attrs.intern(a);
        boolean addPath = announced.hasPathIds();
        for (int i = 0; i < announced.size(); i++) {
            long key = key(announced, i);
            if (addPath) in.update(key, announced.pathId(i), id);
            else if (in.update(key, id)) rib.put(key, Candidates.pack(channel, id));
        }
        attrs.release(id);
    }

    private void withdraw(int channel, AdjRibIn in, LocRib rib, NlriList withdrawn) {
        boolean v4 = withdrawn.family() == Family.IPV4_UNICAST;
        boolean addPath = withdrawn.hasPathIds();
        for (int i = 0; i < withdrawn.size(); i++) {
            long key = v4 ? withdrawn.v4(i) : keys.find(Prefix.v6(withdrawn.v6Hi(i), withdrawn.v6Lo(i), withdrawn.v6Length(i)));
            if (key < 0) continue; // an IPv6 prefix never announced
            if (addPath) in.withdraw(key, withdrawn.pathId(i));
            else if (in.withdraw(key)) rib.remove(key, channel);
        }
    }

    private long key(NlriList l, int i) {
        return l.family() == Family.IPV4_UNICAST ? l.v4(i) : keys.keyV6(l.v6Hi(i), l.v6Lo(i), l.v6Length(i));
    }
}
