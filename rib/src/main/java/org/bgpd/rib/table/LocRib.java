package org.bgpd.rib.table;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Arrays;
import org.bgpd.rib.route.AttrsTable;

/**
 * The IPv4 Loc-RIB (RFC 4271 §3.2): per prefix, the candidates that passed import policy, kept
 * sorted best first by a {@link CandidateOrder}, with the multipath set at the front.
 * <p>Storage follows the common case, one source per prefix: a lone candidate is a packed long
 * in a {@link SlotLongs} indexed by the prefix's {@link PrefixIndex} slot (8 bytes a prefix; the
 * index is shared with the family's Adj-RIBs-Out). Two or more move to an overflow map of
 * {@code long[]} by slot, marked {@link #OVERFLOW} in the array: element 0 is a header
 * ({@code count | multipath << 32}), then the candidates, with spare room at the end so
 * arrivals rarely reallocate. The Loc-RIB holds one index reference per prefix with candidates
 * and one per dirty mark, so a prefix that is gone after its decision frees its slot.
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
    /** In {@link #single}: the slot's candidates are in {@link #overflow} (no candidate packs to -1). */
    private static final long OVERFLOW = -1L;

    private final AttrsTable attrs;
    private final CandidateOrder order;
    private final PrefixIndex index;
    private final SlotLongs single = new SlotLongs();
    private final Int2ObjectOpenHashMap<long[]> overflow = new Int2ObjectOpenHashMap<>();

    private final IntArrayList dirty = new IntArrayList();
    /** slot → 1 + offset into {@link #before}: {@code [k, c0 .. c(k-1)]}, the set before this round; 0: not dirty. */
    private final SlotInts dirtyAt = new SlotInts();
    private final LongArrayList before = new LongArrayList();
    /** channel → how many prefixes have their best from it (for {@code show protocols}). */
    private final Int2IntOpenHashMap preferred = new Int2IntOpenHashMap();
    private int routes;
    private int prefixes;
    private int dirtyCount;
    private boolean reportPaths;

    /** A Loc-RIB with its own prefix index (tests; the RIB loop shares one per family). */
    public LocRib(AttrsTable attrs, CandidateOrder order) {
        this(attrs, order, new PrefixIndex());
    }

    public LocRib(AttrsTable attrs, CandidateOrder order, PrefixIndex index) {
        this.attrs = attrs;
        this.order = order;
        this.index = index;
    }

    /** Adds a candidate, replacing the one from the same source (channel and path slot); takes an attrs reference. */
    public void put(long prefix, long candidate) {
        int s = index.slot(prefix);
        markDirty(s);
        attrs.retain(Candidates.attrs(candidate));
        int source = Candidates.source(candidate);
        long one = single.get(s);
        long[] arr;
        if (one != OVERFLOW) {
            if (one == Candidates.NONE || Candidates.source(one) == source) {
                single.set(s, candidate);
                if (one != Candidates.NONE) {
                    attrs.release(Candidates.attrs(one));
                } else {
                    index.retain(s);
                    prefixes++;
                    routes++;
                }
                return;
            }
            arr = new long[HEADER + 4];
            arr[HEADER] = one;
            arr[0] = 1;
            single.set(s, OVERFLOW);
            overflow.put(s, arr);
        } else {
            arr = overflow.get(s);
        }
        int n = count(arr);
        for (int i = HEADER; i < HEADER + n; i++) {
            if (Candidates.source(arr[i]) == source) {
                attrs.release(Candidates.attrs(arr[i]));
                arr[i] = candidate;
                return;
            }
        }
        if (HEADER + n == arr.length) overflow.put(s, arr = Arrays.copyOf(arr, arr.length * 2));
        arr[HEADER + n] = candidate;
        arr[0] = n + 1; // multipath count is recomputed by evaluate
        routes++;
    }

    /**
     * Removes the candidate from {@code source}: a channel, or an ADD-PATH path of one
     * ({@link Candidates#source(int, int)}); @return true when there was one
     */
    public boolean remove(long prefix, int source) {
        int s = index.find(prefix);
        if (s < 0) return false;
        long one = single.get(s);
        if (one != OVERFLOW) {
            if (one == Candidates.NONE || Candidates.source(one) != source) return false;
            markDirty(s);
            single.set(s, Candidates.NONE);
            attrs.release(Candidates.attrs(one));
            routes--;
            prefixes--;
            index.release(s); // the dirty mark still holds the slot
            return true;
        }
        long[] arr = overflow.get(s);
        int n = count(arr);
        for (int i = HEADER; i < HEADER + n; i++) {
            if (Candidates.source(arr[i]) != source) continue;
            markDirty(s);
            attrs.release(Candidates.attrs(arr[i]));
            System.arraycopy(arr, i + 1, arr, i, HEADER + n - i - 1);
            n--;
            routes--;
            if (n == 1) {
                overflow.remove(s);
                single.set(s, arr[HEADER]);
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
        int s = index.find(prefix);
        if (s < 0) return 0;
        int at = dirtyAt.get(s) - 1;
        if (at >= 0) clearDirty(s);
        index.retain(s); // evaluate may drop the dirty mark's reference, the last one
        int r = evaluate(s, at);
        index.release(s);
        return r;
    }

    /**
     * {@link #evaluate(long)} of a slot whose offset into {@link #before} (-1: not dirty) is
     * already looked up and whose mark is cleared; gives back the mark's index reference.
     */
    private int evaluate(int s, int at) {
        long one = single.get(s);
        long[] arr = one == OVERFLOW ? overflow.get(s) : null;
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
        index.release(s);
        return result;
    }

    private void clearDirty(int s) {
        dirtyAt.set(s, 0);
        dirtyCount--;
    }

    /**
     * Makes {@link #evaluateDirty} report {@link #PATHS_CHANGED} for every prefix whose candidates
     * were touched, for ADD-PATH send groups that advertise every path, not only the best.
     */
    public void reportPathChanges(boolean on) { reportPaths = on; }

    /** Evaluates every dirty prefix, telling {@code changed} about those whose result moved. */
    public void evaluateDirty(ChangeVisitor changed) {
        // a visitor may re-dirty a prefix: it is appended and evaluated in this same loop
        for (int i = 0; i < dirty.size(); i++) {
            int s = dirty.getInt(i);
            int at = dirtyAt.get(s) - 1;
            if (at < 0) continue; // already evaluated on its own
            clearDirty(s);
            long p = index.keyOf(s); // before the mark's reference goes: the slot may be freed
            int r = evaluate(s, at);
            if (reportPaths) r |= PATHS_CHANGED;
            if (r != 0) changed.changed(p, r);
        }
        dirty.clear();
        before.clear();
    }

    /** Receives a prefix whose {@link #evaluate} result was non-zero. */
    @FunctionalInterface
    public interface ChangeVisitor {
        void changed(long prefix, int what);
    }

    public int dirtyCount() { return dirtyCount; }

    /** The best eligible candidate, or {@link Candidates#NONE}. Valid after evaluation. */
    public long best(long prefix) {
        int s = index.find(prefix);
        return s < 0 ? Candidates.NONE : best(s);
    }

    private long best(int s) {
        long one = single.get(s);
        if (one == OVERFLOW) {
            long[] arr = overflow.get(s);
            return multipathCount(arr) > 0 ? arr[HEADER] : Candidates.NONE;
        }
        return one != Candidates.NONE && order.eligible(one) ? one : Candidates.NONE;
    }

    /** Copies the multipath set (best first) into {@code out}; @return its size */
    public int multipath(long prefix, long[] out) {
        int s = index.find(prefix);
        if (s < 0) return 0;
        if (single.get(s) != OVERFLOW) {
            long best = best(s);
            if (best == Candidates.NONE) return 0;
            out[0] = best;
            return 1;
        }
        long[] arr = overflow.get(s);
        int k = Math.min(multipathCount(arr), out.length);
        System.arraycopy(arr, HEADER, out, 0, k);
        return k;
    }

    /** True when the candidate may be used (its next hop resolves); ADD-PATH send advertises only those. */
    public boolean eligible(long candidate) { return order.eligible(candidate); }

    /** All candidates, best first; @return how many (0 when the prefix is absent) */
    public int candidates(long prefix, long[] out) {
        int s = index.find(prefix);
        if (s < 0) return 0;
        long one = single.get(s);
        if (one != OVERFLOW) {
            if (one == Candidates.NONE) return 0;
            out[0] = one;
            return 1;
        }
        long[] arr = overflow.get(s);
        int n = Math.min(count(arr), out.length);
        System.arraycopy(arr, HEADER, out, 0, n);
        return n;
    }

    public int candidateCount(long prefix) {
        int s = index.find(prefix);
        if (s < 0) return 0;
        long one = single.get(s);
        return one == OVERFLOW ? count(overflow.get(s)) : one != Candidates.NONE ? 1 : 0;
    }

    /** Prefixes whose best came from {@code channel}. */
    public int preferred(int channel) { return preferred.get(channel); }

    /** Candidates held over all prefixes. */
    public int routeCount() { return routes; }

    /** Prefixes with at least one candidate. */
    public int size() { return prefixes; }

    /** Prefixes held with a single candidate (for tests and memory statistics). */
    public int singleCount() { return prefixes - overflow.size(); }

    public int overflowCount() { return overflow.size(); }

    /** A snapshot of the prefixes present now, for resumable walks (feeding a new peer, show route). */
    public long[] prefixes() {
        long[] out = new long[prefixes];
        int i = 0;
        int limit = index.limit();
        for (int s = 0; s < limit && i < out.length; s++) if (single.get(s) != Candidates.NONE) out[i++] = index.key(s);
        return out;
    }

    /**
     * Marks a present prefix for decision again although its candidates did not change (a next
     * hop's reachability or cost is about to); call before the change, so the result compares
     * with the old outcome.
     */
    public void touch(long prefix) {
        int s = index.find(prefix);
        if (s >= 0 && single.get(s) != Candidates.NONE) markDirty(s);
    }

    /** Marks a slot dirty once per round, remembering its multipath set; the mark holds an index reference. */
    private void markDirty(int s) {
        if (dirtyAt.get(s) > 0) return;
        index.retain(s);
        int at = before.size();
        dirtyAt.set(s, at + 1);
        dirtyCount++;
        dirty.add(s);
        long one = single.get(s);
        if (one == OVERFLOW) {
            long[] arr = overflow.get(s);
            int k = multipathCount(arr);
            before.add(k);
            for (int i = 0; i < k; i++) {
                before.add(arr[HEADER + i]);
                attrs.retain(Candidates.attrs(arr[HEADER + i]));
            }
        } else {
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

    private static int count(long[] arr) { return (int) arr[0]; }

    private static int multipathCount(long[] arr) { return (int) (arr[0] >>> 32); }
}
