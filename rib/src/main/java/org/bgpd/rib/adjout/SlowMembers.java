package org.bgpd.rib.adjout;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongIterator;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

/**
 * The members of one update group whose session cannot take writes now (Netty channel not
 * writable), and for each the prefixes it missed. A blocked member is skipped when the group
 * sends; what it missed is kept as prefix keys, not messages, so its backlog is bounded by the
 * table size however long it stalls, and the group keeps moving for everyone else. Once writable
 * again the member catches up from the Adj-RIB-Out's current state (as BIRD and FRR let a slow
 * peer catch up from the table), a budget at a time.
 * Owned by the RIB thread; not thread-safe.
 */
final class SlowMembers {
    private final IntOpenHashSet blocked = new IntOpenHashSet();
    private final Int2ObjectOpenHashMap<LongOpenHashSet> missed = new Int2ObjectOpenHashMap<>();
    private final IntOpenHashSet endOfRibOwed = new IntOpenHashSet();

    boolean any() { return !blocked.isEmpty() || !missed.isEmpty(); }

    boolean isBlocked(int member) { return blocked.contains(member); }

    void writable(int member, boolean writable) {
        if (writable) blocked.remove(member);
        else blocked.add(member);
    }

    /** {@code member} did not get these prefixes' changes. */
    void missed(int member, long[] keys, int n) {
        LongOpenHashSet s = missed.get(member);
        if (s == null) missed.put(member, s = new LongOpenHashSet());
        for (int i = 0; i < n; i++) s.add(keys[i]);
    }

    void owesEndOfRib(int member) { endOfRibOwed.add(member); }

    /** Prefixes waiting for {@code member}, for tests and {@code show memory}. */
    int missedCount(int member) {
        LongOpenHashSet s = missed.get(member);
        return s == null ? 0 : s.size();
    }

    int missedTotal() {
        int n = 0;
        for (LongOpenHashSet s : missed.values()) n += s.size();
        return n;
    }

    /** A writable member with a backlog, or -1. */
    int nextToCatchUp() {
        for (int m : missed.keySet()) if (!blocked.contains(m)) return m;
        for (int m : endOfRibOwed) if (!blocked.contains(m) && !missed.containsKey(m)) return m;
        return -1;
    }

    /** Removes up to {@code max} keys of {@code member}'s backlog into {@code out}; @return how many */
    int take(int member, long[] out, int max) {
        LongOpenHashSet s = missed.get(member);
        if (s == null) return 0;
        int n = 0;
        LongIterator it = s.iterator();
        while (n < max && it.hasNext()) {
            out[n++] = it.nextLong();
            it.remove();
        }
        if (s.isEmpty()) missed.remove(member);
        return n;
    }

    /** True once (and then forgets it) when the member's backlog is gone and it still owes End-of-RIB. */
    boolean endOfRibDue(int member) {
        if (missed.containsKey(member) || blocked.contains(member)) return false;
        return endOfRibOwed.remove(member);
    }

    void forget(int member) {
        blocked.remove(member);
        missed.remove(member);
        endOfRibOwed.remove(member);
    }
}
