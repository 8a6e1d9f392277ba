package org.bgpd.rib.loop;

import it.unimi.dsi.fastutil.ints.Int2IntMap;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.table.AdjRibIn;
import org.bgpd.rib.table.Candidates;
import org.bgpd.rib.table.LocRib;
import org.bgpd.rib.wire.AttrsBuilder;
import org.bgpd.rib.wire.CanonicalAttrs;

/**
 * Long-lived graceful restart, receiving speaker (RFC 9494 §4.2): the peer's graceful-restart
 * stale period ended and LLGR was negotiated for the family, so its routes still stale are kept
 * for the long-lived stale time instead of being flushed. Each gets the LLGR_STALE community (its
 * attributes re-interned with the community added, once per distinct set), which makes it the
 * least preferred candidate ({@link org.bgpd.rib.decision.DecisionProcess}) and keeps it from
 * peers that did not negotiate LLGR (RFC 9494 §4.3, in the update group); a route carrying
 * NO_LLGR is withdrawn instead. A prefix the restarted peer re-sent meanwhile is no longer in
 * {@link StaleRoutes} and is left alone. The routes stay in {@link StaleRoutes}, so End-of-RIB or
 * the long-lived stale timer ({@link RibCommand.FlushStale}) removes them as for plain GR.
 * Owned by the RIB thread; not thread-safe.
 */
final class LongLivedStaleWalk implements RibWalk {
    private final int channel;
    private final long[] keys;
    private final StaleRoutes stale;
    private final AdjRibIn in;
    private final LocRib rib;
    private final AttrsTable attrs;
    /** received attrs id → tagged attrs id; both referenced until {@link #finish} so neither id is reused meanwhile. */
    private final Int2IntOpenHashMap tagged = new Int2IntOpenHashMap();
    private int next;

    LongLivedStaleWalk(int channel, long[] keys, StaleRoutes stale, AdjRibIn in, LocRib rib, AttrsTable attrs) {
        this.channel = channel;
        this.keys = keys;
        this.stale = stale;
        this.in = in;
        this.rib = rib;
        this.attrs = attrs;
    }

    @Override
    public boolean step(int budget) {
        while (budget-- > 0 && next < keys.length) {
            long key = keys[next++];
            if (!stale.contains(channel, key)) continue;
            int id = in.get(key);
            if (id == 0) continue;
            Attrs a = attrs.get(id);
            if (a.has(Attrs.NO_LLGR)) {
                if (in.withdraw(key)) rib.remove(key, channel);
                stale.dropped(channel, key);
            } else if (!a.has(Attrs.LLGR_STALE)) {
                int t = tag(id, a);
                if (in.update(key, t)) rib.put(key, Candidates.pack(channel, t));
            }
        }
        return next >= keys.length;
    }

    private int tag(int id, Attrs a) {
        int t = tagged.get(id);
        if (t != 0) return t;
        t = attrs.intern(AttrsBuilder.from(a).addCommunity(CanonicalAttrs.LLGR_STALE).build());
        attrs.retain(id);
        tagged.put(id, t);
        return t;
    }

    @Override
    public void finish() {
        for (Int2IntMap.Entry e : tagged.int2IntEntrySet()) {
            attrs.release(e.getIntKey());
            attrs.release(e.getIntValue());
        }
        tagged.clear();
    }
}
