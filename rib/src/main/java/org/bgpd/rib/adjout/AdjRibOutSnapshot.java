package org.bgpd.rib.adjout;

import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.Long2LongMap;
import it.unimi.dsi.fastutil.longs.Long2LongMaps;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import org.bgpd.rib.route.AttrsTable;

/**
 * A frozen copy of an {@link AdjRibOut}'s state (key → {@code source << 32 | attrsId}): what a
 * member that left the group had been sent. It holds one reference per distinct attrs id, so an
 * id cannot be freed and reused for another set while the copy is compared against a live
 * table; {@link #release} gives them back. The copy is one array clone; the reference pass
 * touches each distinct id once (a few thousand in a real table).
 * <p>Owned by the RIB thread; not thread-safe.
 */
public final class AdjRibOutSnapshot {
    private final Long2LongOpenHashMap state;
    private final AttrsTable attrs;
    private int[] held;

    AdjRibOutSnapshot(Long2LongOpenHashMap state, AttrsTable attrs) {
        this.state = state;
        this.attrs = attrs;
        IntOpenHashSet ids = new IntOpenHashSet();
        for (Long2LongMap.Entry e : Long2LongMaps.fastIterable(state)) ids.add((int) e.getLongValue());
        this.held = ids.toIntArray();
        for (int id : held) attrs.retain(id);
    }

    /** The attrs id sent for {@code key}, 0 when none. */
    public int get(long key) { return (int) state.get(key); }

    /** The source peer of {@code key}'s route (meaningful when {@link #get} is not 0). */
    public int source(long key) { return (int) (state.get(key) >>> 32); }

    public boolean contains(long key) { return state.containsKey(key); }

    public long[] keys() { return state.keySet().toLongArray(); }

    public int size() { return state.size(); }

    /** Gives back the references; the snapshot must not be read afterwards. */
    public void release() {
        if (held == null) return;
        for (int id : held) attrs.release(id);
        held = null;
        state.clear();
    }
}
