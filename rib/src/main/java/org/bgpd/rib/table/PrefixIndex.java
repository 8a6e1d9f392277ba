package org.bgpd.rib.table;

import it.unimi.dsi.fastutil.HashCommon;

/**
 * Interns {@code long} prefix keys ({@link PrefixKeys}) to dense {@code int} slots, so the
 * Loc-RIB and every update group's Adj-RIB-Out of one family are plain arrays indexed by one
 * shared slot ({@link SlotLongs}) rather than a hash map each: one table hashes the prefix, the
 * others cost 8 bytes a route and grow in chunks instead of doubling rehashes (OpenBGPD shares
 * one {@code pt_entry} per prefix the same way).
 * <p>The hash table is open addressing with linear probing over {@code int} entries (slot + 1);
 * the key lives once, in a chunked slot → key array. A slot is reference-counted by the tables
 * that hold it; at zero it is removed and its number reused, so flapping prefixes do not grow
 * the index. A lookup of the key looked up last is answered without hashing, which is the common
 * pattern: one prefix passes Adj-RIB-In, Loc-RIB and Adj-RIB-Out in a row.
 * <p>Owned by the RIB thread; not thread-safe.
 */
public final class PrefixIndex {
    private static final int BITS = SlotLongs.BITS;
    private static final int MASK = (1 << BITS) - 1;

    private int[] table = new int[16];
    private int mask = 15;
    private int size;
    private long[][] keys = new long[4][];
    private int[][] refs = new int[4][];
    /** Slots ever handed out; every live slot is below it. */
    private int limit;
    private int[] free = new int[16];
    private int freeCount;
    private long lastKey;
    private int lastSlot = -1;

    /** The slot of {@code key}, or -1. */
    public int find(long key) {
        if (lastSlot >= 0 && lastKey == key) return lastSlot;
        int h = (int) HashCommon.mix(key) & mask;
        int e;
        while ((e = table[h]) != 0) {
            if (key(e - 1) == key) return remember(key, e - 1);
            h = (h + 1) & mask;
        }
        return -1;
    }

    /**
     * The slot of {@code key}, adding it when absent. A new slot has no reference: the caller
     * must {@link #retain} it before anything can {@link #release} another slot.
     */
    public int slot(long key) {
        if (lastSlot >= 0 && lastKey == key) return lastSlot;
        int h = (int) HashCommon.mix(key) & mask;
        int e;
        while ((e = table[h]) != 0) {
            if (key(e - 1) == key) return remember(key, e - 1);
            h = (h + 1) & mask;
        }
        int s = freeCount > 0 ? free[--freeCount] : limit++;
        int c = s >>> BITS;
        if (c >= keys.length) {
            keys = java.util.Arrays.copyOf(keys, keys.length * 2);
            refs = java.util.Arrays.copyOf(refs, refs.length * 2);
        }
        if (keys[c] == null) {
            keys[c] = new long[1 << BITS];
            refs[c] = new int[1 << BITS];
        }
        keys[c][s & MASK] = key;
        refs[c][s & MASK] = 0;
        table[h] = s + 1;
        if (++size > (mask + 1) / 4 * 3) grow();
        return remember(key, s);
    }

    public void retain(int slot) { refs[slot >>> BITS][slot & MASK]++; }

    /** Drops a reference; the last one removes the key and frees the slot for reuse. */
    public void release(int slot) {
        if (--refs[slot >>> BITS][slot & MASK] > 0) return;
        remove(slot);
    }

    /** References held on {@code slot} (for tests). */
    public int refs(int slot) { return refs[slot >>> BITS][slot & MASK]; }

    /** The key a live slot stands for. */
    public long key(int slot) { return keys[slot >>> BITS][slot & MASK]; }

    /** {@link #key}, also making it the key looked up last: its tables are read next. */
    public long keyOf(int slot) {
        remember(key(slot), slot);
        return lastKey;
    }

    /** Keys interned now. */
    public int size() { return size; }

    /** Bound on the slot numbers handed out so far: walks over slots go up to it. */
    public int limit() { return limit; }

    private int remember(long key, int slot) {
        lastKey = key;
        lastSlot = slot;
        return slot;
    }

    private void remove(int slot) {
        long key = key(slot);
        int h = (int) HashCommon.mix(key) & mask;
        while (table[h] != slot + 1) h = (h + 1) & mask;
        // backward-shift deletion keeps every probe chain unbroken without tombstones
        int last = h;
        int pos = h;
        for (;;) {
            pos = (pos + 1) & mask;
            int e = table[pos];
            if (e == 0) break;
            int ideal = (int) HashCommon.mix(key(e - 1)) & mask;
            boolean stays = last <= pos ? last < ideal && ideal <= pos : last < ideal || ideal <= pos;
            if (stays) continue;
            table[last] = e;
            last = pos;
        }
        table[last] = 0;
        size--;
        if (freeCount == free.length) free = java.util.Arrays.copyOf(free, freeCount * 2);
        free[freeCount++] = slot;
        if (lastSlot == slot) lastSlot = -1;
    }

    private void grow() {
        int[] old = table;
        table = new int[old.length * 2];
        mask = table.length - 1;
        for (int e : old) {
            if (e == 0) continue;
            int h = (int) HashCommon.mix(key(e - 1)) & mask;
            while (table[h] != 0) h = (h + 1) & mask;
            table[h] = e;
        }
    }
}
