package org.bgpd.rib.table;

import java.util.Arrays;

/**
 * A {@code long} per {@link PrefixIndex} slot, 0 by default, in chunks of 4,096 allocated on the
 * first non-zero write: it grows without copying what it holds, and a table that uses few slots
 * of a large index pays only for the chunks it touches.
 * <p>Owned by the RIB thread; not thread-safe.
 */
public final class SlotLongs {
    static final int BITS = 12;
    private static final int MASK = (1 << BITS) - 1;

    private long[][] chunks = new long[4][];

    public long get(int slot) {
        int c = slot >>> BITS;
        if (c >= chunks.length) return 0;
        long[] a = chunks[c];
        return a == null ? 0 : a[slot & MASK];
    }

    public void set(int slot, long value) {
        int c = slot >>> BITS;
        if (c >= chunks.length) {
            if (value == 0) return;
            chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length * 2));
        }
        long[] a = chunks[c];
        if (a == null) {
            if (value == 0) return;
            chunks[c] = a = new long[1 << BITS];
        }
        a[slot & MASK] = value;
    }

    /** Drops every chunk. */
    public void clear() { chunks = new long[4][]; }
}
