package org.bgpd.rib.adjout;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.function.IntPredicate;
import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.table.PrefixIndex;
import org.bgpd.rib.table.SlotLongs;

/**
 * What an update group tells its members, per prefix key (RFC 4271 §3.2 Adj-RIBs-Out): key →
 * {@code source << 32 | outAttrsId}, where {@code source} is the peer the route came from, so
 * that a member is never sent its own route back. Each entry holds one {@link AttrsTable}
 * reference.
 * <p>The state is a {@link SlotLongs} by {@link PrefixIndex} slot: the family's shared index for
 * a plain group (8 bytes a route), a private one over {@link PathKeys} for an ADD-PATH group.
 * The table holds one index reference per advertised key and one per pending change.
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
    /** In {@link #state}: the slot has a pending change (sources are peer indexes, far below bit 63). */
    private static final long DIRTY = 1L << 63;

    private final AttrsTable attrs;
    private final PrefixIndex index;
    /** slot → {@code source << 32 | attrsId} (0: not advertised), plus {@link #DIRTY}. */
    private final SlotLongs state = new SlotLongs();
    private int size;
    /** Slots with a pending change, in order, and the state last sent for each (0: nothing); each remembered attrs id holds a reference. */
    private final IntArrayList dirty = new IntArrayList();
    private final LongArrayList dirtyOld = new LongArrayList();
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

    /** A table with its own key index (tests, ADD-PATH groups). */
    public AdjRibOut(AttrsTable attrs) {
        this(attrs, new PrefixIndex());
    }

    public AdjRibOut(AttrsTable attrs, PrefixIndex index) {
        this.attrs = attrs;
        this.index = index;
    }

    private static long pack(int source, int attrsId) { return (long) source << 32 | (attrsId & 0xFFFF_FFFFL); }

    private static int idOf(long v) { return (int) v; }

    private static int sourceOf(long v) { return (int) (v >>> 32); }

    /** Sets the prefix's outbound attrs, taking a reference; @return true when that is a change */
    public boolean set(long key, int source, int outAttrsId) {
        long v = pack(source, outAttrsId);
        int s = index.slot(key);
        long raw = state.get(s);
        long old = raw & ~DIRTY;
        if (old == v) return false;
        if (raw == old) markDirty(s, old);
        attrs.retain(outAttrsId);
        bySource.addTo(source, 1);
        if (old != 0) {
            attrs.release(idOf(old));
            bySource.addTo(sourceOf(old), -1);
        } else {
            index.retain(s);
            size++;
        }
        state.set(s, v | DIRTY);
        return true;
    }

    /** @return true when the prefix had been set */
    public boolean withdraw(long key) {
        int s = index.find(key);
        if (s < 0) return false;
        long raw = state.get(s);
        long old = raw & ~DIRTY;
        if (old == 0) return false;
        bySource.addTo(sourceOf(old), -1);
        if (raw == old) markDirty(s, old);
        state.set(s, DIRTY);
        attrs.release(idOf(old));
        size--;
        index.release(s); // the pending change still holds the slot
        return true;
    }

    private void markDirty(int s, long old) {
        index.retain(s);
        dirty.add(s);
        dirtyOld.add(old);
        if (old != 0) attrs.retain(idOf(old));
    }

    /** The outbound attrs id of a prefix, 0 when not advertised. */
    public int get(long key) {
        int s = index.find(key);
        return s < 0 ? 0 : idOf(state.get(s));
    }

    /** The peer the advertised route came from (meaningful only when {@link #get} is not 0). */
    public int source(long key) {
        int s = index.find(key);
        return s < 0 ? 0 : sourceOf(state.get(s) & ~DIRTY);
    }

    public int size() { return size; }

    /** Routes {@code member} holds from this group: all but those it announced itself. */
    public int sizeFor(int member) { return size - bySource.get(member); }

    public int pendingCount() { return dirty.size(); }

    /** A snapshot of the advertised keys, for feeding a member that joins later. */
    public long[] keys() {
        long[] out = new long[size];
        int n = 0;
        int limit = index.limit();
        for (int s = 0; s < limit && n < out.length; s++) if ((state.get(s) & ~DIRTY) != 0) out[n++] = index.key(s);
        return out;
    }

    /**
     * What the members were last sent (call between turns, when nothing is pending), kept for
     * comparing with another group after a member moves ({@link AdjRibOutSnapshot}).
     */
    public AdjRibOutSnapshot snapshot() {
        Long2LongOpenHashMap copy = new Long2LongOpenHashMap(size);
        int limit = index.limit();
        for (int s = 0; s < limit && copy.size() < size; s++) {
            long v = state.get(s) & ~DIRTY;
            if (v != 0) copy.put(index.key(s), v);
        }
        return new AdjRibOutSnapshot(copy, attrs);
    }

    /**
     * Hands all pending changes to {@code out}. {@code isMember} tells which sources are members
     * now; only those need a per-member exception.
     */
    public void drain(IntPredicate isMember, Batch out) {
        if (dirty.isEmpty()) return;
        Int2ObjectOpenHashMap<LongArrayList> withdrawals = new Int2ObjectOpenHashMap<>();
        Int2ObjectOpenHashMap<LongArrayList> memberWithdrawals = new Int2ObjectOpenHashMap<>();
        Long2ObjectOpenHashMap<LongArrayList> buckets = new Long2ObjectOpenHashMap<>();
        int[] slots = dirty.elements();
        long[] olds = dirtyOld.elements();
        for (int i = 0, n = dirty.size(); i < n; i++) {
            int s = slots[i];
            long old = olds[i];
            long cur = state.get(s) & ~DIRTY;
            state.set(s, cur);
            long key = index.key(s);
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
            index.release(s);
        }
        dirty.clear();
        dirtyOld.clear();
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
        int limit = index.limit();
        for (int s = 0; s < limit && size > 0; s++) {
            long v = state.get(s) & ~DIRTY;
            if (v == 0) continue;
            attrs.release(idOf(v));
            index.release(s);
            size--;
        }
        for (int i = 0; i < dirty.size(); i++) {
            if (dirtyOld.getLong(i) != 0) attrs.release(idOf(dirtyOld.getLong(i)));
            index.release(dirty.getInt(i));
        }
        state.clear();
        size = 0;
        bySource.clear();
        dirty.clear();
        dirtyOld.clear();
    }
}
