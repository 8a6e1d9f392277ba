package org.bgpd.rib.loop;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NlriList;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.AdjRibIn;
import org.bgpd.rib.table.LocRib;
import org.bgpd.rib.table.PrefixKeys;

/**
 * Graceful restart, receiving speaker (RFC 4724 §4.2): the channels whose session went down
 * while their routes are kept, and for each the prefixes not yet re-sent by the restarted peer.
 * A re-sent route simply replaces the stale one in the Adj-RIB-In (same attributes: no change
 * reaches the Loc-RIB or other peers); what is still stale at the peer's End-of-RIB or at the
 * stale timer is withdrawn by a budgeted {@link RibWalk}. ADD-PATH paths stay in the
 * Adj-RIB-In until the channel is flushed; they never reach the Loc-RIB. With long-lived GR
 * (RFC 9494) the stale routes are tagged LLGR_STALE when the GR period ends and stay here.
 * Owned by the RIB thread; not thread-safe.
 */
final class StaleRoutes {
    private final PrefixKeys keys;
    private final Int2ObjectOpenHashMap<LongOpenHashSet> byChannel = new Int2ObjectOpenHashMap<>();

    StaleRoutes(PrefixKeys keys) { this.keys = keys; }

    boolean isStale(int channel) { return byChannel.containsKey(channel); }

    /** True while {@code key} of the channel is stale (not yet re-sent, not yet flushed). */
    boolean contains(int channel, long key) {
        LongOpenHashSet s = byChannel.get(channel);
        return s != null && s.contains(key);
    }

    /** The stale route at {@code key} was withdrawn here (NO_LLGR): it no longer waits for the peer. */
    void dropped(int channel, long key) {
        LongOpenHashSet s = byChannel.get(channel);
        if (s != null && s.remove(key) && s.isEmpty()) byChannel.remove(channel);
    }

    /**
     * The graceful-restart stale period of the channel ended with long-lived GR negotiated: a walk
     * that tags the routes still stale LLGR_STALE ({@link LongLivedStaleWalk}). They stay stale.
     * Null when the channel is not stale.
     */
    RibWalk longLived(int channel, AdjRibIn in, LocRib rib, AttrsTable attrs) {
        LongOpenHashSet s = byChannel.get(channel);
        return s == null ? null : new LongLivedStaleWalk(channel, s.toLongArray(), this, in, rib, attrs);
    }

    /** Prefixes of the channel still waiting to be re-sent; 0 when it is not stale. */
    int count(int channel) {
        LongOpenHashSet s = byChannel.get(channel);
        return s == null ? 0 : s.size();
    }

    /** Marks every route the channel holds now as stale (again, if a restart follows a restart). */
    void mark(int channel, AdjRibIn in) {
        byChannel.put(channel, new LongOpenHashSet(in.keys()));
    }

    /** The restarted peer announced or withdrew these prefixes: they are no longer stale. */
    void refreshed(int channel, NlriList announced, NlriList withdrawn) {
        LongOpenHashSet s = byChannel.get(channel);
        if (s == null) return;
        remove(s, announced);
        remove(s, withdrawn);
        if (s.isEmpty()) byChannel.remove(channel);
    }

    private void remove(LongOpenHashSet s, NlriList l) {
        if (l == null) return;
        boolean v4 = l.family() == Family.IPV4_UNICAST;
        for (int i = 0; i < l.size(); i++) {
            s.remove(v4 ? l.v4(i) : keys.find(Prefix.v6(l.v6Hi(i), l.v6Lo(i), l.v6Length(i))));
        }
    }

    /** Forgets the stale mark; the caller flushes the whole channel. */
    void forget(int channel) { byChannel.remove(channel); }

    /**
     * Ends the stale period of the channel (End-of-RIB or stale timer): a walk that withdraws
     * the prefixes still stale. Null when the channel is not stale.
     */
    RibWalk flush(int channel, AdjRibIn in, LocRib rib) {
        LongOpenHashSet s = byChannel.remove(channel);
        if (s == null) return null;
        long[] left = s.toLongArray();
        return new RibWalk() {
            private int next;

            @Override
            public boolean step(int budget) {
                while (budget-- > 0 && next < left.length) {
                    long key = left[next++];
                    if (in.withdraw(key)) rib.remove(key, channel);
                }
                return next >= left.length;
            }
        };
    }
}
