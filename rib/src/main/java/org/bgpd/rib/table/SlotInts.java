package org.bgpd.rib.table;

import java.util.Arrays;

/**
 * An {@code int} per {@link PrefixIndex} slot, 0 by default, in lazily allocated chunks like
 * {@link SlotLongs}.
 * <p>Owned by the RIB thread; not thread-safe.
 */
public final class SlotInts {
    private static final int BITS = SlotLongs.BITS;
    private static final int MASK = (1 << BITS) - 1;

    private int[][] chunks = new int[4][];

    public int get(int slot) {
        int c = slot >>> BITS;
        if (c >= chunks.length) return 0;
        int[] a = chunks[c];
        return a == null ? 0 : a[slot & MASK];
    }

    public void set(int slot, int value) {
        int c = slot >>> BITS;
        if (c >= chunks.length) {
            if (value == 0) return;
            chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length * 2));
        }
        int[] a = chunks[c];
        if (a == null) {
            if (value == 0) return;
            chunks[c] = a = new int[1 << BITS];
        }
        a[slot & MASK] = value;
    }
}
