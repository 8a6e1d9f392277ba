package org.bgpd.bench;

import java.util.BitSet;

/**
 * Owned by the speaker thread; not thread-safe except {@link #held()}, which may lag. Which of a
 * scenario's prefixes one receiver holds: one bit per prefix, no object per prefix. Prefixes
 * the receiver originated itself ({@code ownFrom..ownTo}) are ignored.
 */
final class RouteCounter {
    private final PrefixIndex index;
    private final BitSet bits;
    private final int ownFrom;
    private final int ownTo;
    private final int expected;
    private volatile int held;
    private long doneNanos;

    RouteCounter(PrefixIndex index, int ownFrom, int ownTo) {
        this.index = index;
        this.bits = new BitSet(index.size());
        this.ownFrom = ownFrom;
        this.ownTo = ownTo;
        this.expected = index.size() - (ownTo - ownFrom);
    }

    /** True when this announcement completed the set. */
    boolean announced(int address, int length) {
        int i = index.index(address, length);
        if (i < 0 || (i >= ownFrom && i < ownTo) || bits.get(i)) return false;
        bits.set(i);
        held++;
        if (held == expected) {
            doneNanos = System.nanoTime();
            return true;
        }
        return false;
    }

    void withdrawn(int address, int length) {
        int i = index.index(address, length);
        if (i >= 0 && bits.get(i)) {
            bits.clear(i);
            held--;
        }
    }

    int held() { return held; }

    int expected() { return expected; }

    long doneNanos() { return doneNanos; }
}
