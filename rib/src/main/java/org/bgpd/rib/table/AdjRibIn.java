package org.bgpd.rib.table;

import it.unimi.dsi.fastutil.ints.Int2LongMap;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntMap;
import it.unimi.dsi.fastutil.longs.Long2IntMaps;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectIterator;
import java.util.function.LongConsumer;
import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.route.Prefix;

/**
 * The routes one channel received that its import policy accepted, with the policy's changes
 * (RFC 4271 §3.2 Adj-RIBs-In; post-policy, so a changed import policy needs a route refresh,
 * RFC 2918). Each entry holds one {@link AttrsTable} reference.
 * <p>A {@code Long2IntOpenHashMap} prefix key → attrs id: 12 bytes a slot, no object per route.
 * The RIB loop uses it for both families, IPv6 through {@link PrefixKeys} ids (one instance
 * per channel, so the key spaces never mix). The {@link Prefix}-keyed methods are an older
 * IPv6 path the loop no longer uses. ADD-PATH receive (RFC 7911)
 * is rare here and lives in a separate map keyed by prefix then path id, so the common case
 * stays one flat map. Each path there also holds a small slot, unique among that prefix's
 * paths, that tells its Loc-RIB candidate apart ({@link Candidates#source(int, int)}).
 * <p>Owned by the RIB thread; not thread-safe.
 */
public final class AdjRibIn {
    private final AttrsTable attrs;
    private Long2IntOpenHashMap v4 = new Long2IntOpenHashMap();
    private Object2IntOpenHashMap<Prefix> v6 = new Object2IntOpenHashMap<>();
    private Long2ObjectOpenHashMap<Int2LongOpenHashMap> paths = new Long2ObjectOpenHashMap<>();
    private int pathCount;

    public AdjRibIn(AttrsTable attrs) {
        this.attrs = attrs;
    }

    /**
     * Stores {@code attrsId} for an IPv4 prefix, taking one reference to it and dropping the one
     * held for the previous value.
     * @return true when the stored value changed
     */
    public boolean update(long prefix, int attrsId) {
        attrs.retain(attrsId);
        int old = v4.put(prefix, attrsId);
        if (old != 0) attrs.release(old);
        return old != attrsId;
    }

    /** @return true when the prefix was present */
    public boolean withdraw(long prefix) {
        int old = v4.remove(prefix);
        if (old == 0) return false;
        attrs.release(old);
        return true;
    }

    /** The attrs id for an IPv4 prefix, 0 when absent. */
    public int get(long prefix) { return v4.get(prefix); }

    public boolean update(Prefix prefix, int attrsId) {
        attrs.retain(attrsId);
        int old = v6.put(prefix, attrsId);
        if (old != 0) attrs.release(old);
        return old != attrsId;
    }

    public boolean withdraw(Prefix prefix) {
        int old = v6.removeInt(prefix);
        if (old == 0) return false;
        attrs.release(old);
        return true;
    }

    public int get(Prefix prefix) { return v6.getInt(prefix); }

    /** {@link #update(long, int, int)}: the stored path did not change. */
    public static final int UNCHANGED = -1;
    /** {@link #update(long, int, int)}: more paths for the prefix than {@link Candidates#MAX_SLOT}; not stored. */
    public static final int NO_SLOT = -2;

    /**
     * ADD-PATH receive: stores one path of a prefix (RFC 7911 §3), taking one attrs reference.
     * @return the path's slot when the stored value changed, {@link #UNCHANGED} or {@link #NO_SLOT}
     */
    public int update(long prefix, int pathId, int attrsId) {
        Int2LongOpenHashMap byPath = paths.get(prefix);
        if (byPath == null) paths.put(prefix, byPath = new Int2LongOpenHashMap(2));
        long old = byPath.get(pathId);
        int slot;
        if (old != 0) {
            if ((int) old == attrsId) return UNCHANGED;
            slot = (int) (old >>> 32);
            attrs.release((int) old);
        } else {
            slot = freeSlot(byPath);
            if (slot > Candidates.MAX_SLOT) {
                if (byPath.isEmpty()) paths.remove(prefix);
                return NO_SLOT;
            }
            pathCount++;
        }
        attrs.retain(attrsId);
        byPath.put(pathId, (long) slot << 32 | (attrsId & 0xFFFF_FFFFL));
        return slot;
    }

    /** The lowest slot no path of the prefix uses (a prefix has few paths: a scan). */
    private static int freeSlot(Int2LongOpenHashMap byPath) {
        for (int slot = 0; ; slot++) {
            boolean used = false;
            for (Int2LongMap.Entry e : byPath.int2LongEntrySet()) {
                if ((int) (e.getLongValue() >>> 32) == slot) {
                    used = true;
                    break;
                }
            }
            if (!used) return slot;
        }
    }

    /** Withdraws one path; @return the slot it had, or -1 when it was absent */
    public int withdraw(long prefix, int pathId) {
        Int2LongOpenHashMap byPath = paths.get(prefix);
        if (byPath == null) return -1;
        long old = byPath.remove(pathId);
        if (old == 0) return -1;
        attrs.release((int) old);
        pathCount--;
        if (byPath.isEmpty()) paths.remove(prefix);
        return (int) (old >>> 32);
    }

    /** The attrs id of one path, 0 when absent. */
    public int get(long prefix, int pathId) {
        Int2LongOpenHashMap byPath = paths.get(prefix);
        return byPath == null ? 0 : (int) byPath.get(pathId);
    }

    /** Paths held for the prefix under ADD-PATH. */
    public int pathCount(long prefix) {
        Int2LongOpenHashMap byPath = paths.get(prefix);
        return byPath == null ? 0 : byPath.size();
    }

    /** Routes held: IPv4 + IPv6 + ADD-PATH paths. */
    public int size() { return v4.size() + v6.size() + pathCount; }

    public int sizeV4() { return v4.size(); }

    /** The prefix keys held now (not ADD-PATH paths), a copy. */
    public long[] keys() { return v4.keySet().toLongArray(); }

    /**
     * A resumable walk over the IPv4 routes present now. It walks a snapshot of the keys and
     * reads values live, so updates between steps are safe: a withdrawn prefix is skipped.
     */
    public Walk walk() { return new Walk(v4.keySet().toLongArray()); }

    /** See {@link AdjRibIn#walk()}. Not thread-safe. */
    public final class Walk {
        private final long[] keys;
        private int next;

        private Walk(long[] keys) { this.keys = keys; }

        /** Visits up to {@code budget} prefixes; @return true when the walk is finished */
        public boolean step(int budget, Long2IntVisitor visitor) {
            while (budget-- > 0 && next < keys.length) {
                long p = keys[next++];
                int id = v4.get(p);
                if (id != 0) visitor.visit(p, id);
            }
            return next >= keys.length;
        }
    }

    /** Receives one (prefix, attrsId) pair of a walk. */
    @FunctionalInterface
    public interface Long2IntVisitor {
        void visit(long prefix, int attrsId);
    }

    /**
     * Empties this table at once and returns a job that releases the old contents in budgeted
     * steps (a peer going down must not stall the RIB thread). New routes may arrive while the
     * job runs; they go into the fresh, empty maps.
     */
    public Flush flush() {
        Flush f = new Flush(v4, v6, paths);
        v4 = new Long2IntOpenHashMap();
        v6 = new Object2IntOpenHashMap<>();
        paths = new Long2ObjectOpenHashMap<>();
        pathCount = 0;
        return f;
    }

    private boolean liveSlot(long prefix, int slot) {
        Int2LongOpenHashMap byPath = paths.get(prefix);
        if (byPath == null) return false;
        for (Int2LongMap.Entry e : byPath.int2LongEntrySet()) if ((int) (e.getLongValue() >>> 32) == slot) return true;
        return false;
    }

    /** Receives one ADD-PATH path (prefix, slot) of a flush. */
    @FunctionalInterface
    public interface PathVisitor {
        void visit(long prefix, int slot);
    }

    /** A detached table being released; see {@link AdjRibIn#flush()}. Not thread-safe. */
    public final class Flush {
        private final ObjectIterator<Long2IntMap.Entry> v4It;
        private final ObjectIterator<Object2IntMap.Entry<Prefix>> v6It;
        private final ObjectIterator<Long2ObjectMap.Entry<Int2LongOpenHashMap>> pathIt;

        private Flush(Long2IntOpenHashMap v4, Object2IntOpenHashMap<Prefix> v6, Long2ObjectOpenHashMap<Int2LongOpenHashMap> paths) {
            this.v4It = Long2IntMaps.fastIterator(v4);
            this.v6It = v6.object2IntEntrySet().fastIterator();
            this.pathIt = paths.long2ObjectEntrySet().fastIterator();
        }

        /**
         * Releases up to {@code budget} routes, telling {@code removedV4} about each IPv4 prefix
         * that the live table does not hold again (so a re-established session's fresh route is
         * not taken away from the Loc-RIB).
         * @return true when everything is released
         */
        public boolean step(int budget, LongConsumer removedV4) {
            return step(budget, removedV4, (prefix, slot) -> { });
        }

        /**
         * As {@link #step(int, LongConsumer)}, also telling {@code removedPath} about each
         * ADD-PATH path (prefix, slot) the live table does not hold again.
         */
        public boolean step(int budget, LongConsumer removedV4, PathVisitor removedPath) {
            while (budget > 0 && v4It.hasNext()) {
                Long2IntMap.Entry e = v4It.next();
                attrs.release(e.getIntValue());
                if (!v4.containsKey(e.getLongKey())) removedV4.accept(e.getLongKey());
                budget--;
            }
            while (budget > 0 && v6It.hasNext()) {
                attrs.release(v6It.next().getIntValue());
                budget--;
            }
            while (budget > 0 && pathIt.hasNext()) {
                Long2ObjectMap.Entry<Int2LongOpenHashMap> pe = pathIt.next();
                long prefix = pe.getLongKey();
                for (Int2LongMap.Entry e : pe.getValue().int2LongEntrySet()) {
                    attrs.release((int) e.getLongValue());
                    int slot = (int) (e.getLongValue() >>> 32);
                    if (!liveSlot(prefix, slot)) removedPath.visit(prefix, slot);
                }
                budget--;
            }
            return !v4It.hasNext() && !v6It.hasNext() && !pathIt.hasNext();
        }
    }
}
