package org.bgpd.rib.adjout;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongLinkedOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongMap;
import it.unimi.dsi.fastutil.longs.Long2LongMaps;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.ObjectIterator;
import java.util.function.IntPredicate;
import org.bgpd.rib.route.AttrsTable;

/**
 * What an update group tells its members, per prefix key (RFC 4271 §3.2 Adj-RIBs-Out): key →
 * {@code source << 32 | outAttrsId}, where {@code source} is the peer the route came from, so
 * that a member is never sent its own route back. Each entry holds one {@link AttrsTable}
 * reference.
 * <p>Pending changes are dirty keys remembering the state last sent, not a queue of events:
 * several changes before a send collapse into one, a change undone before the send costs
 * nothing, and the last-sent state tells which member needs what. {@link #drain} turns them into
 * withdrawal lists and buckets of prefixes per attrs id (BIRD {@code bgp_bucket}, OpenBGPD
 * {@code pend_attr}), so one UPDATE carries one attribute block and many NLRI. A bucket is
 * further split by the one member it must skip (its source), so it is still encoded once.
 * <p>Owned by the RIB thread; not thread-safe.
 */
public final class AdjRibOut {
    /** No member to skip. */
    public static final int NOBODY = -1;

    private final AttrsTable attrs;
    private final Long2LongOpenHashMap state = new Long2LongOpenHashMap();
    /** key → state last sent (0: nothing); each remembered attrs id holds a reference. */
    private final Long2LongLinkedOpenHashMap dirty = new Long2LongLinkedOpenHashMap();
    /** source → entries from it: a member is not sent its own routes, so its count excludes them. */
    private final Int2IntOpenHashMap bySource = new Int2IntOpenHashMap();

    /** Receives one drain's output; withdrawals all come before announcements. */
    public interface Batch {
        /** Withdraw {@code keys[0, n)} from every member except {@code except} ({@link #NOBODY}: all). */
        void withdraw(long[] keys, int n, int except);

        /** Withdraw {@code keys[0, n)} from {@code member} alone (it now gets no route for them). */
        void withdrawFrom(int member, long[] keys, int n);

        /** Announce {@code keys[0, n)} with {@code attrsId} to every member except {@code except}. */
        void announce(int attrsId, long[] keys, int n, int except);
    }

    public AdjRibOut(AttrsTable attrs) {
        this.attrs = attrs;
    }

    private static long pack(int source, int attrsId) { return (long) source << 32 | (attrsId & 0xFFFF_FFFFL); }

    private static int idOf(long v) { return (int) v; }

    private static int sourceOf(long v) { return (int) (v >>> 32); }

    /** Sets the prefix's outbound attrs, taking a reference; @return true when that is a change */
    public boolean set(long key, int source, int outAttrsId) {
        long v = pack(source, outAttrsId);
        long old = state.get(key);
        if (old == v) return false;
        markDirty(key, old);
        attrs.retain(outAttrsId);
        state.put(key, v);
        bySource.addTo(source, 1);
        if (old != 0) {
            attrs.release(idOf(old));
            bySource.addTo(sourceOf(old), -1);
        }
        return true;
    }

    /** @return true when the prefix had been set */
    public boolean withdraw(long key) {
        long old = state.remove(key);
        if (old == 0) return false;
        bySource.addTo(sourceOf(old), -1);
        markDirty(key, old);
        attrs.release(idOf(old));
        return true;
    }

    private void markDirty(long key, long old) {
        if (dirty.containsKey(key)) return;
        dirty.put(key, old);
        if (old != 0) attrs.retain(idOf(old));
    }

    /** The outbound attrs id of a prefix, 0 when not advertised. */
    public int get(long key) { return idOf(state.get(key)); }

    /** The peer the advertised route came from (meaningful only when {@link #get} is not 0). */
    public int source(long key) { return sourceOf(state.get(key)); }

    public int size() { return state.size(); }

    /** Routes {@code member} holds from this group: all but those it announced itself. */
    public int sizeFor(int member) { return state.size() - bySource.get(member); }

    public int pendingCount() { return dirty.size(); }

    /** A snapshot of the advertised keys, for feeding a member that joins later. */
    public long[] keys() { return state.keySet().toLongArray(); }

    /**
     * What the members were last sent (call between turns, when nothing is pending), kept for
     * comparing with another group after a member moves ({@link AdjRibOutSnapshot}).
     */
    public AdjRibOutSnapshot snapshot() { return new AdjRibOutSnapshot(state.clone(), attrs); }

    /**
     * Hands all pending changes to {@code out}. {@code isMember} tells which sources are members
     * now; only those need a per-member exception.
     */
    public void drain(IntPredicate isMember, Batch out) {
        if (dirty.isEmpty()) return;
        Int2ObjectOpenHashMap<LongArrayList> withdrawals = new Int2ObjectOpenHashMap<>();
        Int2ObjectOpenHashMap<LongArrayList> memberWithdrawals = new Int2ObjectOpenHashMap<>();
        Long2ObjectOpenHashMap<LongArrayList> buckets = new Long2ObjectOpenHashMap<>();
        ObjectIterator<Long2LongMap.Entry> it = dirty.long2LongEntrySet().fastIterator();
        while (it.hasNext()) {
            Long2LongMap.Entry e = it.next();
            long key = e.getLongKey(), old = e.getLongValue(), cur = state.get(key);
            if (cur != old) {
                if (cur == 0) {
                    int except = isMember.test(sourceOf(old)) ? sourceOf(old) : NOBODY; // it never had it
                    add(withdrawals, except, key);
                } else {
                    int src = sourceOf(cur);
                    int except = isMember.test(src) ? src : NOBODY;
                    add(buckets, (long) except << 32 | (idOf(cur) & 0xFFFF_FFFFL), key);
                    // the source had been sent another peer's route for this prefix: take it back
                    if (except != NOBODY && old != 0 && sourceOf(old) != src) add(memberWithdrawals, except, key);
                }
            }
            if (old != 0) attrs.release(idOf(old));
        }
        dirty.clear();
        for (Int2ObjectMap.Entry<LongArrayList> e : withdrawals.int2ObjectEntrySet())
            out.withdraw(e.getValue().elements(), e.getValue().size(), e.getIntKey());
        for (Int2ObjectMap.Entry<LongArrayList> e : memberWithdrawals.int2ObjectEntrySet())
            out.withdrawFrom(e.getIntKey(), e.getValue().elements(), e.getValue().size());
        for (Long2ObjectMap.Entry<LongArrayList> e : buckets.long2ObjectEntrySet())
            out.announce((int) e.getLongKey(), e.getValue().elements(), e.getValue().size(), (int) (e.getLongKey() >> 32));
    }

    private static void add(Int2ObjectOpenHashMap<LongArrayList> m, int k, long key) {
        LongArrayList l = m.get(k);
        if (l == null) m.put(k, l = new LongArrayList());
        l.add(key);
    }

    private static void add(Long2ObjectOpenHashMap<LongArrayList> m, long k, long key) {
        LongArrayList l = m.get(k);
        if (l == null) m.put(k, l = new LongArrayList());
        l.add(key);
    }

    /** Drops everything, releasing every reference (the group is going away). */
    public void clear() {
        for (Long2LongMap.Entry e : Long2LongMaps.fastIterable(state)) attrs.release(idOf(e.getLongValue()));
        for (Long2LongMap.Entry e : Long2LongMaps.fastIterable(dirty)) if (e.getLongValue() != 0) attrs.release(idOf(e.getLongValue()));
        state.clear();
        bySource.clear();
        dirty.clear();
    }
}
