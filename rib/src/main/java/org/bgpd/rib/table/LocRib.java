package org.bgpd.rib.table;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Arrays;
import org.bgpd.rib.route.AttrsTable;

/**
 * The IPv4 Loc-RIB (RFC 4271 §3.2): per prefix, the candidates that passed import policy, kept
 * sorted best first by a {@link CandidateOrder}, with the multipath set at the front.
 * <p>Storage follows the common case, one source per prefix: a lone candidate is a packed long
 * in a {@code Long2LongOpenHashMap} (16 bytes a slot). Two or more move to an overflow map of
 * {@code long[]}: element 0 is a header ({@code count | multipath << 32}), then the candidates,
 * with spare room at the end so arrivals rarely reallocate.
 * <p>Changes are cheap and deferred: {@link #put} and {@link #remove} only edit the candidate
 * list and mark the prefix dirty, remembering what the multipath set was before its first change
 * in this round. {@link #evaluate} sorts once and reports whether the best or the multipath set
 * moved, so ten changes to a prefix cost one decision. Every candidate, and every remembered
 * candidate, holds an {@link AttrsTable} reference: otherwise an id freed and reused within one
 * round could make a changed route look unchanged.
 * <p>Owned by the RIB thread; not thread-safe.
 */
public final class LocRib {
    /** {@link #evaluate} result bits. */
    public static final int BEST_CHANGED = 1;
    public static final int MULTIPATH_CHANGED = 2;
    /** Some candidate came, went or changed (reported only with {@link #reportPathChanges}). */
    public static final int PATHS_CHANGED = 4;

    private static final int HEADER = 1;

    private final AttrsTable attrs;
    private final CandidateOrder order;
    private final Long2LongOpenHashMap single = new Long2LongOpenHashMap();
    private final Long2ObjectOpenHashMap<long[]> overflow = new Long2ObjectOpenHashMap<>();

    private final LongArrayList dirty = new LongArrayList();
    /** prefix → offset into {@link #before}: {@code [k, c0 .. c(k-1)]}, the set before this round. */
    private final Long2IntOpenHashMap dirtyAt = new Long2IntOpenHashMap();
    private final LongArrayList before = new LongArrayList();
    /** channel → how many prefixes have their best from it (for {@code show protocols}). */
    private final Int2IntOpenHashMap preferred = new Int2IntOpenHashMap();
    private int routes;
    private boolean reportPaths;

    public LocRib(AttrsTable attrs, CandidateOrder order) {
        this.attrs = attrs;
        this.order = order;
        dirtyAt.defaultReturnValue(-1);
    }

    /** Adds a candidate, replacing the one from the same source (channel and path slot); takes an attrs reference. */
    public void put(long prefix, long candidate) {
        markDirty(prefix);
        attrs.retain(Candidates.attrs(candidate));
        int source = Candidates.source(candidate);
        long[] arr = overflow(prefix);
        if (arr == null) {
            long one = single.get(prefix);
            if (one == Candidates.NONE || Candidates.source(one) == source) {
                single.put(prefix, candidate);
                if (one != Candidates.NONE) attrs.release(Candidates.attrs(one));
                else routes++;
                return;
            }
            arr = new long[HEADER + 4];
            arr[HEADER] = one;
            arr[0] = 1;
            single.remove(prefix);
            overflow.put(prefix, arr);
        }
        int n = count(arr);
        for (int i = HEADER; i < HEADER + n; i++) {
            if (Candidates.source(arr[i]) == source) {
                attrs.release(Candidates.attrs(arr[i]));
                arr[i] = candidate;
                return;
            }
        }
        if (HEADER + n == arr.length) overflow.put(prefix, arr = Arrays.copyOf(arr, arr.length * 2));
        arr[HEADER + n] = candidate;
        arr[0] = n + 1; // multipath count is recomputed by evaluate
        routes++;
    }

    /**
     * Removes the candidate from {@code source}: a channel, or an ADD-PATH path of one
     * ({@link Candidates#source(int, int)}); @return true when there was one
     */
    public boolean remove(long prefix, int source) {
        long[] arr = overflow(prefix);
        if (arr == null) {
            long one = single.get(prefix);
            if (one == Candidates.NONE || Candidates.source(one) != source) return false;
            markDirty(prefix);
            single.remove(prefix);
            attrs.release(Candidates.attrs(one));
            routes--;
            return true;
        }
        int n = count(arr);
        for (int i = HEADER; i < HEADER + n; i++) {
            if (Candidates.source(arr[i]) != source) continue;
            markDirty(prefix);
            attrs.release(Candidates.attrs(arr[i]));
            System.arraycopy(arr, i + 1, arr, i, HEADER + n - i - 1);
            n--;
            routes--;
            if (n == 1) {
                overflow.remove(prefix);
                single.put(prefix, arr[HEADER]);
            } else {
                arr[0] = n;
            }
            return true;
        }
        return false;
    }

    /**
     * Re-sorts the prefix's candidates and compares the best and the multipath set with what they
     * were before the prefix was first marked dirty. Clears the dirty mark.
     * @return {@link #BEST_CHANGED} | {@link #MULTIPATH_CHANGED}, or 0
     */
    public int evaluate(long prefix) {
        return evaluate(prefix, dirtyAt.remove(prefix));
    }

    /** {@link #evaluate(long)} with the prefix's offset into {@link #before} (-1: not dirty) already looked up. */
    private int evaluate(long prefix, int at) {
        long[] arr = overflow(prefix);
        if (arr != null) {
            int n = count(arr);
            int k = order.sort(arr, HEADER, n);
            arr[0] = n | (long) k << 32;
        }
        if (at < 0) return 0;
        int oldK = (int) before.getLong(at);
        long oldBest = oldK > 0 ? before.getLong(at + 1) : Candidates.NONE;
        int newK;
        long newBest;
        if (arr != null) {
            newK = multipathCount(arr);
            newBest = newK > 0 ? arr[HEADER] : Candidates.NONE;
        } else {
            long one = single.get(prefix);
            newK = one != Candidates.NONE && order.eligible(one) ? 1 : 0;
            newBest = newK > 0 ? one : Candidates.NONE;
        }
        int result = oldBest != newBest ? BEST_CHANGED | MULTIPATH_CHANGED : 0;
        if (oldBest != newBest) {
            if (oldBest != Candidates.NONE) preferred.addTo(Candidates.channel(oldBest), -1);
            if (newBest != Candidates.NONE) preferred.addTo(Candidates.channel(newBest), 1);
        }
        if (result == 0 && !sameSet(at + 1, oldK, arr, newK)) result = MULTIPATH_CHANGED;
        for (int i = 0; i < oldK; i++) attrs.release(Candidates.attrs(before.getLong(at + 1 + i)));
        return result;
    }

    /**
     * Makes {@link #evaluateDirty} report {@link #PATHS_CHANGED} for every prefix whose candidates
     * were touched, for ADD-PATH send groups that advertise every path, not only the best.
     */
    public void reportPathChanges(boolean on) { reportPaths = on; }

    /** Evaluates every dirty prefix, telling {@code changed} about those whose result moved. */
    public void evaluateDirty(ChangeVisitor changed) {
        for (int i = 0; i < dirty.size(); i++) {
            long p = dirty.getLong(i);
            int at = dirtyAt.get(p);
            if (at < 0) continue; // already evaluated on its own
            // -1 instead of remove: clear() below empties the map at once, and removing one by
            // one made it shrink and rehash every turn; -1 still lets a visitor re-dirty it
            dirtyAt.put(p, -1);
            int r = evaluate(p, at);
            if (reportPaths) r |= PATHS_CHANGED;
            if (r != 0) changed.changed(p, r);
        }
        dirty.clear();
        dirtyAt.clear();
        before.clear();
    }

    /** Receives a prefix whose {@link #evaluate} result was non-zero. */
    @FunctionalInterface
    public interface ChangeVisitor {
        void changed(long prefix, int what);
    }

    public int dirtyCount() {
        int n = 0;
        for (it.unimi.dsi.fastutil.ints.IntIterator it = dirtyAt.values().iterator(); it.hasNext(); ) if (it.nextInt() >= 0) n++;
        return n;
    }

    /** The best eligible candidate, or {@link Candidates#NONE}. Valid after evaluation. */
    public long best(long prefix) {
        long[] arr = overflow(prefix);
        if (arr != null) return multipathCount(arr) > 0 ? arr[HEADER] : Candidates.NONE;
        long one = single.get(prefix);
        return one != Candidates.NONE && order.eligible(one) ? one : Candidates.NONE;
    }

    /** Copies the multipath set (best first) into {@code out}; @return its size */
    public int multipath(long prefix, long[] out) {
        long[] arr = overflow(prefix);
        if (arr == null) {
            long best = best(prefix);
            if (best == Candidates.NONE) return 0;
            out[0] = best;
            return 1;
        }
        int k = Math.min(multipathCount(arr), out.length);
        System.arraycopy(arr, HEADER, out, 0, k);
        return k;
    }

    /** True when the candidate may be used (its next hop resolves); ADD-PATH send advertises only those. */
    public boolean eligible(long candidate) { return order.eligible(candidate); }

    /** All candidates, best first; @return how many (0 when the prefix is absent) */
    public int candidates(long prefix, long[] out) {
        long[] arr = overflow(prefix);
        if (arr == null) {
            long one = single.get(prefix);
            if (one == Candidates.NONE) return 0;
            out[0] = one;
            return 1;
        }
        int n = Math.min(count(arr), out.length);
        System.arraycopy(arr, HEADER, out, 0, n);
        return n;
    }

    public int candidateCount(long prefix) {
        long[] arr = overflow(prefix);
        return arr != null ? count(arr) : single.containsKey(prefix) ? 1 : 0;
    }

    /** Prefixes whose best came from {@code channel}. */
    public int preferred(int channel) { return preferred.get(channel); }

    /** Candidates held over all prefixes. */
    public int routeCount() { return routes; }

    /** Prefixes with at least one candidate. */
    public int size() { return single.size() + overflow.size(); }

    /** Prefixes held in the single-candidate map (for tests and memory statistics). */
    public int singleCount() { return single.size(); }

    public int overflowCount() { return overflow.size(); }

    /** A snapshot of the prefixes present now, for resumable walks (feeding a new peer, show route). */
    public long[] prefixes() {
        long[] out = new long[size()];
        int i = 0;
        for (long p : single.keySet()) out[i++] = p;
        for (long p : overflow.keySet()) out[i++] = p;
        return out;
    }

    /**
     * Marks a present prefix for decision again although its candidates did not change (a next
     * hop's reachability or cost is about to); call before the change, so the result compares
     * with the old outcome.
     */
    public void touch(long prefix) {
        if (single.containsKey(prefix) || overflow.containsKey(prefix)) markDirty(prefix);
    }

    private void markDirty(long prefix) {
        if (dirtyAt.get(prefix) >= 0) return;
        int at = before.size();
        dirtyAt.put(prefix, at);
        dirty.add(prefix);
        long[] arr = overflow(prefix);
        if (arr != null) {
            int k = multipathCount(arr);
            before.add(k);
            for (int i = 0; i < k; i++) {
                before.add(arr[HEADER + i]);
                attrs.retain(Candidates.attrs(arr[HEADER + i]));
            }
        } else {
            long one = single.get(prefix);
            boolean eligible = one != Candidates.NONE && order.eligible(one);
            before.add(eligible ? 1 : 0);
            if (eligible) {
                before.add(one);
                attrs.retain(Candidates.attrs(one));
            }
        }
    }

    private boolean sameSet(int at, int oldK, long[] arr, int newK) {
        if (oldK != newK) return false;
        if (arr == null) return true; // both hold at most the same single best
        outer:
        for (int i = 0; i < newK; i++) {
            for (int j = 0; j < oldK; j++) if (before.getLong(at + j) == arr[HEADER + i]) continue outer;
            return false;
        }
        return true;
    }

    /** The common case has no prefix with two candidates: skip hashing into an empty map. */
    private long[] overflow(long prefix) { return overflow.isEmpty() ? null : overflow.get(prefix); }

    private static int count(long[] arr) { return (int) arr[0]; }

    private static int multipathCount(long[] arr) { return (int) (arr[0] >>> 32); }
}
