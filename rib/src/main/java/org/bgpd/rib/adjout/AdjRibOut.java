package org.bgpd.rib.adjout;

import it.unimi.dsi.fastutil.ints.Int2ObjectMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntMap;
import it.unimi.dsi.fastutil.longs.Long2IntMaps;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongLinkedOpenHashSet;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.route.Family;

/**
 * What an update group has told (or is about to tell) its members, per IPv4 prefix (RFC 4271
 * §3.2 Adj-RIBs-Out): packed prefix → outbound attrs id, each holding one {@link AttrsTable}
 * reference, plus the set of prefixes whose state has not been sent yet.
 * <p>Pending changes are kept as dirty prefixes, not as a queue of events: several changes to a
 * prefix before a send collapse into its current state, and a member that could not keep up
 * catches up by being sent the current state. {@link #drain} turns the dirty set into a withdraw
 * list and buckets of prefixes per attrs id (BIRD {@code bgp_bucket}, OpenBGPD
 * {@code pend_attr}), so one UPDATE carries one attribute block and many NLRI.
 * <p>Owned by the RIB thread; not thread-safe.
 */
public final class AdjRibOut {
    private final AttrsTable attrs;
    private final Long2IntOpenHashMap state = new Long2IntOpenHashMap();
    private final LongLinkedOpenHashSet dirty = new LongLinkedOpenHashSet();
    private final LongArrayList withdrawals = new LongArrayList();
    private final Int2ObjectOpenHashMap<LongArrayList> buckets = new Int2ObjectOpenHashMap<>();

    public AdjRibOut(AttrsTable attrs) {
        this.attrs = attrs;
    }

    /** Sets the prefix's outbound attrs, taking a reference; @return true when that is a change */
    public boolean set(long prefix, int outAttrsId) {
        attrs.retain(outAttrsId);
        int old = state.put(prefix, outAttrsId);
        if (old != 0) attrs.release(old);
        if (old == outAttrsId) return false;
        dirty.add(prefix);
        return true;
    }

    /** @return true when the prefix had been set */
    public boolean withdraw(long prefix) {
        int old = state.remove(prefix);
        if (old == 0) return false;
        attrs.release(old);
        dirty.add(prefix);
        return true;
    }

    /** The outbound attrs id of a prefix, 0 when not advertised. */
    public int get(long prefix) { return state.get(prefix); }

    public int size() { return state.size(); }

    public int pendingCount() { return dirty.size(); }

    /** Marks every advertised prefix pending, for a member that must be sent everything again. */
    public void markAllPending() {
        for (long p : state.keySet()) dirty.add(p);
    }

    /** Hands all pending changes to {@code sinks}: withdrawals first, then one batch per attrs id. */
    public void drain(Family family, SessionSink[] sinks, int sinkCount) {
        if (dirty.isEmpty()) return;
        for (long p : dirty) {
            int id = state.get(p);
            if (id == 0) {
                withdrawals.add(p);
            } else {
                LongArrayList bucket = buckets.get(id);
                if (bucket == null) buckets.put(id, bucket = new LongArrayList());
                bucket.add(p);
            }
        }
        dirty.clear();
        if (!withdrawals.isEmpty()) {
            for (int i = 0; i < sinkCount; i++) sinks[i].withdraw(family, withdrawals.toLongArray());
            withdrawals.clear();
        }
        for (Int2ObjectMap.Entry<LongArrayList> e : buckets.int2ObjectEntrySet()) {
            Attrs a = attrs.get(e.getIntKey());
            for (int i = 0; i < sinkCount; i++) sinks[i].announce(family, e.getIntKey(), a, e.getValue().toLongArray());
        }
        buckets.clear();
    }

    /** Drops everything, releasing every reference (the group is going away). */
    public void clear() {
        for (Long2IntMap.Entry e : Long2IntMaps.fastIterable(state)) attrs.release(e.getIntValue());
        state.clear();
        dirty.clear();
    }
}
